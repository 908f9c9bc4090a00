"""The header, the pane bar and the footer: one widget each, laid out for the width at each
render, and working by mouse as the widgets they replace did."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from matchtui.app import MatchApp
from matchtui.panes import PANES
from matchtui.widgets.pane_bar import PaneBar, links
from matchtui.widgets.pane_footer import KeyHint, PaneFooter, fit, width_of
from matchtui.widgets.pane_header import PaneHeader

TODAY = dt.date(2026, 11, 23)

OWN = (KeyHint("a", "a", "Actions", "actions"), KeyHint("r", "r", "Risk", "risk"))
PANE_KEYS = tuple(
    KeyHint(pane.key, pane.key, pane.short, f"show_pane('{pane.id}')") for pane in PANES
)
TAIL = (
    KeyHint("ctrl+r", "^r", "Report", "export_report"),
    KeyHint("ctrl+q", "^q", "Quit", "quit"),
    KeyHint("question_mark", "?", "Help", "show_help"),
    KeyHint("ctrl+p", "^p", "palette", "command_palette", palette=True),
)
HINTS = OWN + PANE_KEYS + TAIL


def actions(keys: list[KeyHint]) -> list[str]:
    return [key.action for key in keys]


def test_every_key_shows_when_there_is_room() -> None:
    shown, compact = fit(HINTS, width_of(list(HINTS), False))
    assert shown == list(HINTS) and not compact


def test_the_pane_keys_give_way_first_then_report_and_quit_then_spacing() -> None:
    full = width_of(list(HINTS), False)
    shown, compact = fit(HINTS, full - 1)
    assert shown == list(OWN + TAIL) and not compact
    without_panes = width_of(list(OWN + TAIL), False)
    shown, compact = fit(HINTS, without_panes - 1)
    assert actions(shown) == ["actions", "risk", "quit", "show_help", "command_palette"]
    shown, compact = fit(HINTS, width_of([*OWN, *TAIL[2:]], False) - 1)
    assert actions(shown) == ["actions", "risk", "show_help", "command_palette"] and compact


@given(st.integers(min_value=0, max_value=250))
def test_the_keys_never_run_past_the_width_and_keep_their_order(width: int) -> None:
    shown, compact = fit(HINTS, width)
    assert width_of(shown, compact) <= width or len(shown) == 1
    positions = [HINTS.index(key) for key in shown]
    assert positions == sorted(positions)  # left out, never reordered
    assert shown[-1].palette or len(shown) == 1  # the palette's hint is the last to go


def test_the_bar_shortens_names_but_not_the_current_one() -> None:
    wide, compact = links("mix", frozenset(), 200)
    labels = [link.label for link in wide]
    assert labels[:4] == ["F1 Profile", "F2 Reality", "F3 Specialties", "F4 Mix"]
    assert not compact
    narrow, compact = links("mix", frozenset(), 50)
    assert compact and [link.label for link in narrow][:5] == ["F1", "F2", "F3", "F4 Mix", "F5"]
    assert [link.pane_id for link in narrow if link.active] == ["mix"]


def test_an_unsaved_mark_counts_in_the_width() -> None:
    full = sum(len(f"{pane.key.upper()} {pane.short}") for pane in PANES)
    fits = full + 2 * len(PANES)
    assert not links("reality", frozenset(), fits)[1]
    assert links("reality", frozenset({"profile"}), fits)[1]  # two more cells: tighter


async def test_clicking_a_pane_name_opens_the_pane(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(PaneBar)
        x = bar.render().plain.index("F6 Plan")
        await pilot.hover(PaneBar, offset=(x + 1, 0))
        assert bar.hovered == "plan"
        await pilot.click(PaneBar, offset=(x + 1, 0))
        await pilot.pause()
        assert app.current_mode == "plan"
        assert [link.pane_id for link in app.screen.query_one(PaneBar).shown() if link.active] == [
            "plan"
        ]


async def test_clicking_a_footer_key_presses_it(workspace: Any) -> None:
    from matchtui.widgets.help import HelpScreen

    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(PaneFooter)
        x = footer.render().plain.index("? Help")
        await pilot.hover(PaneFooter, offset=(x + 1, 0))
        assert footer.hovered is not None and footer.hovered.action == "show_help"
        await pilot.click(PaneFooter, offset=(x + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_header_icon_opens_the_palette_and_the_title_follows_the_pane(
    workspace: Any,
) -> None:
    from textual.command import CommandPalette

    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(PaneHeader)
        assert "Reality check" in header.render().plain
        app.screen.sub_title = "Something else"
        await pilot.pause()
        assert "Something else" in header.render().plain
        await pilot.click(PaneHeader, offset=(2, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_a_long_title_is_cut_with_an_ellipsis(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(50, 20)) as pilot:
        await pilot.pause()
        line = app.screen.query_one(PaneHeader).render().plain
        assert len(line) == 50 and "…" in line and line.startswith(" ⭘")


def test_a_narrow_header_gives_up_the_date_then_the_pane_name_before_cutting() -> None:
    """At 80 columns the countdown was cut mid-word ('2027: rank list …'); the date in
    brackets goes first, then the pane's name (the tab bar names the pane)."""
    from matchtui.widgets.pane_header import _shorter

    line = "Rank list · 2027: rank list deadline in 90 days (3 Mar 2027, expected)"
    assert _shorter(line) == [
        "Rank list · 2027: rank list deadline in 90 days",
        "2027: rank list deadline in 90 days (3 Mar 2027, expected)",
        "2027: rank list deadline in 90 days",
    ]
    assert _shorter("2027 Match over") == ["2027 Match over"]


async def test_the_demo_header_gives_up_its_remark_before_cutting_the_countdown(
    workspace: Any,
) -> None:
    """At 80 columns the demo's header read 'matchtui · DEMO profile (fictional) — 2027: rank
    list deadlin…'; '(fictional)' goes before anything is cut (the Profile pane says it)."""
    from matchtui.app import DEMO_TITLE

    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.title = DEMO_TITLE
        await pilot.pause()
        line = app.screen.query_one(PaneHeader).render().plain
        assert "…" not in line
        assert "matchtui · DEMO profile — " in line and "deadline in" in line
    async with MatchApp(workspace, first_pane="reality", today=TODAY).run_test(
        size=(160, 24)
    ) as pilot:
        pilot.app.title = DEMO_TITLE
        await pilot.pause()
        assert "(fictional)" in pilot.app.screen.query_one(PaneHeader).render().plain
