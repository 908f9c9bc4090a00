"""The Profile pane's COMLEX fields: offered to a US DO only, checked as they are left, saved,
and dropped when the degree is no longer a DO's (tests/test_comlex.py covers the engine)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.widgets import Static

from matchtui.app import MatchApp
from matchtui.models.profile import Profile
from matchtui.store import PROFILE, Store
from matchtui.widgets.profile_fields import FieldLine, FieldRow, real_input, real_select
from tests.test_comlex import do_text

TODAY = dt.date(2026, 11, 23)
COMLEX = ("level1", "level1_attempts", "level2_score", "level2_attempts", "level3")


def shown(screen: Any, name: str) -> bool:
    """Whether the exams field `name` shows (its row, or its one line until reached)."""
    control = screen.query_one(f"#f-exams-{name}")
    row = (
        control
        if isinstance(control, FieldLine)
        else next(a for a in control.ancestors if isinstance(a, FieldRow))
    )
    return bool(row.display)


def error_of(screen: Any, name: str) -> str:
    control = screen.query_one(f"#f-exams-{name}")
    row = next(a for a in control.ancestors if isinstance(a, FieldRow))
    lines = row.query(".field-error")
    return str(lines.first(Static).render()) if lines else ""


async def opened(app: MatchApp, pilot: Any) -> Any:
    await pilot.pause()
    await app.screen.form_built()  # type: ignore[attr-defined]
    await pilot.pause()
    return app.screen


def seed_do(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "profile.toml").write_text(do_text().replace("demo = true", "demo = false"))


async def test_comlex_is_offered_to_a_do_only(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(app, pilot)
        assert not any(shown(screen, name) for name in COMLEX)  # the demo is a US MD
        (await real_select(screen, "#f-applicant-degree")).value = "us_do"
        await pilot.pause()
        assert all(shown(screen, name) for name in COMLEX)
        assert not shown(screen, "level3_year")  # Level 3 left blank
        (await real_select(screen, "#f-exams-level3")).value = "passed"
        await pilot.pause()
        assert shown(screen, "level3_year")
        # Back to an MD: Level 3 goes, and its year with it.
        (await real_select(screen, "#f-applicant-degree")).value = "us_md"
        await pilot.pause()
        assert not shown(screen, "level3") and not shown(screen, "level3_year")


async def test_a_do_enters_a_level2_score_checked_inline_and_saved(
    workspace: Any, home: Path
) -> None:
    seed_do(home)
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(app, pilot)
        assert all(shown(screen, name) for name in COMLEX) and shown(screen, "level3_year")
        score = await real_input(screen, "#f-exams-level2_score")
        assert score.value == "560"
        score.focus()
        await pilot.pause()
        score.value = ""
        await pilot.press(*"55")
        await pilot.press("tab")
        await pilot.pause()
        message = error_of(screen, "level2_score")
        assert "from 100 to 999" in message and "step2_score" in message
        score.focus()
        await pilot.pause()
        score.value = ""
        await pilot.press(*"612")
        await pilot.press("tab")
        await pilot.pause()
        assert error_of(screen, "level2_score") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = Store(home).load(PROFILE, Profile)
        assert saved.exams.level2_score == 612 and saved.exams.level3 == "passed"
        assert app.profile is not None and app.profile.exams.level2_score == 612


async def test_a_degree_changed_from_do_drops_comlex_on_save(workspace: Any, home: Path) -> None:
    seed_do(home)
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(app, pilot)
        (await real_select(screen, "#f-applicant-degree")).value = "us_md"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = Store(home).load(PROFILE, Profile)
        assert saved.applicant.degree == "us_md" and saved.exams.comlex_fields == []
        assert "level" not in (home / "profile.toml").read_text()
