"""COMLEX-USA beside USMLE: a US DO records Level 1, a Level 2-CE score on its own scale and
Level 3, and the estimate never reads the Level 2-CE score as Step 2 CK points.

Found by an audit: a DO applicant could not record a COMLEX Level 2-CE score at all. The only
score field was Step 2 CK's (1-300), so a DO's 550 was refused ("Input should be less than or
equal to 300"), a DO with COMLEX only was estimated as if no score existed without a word about
it, and the readiness advice always named Step 3, never Level 3."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.charts import chart_inputs
from matchtui.engine.mix import estimate, missing_step3, recommended_mix
from matchtui.engine.reality_view import build_reality_view
from matchtui.engine.report import build_report, to_text
from matchtui.models.plan import PlanFile
from matchtui.models.profile import Profile
from matchtui.tomlio import dump_model
from matchtui.workspace import demo_profile_path

TODAY = "2026-12-05"
DEMO = demo_profile_path().read_text()
# The demo's exams, as the file writes them (a US MD graduate, Step 3 passed in 2024).
DEMO_EXAMS = """[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 238
step2_attempts = 1
step3 = "passed"
step3_year = 2024
total_failures = 0
"""
# The same graduate as a US DO who took COMLEX only.
DO_EXAMS = """[exams]
step1 = "not_taken"
step1_attempts = 0
level1 = "pass"
level2_score = 560
step3 = "not_taken"
level3 = "passed"
level3_year = 2024
"""


def do_text(exams: str = DO_EXAMS, degree: str = "us_do") -> str:
    assert DEMO_EXAMS in DEMO and 'degree = "us_md"' in DEMO
    return DEMO.replace(DEMO_EXAMS, exams).replace('degree = "us_md"', f'degree = "{degree}"')


def vary(profile: Profile, **changes: Any) -> Profile:
    """The profile with `section__field=value` changes (None drops the field)."""
    data = copy.deepcopy(profile.model_dump())
    for key, value in changes.items():
        section, field = key.split("__")
        data[section][field] = value
    return Profile.model_validate(data)


def do_graduate(demo: Profile, **changes: Any) -> Profile:
    """The demo graduate as a US DO with a COMLEX Level 2-CE score and no Step 2 CK score."""
    base = {
        "applicant__degree": "us_do",
        "exams__step2_score": None,
        "exams__level2_score": 560,
    }
    return vary(demo, **{**base, **changes})


def do_senior(demo: Profile, **changes: Any) -> Profile:
    """A final-year US DO student in the target region, COMLEX only."""
    return do_graduate(
        demo,
        applicant__situation="in_school",
        applicant__student_year="m4",
        applicant__graduation_year=2027,
        applicant__training_region=demo.targets.region,
        exams__step3="not_taken",
        exams__step3_year=None,
        history__cycles=[],
        **changes,
    )


def write(tmp_path: Path, text: str, name: str = "p.toml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


# --- the profile file ------------------------------------------------------------------------


def test_a_do_records_comlex_levels_and_the_file_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The audited case: a DO's Level 2-CE score, now in its own field, is taken."""
    path = write(tmp_path, do_text())
    assert main(["--today", TODAY, "assess", "--profile", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["step3"]["exam"] == "Level 3" and data["step3"]["verdict"] == "passed"
    assert "COMLEX Level 2-CE 560" in data["score_note"]["text"]


def test_a_comlex_score_in_the_step2_field_names_the_comlex_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The auditor's file put 550 in step2_score: still refused (it is not a Step 2 CK score),
    but the message says where a COMLEX score goes."""
    path = write(tmp_path, do_text(DEMO_EXAMS.replace("step2_score = 238", "step2_score = 550")))
    assert main(["--today", TODAY, "assess", "--profile", str(path)]) == 2
    err = capsys.readouterr().err
    assert "[exams.step2_score]" in err and "at most 300" in err and "level2_score" in err


@pytest.mark.parametrize("degree", ["us_md", "us_img", "non_us_img"])
@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('level1 = "pass"', "level1"),
        ("level2_score = 560", "level2_score"),
        ('level3 = "scheduled"\nlevel3_date = 2027-01-20', "level3"),
    ],
)
def test_only_a_do_records_comlex(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], degree: str, line: str, field: str
) -> None:
    exams = DEMO_EXAMS + line + "\n"
    path = write(tmp_path, do_text(exams, degree))
    assert main(["--today", TODAY, "assess", "--profile", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"[exams.{field}]" in err and "only a US DO" in err
    assert f"{path}:" in err  # with the line of the field


def test_the_same_fields_load_for_a_do(tmp_path: Path) -> None:
    exams = DEMO_EXAMS + 'level1 = "pass"\nlevel2_score = 560\nlevel3 = "not_taken"\n'
    assert (
        main(["--today", TODAY, "assess", "--profile", str(write(tmp_path, do_text(exams)))]) == 0
    )


@pytest.mark.parametrize(
    ("score", "words"),
    [
        (55, ["from 100 to 999", "pass mark is 400", "step2_score"]),
        (1200, ["from 100 to 999"]),
    ],
)
def test_a_level2_score_off_its_scale_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], score: int, words: list[str]
) -> None:
    path = write(tmp_path, do_text(DO_EXAMS.replace("560", str(score))))
    assert main(["--today", TODAY, "assess", "--profile", str(path)]) == 2
    err = capsys.readouterr().err
    line = do_text().splitlines().index("level2_score = 560") + 1
    assert f"{path}:{line}: [exams.level2_score]" in err
    assert all(word in err for word in words), err


def test_old_files_load_and_write_no_comlex_keys(demo_profile: Profile) -> None:
    """The new fields are optional: a file without them loads as before, and is written back
    without them (TOML has no null)."""
    assert demo_profile.exams.comlex_fields == []
    assert "level" not in dump_model(demo_profile)
    assert demo_profile.exams.third.name == "Step 3"


def test_do_fields_are_checked_like_the_usmle_ones(demo_profile: Profile) -> None:
    with pytest.raises(ValueError, match="needed when Level 3 is passed"):
        do_graduate(demo_profile, exams__level3="passed")
    with pytest.raises(ValueError, match="needed when Level 3 is scheduled"):
        do_graduate(demo_profile, exams__level3="scheduled")
    with pytest.raises(ValueError, match="give the Level 1 result too"):
        do_graduate(demo_profile, exams__level1_attempts=2)
    with pytest.raises(ValueError, match="at least 1 when Level 1 is passed"):
        do_graduate(demo_profile, exams__level1="pass", exams__level1_attempts=0)
    with pytest.raises(ValueError, match="give the Level 2-CE score too"):
        do_graduate(demo_profile, exams__level2_score=None, exams__level2_attempts=2)


def test_comlex_failures_count(demo_profile: Profile) -> None:
    """A failed Level 1 sitting and a second Level 2-CE attempt are two failed attempts."""
    profile = do_graduate(
        demo_profile,
        exams__level1="pass",
        exams__level1_attempts=2,
        exams__level2_attempts=2,
        exams__total_failures=None,
    )
    assert profile.exams.failures == 2
    failed = vary(profile, exams__level1="fail", exams__level1_attempts=1)
    assert failed.exams.failures == 2


@pytest.mark.parametrize(
    ("changes", "name", "status"),
    [
        ({}, "Level 3", "not_taken"),  # COMLEX scores only: Level 3 is the one to take
        ({"exams__step2_score": 238}, "Step 3 or Level 3", "not_taken"),
        ({"exams__level2_score": None, "exams__level1": "pass"}, "Step 3 or Level 3", "not_taken"),
        (
            {"exams__step3": "scheduled", "exams__step3_date": dt.date(2027, 1, 5)},
            "Step 3",
            "scheduled",
        ),
        (
            {
                "exams__step3": "scheduled",
                "exams__step3_date": dt.date(2027, 2, 5),
                "exams__level3": "scheduled",
                "exams__level3_date": dt.date(2027, 1, 5),
            },
            "Level 3",
            "scheduled",
        ),
        (
            {
                "exams__step3": "passed",
                "exams__step3_year": 2023,
                "exams__level3": "scheduled",
                "exams__level3_date": dt.date(2027, 1, 5),
            },
            "Step 3",
            "passed",
        ),
    ],
)
def test_the_third_exam_is_the_one_further_along(
    demo_profile: Profile, changes: dict[str, Any], name: str, status: str
) -> None:
    base = {"exams__step3": "not_taken", "exams__step3_year": None}
    third = do_graduate(demo_profile, **{**base, **changes}).exams.third
    assert (third.name, third.status) == (name, status)


# --- the Reality check -----------------------------------------------------------------------


def test_level3_is_named_and_counted_for_a_do_who_takes_comlex(
    catalog: Catalog, demo_profile: Profile
) -> None:
    missing = do_graduate(demo_profile, exams__step3="not_taken", exams__step3_year=None)
    result = assess(missing, catalog)
    assert result.step3.exam == "Level 3" and result.step3.verdict == "missing"
    assert "without Level 3" in result.step3.reason
    action = result.action("take_step3")
    assert action is not None
    assert action.title == "Pass Level 3 before rank lists close"
    assert action.text.startswith("Book Level 3 early")
    assert action.finding == "Level 3 not taken"
    factor = result.factor("exam_status")
    assert factor is not None and "Level 3 not taken" in factor.value
    assert factor.level == "higher"
    assert missing_step3(missing, catalog)
    # Level 3 passed counts as Step 3 passed does.
    passed = vary(missing, exams__level3="passed", exams__level3_year=2024)
    result = assess(passed, catalog)
    assert result.step3.exam == "Level 3" and result.step3.verdict == "passed"
    assert result.action("take_step3") is None
    factor = result.factor("exam_status")
    assert factor is not None and factor.level == "lower"
    assert factor.value == "0 failures; Level 3 passed 2024"
    assert not missing_step3(passed, catalog)


def test_an_md_still_reads_step3(catalog: Catalog, demo_profile: Profile) -> None:
    missing = vary(demo_profile, exams__step3="not_taken", exams__step3_year=None)
    result = assess(missing, catalog)
    assert result.step3.exam == "Step 3" and "without Step 3" in result.step3.reason
    action = result.action("take_step3")
    assert action is not None and action.title == "Pass Step 3 before rank lists close"
    assert result.score_note is None


def test_a_level3_booked_too_late_is_late(catalog: Catalog, demo_profile: Profile) -> None:
    late = do_graduate(
        demo_profile,
        exams__step3="not_taken",
        exams__step3_year=None,
        exams__level3="scheduled",
        exams__level3_date=dt.date(2027, 3, 1),
    )
    result = assess(late, catalog)
    assert result.step3.exam == "Level 3" and result.step3.verdict == "late"
    assert missing_step3(late, catalog)
    early = vary(late, exams__level3_date=dt.date(2027, 1, 10))
    assert assess(early, catalog).step3.verdict == "scheduled"


def test_level1_passed_opens_no_step1_question(catalog: Catalog, demo_profile: Profile) -> None:
    """A DO who passed Level 1 and never sat Step 1 is not told to pass Step 1."""
    comlex = do_graduate(
        demo_profile, exams__step1="not_taken", exams__step1_attempts=0, exams__level1="pass"
    )
    result = assess(comlex, catalog)
    assert result.action("pass_step1") is None
    factor = result.factor("exam_status")
    assert factor is not None and "Step 1" not in factor.reason
    failed = vary(comlex, exams__level1="fail", exams__level1_attempts=1)
    result = assess(failed, catalog)
    action = result.action("pass_step1")
    assert action is not None and action.finding == "Level 1 failed and not yet passed"


def test_no_score_of_either_kind_is_named_for_a_do(catalog: Catalog, demo_profile: Profile) -> None:
    none = do_graduate(demo_profile, exams__level2_score=None, exams__level1="pass")
    factor = assess(none, catalog).factor("exam_status")
    assert factor is not None and "No Step 2 CK or Level 2-CE score" in factor.reason
    with_score = assess(do_graduate(demo_profile), catalog).factor("exam_status")
    assert with_score is not None and "score" not in with_score.reason


# --- the estimate ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", [do_graduate, do_senior])
@pytest.mark.parametrize("specialty", ["family_medicine", "internal_medicine", "psychiatry"])
def test_a_comlex_only_score_is_placed_at_the_group_and_said_so(
    catalog: Catalog, demo_profile: Profile, who: Any, specialty: str
) -> None:
    """Never converted: a DO with only a Level 2-CE score gets what a DO with no score gets,
    whatever the score, and every output of the estimate says so."""
    comlex = who(demo_profile)
    plan = recommended_mix(comlex, catalog, specialty)
    none = vary(comlex, exams__level2_score=None)
    high = vary(comlex, exams__level2_score=800)
    got = estimate(comlex, catalog, plan)
    assert got.p_match == estimate(none, catalog, plan).p_match
    assert got.p_match == estimate(high, catalog, plan).p_match
    note = got.score_note
    assert "COMLEX Level 2-CE 560" in note and "pass mark 400" in note
    assert "Step 2 CK points" in note and "no published conversion" in note
    assert "Assumption: the estimate places you at your group's typical score" in note
    assert estimate(none, catalog, plan).score_note == ""
    row = next(a for a in got.assumptions if a.name.startswith("COMLEX Level 2-CE score"))
    assert row.reliability == "assumption" and row.value.startswith("560: placed at")
    assert got.illustrative


def test_beside_a_step2_score_the_comlex_score_moves_nothing(
    catalog: Catalog, demo_profile: Profile
) -> None:
    both = do_graduate(demo_profile, exams__step2_score=238)
    usmle = vary(both, exams__level2_score=None)
    plan = recommended_mix(both, catalog, "internal_medicine")
    got = estimate(both, catalog, plan)
    assert got.p_match == estimate(usmle, catalog, plan).p_match
    assert "reads your Step 2 CK 238" in got.score_note
    assert "not converted" in got.score_note


def test_the_note_is_in_mix_assess_and_the_report(
    tmp_path: Path, catalog: Catalog, demo_profile: Profile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, do_text())
    assert main(["--today", TODAY, "mix", "--profile", str(path)]) == 0
    mix = " ".join(capsys.readouterr().out.split())
    assert "no published conversion from COMLEX is used, so 560 is not read as a Step 2 CK" in mix
    assert "COMLEX Level 2-CE score (no published conversion to Step 2 CK points): 560" in mix
    assert main(["--today", TODAY, "assess", "--profile", str(path)]) == 0
    sheet = " ".join(capsys.readouterr().out.split())
    assert "Exam scores and the estimate" in sheet and "Level 3: passed" in sheet
    assert "score curve is in USMLE Step 2 CK points" in sheet
    profile = do_graduate(demo_profile)
    report = build_report(
        profile,
        catalog,
        today=dt.date(2026, 12, 5),
        plan=PlanFile(mix=recommended_mix(profile, catalog)),
        practice=None,
    )
    text = " ".join(to_text(report).split())
    assert "COMLEX Level 2-CE 560 (1 attempt)" in text  # the profile section
    mix_part = text[text.index("Program mix") :]
    assert "so 560 is not read as a Step 2 CK score" in mix_part
    assert "Exam scores and the estimate (assumption)" in text


def test_the_reality_pane_and_the_charts_say_it_too(
    catalog: Catalog, demo_profile: Profile
) -> None:
    profile = do_graduate(demo_profile)
    view = build_reality_view(profile, catalog, None)
    finding = view.findings["ready-table:scores"]
    assert finding.title == "Exam scores: own scale, not converted"
    assert "Step 2 CK points" in finding.text and finding.reliability == "assumption"
    assert "ready-table:scores" not in build_reality_view(demo_profile, catalog, None).findings
    chart = chart_inputs("scores", catalog, profile, ("internal_medicine",))
    assert any("COMLEX Level 2-CE score (560)" in m for m in chart.messages)


def test_plan_reads_level3_as_done(catalog: Catalog, demo_profile: Profile) -> None:
    from matchtui.engine.plan import profile_shows_done

    passed = do_graduate(
        demo_profile,
        exams__step3="not_taken",
        exams__step3_year=None,
        exams__level3="passed",
        exams__level3_year=2024,
    )
    result = assess(passed, catalog)
    assert profile_shows_done("step3_passed", passed, result)
    assert not profile_shows_done(
        "step3_passed", vary(passed, exams__level3="not_taken", exams__level3_year=None), result
    )
