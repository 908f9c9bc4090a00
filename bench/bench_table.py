"""The program list at 0 / 1,000 / 5,000 / 20,000 programs: filter, sort and status change in
the Mix pane's table, in-process at 120x40. For each interaction it prints the response (from
the event to the table showing the change: the first page of a refill, or the changed row) and
the LONGEST EVENT-LOOP STALL from the event until the app is idle again (a probe task
that wakes every millisecond records the longest gap; targets: response median <= 16.7 ms and
p99 <= 50 ms, no stall > 50 ms). Also the first visit to the pane with the list (key -> list
tab filled) and the app's memory per program.

    .venv/bin/python -m bench.bench_table [--sizes 0,1000,5000,20000] [--repeats 6]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import os
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

import contextlib

from bench.programs_fixture import write_programs
from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.store import Store
from matchtui.widgets.mix_programs import ProgramsPanel
from matchtui.workspace import Workspace


class StallProbe:
    """Wakes every millisecond; the longest gap between wake-ups is the longest stall."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last - 0.001)
            last = now

    def start(self) -> None:
        self.longest = 0.0
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> float:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        return self.longest


async def until(check: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.0005)


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def measure(size: int, repeats: int) -> dict[str, list[tuple[float, float, float]]]:
    home = tempfile.mkdtemp(prefix="matchtui-bench-")
    if size:
        write_programs(Store(Path(home)), Catalog.load(), size)
    app = MatchApp(Workspace.from_options(home), first_pane="reality", today=dt.date(2026, 11, 23))
    results: dict[str, list[tuple[float, float, float]]] = {}
    probe = StallProbe()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        memory_before = rss_mib()
        # First visit to the pane, then the list tab: key -> every row in.
        probe.start()
        start = time.perf_counter()
        await pilot.press("f4")
        await until(lambda: isinstance(app.screen.query(ProgramsPanel).first(None), ProgramsPanel))
        panel = app.screen.query_one(ProgramsPanel)
        table = panel.query_one("#programs-table")
        await pilot.press("l")
        await until(lambda: table.row_count >= min(size, table.FIRST_ROWS))
        shown = time.perf_counter() - start
        await pilot.pause()
        results["first visit + list tab"] = [(shown, 0.0, await probe.stop())]
        memory_after = rss_mib()
        # As the interactive app does after a pane is built (app._freeze_long_lived): the list
        # and the widgets leave the cyclic GC's sight, so a full collection does not walk them.
        gc.freeze()

        async def run(label: str, act: Callable[[], Awaitable[Callable[[], bool]]]) -> None:
            samples = []
            for _ in range(repeats):
                await pilot.pause()
                probe.start()
                start = time.perf_counter()
                responded = await act()
                await until(responded)
                shown = time.perf_counter() - start
                await pilot.pause()  # the repaint and anything else the change set off
                samples.append((shown, 0.0, await probe.stop()))
            results[label] = samples

        tiers = iter(["community", "all", "academic", "all", "mid_tier", "all"] * repeats)

        async def filter_change() -> Callable[[], bool]:
            from textual.widgets import Select

            generation = table.row_count, id(panel.filters)
            panel.query_one("#filter-tier", Select).value = next(tiers)
            return lambda: id(panel.filters) != generation[1] and (table.row_count > 0 or size == 0)

        sorts = iter(["state", "name", "region", "tier", "status", "name"] * repeats)

        async def sort_change() -> Callable[[], bool]:
            from textual.widgets import Select

            before = id(panel.filters)
            panel.query_one("#filter-sort", Select).value = next(sorts)
            return lambda: id(panel.filters) != before and (table.row_count > 0 or size == 0)

        async def status_change() -> Callable[[], bool]:
            if size == 0:
                return lambda: True
            table.focus()
            table.move_cursor(row=5)
            await pilot.pause()
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            before = str(table.get_row(key)[-1])
            app.simulate_key("s")
            return lambda: str(table.get_row(key)[-1]) != before

        await run("filter (tier)", filter_change)
        await run("sort", sort_change)
        await run("status change", status_change)
        await app.workers.wait_for_complete()
    per_program = (memory_after - memory_before) * 1024 / size if size else 0.0
    results["_memory"] = [(memory_after - memory_before, per_program, 0.0)]
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,1000,5000,20000")
    parser.add_argument("--repeats", type=int, default=6)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(
        f"program table, in-process at 120x40 (load average {load:.1f} on {os.cpu_count()} CPUs)"
        "\n  response = event -> table shows the change; stall = longest event-loop block"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        results = asyncio.run(measure(size, args.repeats))
        memory, per_program, _ = results.pop("_memory")[0]
        print(
            f"{size:>6} programs  (list in the pane: +{memory:.1f} MiB, "
            f"{per_program:.1f} KiB/program)"
        )
        for label, samples in results.items():
            shown = sorted(s[0] * 1000 for s in samples)
            stall = max(s[2] for s in samples) * 1000
            p99 = shown[min(len(shown) - 1, round(0.99 * (len(shown) - 1)))]
            print(
                f"    {label:<24} response median {statistics.median(shown):7.1f} ms  "
                f"p99 {p99:7.1f}  | longest stall {stall:6.1f} ms"
            )


if __name__ == "__main__":
    main()
