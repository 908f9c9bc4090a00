"""The Reality pane's tables fit the pane. Found with a non-US IMG out of training at 80x24:
the next actions (and readiness) table is taller than the pane, so it scrolls in itself, and
its text column ran under its own scroll bar: the last two letters of every full line were
cut ("who see your wor", "so they ca"), at 120x40 as well."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from matchtui.app import MatchApp

IMG_OUT_OF_TRAINING = """\
schema_version = 2
cycle_year = 2027
[applicant]
situation = "not_in_training"
degree = "non_us_img"
graduation_year = 2015
visa = "needs_sponsorship"
home_region = "northeast"
lives_in = "northeast"
[exams]
step1 = "pass"
step2_score = 245
[targets]
specialties = ["internal_medicine"]
region = "northeast"
[clinical]
role = "observership"
months_last_24 = 6
months_since_last = 2
"""


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_no_reality_table_runs_under_its_scroll_bar(
    workspace: Any, home: Path, size: tuple[int, int]
) -> None:
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    (home / "profile.toml").write_text(IMG_OUT_OF_TRAINING)
    app = MatchApp(workspace, first_pane="reality", today=dt.date(2026, 11, 23))
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.5)
        tables = [t for t in app.screen.query(DataTable) if t.display and t.row_count]
        actions = app.screen.query_one("#actions-table", DataTable)
        assert actions in tables and actions.virtual_size.height > actions.size.height
        assert {t.id: t.max_scroll_x for t in tables} == {t.id: 0 for t in tables}
