"""The Mix and Applications panes' `warm_data`: what their first visit works out from the program
list is worked out ahead (at idle, in the app's preload thread), and the visit takes it ready;
a list, profile or plan changed after that gives the visit new numbers, never the warm ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

import matchtui.screens.applications as apps_module
import matchtui.screens.mix as mix_module
from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.engine.memo import Same
from matchtui.engine.mix import estimate, estimate_list, recommended_mix, verdict_for
from matchtui.engine.programs import ListTally, active_for
from matchtui.engine.tracker import Filters, visible
from matchtui.models.plan import PlanFile
from matchtui.models.programs import Program, ProgramList
from matchtui.screens.applications import ApplicationsScreen
from matchtui.screens.mix import MixScreen
from matchtui.workspace import Workspace

TODAY = dt.date(2026, 11, 23)
COUNT = 400


class Counted:
    """Wraps a function (or class) and counts its calls."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.real(*args, **kwargs)


@pytest.fixture(autouse=True)
def _forget() -> None:
    """Each test starts with nothing worked out (equal inputs in another test would match)."""
    for memo in (
        mix_module._TALLIES,
        mix_module._LIST_ESTIMATES,
        mix_module._ESTIMATES,
        apps_module._ORDERS,
        apps_module._SPECIALTIES,
    ):
        memo.clear()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> tuple[Counted, Counted]:
    """(ListTally, estimate_list) as the Mix pane calls them, counted."""
    tally, listed = Counted(ListTally), Counted(estimate_list)
    monkeypatch.setattr(mix_module, "ListTally", tally)
    monkeypatch.setattr(mix_module, "estimate_list", listed)
    return tally, listed


@pytest.fixture
def estimates(monkeypatch: pytest.MonkeyPatch) -> Counted:
    """`estimate` (the sliders' estimate) as the Mix pane calls it, counted."""
    counted = Counted(estimate)
    monkeypatch.setattr(mix_module, "estimate", counted)
    return counted


async def _started(app: MatchApp, pilot: Any) -> None:
    for _ in range(50):
        await pilot.pause()
        if app.profile is not None:
            return
    raise AssertionError("the app did not load its data")


async def _visit(app: MatchApp, pilot: Any, key: str, screen_class: type) -> Any:
    await pilot.press(key)
    for _ in range(50):
        await pilot.pause()
        if isinstance(app.screen, screen_class) and app.screen.is_mounted:
            break
    await pilot.pause()
    assert isinstance(app.screen, screen_class)
    return app.screen


@asynccontextmanager
async def _warmed(workspace: Any, *panes: type) -> AsyncIterator[tuple[MatchApp, Any, ProgramList]]:
    """The app on the Reality check with COUNT programs saved, once it has loaded, with the
    `panes`' data worked out ahead; (the app, its pilot, the programs)."""
    programs = make_programs(workspace.catalog, COUNT)
    workspace.save_programs(programs)
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await _started(app, pilot)
        _warm(app, *panes)
        yield app, pilot, programs


def _warm(app: MatchApp, *panes: type) -> None:
    """What the preload thread does (`MatchApp._warm_data`), here on the test's thread."""
    assert app.workspace.warm_programs()
    for pane in panes:
        pane.warm_data(app)


def _another_window(change: Any) -> ProgramList:
    """Another matchtui (its own Workspace) rewrites programs.toml with `change(programs)`."""
    other = Workspace.from_options()
    programs = other.load_programs()
    changed = ProgramList(programs=change(list(programs.programs)))
    other.save_programs(changed)
    return changed


def _mix_numbers(screen: MixScreen, programs: ProgramList, specialty: str) -> None:
    """The pane shows the numbers of `programs` for `specialty`, as worked out from scratch."""
    profile, catalog = screen.profile, screen.catalog
    mine = active_for(programs, specialty)
    assert screen.comparison is not None
    assert screen.comparison.specialty == specialty
    assert screen.comparison.actual_total == len(mine)
    region = profile.targets.region
    in_region = sum(1 for p in mine if catalog.region_of_state.get(p.state) == region)
    assert screen.comparison.actual_in_region == in_region
    verdict = verdict_for(profile, catalog)
    assert screen._list_estimate(specialty) == estimate_list(
        profile, catalog, programs, specialty, verdict
    )


async def test_mix_first_visit_takes_the_warm_tally_and_list_estimate(
    workspace: Any, counted: tuple[Counted, Counted], estimates: Counted
) -> None:
    async with _warmed(workspace, MixScreen) as (app, pilot, programs):
        tally, listed = counted
        assert (tally.calls, listed.calls, estimates.calls) == (1, 1, 1)  # worked out ahead
        memos = (mix_module._TALLIES, mix_module._LIST_ESTIMATES, mix_module._ESTIMATES)
        computed = [memo.computed for memo in memos]
        screen = await _visit(app, pilot, "f4", MixScreen)
        assert (tally.calls, listed.calls, estimates.calls) == (1, 1, 1)  # none at the visit
        assert [memo.computed for memo in memos] == computed
        _mix_numbers(screen, programs, screen.current_plan().specialty)
        assert screen.result == estimate(
            screen.profile,
            screen.catalog,
            screen.current_plan(),
            programs,
            verdict=verdict_for(screen.profile, screen.catalog),
        )


async def test_mix_first_visit_with_no_list_takes_the_warm_estimate(
    workspace: Any, estimates: Counted
) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await _started(app, pilot)
        assert not app.workspace.warm_programs()  # no programs.toml
        MixScreen.warm_data(app)
        assert estimates.calls == 1
        screen = await _visit(app, pilot, "f4", MixScreen)
        assert estimates.calls == 1
        assert screen.comparison is not None and screen.comparison.actual_total == 0


async def test_mix_after_the_saved_sliders_changed_shows_their_estimate(
    workspace: Any, estimates: Counted
) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await _started(app, pilot)
        MixScreen.warm_data(app)
        assert app.profile is not None
        start = mix_module._start_plan(app.plan, app.profile, app.catalog)
        assert estimates.calls == 1
        moved = start.model_copy(update={"applications": start.applications + 10})
        app.plan = (app.plan or PlanFile()).model_copy(update={"mix": moved})  # saved elsewhere
        screen = await _visit(app, pilot, "f4", MixScreen)
        assert estimates.calls == 2
        assert screen.result is not None and screen.result.total == start.applications + 10
        # A slider step computes as before (no look-up): once more per step.
        screen.query_one("#slider-apps").focus()
        await pilot.press("right")
        await pilot.pause()
        assert estimates.calls == 3
        assert screen.result.total == start.applications + 15


async def test_mix_after_another_window_changed_the_list_shows_the_new_list(
    workspace: Any, counted: tuple[Counted, Counted]
) -> None:
    async with _warmed(workspace, MixScreen) as (app, pilot, programs):
        assert app.profile is not None
        specialty = mix_module._start_plan(app.plan, app.profile, app.catalog).specialty
        target = next(
            i
            for i, p in enumerate(programs.programs)
            if p.active and p.specialty == specialty and p.yog_limit_years is None
        )

        def withdraw(items: list[Program]) -> list[Program]:
            items[target] = items[target].model_copy(update={"status": "withdrawn"})
            return items

        changed = _another_window(withdraw)  # the same length, one program fewer counted
        tally, listed = counted
        screen = await _visit(app, pilot, "f4", MixScreen)
        assert (tally.calls, listed.calls) == (2, 2)  # worked out again for the new list
        _mix_numbers(screen, changed, specialty)
        assert screen.comparison is not None
        assert screen.comparison.actual_total == len(active_for(programs, specialty)) - 1


async def test_mix_after_the_profile_changed_in_place_shows_its_numbers(
    workspace: Any, counted: tuple[Counted, Counted]
) -> None:
    async with _warmed(workspace, MixScreen) as (app, pilot, programs):
        profile = app.profile
        assert profile is not None
        other = next(r for r in app.catalog.regions if r != profile.targets.region)
        profile.targets.region = other  # the same object, changed (as a form may)
        tally, listed = counted
        screen = await _visit(app, pilot, "f4", MixScreen)
        assert (tally.calls, listed.calls) == (2, 2)
        _mix_numbers(screen, programs, screen.current_plan().specialty)


async def test_mix_after_the_plans_specialty_changed_shows_that_specialty(
    workspace: Any, counted: tuple[Counted, Counted]
) -> None:
    async with _warmed(workspace, MixScreen) as (app, pilot, programs):
        assert app.profile is not None
        warm = mix_module._start_plan(app.plan, app.profile, app.catalog).specialty
        other = next(
            s
            for s in ("psychiatry", "pediatrics", "family_medicine", "internal_medicine")
            if s != warm
        )
        mix = recommended_mix(app.profile, app.catalog, other)
        app.plan = (app.plan or PlanFile()).model_copy(update={"mix": mix})
        tally, listed = counted
        screen = await _visit(app, pilot, "f4", MixScreen)
        assert tally.calls == 1  # the tally does not depend on the specialty: taken
        assert listed.calls == 2  # the list estimate does: worked out for the new one
        _mix_numbers(screen, programs, other)


async def test_mix_a_slider_moved_after_the_visit_keeps_the_list_numbers_right(
    workspace: Any,
) -> None:
    async with _warmed(workspace, MixScreen) as (app, pilot, programs):
        screen = await _visit(app, pilot, "f4", MixScreen)
        screen.query_one("#slider-academic").focus()
        await pilot.press("right", "right")
        await pilot.pause()
        assert screen.current_plan().academic_pct != 20 or screen._shares != (20, 45, 35)
        _mix_numbers(screen, programs, screen.current_plan().specialty)


async def test_applications_first_visit_takes_the_warm_order(workspace: Any) -> None:
    async with _warmed(workspace, ApplicationsScreen) as (app, pilot, programs):
        computed = (apps_module._ORDERS.computed, apps_module._SPECIALTIES.computed)
        screen = await _visit(app, pilot, "f7", ApplicationsScreen)
        assert (apps_module._ORDERS.computed, apps_module._SPECIALTIES.computed) == computed
        region_of_state = app.catalog.region_of_state
        assert screen.shown == visible(programs.programs, Filters(), region_of_state)
        # Handed out once: the pane changes that order in place as programs change.
        key = (Same(screen.programs.programs), "name")
        assert apps_module._ORDERS.peek(key) is None


async def test_applications_other_sorts_are_prepared_after_the_first_frame(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long list's other sorts are worked out in a worker started after the pane's first
    frame, not while it is laid out and drawn (the worker takes turns with the loop)."""
    programs = make_programs(workspace.catalog, 1500)  # above VIEW_SYNC_MAX
    workspace.save_programs(programs)
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    started_in_load: list[bool] = []
    real_load = ApplicationsScreen.load
    real_prepare = ApplicationsScreen._prepare_orders

    def load(self: ApplicationsScreen) -> None:
        started_in_load.append(False)
        real_load(self)
        started_in_load[-1] = True  # load is over

    def prepare(self: ApplicationsScreen) -> None:
        assert started_in_load == [True]  # not from inside the load (the mount's step)
        real_prepare(self)

    monkeypatch.setattr(ApplicationsScreen, "load", load)
    monkeypatch.setattr(ApplicationsScreen, "_prepare_orders", prepare)
    async with app.run_test(size=(120, 40)) as pilot:
        await _started(app, pilot)
        _warm(app, ApplicationsScreen)
        screen = await _visit(app, pilot, "f7", ApplicationsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.set_filters(Filters(sort="state"))
        assert screen.shown == visible(
            programs.programs, Filters(sort="state"), app.catalog.region_of_state
        )


async def test_applications_after_another_window_changed_the_list_shows_its_order(
    workspace: Any,
) -> None:
    async with _warmed(workspace, ApplicationsScreen) as (app, pilot, _programs):
        last = COUNT - 1

        def rename(items: list[Program]) -> list[Program]:
            items[last] = items[last].model_copy(update={"name": "Aardvark General"})
            items[0] = items[0].model_copy(update={"specialty": "neurology"})
            return items

        changed = _another_window(rename)
        computed = apps_module._ORDERS.computed
        screen = await _visit(app, pilot, "f7", ApplicationsScreen)
        assert apps_module._ORDERS.computed == computed + 1
        assert screen.shown[0] == last  # sorts first now
        assert screen.shown == visible(changed.programs, Filters(), app.catalog.region_of_state)
        assert "neurology" in screen._specialties


def test_a_tally_bound_to_another_list_is_its_own(catalog: Any, demo_profile: Any) -> None:
    programs = make_programs(catalog, 200)
    shared = ListTally(programs, catalog, demo_profile)
    before = {s: shared.active(s) for s in ("internal_medicine", "psychiatry")}
    mine = ProgramList(programs=list(programs.programs))
    taken = shared.bound_to(mine)
    assert taken.fits(mine, demo_profile) and not shared.fits(mine, demo_profile)
    index = next(i for i, p in enumerate(mine.programs) if p.active)
    program = mine.programs[index]
    withdrawn = program.model_copy(update={"status": "withdrawn"})
    after = ProgramList(programs=list(mine.programs))
    after.programs[index] = withdrawn
    taken.replaced(index, withdrawn, after)
    assert taken.active(program.specialty) == shared.active(program.specialty) - 1
    assert {s: shared.active(s) for s in before} == before  # the shared tally is untouched


_CACHED: list[ProgramList] = []


def make_programs_cached() -> ProgramList:
    if not _CACHED:
        from matchtui.catalog import Catalog

        _CACHED.append(make_programs(Catalog.load(), 50))
    return _CACHED[0]
