"""A short observership does not erase years without hands-on clinical work.

Found by an audit persona: a US MD graduate of 2016 whose last hands-on clinical work was in
2017 did a two-month observership that ended last month. The profile held one clinical date,
the observership's, and the estimate took the months without hands-on work before it as the
24-month window: "read as 23 months without clinical work", -0.23 on the log-odds, where the
same graduate with no observership (non-clinical, 110 months) cost -2.04. The profile now has
clinical.months_since_hands_on; given, the estimate reads the gap before the observership from
it, and a short observership after a long hands-on gap rates higher (risk.toml [clinical_gap]
weak_min_months). Not given, the estimate keeps the window and both screens say it is unknown.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.mix import clinical_gap_years, estimate, recommended_mix
from matchtui.engine.report import build_report, to_markdown
from matchtui.errors import FileProblems
from matchtui.models.mix import mix_data
from matchtui.models.profile import HANDS_ON_LABEL, Profile
from matchtui.models.risk_rules import RiskFile
from matchtui.screens.profile import ProfileScreen, validate_profile
from matchtui.store import PROFILE, Store
from matchtui.tomlio import load_model
from matchtui.widgets.profile_fields import FieldLine, FieldRow, real_input, real_select

TODAY = dt.date(2026, 12, 5)

# The audit's c8 profile (shortened): US MD 2016, unmatched in 2016 and 2017, a two-month
# observership in internal medicine that ended a month ago.
C8 = """\
schema_version = 2
cycle_year = 2028
[applicant]
name = "US MD 2016, observership only"
situation = "not_in_training"
degree = "us_md"
graduation_year = 2016
visa = "none"
home_region = "south"
lives_in = "south"
decided_year = 2026
decided_month = 9
[exams]
step1 = "pass"
step1_attempts = 2
step2_score = 221
step2_attempts = 1
step3 = "not_taken"
total_failures = 1
[[history.cycles]]
year = 2016
specialty = "internal_medicine"
outcome = "unmatched"
soap = true
[[history.cycles]]
year = 2017
specialty = "internal_medicine"
outcome = "unmatched"
[targets]
specialties = ["internal_medicine"]
region = "south"
[clinical]
role = "observership"
months_last_24 = 2
months_since_last = 1
"""
HANDS_ON = "months_since_hands_on = 110\n"


def read(text: str = C8, **clinical: Any) -> Profile:
    """The profile in `text`, its [clinical] fields changed as given (None drops one)."""
    import tomllib

    data = tomllib.loads(text)
    data["clinical"].update(clinical)
    data["clinical"] = {k: v for k, v in data["clinical"].items() if v is not None}
    return Profile.model_validate(data)


def chance(profile: Profile, catalog: Catalog) -> float:
    return estimate(profile, catalog, recommended_mix(profile, catalog)).p_match


def gap_factor(profile: Profile, catalog: Catalog) -> Any:
    factor = assess(profile, catalog).factor("clinical_gap")
    assert factor is not None
    return factor


# --- the estimate ----------------------------------------------------------------------------


def test_the_hands_on_gap_given_is_read_before_the_observership(catalog: Catalog) -> None:
    unknown = read()
    given = read(months_since_hands_on=110)
    away = read(role="nonclinical", months_last_24=0, months_since_last=110)
    credit = mix_data(catalog).weak_clinical.month_credit
    # Not given: the window, as before (23 months). Given: the 110 months, less the credit.
    assert clinical_gap_years(unknown, catalog) * 12 == pytest.approx(24 - credit * 2)
    assert clinical_gap_years(given, catalog) * 12 == pytest.approx(110 - credit * 2)
    # The observership still helps a little, against the same decade with none at all ...
    assert clinical_gap_years(away, catalog) > clinical_gap_years(given, catalog)
    assert chance(away, catalog) <= chance(given, catalog)
    # ... but no longer erases it: the estimate is a fraction of the one the window gave.
    assert chance(given, catalog) < chance(unknown, catalog) / 2


def test_a_non_clinical_role_reads_the_hands_on_gap_too(catalog: Catalog) -> None:
    """Non-clinical work now, an observership 30 months ago, hands-on work 110 months ago: the
    gap is the 110 months, not the 30 since the observership."""
    before = read(role="nonclinical", months_last_24=0, months_since_last=30)
    given = read(
        role="nonclinical", months_last_24=0, months_since_last=30, months_since_hands_on=110
    )
    assert clinical_gap_years(before, catalog) * 12 == pytest.approx(30)
    assert clinical_gap_years(given, catalog) * 12 == pytest.approx(110)


def test_a_hands_on_role_reads_as_before(catalog: Catalog) -> None:
    job = read(role="clinical_job", months_last_24=12, months_since_last=1)
    same = read(
        role="clinical_job", months_last_24=12, months_since_last=1, months_since_hands_on=1
    )
    assert clinical_gap_years(job, catalog) == clinical_gap_years(same, catalog)
    assert gap_factor(job, catalog).level == gap_factor(same, catalog).level


def _mix_line(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    assert main(["--today", TODAY.isoformat(), "mix", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    return next(x for x in out.splitlines() if "Observership months against the clinical gap" in x)


def test_cli_mix_says_when_the_hands_on_gap_is_unknown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "c8.toml"
    path.write_text(C8, encoding="utf-8")
    line = _mix_line(capsys, path)
    assert "months without hands-on clinical work before it unknown" in line
    assert "taken as the 24-month window (an assumption" in line
    assert f"fill in {HANDS_ON_LABEL} in the profile, months_since_hands_on in its file" in line
    assert "read as 23 months without clinical work" in line
    path.write_text(C8 + HANDS_ON, encoding="utf-8")
    line = _mix_line(capsys, path)
    assert "unknown" not in line
    assert "last hands-on clinical work 110 months ago: read as 109 months without" in line
    assert main(["--today", TODAY.isoformat(), "mix", "--profile", str(path)]) == 0
    gap = next(x for x in capsys.readouterr().out.splitlines() if "Time since last clinical" in x)
    assert "9.08 years: -2.02" in gap


# --- the Reality check -----------------------------------------------------------------------


def test_the_reality_row_says_the_hands_on_gap_is_unknown(catalog: Catalog) -> None:
    factor = gap_factor(read(), catalog)
    assert factor.level == "middle"  # as before for a profile without the field
    assert "Time without hands-on work before it unknown" in factor.reason
    assert "(the estimate assumes the 24-month window)" in factor.reason
    assert HANDS_ON_LABEL in factor.reason


def test_a_short_observership_after_a_long_hands_on_gap_rates_higher(catalog: Catalog) -> None:
    rule = catalog.get("risk.toml", RiskFile).clinical_gap
    short, enough = rule.weak_min_months - 1, rule.weak_min_months
    long_gap = rule.higher_gap_months
    higher = gap_factor(read(months_last_24=short, months_since_hands_on=long_gap), catalog)
    assert higher.level == "higher"
    assert f"{short} months as an observer after {long_gap} months without hands-on" in (
        higher.reason
    )
    assert f"weak_min_months = {rule.weak_min_months}" in higher.assumptions
    # Enough months observed, or a short hands-on gap: middle, never better.
    for months, hands_on in ((enough, long_gap), (short, long_gap - 1)):
        factor = gap_factor(read(months_last_24=months, months_since_hands_on=hands_on), catalog)
        assert factor.level == "middle"
        assert f"last hands-on clinical work {hands_on} months ago" in factor.reason
    # The c8 profile with its decade given: three factors rate higher now.
    result = assess(read(months_since_hands_on=110), catalog)
    assert [f.id for f in result.risk.factors if f.level == "higher"] == [
        "years_since_graduation",
        "exam_status",
        "clinical_gap",
    ]


# --- contradictions, saving, the report ---------------------------------------------------------


@pytest.mark.parametrize(
    ("clinical", "said"),
    [
        (
            {"role": "clinical_job", "months_last_24": 12, "months_since_hands_on": 50},
            "Clinical job is hands-on clinical work itself, so months_since_hands_on (50) must "
            "match months_since_last (1)",
        ),
        (
            {"months_since_last": 5, "months_since_hands_on": 2},
            "months_since_hands_on puts your last hands-on clinical work 2 months ago, more "
            "recent than the last clinical activity months_since_last gives (5 months ago): it "
            "must be 5 or more",
        ),
    ],
)
def test_contradictions_are_refused_naming_the_field(
    catalog: Catalog,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    clinical: dict[str, Any],
    said: str,
) -> None:
    data = read().model_dump(mode="json")
    data["clinical"].update(clinical)
    profile, problems = validate_profile(data, catalog)
    assert profile is None
    ((loc, message),) = problems
    assert loc == ("clinical", "months_since_hands_on")
    assert message.startswith(said)
    # The CLI names the file, the line and the field.
    fields = {**data["clinical"], **clinical}
    body = C8.split("[clinical]")[0] + "[clinical]\n"
    body += "".join(
        f'{key} = "{value}"\n' if isinstance(value, str) else f"{key} = {value}\n"
        for key, value in fields.items()
    )
    path = tmp_path / "profile.toml"
    path.write_text(body, encoding="utf-8")
    hands_on = f"months_since_hands_on = {clinical['months_since_hands_on']}"
    line = body.splitlines().index(hands_on) + 1
    assert main(["--today", TODAY.isoformat(), "assess", "--profile", str(path)]) == 2
    assert f"{path}:{line}: [clinical.months_since_hands_on] " in capsys.readouterr().err
    with pytest.raises(FileProblems):
        load_model(path, Profile)


def test_consistent_values_load(catalog: Catalog) -> None:
    assert read(role="clinical_job", months_since_hands_on=1).clinical.months_since_hands_on == 1
    assert read(months_since_hands_on=1).clinical.months_since_hands_on == 1
    assert read().clinical.months_since_hands_on is None  # an old file, unchanged


def test_saved_and_loaded_back(workspace: Any, home: Path) -> None:
    given = read(months_since_hands_on=110)
    path = workspace.save_profile(given)
    assert "months_since_hands_on = 110" in path.read_text(encoding="utf-8")
    assert Store(home).load(PROFILE, Profile) == given
    # Not given: no line at all (TOML has no empty value), and it loads back as not given.
    unknown = read()
    path = workspace.save_profile(unknown)
    assert "months_since_hands_on" not in path.read_text(encoding="utf-8")
    loaded = Store(home).load(PROFILE, Profile)
    assert loaded == unknown and loaded.clinical.months_since_hands_on is None
    assert loaded.schema_version == 2


def test_the_report_lists_the_hands_on_gap(catalog: Catalog) -> None:
    def row(profile: Profile) -> str:
        md = to_markdown(build_report(profile, catalog, today=TODAY, plan=None, practice=None))
        return next(x for x in md.splitlines() if x.startswith("| Last hands-on clinical work"))

    assert (
        row(read(months_since_hands_on=110)) == "| Last hands-on clinical work | 110 months ago |"
    )
    assert "not given (the estimate takes 24 months, an assumption)" in row(read())
    job = read(role="clinical_job", months_last_24=12)
    md = to_markdown(build_report(job, catalog, today=TODAY, plan=None, practice=None))
    assert "Last hands-on clinical work" not in md
    # Found by review: non-clinical work since 110 months ago was said to be read as 24
    # months, while the estimate reads its 110: only an observership's gap is taken.
    away = read(role="nonclinical", months_last_24=0, months_since_last=110)
    md = to_markdown(build_report(away, catalog, today=TODAY, plan=None, practice=None))
    assert "Last hands-on clinical work" not in md and "the estimate takes" not in md


# --- the Profile pane ------------------------------------------------------------------------


def _row(control: Any) -> FieldRow | FieldLine:
    if isinstance(control, FieldLine):
        return control
    return next(a for a in control.ancestors if isinstance(a, FieldRow))


async def test_the_pane_edits_it_for_an_observership(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert isinstance(screen, ProfileScreen)
        await screen.form_built()
        # The demo's role is a clinical job: the field does not apply, so it is not shown.
        assert not _row(screen.query_one("#f-clinical-months_since_hands_on")).display
        (await real_select(screen, "#f-clinical-role")).value = "observership"
        await pilot.pause()
        assert _row(screen.query_one("#f-clinical-months_since_hands_on")).display
        months = await real_input(screen, "#f-clinical-months_last_24")
        months.focus()
        months.value = ""
        await pilot.press("2")
        field = await real_input(screen, "#f-clinical-months_since_hands_on")
        # Hands-on work more recent than the last clinical activity: refused where it is typed.
        since = await real_input(screen, "#f-clinical-months_since_last")
        since.value = "5"
        field.focus()
        await pilot.pause()
        await pilot.press("2", "tab")
        await pilot.pause()
        errors = _row(field).query(".field-error")
        assert errors and "must be 5 or more" in str(errors.first(Static).render())
        assert Store(home).load(PROFILE, Profile).clinical.role == "clinical_job"  # not saved
        since.value = "1"
        field.value = ""
        field.focus()
        await pilot.pause()
        await pilot.press(*"110")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.unsaved == set()
        saved = Store(home).load(PROFILE, Profile)
        assert saved.clinical.role == "observership"
        assert saved.clinical.months_since_hands_on == 110
        assert saved.clinical.months_since_last == 1
        # Back to a clinical job: hidden again, and saved without it.
        (await real_select(screen, "#f-clinical-role")).value = "clinical_job"
        await pilot.pause()
        assert not _row(screen.query_one("#f-clinical-months_since_hands_on")).display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Store(home).load(PROFILE, Profile).clinical.months_since_hands_on is None


def test_the_profiles_hands_on_roles_are_the_clinical_gap_rules_counting_roles(
    catalog: Any,
) -> None:
    """The profile refuses a hands-on gap that differs from months_since_last for the roles
    that are hands-on work (models.profile.HANDS_ON_ROLES: a model cannot read the data), and
    the clinical-gap rule counts the months of its `counting_roles` (risk.toml): one set."""
    from matchtui.models.profile import HANDS_ON_ROLES
    from matchtui.models.risk_rules import RiskFile

    rule = catalog.get("risk.toml", RiskFile).clinical_gap
    assert set(rule.counting_roles) == set(HANDS_ON_ROLES)
