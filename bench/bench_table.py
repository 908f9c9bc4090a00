"""A 5,000-program list in the program-mix pane: how long a filter change blocks the UI, and
how long until every matching row is in the table. Prints median and p95.

    .venv/bin/python -m bench.bench_table
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from bench.programs_fixture import write_programs
from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.store import Store
from matchtui.widgets.mix_programs import Filters, ProgramsPanel, visible
from matchtui.workspace import Workspace


async def run() -> None:
    home = tempfile.mkdtemp()
    write_programs(Store(Path(home)), Catalog.load(), 5000)
    app = MatchApp(Workspace.from_options(home), first_pane="mix", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(ProgramsPanel)
        table = panel.query_one("#programs-table")
        blocked, complete = [], []
        for tier in ["community", "all", "academic", "all", "mid_tier", "all"] * 3:
            panel.filters = Filters(tier)
            expected = len(visible(panel.programs, panel.filters, panel.catalog))
            start = time.perf_counter()
            panel._fill_table()
            blocked.append(time.perf_counter() - start)
            while table.row_count < expected:
                await pilot.pause()
            complete.append(time.perf_counter() - start)
    for name, values in (
        ("filter change blocks the UI", blocked),
        ("all rows in the table", complete),
    ):
        median = statistics.median(values) * 1000
        p95 = statistics.quantiles(values, n=20)[-1] * 1000
        print(f"{name:<30} median {median:7.1f} ms  p95 {p95:7.1f} ms")


if __name__ == "__main__":
    asyncio.run(run())
