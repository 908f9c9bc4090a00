"""The Applications pane over a long list: the Today, Yields and Costs views are computed in a
worker thread above VIEW_SYNC_MAX programs and drawn only where they are on screen; what they
show is exactly what the synchronous computation gives. Filters and sorts run over cached
orders that a stage change keeps right."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from rich.text import Text

from matchtui.app import MatchApp
from matchtui.engine.tracker import (
    SORT_KEYS,
    Filters,
    division_map,
    ledger,
    move,
    today_view,
    visible,
    yields,
)
from matchtui.models.programs import Program, ProgramList
from matchtui.screens.applications import VIEW_SYNC_MAX, ApplicationsScreen
from matchtui.themes import text_style
from matchtui.widgets.tracker_views import costs_text, today_text, yields_text

TODAY = dt.date(2026, 11, 28)  # not the clock's date: the pane then uses 09:00 on it
STATES = ("WI", "IA", "TX", "NY", "CA")


def many(count: int) -> ProgramList:
    programs = []
    for i in range(count):
        status = ("planned", "applied", "invited", "scheduled", "rejected")[i % 5]
        data: dict[str, Any] = {
            "name": f"Program {(i * 7919) % count:05d}",
            "state": STATES[i % len(STATES)],
            "specialty": ("internal_medicine", "psychiatry")[i % 2],
            "tier": ("academic", "mid_tier", "community")[i % 3],
            "signal": ("none", "gold", "silver")[i % 3],
            "status": status,
        }
        if status != "planned":
            data["applied_on"] = dt.date(2026, 9, 24)
        if status in ("invited", "scheduled"):
            data["invited_on"] = dt.date(2026, 10, 1 + i % 20)
            data["respond_by"] = dt.date(2026, 12, 1 + i % 9) if status == "invited" else None
        if status == "scheduled":
            data["interview_on"] = dt.date(2026, 12, 1 + i % 20)
        programs.append(Program.model_validate(data))
    return ProgramList(programs=programs)


async def test_views_of_a_long_list_equal_the_synchronous_computation(workspace: Any) -> None:
    workspace.save_programs(many(VIEW_SYNC_MAX + 300))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        programs = list(screen.programs.programs)
        catalog = screen.catalog
        now = dt.datetime.combine(TODAY, dt.time(9, 0))
        alert = text_style(app, "text-error")
        expected = {
            "2": ("#apps-today-text", today_text(today_view(programs, now), alert).plain),
            "3": (
                "#apps-yields-text",
                yields_text(
                    yields(
                        programs,
                        catalog.region_of_state,
                        screen.profile.targets.region,
                        division_map(catalog),
                    ),
                    {r.id: r.name for r in catalog.regions.values()},
                    {d.id: d.name for d in catalog.divisions.values()},
                ).plain,
            ),
            "4": (
                "#apps-costs-text",
                costs_text(ledger(programs, catalog, screen.profile.cycle_year)).plain,
            ),
        }
        for key, (view_id, plain) in expected.items():
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            view = screen.query_one(view_id)
            assert view.plain == plain
            assert len(view.lines) == len(plain.split("\n"))
        # Census divisions by name (their ids were shown: "middle_atlantic", "east_north_centr").
        yields_plain = expected["3"][1]
        assert "Middle Atlantic" in yields_plain and "middle_atlantic" not in yields_plain
        # Today runs to hundreds of lines: scrolled to the end, the last one is drawn
        await pilot.press("2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = screen.query_one("#apps-today-text")
        view.focus()
        await pilot.press("end")
        await pilot.pause()
        last = view.lines[-1].plain.strip()
        assert last and last[:40] in "".join(s.text for s in view.render_line(view.size.height - 1))


async def test_a_view_computed_for_an_older_list_is_not_shown(workspace: Any) -> None:
    workspace.save_programs(many(VIEW_SYNC_MAX + 10))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        view = screen.query_one("#apps-yields-text")
        stale = Text("stale")
        screen._view_done("apps-yields", screen._views_version - 1, (), stale, [stale])
        await pilot.pause()
        assert view.plain == ""  # nothing shown from a stale computation


async def test_filters_and_sorts_after_stage_changes_equal_a_full_recomputation(
    workspace: Any,
) -> None:
    workspace.save_programs(many(VIEW_SYNC_MAX + 200))  # other sorts prepared in a thread
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen: Any = app.screen
        regions = screen.catalog.region_of_state
        # a change while the other sorts are prepared: whichever finishes first, they agree
        program = screen.programs.programs[5]
        screen.replace_program(5, move(program, "withdrawn", today=TODAY))
        await app.workers.wait_for_complete()
        await pilot.pause()
        for index in range(0, VIEW_SYNC_MAX + 200, 37):
            program = screen.programs.programs[index]
            if program.status == "planned":
                screen.replace_program(index, move(program, "applied", today=TODAY))
            elif program.status == "applied":
                screen.replace_program(index, move(program, "invited", today=TODAY))
        await app.workers.wait_for_complete()
        for sort in SORT_KEYS:
            for filters in (Filters(sort=sort), Filters(sort=sort, stage="applied", reverse=True)):
                screen.set_filters(filters)
                assert screen.shown == visible(screen.programs.programs, filters, regions)
                assert screen.table.rows == screen.shown


async def test_a_view_opened_while_the_list_is_read_shows_the_list_once_read(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace.save_programs(many(30))
    go = threading.Event()
    read = ApplicationsScreen._read

    def slow_read(self: Any) -> Any:
        go.wait(10)
        return read(self)

    monkeypatch.setattr(ApplicationsScreen, "_read", slow_read)
    app = MatchApp(workspace, first_pane="applications", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await pilot.press("2")  # Today, before the list is read
        await pilot.pause()
        assert "Invitations waiting for an answer (0)" in screen.query_one("#apps-today-text").plain
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Invitations waiting for an answer (6)" in screen.query_one("#apps-today-text").plain


async def test_a_list_read_at_idle_is_shown_in_the_first_frame_without_a_thread(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read into memory after start-up (`Workspace.warm_programs`), the list is shown in the
    pane's first step: no "Loading" frame, no read in a thread."""
    import matchtui.app as app_module

    monkeypatch.setattr(app_module, "_freeze_long_lived", lambda: None)
    monkeypatch.setattr(app_module, "_preload_panes", lambda *_: None)
    workspace.save_programs(many(30))
    assert workspace.warm_programs()

    def no_thread(self: Any) -> Any:
        raise AssertionError("read in a thread")

    monkeypatch.setattr(ApplicationsScreen, "_load_in_thread", no_thread)
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(20):
            await pilot.pause()
            if app.profile is not None:
                break
        await pilot.press("f7")
        await pilot.pause()
        screen: Any = app.screen
        assert isinstance(screen, ApplicationsScreen)
        assert len(screen.programs.programs) == 30
        assert "Loading" not in str(screen.query_one("#apps-count").render())


async def test_a_view_shown_again_for_the_same_list_is_not_worked_out_again(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import matchtui.screens.applications as pane

    made: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> Text:
        made.append(1)
        return today_text(*args, **kwargs)

    monkeypatch.setattr(pane, "today_text", counted)
    workspace.save_programs(many(VIEW_SYNC_MAX + 10))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        view = screen.query_one("#apps-today-text")

        async def show(key: str) -> None:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()

        await show("2")
        shown = view.plain
        assert made == [1] and "Invitations waiting" in shown
        await show("1")
        await show("2")  # the same list, theme and minute: shown as it was
        assert made == [1] and view.plain == shown
        # a program changed: worked out again, with the change
        index = next(i for i, p in enumerate(screen.programs.programs) if p.status == "invited")
        program = screen.programs.programs[index]
        screen.replace_program(index, program.model_copy(update={"status": "withdrawn"}))
        await show("1")
        await show("2")
        assert made == [1, 1] and view.plain != shown
        # another theme: worked out again in its colours
        await show("1")
        app.theme = "textual-light"
        await show("2")
        assert made == [1, 1, 1]
