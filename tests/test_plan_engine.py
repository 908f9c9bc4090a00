"""engine/plan: months, status, overdue, Reality-check marks, tracks, key dates, cycle advice."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog, bundled_data_dir
from matchtui.engine.assess import assess
from matchtui.engine.plan import (
    YearMonth,
    advice_text,
    build_plan,
    cycle_advice,
    next_status,
    place,
    plan_for,
    timing_state,
    with_item,
    with_start,
    with_timeline,
)
from matchtui.errors import FileProblems
from matchtui.models.plan import ItemState, MixPlan, PlanFile, TimelineState
from matchtui.models.plan_data import steps_data, timeline_data
from matchtui.models.profile import Profile

TODAY = dt.date(2026, 11, 23)


def edit(profile: Profile, **sections: dict[str, Any]) -> Profile:
    """A copy of the profile with some fields of some sections changed (validated)."""
    data = profile.model_dump()
    for section, values in sections.items():
        if isinstance(data[section], dict):
            data[section].update(values)
        else:
            data[section] = values
    return Profile.model_validate(data)


def state(start: str, **items: str) -> TimelineState:
    return TimelineState(
        start_month=start,
        items={k: ItemState(status=v) for k, v in items.items()},  # type: ignore[arg-type]
    )


# --- months ------------------------------------------------------------------------------


def test_year_month_arithmetic_and_parsing() -> None:
    nov = YearMonth.parse("2025-11")
    assert nov.add(2) == YearMonth(2026, 1)
    assert nov.add(-11) == YearMonth(2024, 12)
    assert YearMonth(2027, 3).minus(nov) == 16
    assert str(nov.add(1)) == "2025-12" and nov.label == "Nov 2025"
    for bad in ("2025-13", "2025-00", "25-01", "2025/01", "soon", ""):
        with pytest.raises(ValueError):
            YearMonth.parse(bad)


def test_items_are_placed_on_real_months_from_the_start_month(
    demo_profile: Profile, catalog: Catalog
) -> None:
    view = plan_for(demo_profile, catalog, PlanFile(timeline=state("2025-11")), TODAY)
    assert view.start == YearMonth(2025, 11) and not view.start_is_default
    windows = {row.id: (str(row.first), str(row.last)) for row in view.rows}
    # offset 0, 1 month; offset 3, 3 months; offset 6 crosses into the next year
    assert windows["reality_sheet"] == ("2025-11", "2025-11")
    assert windows["step3_passed"] == ("2026-02", "2026-04")
    assert windows["submit_eras"] == ("2026-05", "2026-06")
    assert windows["next_year_decision"] == ("2026-10", "2026-10")
    assert view.row("step3_passed") is not None
    assert view.row("step3_passed").window == "Feb-Apr 2026"  # type: ignore[union-attr]
    # every item offset/duration from the data lands where place() puts it (an item shown
    # only while a fact holds, such as Step 1 still to be passed, is not shown for the demo)
    for item in timeline_data(catalog).items:
        if item.shown_while is not None:
            assert item.id not in windows
            continue
        first, last = place(view.start, item.offset, item.duration)
        assert windows[item.id] == (str(first), str(last))
    # the grid starts at the start month, covers twelve months and runs to this cycle's Match
    assert view.months[0] == view.start
    assert view.months == tuple(view.start.add(i) for i in range(len(view.months)))
    assert view.months[-1] == YearMonth(2027, 3)


def test_moving_the_start_month_moves_every_item(demo_profile: Profile, catalog: Catalog) -> None:
    early = plan_for(demo_profile, catalog, PlanFile(timeline=state("2026-02")), TODAY)
    later = plan_for(demo_profile, catalog, PlanFile(timeline=state("2026-05")), TODAY)
    for a, b in zip(early.rows, later.rows, strict=True):
        assert a.id == b.id
        if a.first is not None and b.first is not None:
            assert b.first.minus(a.first) == 3


def test_default_start_comes_from_the_data_rule(demo_profile: Profile, catalog: Catalog) -> None:
    rule = timeline_data(catalog).default_start
    view = plan_for(demo_profile, catalog, None, TODAY)
    assert view.start_is_default
    assert view.start == YearMonth(demo_profile.cycle_year - rule.years_before_cycle, rule.month)


# --- status and overdue ---------------------------------------------------------------------


def test_timing_state_rules() -> None:
    first, last = YearMonth(2026, 3), YearMonth(2026, 5)
    before, inside, after = YearMonth(2026, 2), YearMonth(2026, 5), YearMonth(2026, 6)
    assert timing_state(first, last, "todo", "active", before) == "upcoming"
    assert timing_state(first, last, "todo", "active", inside) == "now"
    assert timing_state(first, last, "todo", "active", after) == "overdue"
    assert timing_state(first, last, "doing", "milestone", after) == "overdue"
    assert timing_state(first, last, "done", "active", after) == "done"
    assert timing_state(first, last, "todo", "active", after, profile_done=True) == "done"
    # an ongoing habit under way is not overdue once its window closes; not started, it is
    assert timing_state(first, last, "doing", "ongoing", after) == "now"
    assert timing_state(first, last, "todo", "ongoing", after) == "overdue"
    assert timing_state(None, None, "todo", "step", after) == "unscheduled"
    assert [next_status(s) for s in ("todo", "doing", "done")] == ["doing", "done", "todo"]


def test_overdue_items_given_today(demo_profile: Profile, catalog: Catalog) -> None:
    plan = PlanFile(
        timeline=state("2026-02", reality_sheet="done", letter_writers="doing", submit_eras="doing")
    )
    view = plan_for(demo_profile, catalog, plan, TODAY)
    overdue = {row.id for row in view.overdue}
    # ended before November 2026 and not done (a deadline under way is still late)
    assert {"statement_cv", "submit_eras", "home_range"} <= overdue
    assert "reality_sheet" not in overdue  # marked done
    assert "letter_writers" not in overdue  # an ongoing habit under way
    assert "step3_passed" not in overdue  # the profile shows Step 3 passed
    assert view.row("step3_passed").state == "done"  # type: ignore[union-attr]
    assert view.row("interviews_soap").state == "now"  # type: ignore[union-attr]
    assert view.row("next_year_decision").state == "upcoming"  # type: ignore[union-attr]
    # the same plan a year earlier has nothing overdue
    early = plan_for(demo_profile, catalog, plan, dt.date(2026, 1, 15))
    assert early.overdue == ()
    # one marked done, five the profile shows done (their boxes are ticked: they count); two
    # marked doing, and one the profile shows under way (the clinical job goes on: kept going)
    assert view.status_counts() == {"todo": 10, "doing": 3, "done": 6}
    assert view.row("stay_clinical").started_by_profile  # type: ignore[union-attr]
    ticked = {row.id for row in view.rows if row.ticked_by_profile}
    assert len(ticked) == 5 and "step3_passed" in ticked
    assert all(view.row(i).shown_status == "done" for i in ticked)  # type: ignore[union-attr]


def test_profile_facts_mark_items_done(demo_profile: Profile, catalog: Catalog) -> None:
    plan = PlanFile(timeline=state("2026-02"))
    view = plan_for(demo_profile, catalog, plan, TODAY)
    assert view.row("step3_passed").profile_done  # type: ignore[union-attr]
    assert view.row("regional_letter").profile_done  # type: ignore[union-attr]
    assert not view.row("region_rotation").profile_done  # type: ignore[union-attr]  # planned
    not_taken = edit(demo_profile, exams={"step3": "not_taken", "step3_year": None})
    view = plan_for(not_taken, catalog, plan, TODAY)
    assert not view.row("step3_passed").profile_done  # type: ignore[union-attr]
    assert view.row("step3_passed").state == "overdue"  # type: ignore[union-attr]


# --- the Reality check's actions ------------------------------------------------------------


def test_items_the_reality_check_points_to_are_marked(
    demo_profile: Profile, catalog: Catalog
) -> None:
    assessment = assess(demo_profile, catalog)
    raised = {a.id: a for a in assessment.actions}
    view = build_plan(demo_profile, catalog, None, TODAY, assessment)
    data_actions = {item.id: set(item.actions) for item in timeline_data(catalog).items}
    data_actions |= {step.id: set(step.actions) for step in steps_data(catalog).back_home}
    for row in view.rows:
        expected = data_actions[row.id] & set(raised)
        assert {m.id for m in row.marked} == expected, row.id
        for mark in row.marked:
            assert mark.text == raised[mark.id].text and mark.priority == raised[mark.id].priority
    assert view.marked, "the demo profile has actions that point at plan items"
    priorities = [min(m.priority for m in row.marked) for row in view.marked]
    assert priorities == sorted(priorities)


def test_a_far_out_dermatology_applicant_gets_the_specialty_item_marked(
    demo_profile: Profile, catalog: Catalog
) -> None:
    far = edit(
        demo_profile,
        applicant={"graduation_year": 2018},
        exams={"step3": "not_taken", "step3_year": None, "total_failures": 2},
        targets={"specialties": ["dermatology"]},
        clinical={"role": "nonclinical", "months_last_24": 0, "months_since_last": 40},
    )
    view = plan_for(far, catalog, None, TODAY)
    marked = {row.id for row in view.marked}
    assert {"reality_sheet", "step3_booked", "step3_passed", "clinical_role"} <= marked


# --- tracks by applicant -------------------------------------------------------------------


def test_tracks_follow_the_kind_of_applicant(demo_profile: Profile, catalog: Catalog) -> None:
    both = plan_for(demo_profile, catalog, None, TODAY)
    assert [t.id for t in both.tracks] == ["reentry", "back_home"]
    assert both.audience_note == ""

    returner = edit(
        demo_profile,
        applicant={"situation": "in_training", "training_region": "south"},
        history={"cycles": []},
    )
    view = plan_for(returner, catalog, None, TODAY)
    assert [t.id for t in view.tracks] == ["back_home"]

    plain = edit(
        demo_profile,
        applicant={
            "situation": "in_school",
            "student_year": "m4",
            "graduation_year": 2027,
            "lives_in": "midwest",
            "training_region": "midwest",
        },
        history={"cycles": []},
    )
    view = plan_for(plain, catalog, None, TODAY)
    assert [t.id for t in view.tracks] == ["season"]
    everyone = {item.id for item in timeline_data(catalog).items if item.for_everyone}
    assert {row.id for row in view.rows} == everyone
    assert "Neither" in view.audience_note


# --- key dates -----------------------------------------------------------------------------


def test_key_dates_flag_passed_dates_for_the_profiles_cycle(
    demo_profile: Profile, catalog: Catalog
) -> None:
    view = plan_for(demo_profile, catalog, None, TODAY)
    dates = {d.id: d for d in view.key_dates}
    assert dates["match_day_2026"].passed and dates["match_day_2026"].relation == "previous_cycle"
    assert dates["match_day_2026"].label == "20 Mar 2026"
    assert dates["match_week_start_2026"].label == "16 Mar 2026"
    assert dates["match_week_start_2026"].source == "nrmp_dates_2026"
    assert dates["soap_end_2026"].label == "19 Mar 2026"  # Monday-Thursday, not the Friday
    assert dates["eras_opens_2027"].passed and dates["eras_opens_2027"].relation == "this_cycle"
    assert dates["eras_opens_2027"].reliability == "third_party"
    assert not dates["match_day_2027"].passed and dates["match_day_2027"].relation == "this_cycle"
    assert [d.date for d in view.key_dates] == sorted(d.date for d in view.key_dates)
    # on the day itself the date is current, not passed
    during = plan_for(demo_profile, catalog, None, dt.date(2026, 3, 20))
    day = next(d for d in during.key_dates if d.id == "match_day_2026")
    assert day.current and not day.passed
    # the SOAP route lists this cycle's SOAP days
    soap = next(r for r in view.routes if r.route.id == "soap")
    assert [d.id for d in soap.dates] == ["soap_start_2027", "soap_end_2027"]
    # a Match the data has no season for gets derived dates, said so
    later = edit(demo_profile, **{"cycle_year": 2031})  # type: ignore[arg-type]
    later_view = plan_for(later, catalog, None, TODAY)
    assert "2031" in later_view.dates_note
    assert all(d.derived for d in later_view.key_dates if d.match_year == 2031)


def test_a_timed_key_date_gives_its_time_as_the_season_calendar_does(
    demo_profile: Profile, catalog: Catalog
) -> None:
    """Found: the Plan pane's key dates (and the report's) gave the rank list deadline as
    "3 Mar 2027" where `matchtui dates`, the header and the .ics give it at 9 p.m. Eastern.
    Each key date now reads as the season calendar writes it (`SeasonDate.day_and_time`)."""
    from matchtui.engine.calendar import season_date

    view = plan_for(demo_profile, catalog, None, TODAY)
    dates = {d.id: d for d in view.key_dates}
    assert dates["rank_deadline_2027"].label == "3 Mar 2027, 9 p.m. EST"
    assert dates["match_day_2027"].label == "19 Mar 2027"  # an all-day date: no time
    for row in view.key_dates:  # every dated event with a time in dates.toml, alike
        assert row.label == season_date(catalog, row.match_year, row.kind).day_and_time
    # A Match the data has no season for: the deadline its rule places keeps the rule's time.
    later = edit(demo_profile, **{"cycle_year": 2031})  # type: ignore[arg-type]
    deadline = next(d for d in plan_for(later, catalog, None, TODAY).key_dates
                    if d.id == "rank_deadline_2031")  # fmt: skip
    assert deadline.label.endswith(", 9 p.m. EST")


# --- cycles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("applied", "verdict"),
    [(0, "first"), (1, "last_serious"), (2, "past_limit"), (4, "past_limit")],
)
def test_cycle_advice_by_count(
    demo_profile: Profile, catalog: Catalog, applied: int, verdict: str
) -> None:
    profile = edit(demo_profile, history={"cycles": [{"outcome": "unmatched"}] * applied})
    view = plan_for(profile, catalog, None, TODAY)
    assert view.cycles.cycles_applied == applied
    assert view.cycles.this_cycle == applied + 1
    assert view.cycles.serious_limit == 2
    assert view.cycles.verdict == verdict
    advice = cycle_advice(steps_data(catalog), verdict, profile.applicant.situation)
    # (worded for where the season stands: test_season_bound_advice.py)
    assert view.cycles.advice_text == advice_text(advice, catalog, profile.cycle_year, TODAY)
    assert view.cycles.advice_title == advice.title


def test_plan_b_is_the_applicants_own_text(demo_profile: Profile, catalog: Catalog) -> None:
    view = plan_for(demo_profile, catalog, None, TODAY)
    assert view.plan_b_text == demo_profile.narrative.plan_b
    assert {p.id for p in view.plan_b_paths} >= {"research_leadership", "medical_affairs"}
    assert "article_reentry" in view.sources and "nrmp_dates_2026" in view.sources


# --- editing the saved state ---------------------------------------------------------------


def test_edits_replace_only_the_timeline_section(
    demo_profile: Profile, catalog: Catalog, workspace: Any
) -> None:
    mix = MixPlan(
        specialty="internal_medicine",
        applications=60,
        academic_pct=5,
        mid_tier_pct=25,
        community_pct=70,
        region_share_pct=50,
    )
    plan = PlanFile(mix=mix)
    timeline = with_item(None, "submit_eras", status="doing")
    assert timeline.start_month is None  # a status change does not pin the start
    timeline = with_item(timeline, "submit_eras", note="list drafted")
    timeline = with_start(timeline, YearMonth(2026, 3))
    saved = with_timeline(plan, timeline)
    assert saved.mix == mix and plan.timeline is None
    workspace.save_plan(saved)
    loaded = workspace.load_plan()
    assert loaded.mix == mix
    assert loaded.timeline is not None and loaded.timeline.start_month == "2026-03"
    assert loaded.timeline.items["submit_eras"] == ItemState(status="doing", note="list drafted")
    view = plan_for(demo_profile, catalog, loaded, TODAY)
    assert view.row("submit_eras").status == "doing"  # type: ignore[union-attr]
    assert view.row("submit_eras").note == "list drafted"  # type: ignore[union-attr]


# --- the data files ------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def _problems(folder: Path) -> list[Any]:
    with pytest.raises(FileProblems) as caught:
        Catalog.load(folder)
    return caught.value.problems


def test_unknown_action_id_in_the_timeline_is_reported(data_copy: Path) -> None:
    path = data_copy / "timeline.toml"
    text = path.read_text()
    text = text.replace('actions = ["take_step3"]', 'actions = ["take_stepp3"]', 1)
    path.write_text(text)
    problems = _problems(data_copy)
    assert len(problems) == 1 and problems[0].file == path
    assert re.fullmatch(r"items\[\d+\]\.actions\[0\]", problems[0].key)
    assert "take_stepp3" in problems[0].message and problems[0].line is not None


def test_item_outside_its_phase_and_missing_cycle_advice_are_reported(data_copy: Path) -> None:
    timeline = data_copy / "timeline.toml"
    timeline.write_text(timeline.read_text().replace("offset = 11", "offset = 2", 1))
    steps = data_copy / "steps.toml"
    steps.write_text(steps.read_text().replace('verdict = "past_limit"', 'verdict = "first"'))
    messages = [(p.file.name, p.message) for p in _problems(data_copy)]
    assert any(name == "timeline.toml" and "outside phase" in m for name, m in messages)
    assert any(name == "steps.toml" and "past_limit" in m for name, m in messages)


def test_a_graduate_works_in_the_region_where_a_resident_rotates(
    demo_profile: Profile, catalog: Catalog
) -> None:
    """The back-home step asked a graduate out of training for an away or audition rotation,
    which students and residents take; a graduate is asked for work in the region instead."""
    row = plan_for(demo_profile, catalog, None, TODAY).row("region_rotation")
    assert row is not None and "job or observership" in row.title
    assert "away" not in row.title.lower() and "observership" in row.detail
    resident = edit(
        demo_profile, applicant={"situation": "in_training", "training_region": "south"}
    )
    row = plan_for(resident, catalog, None, TODAY).row("region_rotation")
    assert row is not None and row.title == "Rotate in the home region (away or audition)"


def test_an_item_the_profile_ticks_reads_done(demo_profile: Profile, catalog: Catalog) -> None:
    """Found reading the Plan pane: an item the profile shows done (its box ticked) said 'done,
    marked to do  (your profile shows this done)'; it now says 'done' and why, and a status
    the applicant chose that differs from the timing is still named."""
    from matchtui.widgets.plan_sections import item_text, palette_from

    view = plan_for(demo_profile, catalog, PlanFile(timeline=state("2026-02")), TODAY)
    row = view.row("step3_passed")
    assert row is not None and row.ticked_by_profile
    text = item_text(row, palette_from({}), lambda source: source).plain
    assert "  done  (your profile shows this done)" in text and "marked" not in text
    doing = PlanFile(timeline=state("2026-02", step3_passed="doing"))
    row = plan_for(demo_profile, catalog, doing, TODAY).row("step3_passed")
    assert row is not None and not row.ticked_by_profile
    assert (
        "done, marked doing  (your profile shows this done)"
        in item_text(row, palette_from({}), lambda source: source).plain
    )
