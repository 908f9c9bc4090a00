"""Tab onto a field not reached yet makes its control then and there (a mount and two layouts of
the form, ~110 ms key to frame, against ~45 ms between controls). Once keys pause on a control
for AHEAD_QUIET, the field after it in the focus chain is made real beforehand, without taking
the focus; while keys keep coming, nothing is made."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest

from matchtui.screens.profile import ProfileScreen
from matchtui.widgets.profile_fields import StandIn
from tests.test_profile_choices import make_app, reached, ready


def next_in_chain(screen: ProfileScreen) -> Any:
    chain = screen.focus_chain
    at = next(i for i, widget in enumerate(chain) if widget is screen.focused)
    return chain[at + 1]


@asynccontextmanager
async def profile(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, quiet: float
) -> AsyncIterator[tuple[Any, ProfileScreen]]:
    """The Profile at 120x40, its form built, fields made ahead after `quiet` seconds."""
    monkeypatch.setattr(ProfileScreen, "AHEAD_QUIET", quiet)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        yield pilot, await ready(pilot)


async def tab_until(
    pilot: Any, screen: ProfileScreen, found: Callable[[], bool], tabs: int = 40
) -> None:
    """Tab (each field reached becoming its control) until `found()` holds."""
    for _ in range(tabs):
        await pilot.press("tab")
        await reached(pilot)
        if found():
            return


async def test_the_next_field_is_made_real_at_a_pause(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with profile(workspace, monkeypatch, 0.2) as (pilot, screen):
        made = 0
        for _ in range(6):
            await pilot.press("tab")
            await reached(pilot)
            focused = screen.focused
            following = next_in_chain(screen)
            if not isinstance(following, StandIn):
                continue
            await pilot.pause(0.5)
            await following.made()
            await pilot.pause()
            assert screen.focused is focused  # the focus stays where the keys left it
            assert following.real is not None and not following.is_attached
            assert next_in_chain(screen) is following.focus_target(following.real)
            made += 1
        assert made >= 2


async def test_nothing_is_made_while_keys_keep_coming(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with profile(workspace, monkeypatch, 0.1) as (pilot, screen):
        monkeypatch.setattr(pilot.app, "input_idle", lambda: 0.0)  # a key a moment ago, always
        await tab_until(pilot, screen, lambda: isinstance(next_in_chain(screen), StandIn))
        following = next_in_chain(screen)
        assert isinstance(following, StandIn)
        await pilot.pause(0.5)  # the timer fires again and again, and finds keys coming
        assert following.real is None and following.is_attached


async def test_nothing_is_made_while_a_select_shows_its_choices(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Select

    async with profile(workspace, monkeypatch, 0.2) as (pilot, screen):
        await tab_until(  # to a Select whose next field is not reached yet
            pilot,
            screen,
            lambda: (
                isinstance(screen.focused, Select) and isinstance(next_in_chain(screen), StandIn)
            ),
            tabs=12,
        )
        select = screen.focused
        assert isinstance(select, Select)
        following = next_in_chain(screen)
        await pilot.press("enter")  # its choices open: the focus is in them
        await pilot.pause()
        assert select.expanded
        # On a loaded machine the pause before the key may already have made it (the fresh-
        # clone run failed here once): what counts is that nothing is made while they show.
        before = following.real
        await pilot.pause(0.6)
        assert following.real is before and following.is_attached


async def test_a_list_item_is_not_made_ahead(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An item becomes its whole row (five to eight widgets): too much to build at a pause
    that a key may end. It is made when reached, as before."""
    from matchtui.widgets.profile_fields import PartsLine

    async with profile(workspace, monkeypatch, 0.2) as (pilot, screen):
        await tab_until(
            pilot,
            screen,
            lambda: (
                isinstance(next_in_chain(screen), PartsLine)
                and not isinstance(screen.focused, StandIn)
            ),
        )
        following = next_in_chain(screen)
        assert isinstance(following, PartsLine)
        await pilot.pause(0.6)
        assert following.real is None and following.is_attached
