"""The Mix pane keeps what it shows from the program list up to date by delta (a tally of
counts, a prepared sort/filter index, cached list estimates): after any sequence of edits each
must equal a full recomputation from the list as it is then."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.engine.mix import estimate, estimate_list, recommended_mix, verdict_for
from matchtui.engine.programs import ListTally, compare
from matchtui.models.mix import TIERS
from matchtui.models.programs import PROGRAM_STATUSES, Program, ProgramList
from matchtui.screens.mix import MixScreen
from matchtui.store import PROGRAMS
from matchtui.widgets.mix_programs import ALL, SORT_KEYS, Filters, ListIndex, ProgramsPanel

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SPECIALTIES = ("internal_medicine", "family_medicine", "psychiatry", "pediatrics")

# One edit: (position, field, choice); the field's value is picked from `choice`.
edits = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.sampled_from(
            ["status", "status", "status", "tier", "state", "yog", "specialty", "visa"]
        ),
        st.integers(0, 1_000),
    ),
    max_size=25,
)


def edited(program: Program, field: str, choice: int, states: list[str]) -> Program:
    value: object
    if field == "status":
        value = PROGRAM_STATUSES[choice % len(PROGRAM_STATUSES)]
    elif field == "tier":
        value = TIERS[choice % len(TIERS)]
    elif field == "state":
        value = states[choice % len(states)]
    elif field == "yog":
        field, value = "yog_limit_years", (None, 1, 3, 5, 10)[choice % 5]
    elif field == "visa":
        field, value = "visa_sponsor", (None, True, False)[choice % 3]
    else:
        value = SPECIALTIES[choice % len(SPECIALTIES)]
    return program.model_copy(update={field: value})


def profile_for(demo_profile: Any, years: int, region: str, visa: bool = False) -> Any:
    applicant = demo_profile.applicant.model_copy(
        update={
            "stage": "graduate",
            "graduation_year": demo_profile.cycle_year - years,
            "visa": "needs_sponsorship" if visa else "none",
        }
    )
    targets = demo_profile.targets.model_copy(update={"region": region})
    return demo_profile.model_copy(update={"applicant": applicant, "targets": targets})


@SETTINGS
@given(
    size=st.integers(0, 60),
    seed=st.integers(0, 1_000),
    years=st.integers(0, 12),
    region_choice=st.integers(0, 20),
    changes=edits,
    visa=st.booleans(),
)
def test_tally_and_index_after_any_edits_equal_a_full_recomputation(
    catalog: Any,
    demo_profile: Any,
    size: int,
    seed: int,
    years: int,
    region_choice: int,
    changes: list[tuple[int, str, int]],
    visa: bool,
) -> None:
    regions = sorted(catalog.regions)
    profile = profile_for(demo_profile, years, regions[region_choice % len(regions)], visa)
    assert profile.years_since_graduation == years
    states = sorted(catalog.region_of_state)
    programs = make_programs(catalog, size, seed=seed)
    tally = ListTally(programs, catalog, profile)
    index = ListIndex(programs, catalog)
    verdict = verdict_for(profile, catalog)
    plan = recommended_mix(profile, catalog, "internal_medicine")
    for position, field, choice in changes:
        if not programs.programs:
            break
        at = position % len(programs.programs)
        program = edited(programs.programs[at], field, choice, states)
        items = list(programs.programs)
        items[at] = program
        programs = programs.model_copy(update={"programs": items})
        tally.replaced(at, program, programs)
        if field == "status":  # the table's index follows status changes (the pane's edit)
            index.replaced(at, program, programs)
        else:
            index = ListIndex(programs, catalog)
        assert tally.fits(programs, profile)
        fresh = ListTally(programs, catalog, profile)
        for specialty in SPECIALTIES:
            assert tally.active(specialty) == fresh.active(specialty)
            assert tally.active_elsewhere(specialty) == fresh.active_elsewhere(specialty)
            assert tally.in_region(specialty) == fresh.in_region(specialty)
            for tier in TIERS:
                assert tally.in_tier(specialty, tier) == fresh.in_tier(specialty, tier)
        assert tally.over_limit() == fresh.over_limit()
        assert tally.no_visa() == fresh.no_visa()
        result = estimate(profile, catalog, plan, programs, verdict=verdict, tally=tally)
        assert result == estimate(profile, catalog, plan, programs, verdict=verdict)
        assert compare(programs, result, profile, catalog, tally) == compare(
            programs, result, profile, catalog
        )
        for sort in SORT_KEYS:
            filters = Filters(status=PROGRAM_STATUSES[choice % len(PROGRAM_STATUSES)], sort=sort)
            assert index.visible(filters) == ListIndex(programs, catalog).visible(filters)
            # The rows a fill reads lazily: the same rows, and their count without reading.
            shown = index.shown(filters)
            assert len(shown) == len(index.visible(filters))
            assert list(shown) == index.visible(filters)
        assert index.visible(Filters(ALL, ALL, ALL, "status", True)) == ListIndex(
            programs, catalog
        ).visible(Filters(ALL, ALL, ALL, "status", True))


def test_a_tally_for_another_list_or_profile_is_not_used(catalog: Any, demo_profile: Any) -> None:
    programs = make_programs(catalog, 40)
    tally = ListTally(programs, catalog, demo_profile)
    other = ProgramList(programs=list(programs.programs[:10]))
    assert not tally.fits(other, demo_profile)
    older = profile_for(demo_profile, demo_profile.years_since_graduation + 5, "west")
    assert not tally.fits(programs, older)
    plan = recommended_mix(demo_profile, catalog, "internal_medicine")
    verdict = verdict_for(demo_profile, catalog)
    result = estimate(demo_profile, catalog, plan, other, verdict=verdict, tally=tally)
    assert result == estimate(demo_profile, catalog, plan, other, verdict=verdict)
    assert compare(other, result, demo_profile, catalog, tally) == compare(
        other, result, demo_profile, catalog
    )


async def test_pane_after_status_changes_shows_what_a_fresh_pane_would(workspace: Any) -> None:
    """Status changes on the list tab (through withdrawn and back): the comparison, the
    warnings and, once the Mix tab is shown again, the list estimate equal a recomputation."""
    programs = make_programs(workspace.catalog, 300)
    workspace.store.save(PROGRAMS, programs)
    app = MatchApp(workspace, first_pane="mix", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen)
        panel = screen.query_one(ProgramsPanel)
        await pilot.press("l")
        await pilot.pause()
        table = panel.query_one("#programs-table")
        table.focus()
        for row in (0, 3, 3, 3, 3, 3, 3, 3, 7):  # row 3 goes round every status
            table.move_cursor(row=row)
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            current = panel.programs
            assert screen.result is not None and screen.comparison is not None
            plan = screen.current_plan()
            verdict = verdict_for(screen.profile, workspace.catalog)
            fresh = estimate(screen.profile, workspace.catalog, plan, current, verdict=verdict)
            assert screen.result == fresh
            assert screen.comparison == compare(current, fresh, screen.profile, workspace.catalog)
        await pilot.press("m")
        await pilot.pause()
        listed = estimate_list(
            screen.profile,
            workspace.catalog,
            panel.programs,
            screen.current_plan().specialty,
            verdict,
        )
        shown = screen.query_one("#mix-estimate").render_line(0)  # the panel is drawn
        assert shown is not None
        text = "\n".join(
            "".join(segment.text for segment in strip)
            for strip in (
                screen.query_one("#mix-estimate").render_line(y)
                for y in range(screen.query_one("#mix-estimate").size.height)
            )
        )
        assert f"from {listed.programs} programs" in text
        assert f"{listed.expected_interviews:.1f} interviews" in text
        await app.workers.wait_for_complete()


async def test_a_burst_of_status_changes_on_a_big_list_is_saved_once(
    workspace: Any, monkeypatch: Any
) -> None:
    """A list of SAVE_QUIET_FROM programs or more is saved once the changes pause (in a
    worker): three quick status changes, one save, of the newest list."""
    import matchtui.screens.mix as mix_screen
    from matchtui.screens.mix import SAVE_QUIET_FROM
    from matchtui.store import Store

    # "Quick" on a loaded machine: three key presses can be more than 0.3 s apart under xdist.
    monkeypatch.setattr(mix_screen, "SAVE_QUIET", 2.0)
    programs = make_programs(workspace.catalog, SAVE_QUIET_FROM)
    workspace.store.save(PROGRAMS, programs)
    writes: list[ProgramList] = []
    original = Store.write

    def recording(self: Store, name: str, model: Any, **options: Any) -> Any:
        if name == PROGRAMS:
            writes.append(model)
        return original(self, name, model, **options)

    monkeypatch.setattr(Store, "write", recording)
    app = MatchApp(workspace, first_pane="mix", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        panel = app.screen.query_one(ProgramsPanel)
        panel.query_one("#programs-table").focus()
        await pilot.press("s", "s", "s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert len(writes) == 1
        assert writes[0] is panel.programs
    saved = workspace.reload_programs()
    assert saved.programs == panel.programs.programs


def test_a_tally_counted_in_bulk_equals_one_counted_a_program_at_a_time(
    catalog: Any, demo_profile: Any
) -> None:
    programs = make_programs(catalog, 700, seed=3)
    bulk = ListTally(programs, catalog, demo_profile)
    single = ListTally(ProgramList(), catalog, demo_profile)
    for index, program in enumerate(programs.programs):
        single._count(index, program, 1)
    assert bulk._active == single._active and bulk._tiers == single._tiers
    assert bulk._in_region == single._in_region and bulk._over == single._over
    assert bulk._over  # the demo applicant is over some limits
