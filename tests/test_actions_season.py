"""Next actions know where the season stands (actions.toml before_applications).

Found in user audit C on 5 December 2026: applications for the 2027 Match had gone to programs on
2 September 2026 (dates.toml), and the title bar counted down to the rank list deadline, yet a
final-year student was told "Do an away or audition rotation in the West before applications go
in", a graduate who had left residency to "keep it for six to twelve months before you apply",
and an IMG "Before applications go in, spend months ...". Once the applications of the profile's
Match have gone, such an action is what still helps this season (second looks, contact with
programs and faculty, ties said in interviews, the rank list), or the same step for the next
Match, or (for a student, whose cycle is under way) left out. The day is the caller's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess, rule_detail
from matchtui.engine.calendar import season_date
from matchtui.models.assessment import Assessment
from matchtui.models.profile import Profile
from matchtui.models.rules import ActionRule, ActionsFile
from tests.test_assess_engine import make

BEFORE = dt.date(2026, 8, 1)  # the 2027 Match's ERAS is open, nothing sent to programs yet
UNDER_WAY = dt.date(2026, 12, 5)  # applications went on 2 Sep 2026; ranking ahead
AFTER = dt.date(2027, 4, 1)  # the 2027 Match Day has passed
# What only makes sense while the applications are still to go in.
BEFORE_WORDS = ("before applications go in", "before you apply", "Do an away or audition")


def student() -> Profile:
    """A final-year student in the Northeast aiming at the West, with no rotation, letter or
    story there."""
    return make(
        applicant__stage="student",
        applicant__graduation_year=2027,
        applicant__current_region="northeast",
        applicant__home_region="west",
        targets__region="west",
        letters=[],
    )


def graduate() -> Profile:
    """A graduate out of training, two and a half years from patients, who needs a visa and
    aims at the West."""
    return make(
        applicant__degree="non_us_img",
        applicant__visa="needs_sponsorship",
        applicant__home_region="west",
        targets__region="west",
        clinical__role="nonclinical",
        clinical__months_last_24=0,
        clinical__months_since_last=30,
    )


def texts(result: Assessment) -> dict[str, str]:
    return {a.id: a.text for a in result.actions}


def rules(catalog: Catalog) -> dict[str, ActionRule]:
    return {r.id: r for r in catalog.get("actions.toml", ActionsFile).actions}


def test_the_dates_are_where_the_tests_put_them(catalog: Catalog) -> None:
    opens = season_date(catalog, 2027, "submit_opens").date
    assert BEFORE < opens <= UNDER_WAY < season_date(catalog, 2027, "match_day").date < AFTER
    assert season_date(catalog, 2028, "submit_opens").date > AFTER


@pytest.mark.parametrize("maker", [student, graduate])
def test_before_applications_open_the_actions_are_as_before(catalog: Catalog, maker: Any) -> None:
    # the same with no day given (the engine never reads the clock itself)
    assert texts(assess(maker(), catalog, None, BEFORE)) == texts(assess(maker(), catalog))
    found = texts(assess(maker(), catalog, None, BEFORE))
    assert any(word in text for text in found.values() for word in BEFORE_WORDS)


@pytest.mark.parametrize("maker", [student, graduate])
@pytest.mark.parametrize("today", [UNDER_WAY, AFTER])
def test_once_applications_have_gone_nothing_asks_for_before_them(
    catalog: Catalog, maker: Any, today: dt.date
) -> None:
    result = assess(maker(), catalog, None, today)
    for action in result.actions:
        assert not any(word in action.text for word in BEFORE_WORDS), action.text
    base = texts(assess(maker(), catalog))
    by_id = rules(catalog)
    for action in result.actions:  # each one that waits on applications is worded anew
        if by_id[action.id].before_applications:
            assert action.text != base[action.id]


def test_a_student_in_season_is_told_what_still_helps(catalog: Catalog) -> None:
    result = assess(student(), catalog, None, UNDER_WAY)
    found = texts(result)
    assert "second look" in found["away_rotation"]
    assert "rank" in found["broaden_list"]
    assert "interview" in found["why_home_story"]
    assert "settle there" in found["local_letters"]
    # letters for this cycle come too late, and a student has no next cycle as a student
    assert "new_letters" in texts(assess(student(), catalog, None, BEFORE))
    assert "new_letters" not in found
    # what still helps names its own rule and source
    away = result.action("away_rotation")
    assert away is not None and away.rule == "actions.away_rotation.in_season"
    assert away.source == "article_match_back_home"
    detail = rule_detail(catalog, away.rule)
    assert detail is not None and detail.reliability == "illustrative"


def test_a_student_after_match_day_is_not_told_to_prepare_as_a_student(
    catalog: Catalog,
) -> None:
    ids = {a.id for a in assess(student(), catalog, None, AFTER).actions}
    assert not ids & {"away_rotation", "local_letters", "new_letters", "broaden_list"}


def test_a_graduate_in_season_is_told_this_season_and_the_next_match(catalog: Catalog) -> None:
    result = assess(graduate(), catalog, None, UNDER_WAY)
    found = texts(result)
    assert "2028 Match" in found["rebuild_clinical"]
    assert "2028 Match" in found["apply_broadly_community"]
    assert "second look" in found["away_rotation"]
    assert "rank list" in found["visa_programs"]
    visa = result.action("visa_programs")
    assert visa is not None and visa.source == "matchtui_assumption"


def test_after_match_day_a_graduate_is_told_the_next_match(catalog: Catalog) -> None:
    found = texts(assess(graduate(), catalog, None, AFTER))
    for action_id in ("rebuild_clinical", "away_rotation", "visa_programs", "broaden_list"):
        assert "2028 Match" in found[action_id]
    assert "second look" not in found["away_rotation"]  # the interviews are over
    # long after, the next Match is the first whose applications have not opened
    late = texts(assess(graduate(), catalog, None, dt.date(2027, 10, 1)))
    assert "2029 Match" in late["rebuild_clinical"]


def test_a_later_match_is_still_before_its_applications(catalog: Catalog) -> None:
    later = make(
        cycle_year=2028,
        applicant__stage="student",
        applicant__graduation_year=2028,
        applicant__current_region="northeast",
        applicant__home_region="west",
        targets__region="west",
        letters=[],
    )
    found = texts(assess(later, catalog, None, UNDER_WAY))
    assert found["away_rotation"].startswith("Do an away or audition rotation in the West")


def test_an_action_for_before_applications_needs_its_next_cycle_wording() -> None:
    base = {
        "id": "x",
        "title": "T",
        "text": "Before applications go in.",
        "when": ["visa.needs_sponsorship"],
        "source": "matchtui_assumption",
        "reliability": "assumption",
    }
    with pytest.raises(ValueError, match="next_cycle_text"):
        ActionRule.model_validate({**base, "before_applications": True})
    with pytest.raises(ValueError, match="before_applications"):
        ActionRule.model_validate({**base, "next_cycle_text": "For the {next_match} Match."})


STUDENT_TOML = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "Test student"
situation = "in_school"
degree = "us_md"
graduation_year = 2027
visa = "none"
home_region = "west"
lives_in = "northeast"
[exams]
step1 = "pass"
step2_score = 245
[targets]
specialties = ["pediatrics"]
region = "west"
"""


def test_the_command_line_reads_the_day_it_is_given(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "profile.toml").write_text(STUDENT_TOML)

    def actions(day: str) -> str:
        assert main(["--today", day, "assess"]) == 0
        out = capsys.readouterr().out
        return " ".join(out[out.index("Next actions") :].split())

    before = actions("2026-08-01")
    assert "Do an away or audition rotation in the West before applications go in" in before
    under_way = actions("2026-12-05")
    assert "before applications go in" not in under_way
    assert "second look" in under_way
    assert "Do an away" not in actions("2027-04-01")
