"""The Applications pane (F7) with 5,000 tracked programs: how long loading, a filter change and a
stage change block the UI, against one frame at 60 Hz (16.7 ms). Prints median and p95.

Then the same pane in a real pseudo-terminal (120x40), driven by keys as a person would: view
switches (1-4), the stage filter and the sort (a CycleSelect: one right press each, timed; it
changes in place, so there is no "select: open" figure any more: nothing opens), a stage
change (a, Enter in the date prompt). For each: key -> first frame after it, key -> the text that
shows the result, and the event loop's longest stall around it (the app runs a 5 ms ticker
that records every late wake-up; a stall is the time the loop could not run it). The save of a
stage change runs in a thread: its duration (key -> programs.toml replaced) and the loop's
longest stall during it are printed too.

    .venv/bin/python -m bench.bench_tracker [COUNT] [--rounds 3] [--skip-inprocess] [--skip-pty]
        [--first-visit RUNS]    # also cold first visits to F7 and F8 with COUNT programs
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
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


# --- in a pty, by keys ---------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[1]
SHIFT_TAB, TAB, DOWN, RIGHT, ENTER = b"\x1b[Z", b"\t", b"\x1b[B", b"\x1b[C", b"\r"
TICK = 0.005


def child(home: str, stalls: str) -> None:
    """The app as `matchtui` runs it, on the Applications pane, plus the loop-stall recorder."""
    sys.path.insert(0, str(ROOT / "src"))
    from matchtui.app import MatchApp

    async def watch() -> None:
        with open(stalls, "a", encoding="utf-8") as out:
            last = time.perf_counter()
            while True:
                await asyncio.sleep(TICK)
                now = time.perf_counter()
                if now - last - TICK > 0.008:
                    out.write(f"{last:.6f} {now - last - TICK:.6f}\n")
                    out.flush()
                last = now

    import matchtui.app

    here = Path(matchtui.app.__file__).parent

    class Watched(MatchApp):
        CSS_PATH = here / "app.tcss"  # a subclass elsewhere: the app's own path, made absolute

        def on_mount(self) -> None:  # runs after MatchApp's own on_mount
            self._watcher = asyncio.get_running_loop().create_task(watch())

    Watched(
        Workspace.from_options(home), first_pane="applications", today=TODAY, interactive=True
    ).run()


class Stalls:
    """The child's stall records (start, seconds), read as they come."""

    def __init__(self, path: str) -> None:
        self.path = path

    def longest(self, start: float, end: float) -> float:
        worst = 0.0
        try:
            lines = Path(self.path).read_text().splitlines()
        except OSError:
            return 0.0
        for line in lines:
            at, gap = (float(x) for x in line.split())
            if at + gap >= start and at <= end:
                worst = max(worst, gap)
        return worst


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


class Keys:
    """Keys into the pty: key -> first frame, key -> marker, the longest stall meanwhile."""

    def __init__(self, app: Any, stalls: Stalls) -> None:
        self.app, self.stalls = app, stalls
        self.rows: dict[str, list[tuple[float, float, float]]] = {}

    def press(
        self, kind: str | None, keys: bytes, marker: str | None, settle: float = 0.15
    ) -> None:
        """`marker` None: the result is the last frame before the screen is quiet for 0.2 s."""
        from bench.ptyrun import visible as screen_text

        app = self.app
        while app._drain(0.0):
            pass
        start = time.perf_counter()
        os.write(app.fd, keys)
        frame = last = None
        text, tail = "", b""
        while time.perf_counter() - start < 30:
            chunk = app._drain(0.002)
            now = time.perf_counter()
            if not chunk:
                if marker is None and last is not None and now - last > 0.2:
                    break
                continue
            if frame is None:
                frame = now - start
            last = now
            text = text[-300:] + screen_text(tail + chunk)
            tail = chunk[-32:]
            if marker is not None and marker in text:
                break
        else:
            raise RuntimeError(f"{marker!r} never appeared after {keys!r}: {text[-300:]!r}")
        content = (last or time.perf_counter()) - start
        time.sleep(settle)  # the next key comes later, as a person's would
        stall = self.stalls.longest(start, time.perf_counter())
        if kind is not None:
            self.rows.setdefault(kind, []).append((frame or content, content, stall))

    def report(self) -> list[str]:
        out = []
        for kind, rows in self.rows.items():
            frames = [r[0] for r in rows]
            contents = [r[1] for r in rows]
            stall = max(r[2] for r in rows) * 1000
            out.append(
                f"  {kind:<26} key->frame median {statistics.median(frames) * 1000:6.1f} "
                f"p99 {pct(frames, 0.99):6.1f} | key->result median "
                f"{statistics.median(contents) * 1000:6.1f} p99 {pct(contents, 0.99):6.1f} ms"
                f" | longest loop stall {stall:5.0f} ms  (n={len(rows)})"
            )
        return out


def in_pty(count: int, rounds: int) -> None:
    from bench.ptyrun import Session
    from matchtui.engine.tracker import SORT_KEYS, visible
    from matchtui.models.programs import PROGRAM_STATUSES

    tmp = tempfile.mkdtemp()
    home, stalls_path = str(Path(tmp, "home")), str(Path(tmp, "stalls.txt"))
    workspace = Workspace.from_options(home)
    programs = tracked(workspace.catalog, count)
    workspace.save_programs(programs)
    listed = programs.programs
    regions = workspace.catalog.region_of_state
    saved = workspace.store.path("programs.toml")
    stalls = Stalls(stalls_path)
    argv = [sys.executable, "-m", "bench.bench_tracker", "--child", home, stalls_path]
    env = {"PYTHONPATH": f"{ROOT}:{ROOT / 'src'}"}
    total = f"{count} of {count} programs"
    print(f"\nin a pty, 120x40, {count:,} programs, {rounds} rounds, keys as typed")
    with Session(argv, env=env) as app:
        started = time.perf_counter()
        app.wait_for(total, timeout=120)
        print(f"  start on F7 -> '{total}' {(time.perf_counter() - started) * 1000:7.0f} ms")
        time.sleep(1.5)
        load_stall = stalls.longest(started, time.perf_counter())
        print(f"  longest loop stall while starting and loading: {load_stall * 1000:.0f} ms")
        keys = Keys(app, stalls)
        views = [
            (b"2", "Invitations waiting for an answer", "view: Today (2)"),
            (b"3", "Invitations per application", "view: Yields (3)"),
            (b"4", "Season costs", "view: Costs (4)"),
            (b"1", f"of {count} programs", "view: List (1)"),
        ]
        for _ in range(rounds):
            for key, marker, kind in views:
                keys.press(kind, key, marker)
        # the stage filter: six CycleSelects back from the table (sort, tier, signal, region,
        # specialty, stage); right shows the next stage (after the last: Any stage again)
        for _ in range(6):
            keys.press(None, SHIFT_TAB, "")
        for _ in range(rounds):
            for stage in PROGRAM_STATUSES:
                shown = sum(1 for p in listed if p.status == stage)
                keys.press("filter: stage", RIGHT, f"{shown} of {count} programs")
            keys.press("filter: stage", RIGHT, total)
        # the sort: five CycleSelects on
        for _ in range(5):
            keys.press(None, TAB, "")
        order = ["name", "stage", "date", "state", "specialty", "tier", "signal"]  # as listed
        assert set(order) == set(SORT_KEYS)
        for _ in range(rounds):
            for _sort in order[1:]:  # right shows the next sort in this order
                keys.press("sort (result: screen quiet)", RIGHT, None)
            keys.press("sort (result: screen quiet)", RIGHT, None)  # round to the first
        # stage changes: filter on planned, to the table, then a + Enter on row after row
        for _ in range(5):
            keys.press(None, SHIFT_TAB, "")
        planned = visible(listed, Filters(stage="planned"), regions)
        keys.press(None, RIGHT, f"{len(planned)} of {count} programs")
        for _ in range(6):
            keys.press(None, TAB, "")
        saves: list[tuple[float, float]] = []
        for index in planned[: rounds * 3]:
            keys.press("stage change: prompt (a)", b"a", "YYYY-MM-DD")
            before = saved.stat().st_mtime_ns
            start = time.perf_counter()
            keys.press("stage change: confirm", ENTER, f"{listed[index].name}: applied", 0.0)
            while saved.stat().st_mtime_ns == before and time.perf_counter() - start < 60:
                time.sleep(0.01)
            done = time.perf_counter()
            saves.append((done - start, stalls.longest(start, done)))
            keys.press(None, DOWN, "")
        print("\n".join(keys.report()))
        if saves:
            print(
                f"  {'stage change: save (thread)':<26} key->file replaced median "
                f"{statistics.median(s for s, _ in saves) * 1000:6.0f} ms | longest loop stall "
                f"during saves {max(g for _, g in saves) * 1000:5.0f} ms"
            )


def first_visits(count: int, runs: int) -> None:
    """bench_first_visit's cold first visit to F7 and F8 with `count` programs in the list (its
    markers for a list: F7's count line with every program, F8's odds once the list is read)."""
    from bench import bench_first_visit as visit

    markers = visit.markers_for(count)
    print(f"\nfirst visit, key -> content, 120x40 pty, {count:,} programs, {runs} cold runs")
    for pane in ("applications", "ranklist"):
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu = visit.first_visit(pane, count)
            walls.append(wall)
            cpus.append(cpu)
        print(
            f"  {pane:<12} wall median {statistics.median(walls) * 1000:6.0f} ms  min "
            f"{min(walls) * 1000:6.0f} | app CPU median {statistics.median(cpus) * 1000:5.0f}"
            f" ms  (marker {markers[pane]!r}; load average {os.getloadavg()[0]:.1f})"
        )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-inprocess", action="store_true")
    parser.add_argument("--skip-pty", action="store_true")
    parser.add_argument(
        "--first-visit", type=int, default=0, metavar="RUNS", help="also F7/F8 first visits"
    )
    args = parser.parse_args()
    if args.first_visit:
        first_visits(args.count, args.first_visit)
    if not args.skip_inprocess and args.count:  # (it times moves and filters over the list)
        asyncio.run(run(args.count))
    if not args.skip_pty:
        in_pty(args.count, args.rounds)


if __name__ == "__main__":
    main()
