"""Profiles that cannot be true are refused where they load, naming the file, line and field
(the CLI) or the field (the Profile pane); stale ones are said to be stale.

Found by an audit with personas: a graduate (2021, two past cycles) whose file had no situation
line was scored as a US MD senior (85%, "re-entry risk: not applicable"); a US-citizen IMG was
rated for needing a visa; "24 of the last 24 months" of clinical work sat beside "last clinical
work 96 months ago"; a past Match cycle was dated 2029 for the 2027 Match; a Step 3 booked for a
day gone by read "the result should be in by about ..."; `profile new` wrote a Step 1 pass nobody
entered; a region decided two months after applications opened read "0 months before".
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.errors import FileProblems
from matchtui.models.profile import Profile, blank_profile
from matchtui.screens.profile import validate_profile
from matchtui.tomlio import load_model
from matchtui.workspace import demo_profile_path

TODAY = dt.date(2026, 12, 5)

# A US MD graduate of 2021, unmatched in 2021 and 2022, whose file leaves the situation out (the
# audit's v/p03_nosituation.toml, shortened).
NO_SITUATION = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "Graduate without a situation"
degree = "us_md"
graduation_year = 2021
home_region = "south"
lives_in = "south"
[exams]
step1 = "pass"
step2_score = 228
[[history.cycles]]
year = 2021
specialty = "general_surgery"
outcome = "unmatched"
[[history.cycles]]
year = 2022
specialty = "general_surgery"
outcome = "unmatched"
[targets]
specialties = ["internal_medicine"]
region = "south"
"""
GRADUATION_LINE = NO_SITUATION.splitlines().index("graduation_year = 2021") + 1


def _data(**sections: dict[str, Any]) -> dict[str, Any]:
    """The demo profile as data, with fields of its sections replaced."""
    data = load_model(demo_profile_path(), Profile).model_dump(mode="json")
    for section, changes in sections.items():
        data[section].update(changes)
    return data


def _refusal(data: dict[str, Any], catalog: Catalog) -> tuple[tuple[str | int, ...], str]:
    """The one problem the Profile pane's check finds in `data`: (field, message)."""
    profile, problems = validate_profile(data, catalog)
    assert profile is None and len(problems) == 1, problems
    return problems[0]


# --- a graduate down as a student ------------------------------------------------------------


def test_a_graduate_without_a_situation_line_is_refused_naming_line_and_field(
    tmp_path: Path,
) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(NO_SITUATION)
    with pytest.raises(FileProblems) as caught:
        load_model(path, Profile)
    (problem,) = caught.value.problems
    assert (problem.file, problem.key, problem.line) == (
        path,
        "applicant.graduation_year",
        GRADUATION_LINE,
    )
    assert problem.message.startswith("2021 is 6 years before the 2027 Match (cycle_year)")
    assert "no situation is given" in problem.message
    assert 'set situation = "not_in_training"' in problem.message
    # With the situation the file meant, the same profile is a prior graduate.
    path.write_text(
        NO_SITUATION.replace("[applicant]\n", '[applicant]\nsituation = "not_in_training"\n')
    )
    profile = load_model(path, Profile)
    assert profile.applicant_type == "us_md_graduate" and profile.is_reentry


@pytest.mark.parametrize(
    ("graduation_year", "refused", "kind"),
    [
        (2024, True, ""),
        (2025, True, ""),
        (2026, False, "us_md_graduate"),
        (2027, False, "us_md_senior"),
        (2028, False, "us_md_senior"),
    ],
)
def test_a_student_graduates_in_the_match_year_or_the_year_before(
    catalog: Catalog, graduation_year: int, refused: bool, kind: str
) -> None:
    """For the 2027 Match a student graduates in 2027 (its senior), or in 2026, aiming at the
    Match after graduating (its prior graduate: test_graduated_by_match); 2025 is a graduate's
    year. (2028 loads: the Reality check asks the student to check it, test_assess_engine.)"""
    data = _data(
        applicant={
            "situation": "in_school",
            "student_year": "m4",
            "graduation_year": graduation_year,
            "training_region": "south",
        },
        history={"cycles": []},
    )
    profile, problems = validate_profile(data, catalog)
    if not refused:
        assert problems == [] and profile is not None
        assert profile.applicant_type == kind
        return
    ((loc, message),) = problems
    assert loc == ("applicant", "graduation_year")
    assert "the situation says you are still in medical school" in message
    assert f"{2027 - graduation_year} years before the 2027 Match" in message


def test_a_student_cannot_have_applied_as_a_graduate(catalog: Catalog) -> None:
    data = _data(
        applicant={"situation": "in_school", "graduation_year": 2026, "training_region": "south"},
        history={"cycles": [{"year": 2027, "outcome": "unmatched"}]},
    )
    loc, message = _refusal(data, catalog)
    assert loc == ("history", "cycles", 0, "year")
    assert message.startswith("2027 is after your graduation year (2026)")


def test_the_profile_pane_shows_the_refusal_under_the_graduation_year(catalog: Catalog) -> None:
    """The demo graduate (2021) switched to "in medical school" in the form is not saved."""
    loc, message = _refusal(
        _data(applicant={"situation": "in_school", "training_region": "south"}), catalog
    )
    assert loc == ("applicant", "graduation_year")
    assert message.startswith("2021 is 6 years before the 2027 Match")


async def test_the_pane_keeps_the_graduate_when_situation_is_set_to_student(
    workspace: Any,
) -> None:
    from matchtui.app import MatchApp
    from matchtui.widgets.profile_fields import real_select

    from .test_profile_pane import built, error_of

    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await built(pilot)
        screen = app.screen
        (await real_select(screen, "#f-applicant-situation")).value = "in_school"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = error_of(screen, "f-applicant-graduation_year")
        assert "2021 is 6 years before the 2027 Match" in shown
        assert app.profile is not None and app.profile.applicant.situation == "not_in_training"


@pytest.mark.parametrize("command", [["assess"], ["mix"], ["report", "--format", "text"]])
def test_assess_mix_and_report_refuse_the_same_file_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = tmp_path / "graduate.toml"
    path.write_text(NO_SITUATION)
    assert main(["--today", TODAY.isoformat(), *command, "--profile", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        f"{path}:{GRADUATION_LINE}: [applicant.graduation_year] 2021 is 6 years before the 2027 "
        "Match" in captured.err
    )


def test_what_the_app_ships_and_starts_from_still_loads(catalog: Catalog) -> None:
    """The demo, a blank profile (`profile new`) and a student in the Match year all load."""
    demo = load_model(demo_profile_path(), Profile)
    assert validate_profile(demo.model_dump(mode="json"), catalog)[1] == []
    blank = blank_profile(TODAY, "south", 2027)
    assert validate_profile(blank.model_dump(mode="json"), catalog)[1] == []
    assert blank.applicant.situation == "in_school" and blank.applicant.graduation_year == 2027


# --- other impossible profiles -----------------------------------------------------------------


def test_a_us_citizen_img_needs_no_visa(catalog: Catalog) -> None:
    loc, message = _refusal(
        _data(applicant={"degree": "us_img", "visa": "needs_sponsorship"}), catalog
    )
    assert loc == ("applicant", "visa")
    assert message.startswith("a US-citizen IMG")
    for degree, visa in (("non_us_img", "needs_sponsorship"), ("us_img", "none")):
        assert validate_profile(_data(applicant={"degree": degree, "visa": visa}), catalog)[1] == []


@pytest.mark.parametrize(
    ("months", "since", "refused"),
    [(24, 96, True), (2, 96, True), (1, 25, True), (0, 96, False), (3, 24, False), (24, 0, False)],
)
def test_clinical_work_in_the_last_24_months_cannot_have_ended_before_them(
    catalog: Catalog, months: int, since: int, refused: bool
) -> None:
    data = _data(clinical={"months_last_24": months, "months_since_last": since})
    profile, problems = validate_profile(data, catalog)
    if not refused:
        assert problems == [] and profile is not None
        return
    ((loc, message),) = problems
    assert loc == ("clinical", "months_since_last")
    assert f"{since} months since your last clinical work" in message
    assert f"months_last_24 says {months} of those months" in message


def test_a_past_cycle_cannot_be_dated_after_the_match_applied_for(catalog: Catalog) -> None:
    later = _data(history={"cycles": [{"year": 2021}, {"year": 2029, "outcome": "unmatched"}]})
    loc, message = _refusal(later, catalog)
    assert loc == ("history", "cycles", 1, "year")
    assert message.startswith("2029 is after the 2027 Match this profile is for")
    # Recorded just after that Match's own Match Day, before the year moves on: it loads.
    same = _data(history={"cycles": [{"year": 2027, "outcome": "unmatched"}]})
    assert validate_profile(same, catalog)[1] == []


@pytest.mark.parametrize(
    ("section", "text", "key", "line_text"),
    [
        (
            "[applicant]",
            'degree = "us_img"\nvisa = "needs_sponsorship"\n',
            "applicant.visa",
            'visa = "needs_sponsorship"',
        ),
        (
            "[clinical]",
            "months_last_24 = 24\nmonths_since_last = 96\n",
            "clinical.months_since_last",
            "months_since_last = 96",
        ),
        (
            "[[history.cycles]]",
            'year = 2029\noutcome = "unmatched"\n',
            "history.cycles[0].year",
            "year = 2029",
        ),
    ],
)
def test_the_cli_names_the_line_and_field_of_each(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    section: str,
    text: str,
    key: str,
    line_text: str,
) -> None:
    body = (
        'schema_version = 2\ncycle_year = 2027\n[applicant]\nsituation = "not_in_training"\n'
        'graduation_year = 2020\nhome_region = "south"\nlives_in = "south"\n'
    )
    body += '[targets]\nregion = "south"\n'
    if section == "[applicant]":
        body = body.replace("[applicant]\n", "[applicant]\n" + text)
    else:
        body += f"{section}\n{text}"
    path = tmp_path / "profile.toml"
    path.write_text(body)
    line = body.splitlines().index(line_text) + 1
    assert main(["--today", TODAY.isoformat(), "assess", "--profile", str(path)]) == 2
    assert f"{path}:{line}: [{key}] " in capsys.readouterr().err


# --- a Step 3 date gone by ---------------------------------------------------------------------


def _booked(demo: Profile, day: dt.date) -> Profile:
    data = demo.model_dump(mode="json")
    data["exams"].update(step3="scheduled", step3_date=day.isoformat(), step3_year=None)
    return Profile.model_validate(data)


@pytest.mark.parametrize(
    ("today", "verdict", "said"),
    [
        (dt.date(2026, 5, 20), "scheduled", "the result should be in by about 2026-06-29, before"),
        (dt.date(2026, 6, 10), "date_passed", "the result should be in by about 2026-06-29:"),
        (TODAY, "date_passed", "the result would be out by now (about 2026-06-29)"),
        (None, "scheduled", "the result should be in by about 2026-06-29, before"),
    ],
)
def test_a_step3_date_gone_by_asks_for_the_result(
    catalog: Catalog,
    demo_profile: Profile,
    today: dt.date | None,
    verdict: str,
    said: str,
) -> None:
    result = assess(_booked(demo_profile, dt.date(2026, 6, 1)), catalog, today=today)
    assert result.step3.verdict == verdict and said in result.step3.reason
    action = result.action("record_step3")
    if verdict == "scheduled":
        assert action is None
        return
    assert (
        "a date now past" in result.step3.reason
        and "record it in the Profile" in result.step3.reason
    )
    assert action is not None and "put it in the Profile" in action.text
    assert action.finding == "Step 3 was booked for 2026-06-01, now past"


def test_the_cli_and_the_pane_say_the_step3_date_has_passed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], catalog: Catalog, demo_profile: Profile
) -> None:
    from matchtui.engine.reality_view import build_reality_view

    text = demo_profile_path().read_text()
    text = text.replace(
        'step3 = "passed"\nstep3_year = 2024', 'step3 = "scheduled"\nstep3_date = 2026-06-01'
    )
    path = tmp_path / "profile.toml"
    path.write_text(text)
    assert main(["--today", TODAY.isoformat(), "assess", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Step 3: date passed" in out and "a date now past" in out
    assert "the result should be in by about" not in out
    view = build_reality_view(load_model(path, Profile), catalog, None, TODAY)
    assert ("DATE PASSED", "yellow") in view.summary


# --- Step 1 is not a pass nobody entered -------------------------------------------------------


def test_a_new_profile_leaves_step1_unset_and_says_so(
    home: Path, capsys: pytest.CaptureFixture[str], catalog: Catalog
) -> None:
    assert main(["--today", TODAY.isoformat(), "profile", "new"]) == 0
    written = (home / "profile.toml").read_text()
    assert "step1 =" not in written
    assert main(["--today", TODAY.isoformat(), "assess"]) == 0
    out = capsys.readouterr().out
    assert "Step 1 result not recorded" in out
    profile = load_model(home / "profile.toml", Profile)
    assert profile.exams.step1 is None
    result = assess(profile, catalog, today=TODAY)
    assert result.action("record_step1") is not None and result.action("pass_step1") is None


def test_an_unrecorded_step1_is_rated_as_unknown_not_as_a_pass(
    catalog: Catalog, demo_profile: Profile
) -> None:
    """The demo graduate without a Step 1 line: the exam factor is middle (an assumption, as for
    a missing Step 2 CK score), not lower as a pass would make it."""
    data = demo_profile.model_dump(mode="json")
    del data["exams"]["step1"]
    result = assess(Profile.model_validate(data), catalog, today=TODAY)
    factor = result.factor("exam_status")
    assert factor is not None and factor.level == "middle"
    assert factor.reason == "Step 1 result not recorded: rates middle"
    assert any("step1_missing" in a for a in factor.assumptions)
    passed = assess(demo_profile, catalog, today=TODAY).factor("exam_status")
    assert passed is not None and passed.level == "lower"


def test_the_report_says_step1_is_not_recorded(catalog: Catalog, demo_profile: Profile) -> None:
    from matchtui.engine.report import build_report, to_markdown

    data = demo_profile.model_dump(mode="json")
    del data["exams"]["step1"]
    profile = Profile.model_validate(data)
    text = to_markdown(build_report(profile, catalog, today=TODAY, plan=None, practice=None))
    assert "| Step 1 | not recorded |" in text


async def test_the_pane_saves_a_new_profile_without_a_step1_result(
    workspace: Any, home: Path
) -> None:
    from matchtui.app import MatchApp
    from matchtui.store import PROFILE, Store

    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_new_profile()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        await app.screen.form_built()  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = Store(home).load(PROFILE, Profile)
        assert not saved.demo and saved.exams.step1 is None


# --- when the region was decided ---------------------------------------------------------------


def _decided(demo: Profile, year: int, month: int) -> Profile:
    data = demo.model_dump(mode="json")
    data["applicant"].update(decided_year=year, decided_month=month)
    return Profile.model_validate(data)


@pytest.mark.parametrize(
    ("month", "said"),
    [
        (11, "in Nov 2026, 2 months after applications opened (2 Sep 2026)"),
        (9, "in Sep 2026, the month applications opened (2 Sep 2026)"),
        (6, "in Jun 2026, 3 months before applications open (2 Sep 2026)"),
    ],
)
def test_a_decision_after_applications_opened_says_after(
    catalog: Catalog, demo_profile: Profile, month: int, said: str
) -> None:
    switcher = assess(_decided(demo_profile, 2026, month), catalog).archetype(
        "last_second_switcher"
    )
    assert switcher is not None and f"Decided on the Midwest {said}" in switcher.evidence


def test_the_opening_day_is_read_from_the_season_calendar(
    tmp_path: Path, demo_profile: Profile
) -> None:
    from matchtui.locations import bundled_data_dir

    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    dates = folder / "dates.toml"
    text = dates.read_text()
    assert text.count("date = 2026-09-02") == 1
    dates.write_text(text.replace("date = 2026-09-02", "date = 2026-10-07"))
    switcher = assess(_decided(demo_profile, 2026, 11), Catalog.load(folder)).archetype(
        "last_second_switcher"
    )
    assert switcher is not None
    assert (
        "Decided on the Midwest in Nov 2026, 1 month after applications opened (7 Oct 2026)"
        in switcher.evidence
    )


def test_the_cli_words_a_decision_made_after_applications_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = demo_profile_path().read_text().replace("decided_year = 2024", "decided_year = 2026")
    text = text.replace("decided_month = 9", "decided_month = 11")
    path = tmp_path / "profile.toml"
    path.write_text(text)
    assert main(["--today", TODAY.isoformat(), "assess", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    assert "in Nov 2026, 2 months after applications opened (2 Sep 2026)" in out
    assert "0 months before" not in out
