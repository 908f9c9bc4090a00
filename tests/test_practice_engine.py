"""The answer analysis engine: checks, evidence, phrase matching, score, progress.

Every answer here was written for these tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchtui.engine.practice import (
    Matcher,
    analyse,
    compiled,
    count_words,
    progress,
    split_sentences,
)
from matchtui.models.practice import Attempt, Feedback, PracticeLog
from matchtui.models.questions import PhraseEntry, question_bank

STRONG_RETURNER = (
    "I applied to emergency medicine in 2021 and did not match. In hindsight my list was far "
    "too short: I applied to twenty-two programs, mostly in two large cities, and my Step 2 "
    "score of 226 needed a much broader approach. I stepped away afterwards and worked as a "
    "project manager at an insurance company for two years while I paid down loans and decided "
    "whether I still belonged in medicine. That time away taught me that I wanted continuity "
    "with patients more than the pace of the emergency department. Since March 2024 I have "
    "worked full time as a scribe for a group of internists at a community hospital in Omaha, "
    "and I passed Step 3 in January. I am applying to internal medicine now because I have seen "
    "its daily work up close for eighteen months, and I am ready to commit to it."
)

VAGUE = (
    "It got hard, so I took a break from medicine for a while. I did some other things and "
    "thought about what I really wanted. Now I miss patients and I want to come back."
)

BLAMING_SENTENCE = (
    "I did not match because the system is rigged against people who trained where I did."
)
BLAMING = (
    f"{BLAMING_SENTENCE} I had decent scores and good grades. After the Match I worked in "
    "pharmaceutical sales for three years. I have now passed Step 3 and I am ready to start."
)

GENERIC_REGION = (
    "I love your city. The weather is wonderful and the food scene is amazing, and I have always "
    "wanted to live somewhere with this much going on. Everyone I met on interview day was "
    "friendly, and the hospital looks modern. It seems like a great place to live and train, and "
    "I would be excited to join."
)

CONCRETE_REGION = (
    "My husband and I both grew up in Spokane, and his parents still live ten minutes from the "
    "hospital. I did a four-week sub-internship on your family medicine service in 2025 and "
    "returned in the spring for an elective in your rural track. Two of my letters come from "
    "faculty who supervised me there. We bought a house in the South Hill neighbourhood last "
    "year, and we plan to stay in eastern Washington for the rest of our careers."
)

CONFESSIONAL_PARAGRAPHS = [
    "Where do I even start with this. I have thought about this question every single day for "
    "four years, and I want to be completely open with you about all of it, because I think "
    "you deserve the whole story and not some polished version of it. When I was a child I "
    "always said I would be a surgeon like my uncle, and everyone in my family repeated it back "
    "to me at every holiday, so by the time I got to college it felt less like a choice and more "
    "like a debt I owed to all of them.",
    "Medical school was harder than I expected. I was lonely in the first year, I did not sleep "
    "well, and I spent a lot of nights wondering whether I had made a terrible mistake. My "
    "grandmother was sick for most of my second year, and I flew home almost every other "
    "weekend, which meant my studying fell apart, and I did not tell anyone at school what was "
    "going on because I was embarrassed and did not want special treatment from anyone.",
    "Then came the application year. I applied to general surgery because I could not imagine "
    "telling my family anything else. I remember refreshing my email over and over in the fall "
    "and getting almost nothing. I had three interviews, and in every one of them I felt like I "
    "was pretending to be somebody else. On Match Monday I sat in my car in the parking garage "
    "for two hours before I could bring myself to walk into the building and see my classmates.",
    "After that I honestly fell apart for a while. I moved back in with my parents, I stopped "
    "answering messages from friends, and I took a job at a bookstore because it was quiet and "
    "nobody there knew me. I felt like a failure every morning. My mother would leave articles "
    "about other careers on the kitchen table, and my father stopped asking about medicine "
    "entirely, which hurt more than any conversation we could have had about it.",
    "Slowly things got better. I started running again, I saw a therapist every week for almost "
    "a year, and I began volunteering at a clinic downtown on Saturdays. At first I only checked "
    "people in at the front desk, but after a few months one of the doctors let me take "
    "histories and present them to her, and I remembered what I had loved about this work in "
    "the first place, before it turned into a promise I had made to everyone else.",
    "There were setbacks in that stretch too. I applied to a research job at the university "
    "and never heard back, and a friend from medical school who had matched in surgery came to "
    "visit and talked for an entire evening about her program, and I smiled through all of it "
    "and then cried in the shower afterwards. I kept a journal during that time, and reading it "
    "now I barely recognise the person who wrote it.",
    "So here I am, years later, sitting in front of you, and I still get nervous talking about "
    "all of this. I know my path looks strange on paper, and I know there are applicants with "
    "cleaner records than mine. I have spent a long time thinking about what went wrong, and I "
    "still do not have every answer. But I wanted you to hear it from me, honestly and all at "
    "once, because I have kept it bottled up for far too long and I am tired of hiding it from "
    "the people who are deciding my future.",
]
CONFESSIONAL = " ".join(CONFESSIONAL_PARAGRAPHS)


def run(catalog: Any, question: str, text: str, seconds: float | None = None) -> Feedback:
    return analyse(question, text, seconds, catalog)


def status(feedback: Feedback, check: str) -> str | None:
    return feedback.status(check)


# -- the "Done means" cases ---------------------------------------------------------------------
def test_strong_returner_answer_passes_the_returner_checks(catalog: Any) -> None:
    fb = run(catalog, "what_happened", STRONG_RETURNER)
    for check in ("ownership", "no_blame", "specifics", "readiness", "forward_close", "arc"):
        assert status(fb, check) == "pass", (check, fb.check(check))
    arc = fb.check("arc")
    assert arc is not None and arc.detail == "All four parts are there."
    ownership = fb.check("ownership")
    assert ownership is not None
    assert ownership.evidence == [
        "In hindsight my list was far too short: I applied to twenty-two programs, mostly in two "
        "large cities, and my Step 2 score of 226 needed a much broader approach.",
        # Leaving, said in the first person, is the applicant's own decision too.
        "I stepped away afterwards and worked as a project manager at an insurance company for "
        "two years while I paid down loans and decided whether I still belonged in medicine.",
    ]
    assert fb.score >= 90


def test_vague_answer_fails_specifics_and_readiness(catalog: Any) -> None:
    fb = run(catalog, "what_happened", VAGUE)
    assert status(fb, "specifics") == "fail"
    assert status(fb, "readiness") == "fail"
    assert status(fb, "ownership") == "fail"
    # It ends on missing patients: looking back, not ahead.
    close = fb.check("forward_close")
    assert close is not None and close.status != "pass"
    assert close.evidence == ["Now I miss patients and I want to come back."]
    arc = fb.check("arc")
    assert arc is not None and arc.status != "pass" and "what changed" in arc.detail
    assert fb.score < 50


def test_blaming_answer_fails_no_blame_quoting_the_sentence(catalog: Any) -> None:
    fb = run(catalog, "what_happened", BLAMING)
    blame = fb.check("no_blame")
    assert blame is not None and blame.status == "fail"
    assert blame.evidence == [BLAMING_SENTENCE]
    assert "the system is" in blame.matches and "rigged" in blame.matches
    assert blame.rule.startswith("No sentence puts the outcome on the system")
    assert fb.top_fixes[0].check in {"ownership", "no_blame"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The match is a lottery and lots of good people do not match.",
        "In the end it is just a numbers game.",
        "Good applicants go unmatched every year.",
        "It was a crapshoot that year.",
        "I was in the wrong place at the wrong time.",
    ],
)
def test_calling_the_match_a_lottery_is_blame(catalog: Any, sentence: str) -> None:
    """Putting the outcome on chance ('a lottery', 'a numbers game') passed as no blame."""
    text = f"{sentence} I applied to twenty programs in 2023. I will apply more widely."
    blame = run(catalog, "why_unmatched", text).check("no_blame")
    assert blame is not None and blame.status == "fail" and blame.evidence == [sentence]


def test_saying_it_was_not_a_lottery_is_not_blame(catalog: Any) -> None:
    text = (
        "The match is not a lottery: my list was too short. I applied to twenty programs in "
        "2023 and I will apply to sixty."
    )
    assert status(run(catalog, "why_unmatched", text), "no_blame") == "pass"


def test_rejecting_blame_is_not_blame(catalog: Any) -> None:
    text = (
        "It would be easy to blame the system or bad luck, but the truth is that my application "
        "was thin. I applied to too few programs in 2022. I have since worked for a year as a "
        "scribe and I am ready to train."
    )
    fb = run(catalog, "why_unmatched", text)
    assert status(fb, "no_blame") == "pass"
    assert status(fb, "ownership") == "pass"


@pytest.mark.parametrize(
    ("sentence", "blames"),
    [
        ("It was not my fault.", True),
        ("It wasn't my fault.", True),
        ("Honestly, it was not on me.", True),
        ("There was nothing I could have done.", True),
        ("Leaving was not my decision.", False),
        ("It was never my mistake.", False),
    ],
)
def test_denying_your_part_is_not_ownership(catalog: Any, sentence: str, blames: bool) -> None:
    """'It was not my fault' counted as naming one's own part ('my fault'): an answer that only
    denies it was told it owned the outcome. A denial names no part, and denying fault is
    deflection."""
    text = f"{sentence} The interviews in 2023 were short. I will apply to sixty programs."
    fb = run(catalog, "why_unmatched", text)
    assert status(fb, "ownership") == "fail"
    blame = fb.check("no_blame")
    assert blame is not None
    assert (sentence in blame.evidence) is blames


@pytest.mark.parametrize(
    "sentence",
    [
        "It was my fault: I applied too late.",
        "That was on me.",
        "It was my decision to leave.",
        "I applied to surgery because I thought I wanted procedures.",
        "I was frustrated with the schedule and let it show on rounds.",
    ],
)
def test_owning_your_part_still_counts(catalog: Any, sentence: str) -> None:
    text = f"{sentence} The interviews in 2023 were short. I will apply to sixty programs."
    fb = run(catalog, "why_unmatched", text)
    assert status(fb, "ownership") == "pass"
    assert status(fb, "no_blame") == "pass"


VIRTUES = (
    "Resilience, leadership, teamwork, compassion, communication, professionalism, empathy, "
    "dedication, passion for medicine, lifelong learning, patient-centered care, evidence-based "
    "medicine, quality improvement, interdisciplinary collaboration, cultural competence, work "
    "ethic."
)


def test_a_keyword_string_says_its_words_were_not_counted(catalog: Any) -> None:
    """A 25-word list of virtues was shown as '25 words, about 0 s spoken' and '0 words at 140
    wpm': both numbers true, neither saying why. The feedback now says how many words count
    toward the time and that keyword strings and repeats are left out."""
    fb = run(catalog, "greatest_strength", VIRTUES)
    total = count_words(VIRTUES)
    assert fb.words == total and fb.counted_words == 0 and fb.spoken_seconds == 0
    assert fb.words_text() == (
        f"{total} words (0 counted: repeats, keyword strings and bare claims left out)"
    )
    length = fb.check("length")
    assert length is not None and length.status == "fail"
    assert f"0 of {total} words counted" in length.detail
    plain = run(
        catalog, "why_unmatched", "I applied to twenty programs in 2023. I will apply to sixty."
    )
    assert plain.counted_words == plain.words and plain.words_text() == f"{plain.words} words"
    length = plain.check("length")
    assert length is not None and f"({plain.words} words at 140 wpm)" in length.detail


CARER = (
    "I left residency in 2019 after my mother was diagnosed with cancer and I became her "
    "full-time carer. I stepped away because nobody else in the family could do it. {changed} "
    "I passed Step 3 in March and I am ready to finish training. I am applying to family "
    "medicine because continuity of care is the work I want to do."
)


@pytest.mark.parametrize(
    "changed",
    [
        "She is well now and my brother lives near her.",
        "She has recovered, and my brother lives near her.",
        "Her cancer is in remission.",
        "Over the past two years I have worked as a medical assistant in a family practice.",
    ],
)
def test_a_resolved_reason_for_leaving_is_what_changed(catalog: Any, changed: str) -> None:
    """A carer whose reason for leaving has resolved ('she is well now') or who names what they
    have done since ('over the past two years') was told the story lacked what changed."""
    fb = run(catalog, "why_left_medicine", CARER.format(changed=changed))
    arc = fb.check("arc")
    assert arc is not None and arc.status == "pass", arc.detail
    assert changed in arc.evidence


def test_six_hundred_word_confessional_fails_length(catalog: Any) -> None:
    words = count_words(CONFESSIONAL)
    assert 560 <= words <= 640
    fb = run(catalog, "what_happened", CONFESSIONAL)
    length = fb.check("length")
    assert length is not None and length.status == "fail"
    assert fb.spoken_seconds > 2 * fb.target_seconds[1]
    # The quoted sentence is where the 120-second band runs out (280 words at 140 wpm).
    assert len(length.evidence) == 1
    cut = CONFESSIONAL.index(length.evidence[0])
    assert (
        count_words(CONFESSIONAL[:cut])
        <= 280
        < count_words(CONFESSIONAL[: cut + len(length.evidence[0])])
    )
    assert any(fix.check == "length" for fix in fb.top_fixes) or fb.score < 50


def test_generic_region_answer_fails_ties_and_concrete_one_passes(catalog: Any) -> None:
    generic = run(catalog, "why_region", GENERIC_REGION)
    ties = generic.check("ties")
    assert ties is not None and ties.status == "fail"
    assert "I love your city." in ties.evidence  # praise quoted as what stood in for ties
    assert status(generic, "plan_to_stay") == "fail"
    assert status(generic, "local_activity") == "fail"

    concrete = run(catalog, "why_region", CONCRETE_REGION)
    for check in ("ties", "local_activity", "plan_to_stay", "specifics", "forward_close"):
        assert status(concrete, check) == "pass", (check, concrete.check(check))
    assert concrete.score > generic.score + 40


def test_also_likely_and_so_called_raise_no_filler_flags(catalog: Any) -> None:
    text = (
        "I also worked nights at a so-called swing clinic in 2024, which likely taught me more "
        "than any lecture. So-called easy shifts were rare, and I also learned to chart fast. "
        "I would like to keep that pace, and I likely will. Also, I passed Step 3 last year."
    )
    fb = run(catalog, "tell_me_about_yourself", text)
    assert fb.fillers == []
    fillers = fb.check("fillers_hedges")
    assert fillers is not None and fillers.status == "pass" and fillers.evidence == []


def test_you_know_and_to_be_honest_match_as_phrases(catalog: Any) -> None:
    text = (
        "To be honest, the first year was rough. You know, I had never worked nights before. "
        "As you know, residents cover the wards at night, and I know that well now. "
        "Um, I learned to ask for help early and I am ready to do that here."
    )
    fb = run(catalog, "tell_me_about_yourself", text)
    assert fb.fillers == ["To be honest", "You know", "Um"]  # as written
    fillers = fb.check("fillers_hedges")
    assert fillers is not None and fillers.status == "fail"
    assert "As you know, residents cover the wards at night, and I know that well now." not in (
        fillers.evidence
    )


def test_honestly_opening_a_sentence_is_a_filler_with_or_without_a_comma(catalog: Any) -> None:
    text = (
        "Honestly I have not made many mistakes on the wards. Honestly, the team checked most "
        "orders in 2024. I answered honestly when my attending asked me about it."
    )
    assert run(catalog, "mistake", text).fillers == ["Honestly", "Honestly"]


def test_hedges_flagged_only_where_the_answer_must_be_firm(catalog: Any) -> None:
    middle_hedge = (
        "I did not match in 2022 and I take responsibility for a list that was too short. "
        "Maybe the city I was in made it harder to see that at the time. Since 2023 I have "
        "worked every week as a scribe in an internal medicine clinic. I passed Step 3 in 2024, "
        "and I am ready to commit to internal medicine."
    )
    fb = run(catalog, "why_unmatched", middle_hedge)
    assert fb.hedges == []  # "maybe" sits in a narrative sentence, not a firm one
    firm_hedge = middle_hedge.replace("and I am ready", "and I think I am probably ready")
    fb = run(catalog, "why_unmatched", firm_hedge)
    assert fb.hedges == ["I think", "probably"]
    check = fb.check("fillers_hedges")
    assert check is not None and check.evidence == [
        "I passed Step 3 in 2024, and I think I am probably ready to commit to internal medicine."
    ]


def test_a_hedged_commitment_mid_answer_is_flagged(catalog: Any) -> None:
    """'I kind of think I'm ready, I guess' is a claim about what comes next, hedged twice; only
    'maybe' (in the last sentence) was flagged, as the sentence neither owned the past nor named
    clinical work."""
    text = (
        "Um, so, like, I basically took time off, you know, and, um, I kind of think I'm ready, "
        "I guess. I mean, I maybe could do well. Yeah."
    )
    fb = run(catalog, "why_unmatched", text)
    assert {"kind of", "I guess", "maybe"} <= set(fb.hedges)


@pytest.mark.parametrize(
    "sentence",
    [
        "The program directors never gave me a fair chance.",
        "Programs did not give me a fair shot because of my visa.",
        "My school's advising was terrible.",
        "I never stood a chance with the programs I picked.",
        "I was never given a fair look.",
    ],
)
def test_unfair_chances_and_poor_advising_are_blame(catalog: Any, sentence: str) -> None:
    """'never gave me a fair chance' and 'my school's advising was terrible' put the outcome on
    others and passed the blame check (only 'never gave me a chance' was listed)."""
    text = f"{sentence} I applied to twenty programs in 2023. I will apply more widely."
    blame = run(catalog, "why_unmatched", text).check("no_blame")
    assert blame is not None and blame.status == "fail" and blame.evidence == [sentence]


def test_a_weakness_told_as_ones_own_habit_is_ownership(catalog: Any) -> None:
    """A real weakness, told as the applicant's own habit and its cost, failed the ownership
    check: 'I used to' and 'before I told my supervisor' were not read as naming one's part."""
    text = (
        "I used to avoid asking for help early. In 2022, during my research job, I spent two "
        "weeks stuck on a data problem before I told my supervisor, and we missed a deadline "
        "because of it. Since then I set a rule: if I am stuck for more than a day, I ask. Over "
        "the past year I have checked in with my supervisor every Monday, and our last two "
        "reports went out on time. I will bring that habit to residency."
    )
    fb = run(catalog, "greatest_weakness", text)
    assert status(fb, "ownership") == "pass"
    assert status(fb, "real_weakness") == "pass"


def test_kind_of_as_a_noun_phrase_is_not_a_hedge(catalog: Any) -> None:
    text = (
        "I made the decision to leave in 2021, and that was the kind of choice I should have "
        "tested first. Since then I have worked every week in a clinic. I know what kind of "
        "doctor I want to be, and I am ready to train as one."
    )
    fb = run(catalog, "what_changed", text)
    assert fb.hedges == []


# -- strong beats weak --------------------------------------------------------------------------
WEAK_ANSWERS = [
    VAGUE,
    BLAMING,
    GENERIC_REGION,
    "Um, I guess I just, you know, really like it. It is interesting and I like the people. "
    "To be honest I am not sure what else to say about it, basically.",
]


def test_every_example_answer_outscores_every_weak_answer(catalog: Any) -> None:
    bank = question_bank(catalog)
    for question in bank.questions:
        example = analyse(question, question.example, None, catalog)
        for weak in WEAK_ANSWERS:
            other = analyse(question, weak, None, catalog)
            assert example.score > other.score, (question.id, weak[:30], other.score)


@pytest.mark.parametrize(
    ("question", "strong", "weak"),
    [
        ("what_happened", STRONG_RETURNER, VAGUE),
        ("what_happened", STRONG_RETURNER, BLAMING),
        ("what_happened", STRONG_RETURNER, CONFESSIONAL),
        ("why_now", STRONG_RETURNER, VAGUE),
        ("why_unmatched", STRONG_RETURNER, BLAMING),
        ("why_region", CONCRETE_REGION, GENERIC_REGION),
        ("will_you_stay", CONCRETE_REGION, GENERIC_REGION),
    ],
)
def test_strong_outscores_weak(catalog: Any, question: str, strong: str, weak: str) -> None:
    assert run(catalog, question, strong).score > run(catalog, question, weak).score


# -- evidence, score, fixes ---------------------------------------------------------------------
def test_evidence_spans_point_at_the_quoted_sentences(catalog: Any) -> None:
    text = "  " + STRONG_RETURNER.replace("did not match.", "did not match.\n\n")
    fb = run(catalog, "what_happened", text)
    spans = 0
    for check in fb.checks:
        assert len(check.evidence) == len(check.spans)
        for quote, span in zip(check.evidence, check.spans, strict=True):
            assert text[span.start : span.end] == quote
            spans += 1
    assert spans > 5


def test_score_uses_data_weights_and_status_values(catalog: Any) -> None:
    fb = run(catalog, "what_happened", VAGUE)
    lex = compiled(catalog).lexicon
    values = lex.thresholds.status_values
    counted = [c for c in fb.checks if c.status != "n/a"]
    expected = 100 * sum(c.weight * values[c.status] for c in counted)  # type: ignore[index]
    expected /= sum(c.weight for c in counted)
    assert fb.score == round(expected)
    assert all(c.weight == lex.check(c.id).weight for c in fb.checks)


def test_top_fixes_put_failures_first_by_weight(catalog: Any) -> None:
    fb = run(catalog, "what_happened", VAGUE)
    assert len(fb.top_fixes) == 2
    failing = sorted((c for c in fb.checks if c.status == "fail"), key=lambda c: -c.weight)
    assert [f.check for f in fb.top_fixes] == [c.id for c in failing[:2]]
    assert all(f.text for f in fb.top_fixes)


def test_length_fix_names_the_word_range(catalog: Any) -> None:
    fb = run(catalog, "step3_status", CONFESSIONAL)
    texts = {f.check: f.text for f in fb.top_fixes}
    if "length" in texts:
        assert "47-140 words" in texts["length"]
    length = fb.check("length")
    assert length is not None and length.status == "fail"


def test_empty_answer_is_all_not_applicable(catalog: Any) -> None:
    fb = run(catalog, "why_region", "   \n ")
    assert fb.score == 0 and fb.words == 0 and fb.top_fixes == []
    assert {c.status for c in fb.checks} == {"n/a"}


def test_only_the_questions_checks_run(catalog: Any) -> None:
    fb = run(catalog, "tell_me_about_yourself", STRONG_RETURNER, seconds=95.0)
    assert [c.id for c in fb.checks] == ["specifics", "forward_close", "length", "fillers_hedges"]
    assert fb.seconds == 95.0
    assert fb.target_seconds == (45, 90)
    assert fb.words_per_minute == 140
    assert fb.spoken_seconds == round(fb.words * 60 / 140, 1)


def test_unknown_question_id_raises_key_error(catalog: Any) -> None:
    with pytest.raises(KeyError):
        analyse("no_such_question", "text", None, catalog)


def test_json_has_the_documented_keys(catalog: Any) -> None:
    data = run(catalog, "why_region", CONCRETE_REGION, 80).model_dump(mode="json")
    for key in ("question", "words", "spoken_seconds", "target_seconds", "score", "checks"):
        assert key in data
    assert data["target_seconds"] == [45, 90]
    assert set(data["checks"][0]) >= {"id", "status", "evidence", "rule"}
    assert isinstance(data["top_fixes"], list)
    # The screen and CLI say which inputs are assumptions, not published figures.
    assert data["assumptions"] == ["speaking rate (140 wpm)", "target bands", "score weights"]


# -- text handling ------------------------------------------------------------------------------
def test_sentences_split_on_punctuation_and_breaks_but_not_titles() -> None:
    text = "I worked with Dr. Okafor in St. Paul. It was weekly!\nThen I applied in the U.S. too"
    abbreviations = frozenset({"dr", "st", "u.s"})
    spans = split_sentences(text, abbreviations)
    assert [text[s.start : s.end] for s in spans] == [
        "I worked with Dr. Okafor in St. Paul.",
        "It was weekly!",
        "Then I applied in the U.S. too",
    ]


def test_matcher_word_boundaries_phrases_and_conditions() -> None:
    matcher = Matcher(
        [
            "so",
            "like",
            "you know",
            "discriminat*",
            PhraseEntry(phrase="kind of", not_after=["what"]),
            PhraseEntry(phrase="well,", at_start=True),
        ]
    )
    text = (
        "Also, likely so-called. So I know. You  know it. They discriminated. What kind of "
        "answer is kind of weak? Well, fine. It went well, mostly."
    )
    starts = [s.start for s in split_sentences(text)]
    found = [hit.found.lower() for hit in matcher.find(text, starts)]
    assert found == ["so", "you  know", "discriminated", "kind of", "well,"]


def test_curly_apostrophes_match_straight_phrases(catalog: Any) -> None:
    fb = run(
        catalog, "why_unmatched", "I didn\u2019t match in 2022. It wasn\u2019t my fault at all."
    )
    blame = fb.check("no_blame")
    assert blame is not None and blame.status == "fail"
    assert blame.evidence == ["It wasn\u2019t my fault at all."]


def test_lexicon_is_compiled_once_per_catalog(catalog: Any) -> None:
    assert compiled(catalog) is compiled(catalog)


# -- progress -----------------------------------------------------------------------------------
def _attempt(question: str, score: int, minute: int) -> Attempt:
    return Attempt(
        question=question,
        time=dt.datetime(2026, 11, 23, 9, minute),
        score=score,
        text="answer",
        words=1,
    )


def test_progress_per_question(catalog: Any) -> None:
    log = PracticeLog(
        attempts=[
            _attempt("why_region", 40, 1),
            _attempt("what_happened", 55, 2),
            _attempt("why_region", 70, 3),
            _attempt("why_region", 61, 4),
            _attempt("retired_question", 10, 5),
        ]
    )
    rows = progress(log, catalog)
    assert [r.question_id for r in rows] == ["why_region", "what_happened", "retired_question"]
    region = rows[0]
    assert (region.attempts, region.best, region.last, region.trend) == (3, 70, 61, [40, 70, 61])
    assert region.average == pytest.approx(57.0)
    assert region.prompt.startswith("Why do you want to train")
    assert region.first_time == dt.datetime(2026, 11, 23, 9, 1)
    assert region.last_time == dt.datetime(2026, 11, 23, 9, 4)
    assert rows[2].prompt == "(no longer in the question bank)"
    assert progress(PracticeLog(), catalog) == []


def test_words_in_any_script_count_once(catalog: Any) -> None:
    text = "José and Zoë trained in Québec in 2021. So-called naïve questions didn't stop them."
    fb = run(catalog, "tell_me_about_yourself", text)
    assert fb.words == count_words(text) == 14
    assert fb.fillers == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_analysed_without_error(catalog: Any, text: str) -> None:
    fb = analyse("what_happened", text, None, catalog)
    assert 0 <= fb.score <= 100
    assert fb.words == count_words(text)
    for check in fb.checks:
        for quote, span in zip(check.evidence, check.spans, strict=True):
            assert text[span.start : span.end] == quote


CHANGED_THIS_TIME = (
    "After I went unmatched in 2021 I took a job as a clinical research coordinator in Madison. "
    "For eighteen months I have followed about forty heart failure patients a week with the "
    "internists who run the clinic. I learned that I had applied to surgery for the wrong "
    "reasons, and my letters came from people who barely knew me. This time I have two letters "
    "from internists who supervise my work every week, and I passed Step 3 in 2024."
)


def test_an_answer_that_names_its_own_part_in_other_words_shows_ownership(catalog: Any) -> None:
    """'I learned that I had applied ... for the wrong reasons' is the applicant's own part, and
    an answer that closes on 'This time I have ...' looks ahead (both failed before)."""
    fb = run(catalog, "different_this_time", CHANGED_THIS_TIME)
    assert status(fb, "ownership") == "pass"
    ownership = fb.check("ownership")
    assert ownership is not None
    assert any("wrong reasons" in quote for quote in ownership.evidence)
    assert status(fb, "forward_close") == "pass"


WORKS_THERE = (
    "My wife grew up in Spokane and her parents still live ten minutes from the hospital. We "
    "spent every summer there for the past six years, and since January I have worked as a "
    "scribe at the community hospital two days a week. We bought a house there last spring, and "
    "I intend to practise in eastern Washington after residency."
)


def test_work_there_described_as_a_role_counts_as_local_activity(catalog: Any) -> None:
    """'I have worked as a scribe at ...' on 'every summer there' is sustained activity in the
    region (it read as none before)."""
    fb = run(catalog, "why_region", WORKS_THERE)
    assert status(fb, "local_activity") == "pass"


def test_a_strength_in_disguise_is_not_a_weakness(catalog: Any) -> None:
    """'I am a perfectionist and I work too hard' dodges the weakness question; a real weakness
    with the habit built to manage it passes (no check looked at this before)."""
    dodge = run(
        catalog,
        "greatest_weakness",
        "My greatest weakness is that I am a perfectionist and I work too hard. Sometimes I "
        "care too much about my patients, and I will keep working on that balance.",
    )
    assert status(dodge, "real_weakness") == "fail"
    assert dodge.top_fixes[0].check == "real_weakness"
    real = run(
        catalog,
        "greatest_weakness",
        "My weakness has been asking for help too late. On my medicine clerkship in 2024 I spent "
        "half an hour on a discharge I did not understand before I asked my resident. Since then "
        "I ask after ten minutes, and I will keep that rule in residency.",
    )
    assert status(real, "real_weakness") == "pass"


def test_a_short_answer_with_an_example_is_asked_for_depth_not_an_example(catalog: Any) -> None:
    """A short answer whose detail passes is not told to 'add one concrete example' (it was)."""
    fb = run(
        catalog,
        "why_specialty",
        "During my clerkship at County General in 2023 I followed a man with new heart failure "
        "from admission to his first clinic visit, and I adjusted his diuretics with my "
        "attending every morning for nine days. Seeing him walk into clinic three weeks later "
        "is why I want this work. I will bring that persistence to your program.",
    )
    assert status(fb, "specifics") == "pass"
    assert status(fb, "length") in ("warn", "fail")
    assert "the example you gave" in fb.top_fixes[0].text
    assert "add one concrete example" not in fb.top_fixes[0].text


# -- what a fix asks for --------------------------------------------------------------------------
THREE_PARTS = (
    "I took a job in health tech in 2020. That work taught me that I missed patients. "
    "Since March I have volunteered weekly at a free clinic in Ohio. I am ready to come back now."
)


def test_a_story_missing_one_part_is_told_which(catalog: Any) -> None:
    """With three of the four parts there, the fixes asked for all four again ('Give each of
    the four parts ...') and a short answer was told to 'add four-part story'."""
    fb = run(catalog, "why_left_medicine", THREE_PARTS)
    arc = fb.check("arc")
    assert arc is not None and arc.status == "warn" and "Missing: what happened." in arc.detail
    fixes = {fix.check: fix.text for fix in fb.top_fixes}
    assert fixes["arc"].startswith("Add a sentence or two on what happened")
    assert "length" in fixes and fixes["length"].endswith("add what happened.")
    assert not any("four-part story" in text for text in fixes.values())


def test_a_short_answer_is_told_what_its_flagged_checks_lack(catalog: Any) -> None:
    """A short why-region answer with no tie is told to add a tie, in words, not the check's
    name ('add concrete ties')."""
    text = (
        "I did a rotation in Columbus, Ohio in 2023. I worked in a clinic in Dayton in 2024. "
        "I plan to stay in Ohio for good."
    )
    fb = run(catalog, "why_region", text)
    assert status(fb, "ties") == "fail"
    length = next(fix.text for fix in fb.top_fixes if fix.check == "length")
    assert "who ties you to the region" in length and "concrete ties" not in length.lower()


def test_leaving_in_the_first_person_is_owning_it(catalog: Any) -> None:
    fb = run(catalog, "why_left_medicine", THREE_PARTS)
    assert status(fb, "ownership") == "pass"


def test_what_happened_to_a_leaver_counts_as_what_happened(catalog: Any) -> None:
    text = (
        "My father became ill in 2020 and I left clinical medicine to care for him. "
        "Caring for him taught me what I want from my work. Since January I have worked "
        "as a scribe in Sacramento, and I am ready to come back now."
    )
    arc = run(catalog, "why_left_medicine", text).check("arc")
    assert arc is not None and arc.status == "pass"


@pytest.mark.parametrize(
    ("question", "close"),
    [
        (
            "why_now",
            "I am coming back now because his care is settled and I have a clear plan to "
            "finish residency near my family in the Midwest.",
        ),
        ("plan_if_unmatched", "I am not giving up on family medicine."),
        ("img_visa", "My documents are ready so the process can start as soon as I match."),
    ],
)
def test_a_plan_a_refusal_to_quit_or_a_start_on_matching_is_a_forward_close(
    catalog: Any, question: str, close: str
) -> None:
    """Closes an applicant writes to look ahead failed the check: 'a clear plan to', 'not
    giving up', 'as soon as I match' and 'I am coming back' were not [forward] phrases."""
    text = (
        "In 2024 I passed Step 3. Since then I have worked as a clinical assistant in Dayton, "
        "three days a week. " + close
    )
    assert status(run(catalog, question, text), "forward_close") == "pass"


def test_an_idiom_or_a_past_plan_is_not_a_forward_close(catalog: Any) -> None:
    for close in ("I won't lie, that year was hard.", "Unfortunately I am returning to it."):
        fb = run(catalog, "why_unmatched", "I applied to forty programs in 2023. " + close)
        assert status(fb, "forward_close") != "pass", close


def test_clinical_work_on_a_weekly_day_is_recent(catalog: Any) -> None:
    """'Seeing patients at the free clinic on Saturdays' is ongoing work; it was read as
    readiness without saying how recent."""
    text = (
        "If I do not match, I will keep seeing patients at the free clinic on Saturdays. "
        "I will apply again with a longer list."
    )
    assert status(run(catalog, "plan_if_unmatched", text), "readiness") == "pass"


def test_burning_out_in_intern_year_is_what_happened(catalog: Any) -> None:
    text = (
        "I left medicine in 2020 because I burned out during my intern year and did not ask "
        "for help. I got treatment and I learned to ask early. I am ready to come back now."
    )
    arc = run(catalog, "why_left_medicine", text).check("arc")
    assert arc is not None and arc.status == "pass"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (
            "mistake",
            "During my medicine rotation in 2024 I ordered potassium for a patient without "
            "checking that her morning labs had come back.",
        ),
        ("low_score", "I was working twenty hours a week and I did not protect my time."),
        ("greatest_weakness", "One week I missed a follow-up call I had promised a patient."),
    ],
)
def test_a_slip_told_in_the_first_person_is_ownership(
    catalog: Any, question: str, sentence: str
) -> None:
    """An applicant naming the slip itself ('without checking', 'I did not protect my time',
    'I missed') failed the ownership check."""
    text = sentence + " Since then I read the latest result first. I will keep that habit."
    fb = run(catalog, question, text)
    assert status(fb, "ownership") == "pass"


def test_programs_rejecting_or_never_reading_a_file_is_blame(catalog: Any) -> None:
    """'Programs rejected me without reading my application' passed the blame check and, by
    'my application', the ownership one."""
    text = (
        "Programs rejected me without reading my application. The filters screened me out "
        "without checking my experience. I applied to sixty programs in 2024."
    )
    fb = run(catalog, "why_unmatched", text)
    assert status(fb, "no_blame") == "fail"
    assert status(fb, "ownership") != "pass"


def test_a_preliminary_year_left_is_what_happened(catalog: Any) -> None:
    """A graduate's path through a preliminary year had no 'what happened' in the story."""
    text = (
        "After I graduated in 2019 I started a preliminary surgery year in Toledo. In the spring "
        "I realised surgery was not the right fit. Since 2023 I have worked in a primary care "
        "clinic in Dearborn. That work is why I am applying to internal medicine now."
    )
    arc = run(catalog, "path_since_graduation", text).check("arc")
    assert arc is not None and "what happened" in arc.matches


def test_a_lesson_about_ones_own_way_of_working_is_ownership(catalog: Any) -> None:
    text = (
        "A senior resident and I disagreed about discharging a patient in 2024. I showed her "
        "the nursing notes and she agreed. I learned to bring facts and a proposal, not just a "
        "concern."
    )
    assert status(run(catalog, "conflict_colleague", text), "ownership") == "pass"


def test_missing_home_or_patient_care_is_not_ownership(catalog: Any) -> None:
    for sentence in ("I missed my family every day.", "I missed patient care more than I knew."):
        fb = run(catalog, "why_unmatched", sentence + " I applied to sixty programs in 2024.")
        assert status(fb, "ownership") == "fail", sentence


def test_i_wont_lie_is_a_filler_not_a_commitment(catalog: Any) -> None:
    text = (
        "I applied to forty programs in 2023 and had two interviews. My list was too short and "
        "I applied to university programs only. This year I have letters from two attendings "
        "in Dayton and a list of ninety programs. I won't lie, it hurt."
    )
    fb = run(catalog, "why_unmatched", text)
    fillers = fb.check("fillers_hedges")
    assert fillers is not None and "i won't lie" in fillers.detail.lower()
    assert status(fb, "forward_close") != "pass"


def test_the_system_or_a_program_held_to_blame_in_other_words_is_blame(catalog: Any) -> None:
    """'The program was toxic', 'set up to fail' and 'fell through the cracks' passed the blame
    check."""
    for sentence in (
        "I left my residency in 2019 because the program was toxic.",
        "My program director did not support me and I was set up to fail.",
        "Even strong applicants fall through the cracks, and programs couldn't see who I am.",
    ):
        fb = run(catalog, "why_unmatched", sentence + " I applied to sixty programs in 2024.")
        assert status(fb, "no_blame") == "fail", sentence


def test_a_real_weakness_named_as_the_greatest_is_owned_a_disguised_one_is_not(
    catalog: Any,
) -> None:
    """'My greatest weakness is public speaking' named no part ('my weakness' only matched
    without 'greatest'); 'my greatest weakness is that I care too much' must still own nothing."""
    real = (
        "My greatest weakness is public speaking. In 2023 I read from my slides at morning "
        "report and lost the room. Since then I have presented at journal club every month."
    )
    assert status(run(catalog, "greatest_weakness", real), "ownership") == "pass"
    disguised = (
        "My greatest weakness is that I care too much about my patients. In 2023 I stayed late "
        "every night. I will keep giving my best."
    )
    fb = run(catalog, "greatest_weakness", disguised)
    assert status(fb, "real_weakness") == "fail"
    assert status(fb, "ownership") == "fail"


def test_a_recent_year_says_how_recent_an_old_one_does_not(catalog: Any) -> None:
    """'I took Step 3 in August 2025 and passed' was told it did not say how recent it was."""
    text = (
        "I took Step 3 in August 2025 and passed with a 228. Programs want proof that my "
        "knowledge is current. I will keep studying as an intern."
    )
    now = analyse("step3_status", text, None, catalog, today=dt.date(2026, 12, 3))
    assert status(now, "readiness") == "pass"
    later = analyse("step3_status", text, None, catalog, today=dt.date(2031, 1, 5))
    assert status(later, "readiness") == "warn"


def test_an_internship_and_an_elective_are_clinical_readiness(catalog: Any) -> None:
    text = (
        "During my surgery internship I realised I preferred the physiology of the case. "
        "I spent four weeks on an anesthesia elective in Cleveland. I will finish what I start."
    )
    fb = analyse("specialty_switch", text, None, catalog, today=dt.date(2026, 12, 3))
    assert status(fb, "readiness") == "pass"


def test_owning_a_home_in_the_region_is_a_plan_to_stay(catalog: Any) -> None:
    """'We own our home' in the region said nothing of staying to the check."""
    text = (
        "My family and I have lived in Minneapolis since 2019 and my wife teaches in St. Paul. "
        "We own our home. I want to train in Minnesota."
    )
    assert status(run(catalog, "will_you_stay", text), "plan_to_stay") == "pass"


@pytest.mark.parametrize("when", ["last spring", "last month", "this past summer", "last fall"])
def test_a_season_or_month_just_gone_says_how_recent(catalog: Any, when: str) -> None:
    """'an observership in Ohio last spring' was told it did not say how recent it was."""
    text = (
        "I left medicine in 2020 to care for my mother and worked as a pharmacy technician. "
        f"I did an observership at a clinic in Ohio {when} where I took histories on the wards. "
        "I am ready to come back."
    )
    fb = analyse("explain_gap", text, None, catalog, today=dt.date(2026, 12, 3))
    assert status(fb, "readiness") == "pass"


def test_questions_for_the_program_may_end_on_a_question(catalog: Any) -> None:
    """'What questions do you have for us?' answered with three good questions failed the
    forward close and was told to stop ending 'on what you lost'."""
    text = (
        "I would like to know how residents here get continuity clinic time and how many "
        "patients an intern carries by spring. I also want to hear how the program supported "
        "the last two residents who came back after time away from medicine. Finally, where did "
        "last year's graduates go, and how many stayed in the region?"
    )
    fb = run(catalog, "questions_for_us", text, 25.0)
    assert status(fb, "forward_close") is None
    assert all("what you lost" not in fix.text for fix in fb.top_fixes)
    assert fb.score >= 90
    vague = run(catalog, "questions_for_us", "No, I think you covered everything, thank you.")
    assert status(vague, "specifics") == "fail"


@pytest.mark.parametrize(
    ("text", "ownership", "no_blame"),
    [
        (
            "It was not bad luck; I applied too narrowly, to 12 programs in one city. "
            "Since 2024 I have worked as a scribe in Omaha. I will apply to 60 programs.",
            "pass",
            "pass",
        ),
        (
            "Nobody is to blame but me. I applied to 12 programs in one city in 2023. "
            "Since 2024 I have worked as a scribe in Omaha. I will apply broadly.",
            "pass",
            "pass",
        ),
        (
            "I won't pretend the system was unfair to me. My list was too short in 2023. "
            "Since 2024 I have worked as a scribe in Omaha. I will apply broadly.",
            "pass",
            "pass",
        ),
        (
            "The match is rigged and unfair. My program director never gave me a chance. "
            "I will apply again.",
            "fail",
            "fail",
        ),
    ],
    ids=["applied-too-narrowly", "blame-but-me", "wont-pretend", "real-blame"],
)
def test_owning_and_refusing_blame_read_as_said(
    catalog: Any, text: str, ownership: str, no_blame: str
) -> None:
    """'I applied too narrowly' and 'Nobody is to blame but me' named no part of one's own,
    and 'I won't pretend the system was unfair' was read as blaming the system."""
    fb = run(catalog, "why_unmatched", text, 60.0)
    assert (status(fb, "ownership"), status(fb, "no_blame")) == (ownership, no_blame)


def test_a_short_answer_on_a_region_is_asked_for_ties_not_an_example(catalog: Any) -> None:
    """A short 'How do we know you will stay?' whose checks all passed was told to add 'more
    on the example you gave: what you did, what came of it and what it taught you'."""
    text = (
        "We are buying a house in Beloit next spring. My wife teaches there and my parents are "
        "twenty minutes away. I intend to practise in southern Wisconsin for the rest of my career."
    )
    fb = run(catalog, "will_you_stay", text, 15.0)
    (say_more,) = [fix.text for fix in fb.top_fixes if fix.check == "length"]
    assert "who ties you there" in say_more and "the example you gave" not in say_more


def test_each_category_given_its_own_depth_is_a_category_of_the_bank(catalog: Any) -> None:
    from matchtui.models.lexicon import lexicon

    categories = {q.category for q in question_bank(catalog).questions}
    wanted = lexicon(catalog).check("length").wanted_depth_by_category
    assert wanted and set(wanted) <= categories
    for check in lexicon(catalog).checks:
        assert set(check.fix_by_category) <= categories, check.id
        assert set(check.adds_by_category) <= categories, check.id
        ids = {q.id for q in question_bank(catalog).questions}
        assert set(check.fix_by_question) <= ids, check.id
        assert set(check.adds_by_question) <= ids, check.id


def test_no_questions_for_the_program_is_asked_for_two_of_ones_own(catalog: Any) -> None:
    """'No, I think you covered everything' to 'What questions do you have for us?' was told
    to name what it knows of the program, as a why-this-program answer is: what it lacks is
    questions of its own."""
    fb = run(catalog, "questions_for_us", "No, I think you covered everything. Thank you.", 3.0)
    fixes = {fix.check: fix.text for fix in fb.top_fixes}
    assert "two questions of your own" in fixes["specifics"]
    assert "two questions of your own about this program" in fixes["length"]
    why = run(catalog, "why_program", "It is a great program with great people.", 3.0)
    assert (
        "Name what you know of this program"
        in {f.check: f.text for f in why.top_fixes}["specifics"]
    )


def test_a_hedged_opening_claim_is_flagged(catalog: Any) -> None:
    """'I think maybe I kind of like internal medicine' opened a why-specialty answer and its
    hedges went unflagged: only owning, readiness, forward and closing sentences counted."""
    text = (
        "I think maybe I kind of like internal medicine because it is broad. In my 2024 "
        "sub-internship at Mercy in Toledo I managed eight patients a day and presented them "
        "every morning. I will bring that steadiness to your wards."
    )
    fb = run(catalog, "why_specialty", text, 40.0)
    assert fb.hedges == ["I think", "maybe", "kind of"]
    firm = "I love internal medicine because it is broad." + text.split("broad.", 1)[1]
    assert run(catalog, "why_specialty", firm, 40.0).hedges == []


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "greatest_weakness",
            "Public speaking has been hard for me. At my 2023 morning report in Tulsa I froze "
            "while presenting a case and my attending stepped in. Since then I present at our "
            "journal club every month, and I will keep practising.",
        ),
        (
            "conflict_colleague",
            "A nurse paged me three times about a patient's pain one night in 2024, and I snapped "
            "at her. The next morning I apologised and we agreed on a plan. I will keep asking "
            "what the nurse sees before I answer.",
        ),
        (
            "exam_failure",
            "I failed Step 1 in 2021. I had relied on passive reading and did not take a single "
            "timed practice exam. I passed in 2022 and scored 241 on Step 2 CK in 2023. I will "
            "bring that discipline to my in-training exams.",
        ),
    ],
    ids=["hard-for-me-froze", "snapped", "had-relied"],
)
def test_a_weakness_or_a_lapse_told_plainly_is_owned(
    catalog: Any, question: str, text: str
) -> None:
    """'Public speaking has been hard for me ... I froze' and 'I snapped at her' were told
    that no sentence named the applicant's own part."""
    assert status(run(catalog, question, text, 40.0), "ownership") == "pass"


def test_an_acronym_is_a_name_but_a_sentence_in_capitals_is_not(catalog: Any) -> None:
    """'precept students from OHSU' carried no detail to the check: only capitalised words in
    lower case counted as names. A sentence shouted in capitals still names nothing."""
    text = (
        "In five years I see myself as an internist in a rural clinic in eastern Oregon. "
        "I would like to precept students from OHSU. I will keep my panel for the long term."
    )
    fb = run(catalog, "five_years", text, 40.0)
    (specifics,) = [c for c in fb.checks if c.id == "specifics"]
    assert specifics.status == "pass" and "OHSU" in specifics.matches
    shouted = run(catalog, "why_specialty", "I AM READY TO WORK HARD AND I LOVE MEDICINE. I will.")
    assert status(shouted, "specifics") == "fail"


def test_a_couple_s_plan_closes_forward_as_one_s_own_does(catalog: Any) -> None:
    """'We plan to settle there' closed a region answer and was told it did not look ahead:
    only 'I plan to' and its kin counted. Someone else's plan still does not."""
    ours = "My wife works in Denver. My in-laws live in Aurora. We plan to settle there."
    assert status(run(catalog, "why_region", ours, 20.0), "forward_close") == "pass"
    theirs = "My parents live in Denver. They plan to retire in Florida."
    assert status(run(catalog, "why_region", theirs, 20.0), "forward_close") == "fail"


@pytest.mark.parametrize(
    "text",
    [
        "After I went unmatched in 2019 my mother fell ill and I moved back to Fresno to care "
        "for her until 2022. Since March 2025 I have worked as a scribe at a Fresno clinic. "
        "I am ready to train now.",
        "My father had a stroke in 2020. I put my training on hold to run his care in Reno. "
        "Since 2025 I have volunteered weekly at a free clinic there. I will sit Step 3 in May.",
        "I know the gap is long: four years since 2021. I looked after my two children while my "
        "wife deployed. Since June 2025 I have worked as a medical assistant in Tucson. "
        "I am ready now.",
    ],
    ids=["moved-back", "put-on-hold", "know-the-gap"],
)
def test_a_gap_taken_for_family_owns_the_choice(catalog: Any, text: str) -> None:
    """A caregiving gap told as the applicant's own choice ('I moved back to care for her', 'I
    put my training on hold') or owned plainly ('I know the gap is long') was told it named no
    part of its own, and to add a sentence such as 'My list was too short'."""
    fb = run(catalog, "explain_gap", text, 60.0)
    assert status(fb, "ownership") == "pass"
    assert all(fix.check != "ownership" for fix in fb.top_fixes)


def test_putting_it_on_the_competition_is_blame_and_hoping_is_a_hedge(catalog: Any) -> None:
    """'The programs were just really competitive and there were a lot of applicants that
    year' passed the no-blame check, and a close of 'I'm hoping that this time things will work
    out' was firm enough; the first puts the outcome on others, the second is a hope."""
    text = (
        "The programs I applied to were just really competitive and there were a lot of "
        "applicants that year. I applied to 45 programs in 2018. Since 2024 I have worked as a "
        "scribe in Portland. I'm hoping that this time things will work out better."
    )
    fb = run(catalog, "why_unmatched", text, 60.0)
    assert status(fb, "no_blame") == "fail"
    assert "I'm hoping" in fb.hedges
    fair = (
        "I applied to a competitive specialty with a narrow list of 20 programs in 2018; that "
        "was my mistake. Since 2024 I have worked as a scribe in Portland. I am hoping to train "
        "in family medicine, and I will apply to 80 programs."
    )
    fb = run(catalog, "why_unmatched", fair, 60.0)
    assert status(fb, "no_blame") == "pass"
    assert not fb.hedges


def test_a_span_or_rhythm_without_a_number_is_a_specific(catalog: Any) -> None:
    """'Within a month we were caught up' and 'twice a week' are checkable, but only a number
    word before a unit counted ('two weeks'), so a detailed weakness answer was told to swap a
    general sentence for a checkable one."""
    text = (
        "My greatest weakness is that I have trouble delegating. As chief scribe at Kaiser in "
        "2023 I kept every chart audit to myself, and my supervisor pointed it out. I set up a "
        "shared schedule for the team. Within a month we were caught up. I will lean on my "
        "team in residency."
    )
    fb = run(catalog, "greatest_weakness", text, 45.0)
    assert status(fb, "specifics") == "pass"
    assert (
        "Within a month we were caught up."
        in next(c for c in fb.checks if c.id == "specifics").evidence
    )
    vague = run(catalog, "greatest_weakness", "I work hard every day. I care a lot.", 10.0)
    assert status(vague, "specifics") != "pass"


@pytest.mark.parametrize(
    ("close", "expected"),
    [
        ("I learned to bring data, not just worry, when I disagree.", "pass"),
        ("Since then I check every handoff against the chart myself.", "pass"),
        ("Since then I have regretted every year I lost.", "warn"),
        ("I regretted it for a long time.", "fail"),
    ],
    ids=["lesson", "since-then", "regretted-since", "regretted"],
)
def test_a_lesson_carried_forward_closes_an_example(
    catalog: Any, close: str, expected: str
) -> None:
    """A behavioural answer that ends on the lesson it now works by ('I learned to bring data
    when I disagree') was told it did not end on what comes next; 'regretted' was not read as
    regret (only 'regret' and 'regrets' were)."""
    text = (
        "During my sub-internship at Mercy in 2024 a night nurse and I disagreed about waking "
        "the resident for a patient whose pressure had dropped to 82 over 50. I asked her to "
        "recheck it with me, and we called the resident together. " + close
    )
    fb = run(catalog, "conflict_colleague", text, 40.0)
    assert status(fb, "forward_close") == expected


def test_a_training_year_is_quoted_whole(catalog: Any) -> None:
    """'PGY-2' was quoted as two specifics, "PGY" and "2"."""
    text = (
        "I am a PGY-2 in general surgery in Ohio. In 2025 I did a psychiatry elective at Grady. "
        "I will finish my surgical year before I switch."
    )
    fb = run(catalog, "specialty_switch", text, 30.0)
    (specifics,) = [c for c in fb.checks if c.id == "specifics"]
    assert "PGY-2" in specifics.matches
    assert "PGY" not in specifics.matches and "2" not in specifics.matches


def test_a_generic_why_program_is_asked_what_is_known_of_the_program(catalog: Any) -> None:
    """Praise any program would fit ('an excellent reputation', 'supportive culture') was told
    to add 'the year, the role, how many months, which exam': what a why-program answer lacks
    is what the applicant knows of this program."""
    text = (
        "Your program has an excellent reputation and a strong commitment to education. I was "
        "impressed by the supportive culture and the great faculty. I would love to train here."
    )
    fb = run(catalog, "why_program", text, 20.0)
    fixes = [fix.text for fix in fb.top_fixes]
    assert any(f.startswith("Name what you know of this program") for f in fixes), fixes
    assert all("which exam" not in f for f in fixes)
    assert any("add what you know of this program by name" in f for f in fixes), fixes
    other = run(catalog, "why_specialty", text, 20.0)
    assert any("which exam" in fix.text for fix in other.top_fixes)


@pytest.mark.parametrize(
    "owning",
    [
        "I did not apply broadly enough.",
        "I underprepared for my interviews.",
        "I never asked my advisor for feedback on my list.",
        "I was naive about how competitive surgery was.",
        "I applied to the wrong programs.",
        "I put all my eggs in one basket.",
        "I didn't have a backup plan.",
        "I focused too much on research and not enough on clinical skills.",
    ],
)
def test_what_one_did_not_do_or_overdid_owns_the_outcome(catalog: Any, owning: str) -> None:
    """Plain ways of owning a miss ('I did not apply broadly enough', 'I was naive', 'I put all
    my eggs in one basket') were told they named no part of the applicant's own."""
    text = owning + " In 2024 I worked as a scribe in Reno. I will apply to 80 programs."
    fb = run(catalog, "why_unmatched", text, 40.0)
    assert status(fb, "ownership") == "pass"


@pytest.mark.parametrize(
    "blaming",
    [
        "Programs just look at scores and ignore everything else.",
        "The interviewers did not like IMGs.",
        "My school gave me terrible advice.",
        "My letter writers let me down.",
        "There were simply not enough positions.",
        "The program director had favourites.",
        "COVID ruined my chances.",
        "My advisor told me to apply to only 20 programs, so that is what I did.",
        "Nobody at my school helped IMGs.",
    ],
)
def test_putting_the_outcome_on_others_is_blame(catalog: Any, blaming: str) -> None:
    """Common ways of putting a miss on others passed the no-blame check."""
    text = blaming + " In 2024 I worked as a scribe in Reno. I will apply to 80 programs."
    fb = run(catalog, "why_unmatched", text, 40.0)
    assert status(fb, "no_blame") == "fail"


def test_facts_about_a_school_or_a_team_are_not_blame(catalog: Any) -> None:
    text = (
        "No one at my school had applied to ENT before me, so I applied to 20 programs in "
        "2023; that was my mistake. I let my team down once and learned to ask early. "
        "I will apply to 60 programs."
    )
    assert status(run(catalog, "why_unmatched", text, 40.0), "no_blame") == "pass"


@pytest.mark.parametrize(
    "ready",
    [
        "I now work as an ER tech at St. Luke's.",
        "I am a certified nursing assistant at a nursing home since 2025.",
        "Since March I have worked shifts in an urgent care in Boise.",
    ],
)
def test_hands_on_roles_outside_residency_show_readiness(catalog: Any, ready: str) -> None:
    """An ER tech, a nursing assistant or urgent care work now was told nothing showed recent
    clinical work."""
    text = (
        "In 2019 I went unmatched because I applied to too few programs. "
        + ready
        + " I will apply to 80 programs."
    )
    fb = analyse("why_unmatched", text, 40.0, catalog, today=dt.date(2026, 12, 4))
    assert status(fb, "readiness") == "pass"


@pytest.mark.parametrize(
    "close",
    [
        "That is why I am confident this application is different.",
        "I know I can be a strong resident.",
        "I believe I am now a much stronger candidate.",
    ],
)
def test_confidence_in_what_comes_next_closes_forward(catalog: Any, close: str) -> None:
    """A close of confidence in what comes next ('I am confident this application is
    different') was told the answer did not end on what comes next."""
    text = (
        "In 2019 I went unmatched because I applied to too few programs. Since 2024 I have "
        "worked as a scribe in Reno. " + close
    )
    assert status(run(catalog, "why_unmatched", text, 40.0), "forward_close") == "pass"


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "what_happened",
            "In 2021 I did not match into general surgery. Looking at it now, I overreached: I "
            "had a 221 on Step 2 and applied to 40 academic programs. I will apply broadly.",
        ),
        (
            "why_unmatched",
            "My scores were below average. I only sent out 30 applications in 2022. I will "
            "send 110 this year.",
        ),
        (
            "critical_feedback",
            "During my sub-internship in 2024, my attending told me my presentations were too "
            "long. She was right. I started writing a three-line summary before rounds.",
        ),
        (
            "critical_feedback",
            "In 2024 a nurse told me my orders were hard to read. I took it to heart and now "
            "write them in a fixed order every shift.",
        ),
        (
            "why_unmatched",
            "In retrospect, my list of 25 programs was built on prestige. I will apply to 90.",
        ),
    ],
    ids=["overreached", "only-sent-out", "she-was-right", "took-it-to-heart", "in-retrospect"],
)
def test_owning_in_other_words_is_owning(catalog: Any, question: str, text: str) -> None:
    """'Looking at it now, I overreached', 'I only sent out 30 applications', 'She was right'
    after critical feedback and 'I took it to heart' were told no sentence named the
    applicant's own part."""
    assert status(run(catalog, question, text, 40.0), "ownership") == "pass"


def test_a_change_still_kept_closes_forward_and_a_count_of_lines_is_detail(catalog: Any) -> None:
    """'... and I still use that summary every day' ended a feedback story on a change kept to
    this day, and was told it did not end on what comes next; 'a three-line summary' and 'each
    morning' carried no detail."""
    text = (
        "During my sub-internship in 2024, my attending told me my presentations were too long. "
        "I started writing a three-line summary before rounds and asked her to time me each "
        "morning. By the end of the month my presentations were the clearest on the team, and I "
        "still use that summary every day."
    )
    fb = run(catalog, "critical_feedback", text, 40.0)
    assert status(fb, "forward_close") == "pass"
    assert status(fb, "specifics") == "pass"
    assert "three-line" in (fb.check("specifics").matches or [])
    regret = text.rsplit("By the end", 1)[0] + "I still regret how long it took me."
    assert status(run(catalog, "critical_feedback", regret, 40.0), "forward_close") == "fail"


def unmatched_reading(catalog: Any, sentence: str) -> tuple[str | None, str | None]:
    """How `sentence`, in an otherwise plain answer to 'Why did you not match?', is read:
    (the no-blame check's status, the ownership check's)."""
    text = sentence + " In 2025 I worked as a scribe in Dayton for 12 months. I will apply to 80."
    fb = run(catalog, "why_unmatched", text, 40.0)
    return status(fb, "no_blame"), status(fb, "ownership")


@pytest.mark.parametrize(
    ("sentence", "no_blame", "ownership"),
    [
        ("My medical school did not prepare us for the USMLE at all.", "fail", "fail"),
        ("Programs filter out anyone more than five years from graduation.", "fail", "fail"),
        ("The visa situation made many programs reject me automatically.", "fail", "fail"),
        ("I was a victim of the system.", "fail", "fail"),
        ("I didn't get the support I needed from my dean's office.", "fail", "fail"),
        ("The pandemic made it impossible to get clinical experience.", "fail", "fail"),
        ("I did not get enough interviews because I applied late in October.", "pass", "pass"),
        ("My letters were weak because I did not know my attendings well.", "pass", "pass"),
        ("My scores were below average for the programs on my list.", "pass", "pass"),
        # facts and circumstances, not blame
        ("At the clinic we screen out no one: every walk-in is seen.", "pass", "fail"),
        ("In 2022 I had to cancel four interviews for a family emergency.", "pass", "fail"),
    ],
)
def test_more_ways_of_blaming_and_of_owning(
    catalog: Any, sentence: str, no_blame: str, ownership: str
) -> None:
    """Sentences an unmatched applicant says, read as blame or as their own part; each of the
    first nine was read the other way (or as neither)."""
    assert unmatched_reading(catalog, sentence) == (no_blame, ownership)


@pytest.mark.parametrize(
    "sentence",
    [
        "I completed a six-month preliminary year in internal medicine in 2024.",
        "This year I finished a 12-week clinical refresher program at Drexel.",
        "I have been practising as a general practitioner in Lagos for the last three years.",
        "I have been working in a hospital in India as a medical officer until last month.",
        "Since 2024 I have worked as a junior doctor in Manchester.",
        "I finished a transitional year in Ohio in June 2025.",
    ],
)
def test_clinical_work_in_other_words_shows_readiness(catalog: Any, sentence: str) -> None:
    """A preliminary or transitional year, a refresher program, and practice abroad (a general
    practitioner, a medical officer, a junior doctor) were told nothing showed recent clinical
    work."""
    text = f"I did not match in 2023 and I own that. {sentence} I will bring that to your program."
    assert status(run(catalog, "years_out_ready", text, 40.0), "readiness") == "pass"


@pytest.mark.parametrize(
    ("sentence", "no_blame", "ownership"),
    [
        ("i didnt apply to enough programs in 2023.", "pass", "pass"),
        ("I shouldnt have applied to only 20 programs.", "pass", "pass"),
        ("It wasnt my fault.", "fail", "fail"),
        ("I applied to IM in 2023 and Im told the interviews went well.", "pass", "fail"),
    ],
)
def test_contractions_typed_without_the_apostrophe_read_as_contractions(
    catalog: Any, sentence: str, no_blame: str, ownership: str
) -> None:
    """'i didnt apply to enough programs' named no part of one's own and 'It wasnt my fault'
    no blame: a phrase with "didn't" did not match "didnt". "IM" stays internal medicine."""
    assert unmatched_reading(catalog, sentence) == (no_blame, ownership)


def test_a_clinical_trial_coordinator_shows_readiness_and_the_right_time_looks_ahead(
    catalog: Any,
) -> None:
    """'I worked as a clinical trial coordinator at Fred Hutch' was told nothing showed
    clinical work; 'The timing is right now because ...' was told it did not look ahead."""
    text = (
        "Since 2023 I have worked as a clinical trial coordinator at Fred Hutch, consenting "
        "patients every week. I passed Step 3 in March. The timing is right now because my "
        "family obligations are settled."
    )
    fb = run(catalog, "why_now", text, 40.0)
    assert status(fb, "readiness") == "pass"
    assert fb.check("readiness").matches[0] == "clinical trial coordinator"
    assert status(fb, "forward_close") == "pass"


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024 I admitted a victim of a car crash to the ICU in Tulsa.",
        "The noise on the ward made it impossible to hear the handoff in 2024.",
    ],
)
def test_a_victim_or_an_impossible_moment_in_a_story_is_not_blame(
    catalog: Any, sentence: str
) -> None:
    text = sentence + " I should have asked the nurse to repeat it. I will always read back orders."
    assert status(run(catalog, "mistake", text, 40.0), "no_blame") == "pass"


@pytest.mark.parametrize(
    "fact",
    [
        "My medical school did not offer US rotations, so I arranged my own in Ohio.",
        "My school did not have a formal advising office, so I found a mentor myself.",
    ],
)
def test_a_schools_gap_the_applicant_filled_is_not_blame(catalog: Any, fact: str) -> None:
    """A fact about the school followed by what the applicant did about it was read as
    putting the outcome on the school."""
    text = fact + " In 2024 I worked as a scribe in Reno. I will apply to 80 programs."
    assert status(run(catalog, "why_unmatched", text, 40.0), "no_blame") == "pass"


@pytest.mark.parametrize(
    "happened",
    [
        "My father's illness is what pulled me away in 2020; he died in 2022.",
        "In 2019 my mother passed away and I went home to Lagos.",
        "I failed Step 2 CK twice in 2018.",
        "My first child was born in 2020 and my visa expired the same year.",
    ],
)
def test_what_happened_in_other_words_is_the_first_part(catalog: Any, happened: str) -> None:
    """'My father's illness is what pulled me away' and a death, a failed exam or a birth were
    told the story lacked what happened."""
    text = (
        happened + " Since then I have worked as a scribe in Boise, and it taught me how much I "
        "missed patients. I am ready to come back to family medicine now."
    )
    fb = run(catalog, "why_now", text, 40.0)
    assert "what happened" in (fb.check("arc").matches or []), fb.check("arc")


def test_qualities_without_evidence_are_asked_for_an_example(catalog: Any) -> None:
    """'I bring maturity, resilience, and a strong work ethic' was told to name what it knows
    of the program, the why-this-program fix, not to show the qualities it claims."""
    text = (
        "I bring maturity, resilience, and a strong work ethic. I am a team player who is "
        "passionate about patient care."
    )
    fixes = {f.check: f.text for f in run(catalog, "what_you_bring", text, 15.0).top_fixes}
    assert fixes["specifics"].startswith("Back each quality you name with one example")
    assert "one example that shows what you would bring" in fixes["length"]


def test_now_applying_closes_forward(catalog: Any) -> None:
    """'I am now applying to internal medicine programs in New Jersey' was told it did not end
    on what comes next."""
    text = (
        "I graduated in 2017 and worked in sales from 2018 to 2021. In 2022 I came back as a "
        "scribe in Paterson. I am now applying to internal medicine programs in New Jersey."
    )
    assert status(run(catalog, "path_since_graduation", text, 60.0), "forward_close") == "pass"


def test_a_medical_director_and_last_year_are_detail(catalog: Any) -> None:
    """'our medical director asked me to train the new staff' and 'last year' carried no
    checkable detail."""
    text = (
        "They would say I am reliable. When a colleague went on leave last year, I rebuilt our "
        "refill workflow. Our medical director asked me to train the new staff on it."
    )
    fb = run(catalog, "colleagues_describe", text, 30.0)
    assert status(fb, "specifics") == "pass"
    assert {"last year", "medical director"} <= set(fb.check("specifics").matches or [])


def test_naming_a_weak_spot_plainly_is_owning_it(catalog: Any) -> None:
    """'Timed tests have never been my strength' named no part of the applicant's own."""
    text = (
        "I scored 226 on Step 2 CK in 2024. Timed tests have never been my strength, so I "
        "passed Step 3 in 2025 with a timed plan. I will bring that plan to in-training exams."
    )
    assert status(run(catalog, "low_score", text, 40.0), "ownership") == "pass"


def test_a_span_of_hours_or_days_is_detail(catalog: Any) -> None:
    """'had it ready within an hour' and 'came back the next month' carried no detail."""
    text = (
        "In 2024 an angry patient at our Yakima clinic shouted at me about a late refill. I "
        "called the pharmacy and had it ready within an hour. He came back the next month and "
        "asked for me by name. I learned to fix the problem in front of the patient."
    )
    fb = run(catalog, "difficult_patient", text, 40.0)
    assert status(fb, "specifics") == "pass"
    assert {"within an hour", "the next month"} <= set(fb.check("specifics").matches or [])


def test_a_time_just_outside_the_band_is_not_rounded_onto_its_edge(catalog: Any) -> None:
    """104 words at 140 wpm are 44.6 s: short of a 45-90 s band, so the length check, the CLI
    and the pane must not call it "45 s" (which reads as inside the band)."""
    from matchtui.commands.practice import render_text

    towns = ["Fresno", "Modesto", "Merced", "Visalia", "Tulare", "Hanford", "Madera", "Lodi"]
    towns += ["Turlock", "Delano", "Selma", "Reedley", "Clovis"]
    text = " ".join(f"In {2010 + i} I was a scribe in {town}." for i, town in enumerate(towns))
    fb = run(catalog, "explain_gap", text)
    assert (fb.words, fb.counted_words, fb.target_seconds) == (104, 104, (45, 90))
    length = fb.check("length")
    assert length is not None and length.status == "warn"
    assert (
        length.detail.startswith("About 44.6 s spoken") and "short of the 45-90 s" in length.detail
    )
    assert fb.spoken_text() == "44.6"
    assert "about 44.6 s spoken at 140 wpm (target 45-90 s)" in render_text(fb, "prompt")
    # Inside the band, or clearly outside it, whole seconds as before.
    longer = text + " " + text.replace("In 20", "From 19")
    assert run(catalog, "explain_gap", longer).spoken_text() == "89"


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(44.6, "44.6"), (44.4, "44"), (45.0, "45"), (90.0, "90"), (90.4, "90.4"), (90.6, "91")],
)
def test_beside_keeps_each_time_on_its_side_of_the_band(seconds: float, shown: str) -> None:
    from matchtui.engine.wording import beside

    assert beside(seconds, (45, 90)) == shown
    assert beside(49.96, [50]) == "49.96" and beside(50.0, [50]) == "50"


def test_an_answer_that_tells_what_you_did_is_not_told_it_never_does(catalog: Any) -> None:
    """A conflict told as the applicant's actions, with no share of the conflict owned, fails
    ownership; its detail names what is missing (your own part) instead of saying that no
    sentence tells what you did, which the answer plainly does."""
    text = (
        "In 2023, as a research coordinator, I disagreed with a fellow coordinator about who "
        "should consent a patient who spoke only Spanish. I asked to talk privately, explained "
        "the policy, and listened to her concern. We called the interpreter line together."
    )
    ownership = run(catalog, "conflict_colleague", text).check("ownership")
    assert ownership is not None and ownership.status == "fail"
    assert "your own part" in ownership.detail and "what you did" not in ownership.detail


STOCK_ONLY = (
    "Hi, I am a fourth-year student. I like medicine a lot and I am very passionate about "
    "helping people. I am a hard worker and a team player. I am excited to be here."
)


def test_stock_self_praise_alone_is_named_and_is_no_close(catalog: Any) -> None:
    fb = run(catalog, "tell_me_about_yourself", STOCK_ONLY)
    stock = fb.check("stock")
    assert stock is not None and stock.status == "fail"
    assert stock.evidence == [
        "I like medicine a lot and I am very passionate about helping people.",
        "I am a hard worker and a team player.",
        "I am excited to be here.",
    ]
    assert {"passionate about", "hard worker", "team player"} <= set(stock.matches)
    # A pleasantry looks ahead to nothing.
    assert status(fb, "forward_close") == "fail"
    assert fb.score < 35


def test_a_claim_shown_by_what_was_done_is_not_stock(catalog: Any) -> None:
    text = (
        "I am a team player: in 2025 I organised the twelve-student schedule for our free "
        "clinic in Seattle. I grew up in Yakima and I will bring that clinic work to your "
        "rural track."
    )
    fb = run(catalog, "tell_me_about_yourself", text)
    assert fb.check("stock") is None
    one = run(catalog, "tell_me_about_yourself", text + " I am a hard worker.")
    stock = one.check("stock")
    assert stock is not None and stock.status == "warn"
    assert stock.evidence == ["I am a hard worker."]


def test_help_taken_is_what_changed_and_the_people_there_are_not_readiness(catalog: Any) -> None:
    """Therapy and a plan to protect one's health tell what changed; a sentence calling the
    attendings abusive is blame, not evidence of working under them."""
    strong = (
        "I left my preliminary surgery year in 2019 because I was burned out and did not ask "
        "for help until it was too late. I should have spoken to my program director months "
        "earlier. I spent three years as an operations manager in San Diego, and I saw a "
        "therapist weekly for the first year. Since 2024 I have worked full time as a medical "
        "assistant in Escondido. I am ready to return."
    )
    assert status(run(catalog, "why_left_medicine", strong), "arc") == "pass"
    weak = (
        "Residency was hard and the attendings were abusive, so I had no choice but to leave. "
        "Now things are different and I want to come back."
    )
    fb = run(catalog, "why_left_medicine", weak)
    assert status(fb, "readiness") == "fail"
    blame = fb.check("no_blame")
    assert blame is not None and "were abusive" in blame.matches
    # Leaving to care for someone is not blame.
    caring = "My father was dying in 2020 and I had no choice but to leave and care for him."
    assert status(run(catalog, "why_left_medicine", caring), "no_blame") == "pass"


def test_a_plain_plan_to_stay_is_a_forward_close(catalog: Any) -> None:
    text = (
        "My husband took a faculty position at UC Davis in 2025 and we moved to Sacramento last "
        "summer. Our son started kindergarten there in September. I have worked as a scribe in "
        "Roseville since October. We have no plans to leave Northern California."
    )
    close = run(catalog, "why_region", text).check("forward_close")
    assert close is not None and close.status == "pass"
    assert "no plans to leave" in close.matches
