"""The Applications pane (F7) with 5,000 tracked programs: how long loading, a filter change and a
stage change block the UI, against one frame at 60 Hz (16.7 ms). Prints median and p95.

    .venv/bin/python -m bench.bench_tracker [COUNT]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.engine.tracker import Filters, move, summary, visible
from matchtui.models.programs import CostEntry, Program, ProgramList
from matchtui.workspace import Workspace

FRAME_MS = 1000 / 60
TODAY = dt.date(2026, 11, 30)


def tracked(catalog: Catalog, count: int) -> ProgramList:
    """The benchmark list with a season on it: signals, stage dates, interviews, costs."""
    rng = random.Random(16)
    programs: list[Program] = []
    for p in make_programs(catalog, count).programs:
        update: dict[str, Any] = {"signal": rng.choice(["none"] * 6 + ["gold", "silver"])}
        if p.status != "planned":
            update["applied_on"] = dt.date(2026, 9, 24)
        if p.status in ("invited",):
            update["invited_on"] = dt.date(2026, 10, 1 + rng.randrange(28))
            update["respond_by"] = dt.date(2026, 12, 1 + rng.randrange(10))
        if p.status == "interviewed":
            update["invited_on"] = dt.date(2026, 10, 3)
            update["interview_on"] = update["interviewed_on"] = dt.date(2026, 11, 2)
            update["costs"] = [CostEntry(kind="travel", usd=300, date=dt.date(2026, 11, 2))]
        programs.append(p.model_copy(update=update))
    return ProgramList(programs=programs)


def stats(values: list[float]) -> str:
    median = statistics.median(values) * 1000
    p95 = statistics.quantiles(values, n=20)[-1] * 1000 if len(values) > 1 else median
    flag = "within" if median <= FRAME_MS else "OVER"
    return f"median {median:7.1f} ms  p95 {p95:7.1f} ms  ({flag} one frame)"


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


async def run(count: int) -> None:
    home = tempfile.mkdtemp()
    workspace = Workspace.from_options(home)
    catalog = workspace.catalog
    workspace.save_programs(tracked(catalog, count))
    lines = [f"{count:,} tracked programs, 120x40"]
    load = timed(workspace.load_programs, 15)
    lines.append(f"{'load (Workspace, parse cache warm)':<42} {stats(load)}")
    programs = workspace.load_programs().programs
    regions = catalog.region_of_state
    filt = timed(lambda: visible(programs, Filters(stage="invited", tier="community"), regions), 30)
    lines.append(f"{'engine: filter + sort':<42} {stats(filt)}")
    moves = timed(lambda: move(programs[0], "withdrawn", today=TODAY), 200)
    lines.append(f"{'engine: one stage move':<42} {stats(moves)}")
    now = dt.datetime(2026, 11, 30, 9)
    summ = timed(lambda: summary(programs, catalog, "midwest", now), 10)
    lines.append(f"{'engine: summary (today, yields, costs)':<42} {stats(summ)}")

    # interactive: as in a real session, the pane reads the list in a worker thread
    app = MatchApp(Workspace.from_options(home), first_pane="plan", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        while app.profile is None:
            await pilot.pause()
        await pilot.pause()
        start = time.perf_counter()
        app.action_show_pane("applications")  # what F7 runs
        opened = time.perf_counter() - start
        await pilot.pause()
        screen: Any = app.screen
        while not screen.programs.programs:
            await pilot.pause()
        loaded = time.perf_counter() - start
        lines.append(f"{'pane: F7 first open blocks the UI':<42} {opened * 1000:7.1f} ms")
        lines.append(f"{'pane: ... list read and shown (thread)':<42} {loaded * 1000:7.1f} ms")
        blocked = []
        for stage in ["invited", "*", "applied", "*", "interviewed", "*"] * 3:
            start = time.perf_counter()
            screen.set_filters(Filters(stage=stage))  # every matching row is in the table now
            blocked.append(time.perf_counter() - start)
            await pilot.pause(0.05)  # let it draw, as between two key presses
        lines.append(f"{'pane: filter change blocks the UI':<42} {stats(blocked)}")
        screen.set_filters(Filters(stage="planned"))
        await pilot.pause()
        changes, saves = [], []
        for index in list(screen.shown[:15]):
            program = screen.programs.programs[index]
            moved = move(program, "applied", today=TODAY)
            start = time.perf_counter()
            screen.replace_program(index, moved)  # one row redrawn + a save in a worker thread
            changes.append(time.perf_counter() - start)
            await app.workers.wait_for_complete()
            saves.append(time.perf_counter() - start)
        lines.append(f"{'pane: stage change blocks the UI':<42} {stats(changes)}")
        lines.append(f"{'pane: ... saved (worker thread)':<42} {stats(saves)}")
    print("\n".join(lines))


if __name__ == "__main__":
    asyncio.run(run(int(sys.argv[1]) if len(sys.argv) > 1 else 5000))
