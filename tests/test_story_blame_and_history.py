"""The profile's stories read for blame as the interview practice reads the same words, and the
why-now advice keyed on the applicant's history.

Found in user audit C (December 2026): a US IMG's why-now story, "Honestly SOAP felt like a
lottery and I was unlucky with timing", was "concrete" in `matchtui assess`, the Reality pane
and the report, while `matchtui practice --question why_unmatched` on the same text failed
"No blaming" on "a lottery" and "unlucky". And a non-US IMG applying for the first time (no
earlier cycle, observing in the region a month ago) was told to add "what happened, the reason
for any time away from patients": advice for someone who went unmatched or stepped away."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.practice import analyse
from matchtui.engine.text import judge_story
from tests.test_assess_engine import make

BLAMING = (
    "Last cycle I applied to 110 psychiatry programs and got 3 interviews. Honestly SOAP felt "
    "like a lottery and I was unlucky with timing. Since May 2026 I have worked as a research "
    "assistant on a depression trial at a university hospital in Gainesville, where I rate "
    "patients twice a week. I scheduled Step 3 for January so programs see a pass before ranking."
)
OWNED = BLAMING.replace(
    "Honestly SOAP felt like a lottery and I was unlucky with timing.",
    "My list leaned on academic programs and I asked for interview help too late.",
)
# A returner's why-now story that names a year and a place but little else (a first-timer can
# tell no miss, no time away and no "since then").
THIN = (
    "I graduated from a medical school in Ankara in 2024 and passed Step 2 CK in 2025. I have "
    "observed for five months in a family medicine practice in Camden."
)


def no_blame_matches(catalog: Catalog, text: str) -> list[str]:
    feedback = analyse("why_unmatched", text, None, catalog)
    check = next(r for r in feedback.checks if r.id == "no_blame")
    assert check.status == "fail"
    return check.matches


def test_a_why_now_story_that_blames_says_so_with_the_practice_reading(catalog: Catalog) -> None:
    verdict = judge_story("why_now", BLAMING, catalog)
    assert verdict.quality == "blames"
    # the same phrases the practice's no_blame check quotes on the same words
    assert verdict.blame == no_blame_matches(catalog, BLAMING) == ["a lottery", "unlucky"]
    assert verdict.reason.startswith("blames (")
    assert "'a lottery', 'unlucky'" in verdict.reason
    assert verdict.names_enough  # it still names what a concrete story names
    # the same story owning its part is concrete, and quotes no blame
    owned = judge_story("why_now", OWNED, catalog)
    assert (owned.quality, owned.blame) == ("concrete", [])


def test_blame_rejected_in_so_many_words_is_no_blame(catalog: Catalog) -> None:
    text = BLAMING.replace(
        "Honestly SOAP felt like a lottery and I was unlucky with timing.",
        "It was not a lottery: I applied too late and too narrowly.",
    )
    assert judge_story("why_now", text, catalog).quality == "concrete"


def test_a_vague_story_that_blames_is_generic_and_says_both(catalog: Catalog) -> None:
    text = (
        "I am a doctor. Unfortunately the match is unfair to IMGs and programs did not look at "
        "my application properly. I hope for a chance."
    )
    verdict = judge_story("why_now", text, catalog)
    assert verdict.quality == "generic"
    assert verdict.blame == ["unfair", "did not look at my"]
    assert "'unfair', 'did not look at my'" in verdict.reason
    # what to add, then the blame advice after it
    assert ". Add the years, roles and places by name" in verdict.reason
    assert verdict.reason.endswith("leave luck, the system and other people out of it.")


def test_a_plan_b_that_blames_still_counts_as_written(catalog: Catalog) -> None:
    plan_b = (
        "If the lottery goes against me again, I will work as a research coordinator at Mercy "
        "Hospital in Toledo and keep my clinical hours up while I reapply."
    )
    assert judge_story("plan_b", plan_b, catalog).quality == "blames"
    result = assess(
        make(
            narrative__plan_b=plan_b,
            history__cycles_applied=2,
            history__last_outcome="unmatched",
        ),
        catalog,
    )
    story = next(s for s in result.stories if s.kind == "plan_b")
    assert story.quality == "blames" and story.blame == ["the lottery", "against me"]
    # a plan all the same: the Cycles check and the parallel-plan action take it as written
    assert result.cycles.plan_b_present
    action = result.action("parallel_plan")
    assert action is not None and action.text.startswith("Your plan B is written")


def test_a_why_home_story_is_not_read_for_blame(catalog: Catalog) -> None:
    story = (
        "I grew up in Madison, Wisconsin, and my parents still live there. The programs on the "
        "coast were unfair to me, and I plan to stay in Wisconsin for good."
    )
    verdict = judge_story("why_home", story, catalog, "midwest")
    assert verdict.quality == "concrete" and verdict.blame == []


def test_a_first_time_applicant_is_not_asked_what_happened(catalog: Catalog) -> None:
    first = make(
        applicant__degree="non_us_img",
        applicant__graduation_year=2024,
        clinical__role="observership",
        clinical__months_last_24=5,
        clinical__months_since_last=1,
        narrative__why_now=THIN,
    )
    story = next(s for s in assess(first, catalog).stories if s.kind == "why_now")
    assert story.quality == "generic"
    assert "what happened" not in story.reason
    assert "time away from patients" not in story.reason
    assert "rather than the last" not in story.reason
    assert "why you are applying in this cycle" in story.reason
    assert not {"what_happened", "stepped_away", "what_changed"} & set(story.missing)


@pytest.mark.parametrize(
    "changes",
    [
        # went unmatched before
        {"history__cycles_applied": 1, "history__last_outcome": "unmatched"},
        # no cycle, but years out: eight since graduation rates higher
        {"applicant__graduation_year": 2019},
        # no cycle, but two years and more without patients
        {"clinical__role": "nonclinical", "clinical__months_last_24": 0},
    ],
)
def test_an_applicant_with_a_past_is_still_asked_for_it(
    catalog: Catalog, changes: dict[str, object]
) -> None:
    profile = make(narrative__why_now=THIN, **changes)
    story = next(s for s in assess(profile, catalog).stories if s.kind == "why_now")
    assert story.quality == "generic"
    assert "Add what happened" in story.reason


C3_PROFILE = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "Test, US IMG"
situation = "not_in_training"
degree = "us_img"
graduation_year = 2025
visa = "none"
home_region = "south"
lives_in = "south"
[exams]
step1 = "pass"
step2_score = 228
step3 = "not_taken"
[[history.cycles]]
year = 2026
specialty = "psychiatry"
outcome = "unmatched"
soap = true
[targets]
specialties = ["psychiatry"]
region = "south"
[clinical]
role = "clinical_research"
months_last_24 = 10
months_since_last = 0
[narrative]
why_now = "{why_now}"
"""


def test_assess_shows_the_blame_on_the_command_line(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "profile.toml").write_text(C3_PROFILE.replace("{why_now}", BLAMING))
    assert main(["--today", "2026-12-05", "assess"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Why-now story: blames (64 words" in out
    assert "'a lottery', 'unlucky'" in out
    assert main(["--today", "2026-12-05", "assess", "--json"]) == 0
    stories = json.loads(capsys.readouterr().out)["stories"]
    why_now = next(s for s in stories if s["kind"] == "why_now")
    assert (why_now["quality"], why_now["blame"]) == ("blames", ["a lottery", "unlucky"])


def test_the_report_gives_the_same_verdict(catalog: Catalog) -> None:
    """The report quoted the why-now story in the applicant's words but gave no verdict on it
    (nor on the plan B): it now lists them as the Reality pane does."""
    from matchtui.engine.report import build_report, to_markdown
    from matchtui.models.profile import Profile

    data = tomllib.loads(C3_PROFILE.replace("{why_now}", BLAMING))
    profile = Profile.model_validate(data)
    md = to_markdown(
        build_report(profile, catalog, today=dt.date(2026, 12, 5), plan=None, practice=None)
    )
    stories = md[md.index("### Your stories") :]
    verdict = judge_story("why_now", BLAMING, catalog)
    assert f"- Why-now story: {verdict.reason}" in stories
    assert "- Plan B: not written yet" in stories


def test_a_first_timers_story_with_every_signal_asked_of_it_is_concrete(catalog: Catalog) -> None:
    """Found by review: a first-time applicant is asked for three signals (why this cycle,
    recent clinical work or exams, names), but the rule still wanted four, so a why-now story
    with all three and nothing missing read "generic" and was told to add what it says."""
    text = (
        "I am applying this cycle because I graduate from Emory in May 2027, with Step 2 CK done "
        "and a sub-internship in internal medicine."
    )
    first = judge_story("why_now", text, catalog, past=False)
    assert first.quality == "concrete", first.reason
    assert not first.missing
    # one with a past to tell is still asked for what happened and what changed
    assert judge_story("why_now", text, catalog, past=True).quality == "generic"
