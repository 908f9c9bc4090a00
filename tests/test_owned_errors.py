"""An error told as one's own is ownership.

Found answering "Tell me about a mistake you made in patient care" as a returner: an answer that
began "I entered a study participant's potassium result into the wrong visit", said who was told
the same day and what changed, failed Ownership ("No sentence names your own part") and was told
first of all to add one. The lexicon's ownership list now reads an act of one's own that the same
clause calls wrong (the `later_any` condition: "I" with "wrong", "incorrectly", "by mistake"
words later in its clause), and the plain verbs of a slip ("I misread", "I mixed up"); an error
seen in someone else's work, asked about or denied is not one's own."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import practice, text
from matchtui.models.lexicon import PhraseEntry
from matchtui.models.practice import CheckResult

GOOD = (
    "During my second month as a research coordinator in 2023, I entered a study participant's "
    "potassium result into the wrong visit in our database. The coordinator who audited the file "
    "the next week caught it before the data were analysed. I told the principal investigator the "
    "same day, corrected the entry, and went back through my other forty entries from that month. "
    "I now enter values straight from the lab report, and I will work that way as an intern."
)

OWNED = {
    "wrong_object": "In 2024 I gave the patient in bed 4 the wrong discharge instructions.",
    "incorrectly": "On my second night shift I charted the insulin dose incorrectly.",
    "accidentally": "I accidentally sent the referral to a clinic in Dayton.",
    "misread": "I misread a potassium of 5.8 as 3.8 on a busy clinic morning in 2023.",
    "mixed_up": "I mixed up two patients with the same surname on the ward in 2022.",
    "did_not_notice": "I did not notice that the allergy list was out of date in March 2024.",
    # a conflict answer's own part: said in front of the team, then an apology
    "apology": "In 2024 I said so in front of the team, and afterwards I apologised to her.",
    # a SOAP answer's own part: no plan for not matching
    "no_plan": "SOAP in 2021 taught me that I had no plan for not matching.",
}

NOT_OWNED = {
    "someone_else": "In 2024 I noticed the nurse had hung the wrong bag of fluids.",
    "other_clause": "I paged the resident in 2023 because the order was wrong.",
    "asked": "In 2023 I asked the pharmacist what was wrong with the order.",
    "denied": "I did nothing wrong in 2023, and the audit showed it.",
    "do_not_know": "I still don't know what went wrong with my 2021 application.",
    "told": "I was told the wrong date for the exam in 2022.",
    "think": "I think the schedule in 2023 was wrong for everyone.",
}


def _ownership(answer: str, catalog: Catalog) -> CheckResult:
    feedback = practice.analyse("mistake", answer, None, catalog)
    return next(check for check in feedback.checks if check.id == "ownership")


def test_the_answer_that_failed_now_passes(catalog: Catalog) -> None:
    check = _ownership(GOOD, catalog)
    assert check.status == "pass", check.detail
    assert "I entered a study participant's potassium result into the wrong" in check.matches


@pytest.mark.parametrize("answer", OWNED.values(), ids=OWNED.keys())
def test_an_error_of_ones_own_is_ownership(catalog: Catalog, answer: str) -> None:
    assert _ownership(answer, catalog).status == "pass"


@pytest.mark.parametrize("answer", NOT_OWNED.values(), ids=NOT_OWNED.keys())
def test_an_error_seen_asked_about_or_denied_is_not(catalog: Catalog, answer: str) -> None:
    check = _ownership(answer, catalog)
    assert check.status == "fail", (check.detail, check.matches)


def test_later_any_looks_twelve_words_ahead_within_the_clause() -> None:
    matcher = text.Matcher([PhraseEntry(phrase="I", later_any=["wrong"])])
    found = [h.found for h in matcher.find("Then I put the result into the wrong chart.")]
    assert found == ["I put the result into the wrong"]
    far = "I put the result of the third sample from the morning into the wrong chart."
    assert matcher.find(far) == []  # "wrong" is the 14th word after "I"
    assert matcher.find("I put it away. The chart was wrong.") == []
    assert matcher.find("I put it away, and the chart was wrong.") == []
    assert matcher.find("I never put anything in the wrong chart.") == []
