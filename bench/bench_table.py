"""The program list at 0 / 1,000 / 5,000 / 20,000 programs in the Mix pane: status change,
filter and sort, driven by keys in a real pseudo-terminal at 120x40, alternating with a bare
Textual app answering a key (the floor).

Each sample is timed from the key that makes the change to the frame showing it on the terminal
(the new status in the row; the new "N of M programs shown"; the first row of the new order),
computed here from the same list. Filters and sort are the filter row's CycleSelects, stepped
in place with left/right: the presses before the last are untimed (OPEN apart), the last one
is timed (nothing opens: no list, no focus move). Beside it, the LONGEST EVENT-LOOP STALL
inside the app from that key until 0.6 s later (bench/loopprobe.py: a thread that times how
long the loop takes to run a callback every 2 ms, so work in worker threads that holds the
interpreter counts too). Keys come at a person's pace (0.6 s apart), so a status change's
background save overlaps the next presses as it would for a user. Also the first visit to the
pane with the list (F4, then l: key -> the list tab's count) and the app's resident memory per
program.
Targets: median <= 16.7 ms, p99 <= 50 ms key-to-frame, no stall > 50 ms.

    .venv/bin/python -m bench.bench_table [--sizes 0,5000,20000] [--repeats 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_first_visit import KEYS, MARKERS, rss_mib
from bench.loopprobe import command, longest_stall
from bench.programs_fixture import make_programs
from bench.ptyrun import Session
from matchtui.catalog import Catalog
from matchtui.models.mix import TIER_LABELS, TIERS
from matchtui.models.programs import PROGRAM_STATUSES, Program
from matchtui.widgets.mix_programs import ALL, SORT_KEYS, Filters, visible

HERE = Path(__file__).resolve().parent
LEFT, RIGHT, BACKTAB, TAB = b"\x1b[D", b"\x1b[C", b"\x1b[Z", b"\t"
SETTLE = 0.6  # after the frame: what the change set off, and a person's pace
OPEN = 0.3  # for the untimed arrow keys to land before the timed one


class Bench:
    def __init__(self, count: int, app: Session, bare: Session, stalls: str) -> None:
        self.catalog = Catalog.load()
        self.items: list[Program] = list(make_programs(self.catalog, count).programs)
        self.count = count
        self.app, self.bare, self.stalls = app, bare, stalls
        self.filters = Filters()
        self.results: dict[str, list[tuple[float, float]]] = {}
        self.floor: list[float] = []

    def rows(self, filters: Filters | None = None) -> list[tuple[int, Program]]:
        from matchtui.models.programs import ProgramList

        return visible(ProgramList(programs=self.items), filters or self.filters, self.catalog)

    def keys(self, keys: bytes) -> None:
        os.write(self.app.fd, keys)
        time.sleep(OPEN)

    def sample(self, label: str, key: bytes, marker: str) -> None:
        start = time.perf_counter()
        wall = self.app.press_and_wait(key, marker, timeout=60)
        time.sleep(SETTLE)
        stall = longest_stall(self.stalls, start, start + wall + SETTLE)
        self.results.setdefault(label, []).append((wall, stall))
        presses = len(self.floor) + 1
        self.floor.append(self.bare.press_and_wait(b"x", f"pressed {presses}"))

    def pick(self, options: list[str], current: str, wanted: str) -> tuple[bytes, str] | None:
        """Step the focused CycleSelect towards `wanted` the short way round (it wraps), all
        presses but the last; returns the last key, for the caller to time, and the option on
        show before it (None: `wanted` is on show)."""
        count, at = len(options), options.index(current)
        forward = (options.index(wanted) - at) % count
        if not forward:
            return None
        step, moves = (1, forward) if forward <= count - forward else (-1, count - forward)
        key = RIGHT if step > 0 else LEFT
        if moves > 1:
            self.keys(key * (moves - 1))
        return key, options[(at + step * (moves - 1)) % count]

    def status_changes(self, repeats: int) -> None:
        for _ in range(repeats):
            index, program = self.rows()[0]  # the cursor's row (the first)
            following = PROGRAM_STATUSES[
                (PROGRAM_STATUSES.index(program.status) + 1) % len(PROGRAM_STATUSES)
            ]
            self.items[index] = program.model_copy(update={"status": following})
            self.sample("status change", b"s", following)

    def filter_changes(self, repeats: int) -> None:
        options = [ALL, *TIERS]
        self.keys(BACKTAB * 4)  # table -> tier filter
        for step in range(repeats):
            wanted = ("community", ALL, "academic", ALL, "mid_tier", ALL)[step % 6]
            if step == repeats - 1:
                wanted = ALL
            picked = self.pick(options, self.filters.tier, wanted)
            if picked is None:
                continue
            self.filters = Filters(tier=wanted)
            shown = len(self.rows())
            marker = (
                f"{shown} of {self.count} programs shown"
                if self.count
                else (TIER_LABELS.get(wanted) or "All tiers")
            )
            self.sample("filter (tier)", picked[0], marker)

    def sort_changes(self, repeats: int) -> None:
        options = list(SORT_KEYS)
        self.keys(TAB * 3)  # tier filter -> sort
        for step in range(repeats):
            wanted = ("state", "name", "region", "tier", "status", "specialty")[step % 6]
            picked = self.pick(options, self.filters.sort, wanted)
            if picked is None:
                continue
            # The rows on show before the timed key (after the untimed ones).
            before = {p.name for _i, p in self.rows(Filters(sort=picked[1]))[:40]}
            self.filters = Filters(sort=wanted)
            fresh = [p.name for _i, p in self.rows()[:8] if p.name not in before]
            marker = fresh[0] if fresh else f"Sort: {SORT_KEYS[wanted]}"
            self.sample("sort", picked[0], marker)

    def report(self) -> None:
        for label, samples in self.results.items():
            walls = sorted(s[0] * 1000 for s in samples)
            p99 = walls[min(len(walls) - 1, round(0.99 * (len(walls) - 1)))]
            stall = max(s[1] for s in samples) * 1000
            print(
                f"    {label:<24} key->frame median {statistics.median(walls):7.1f} ms  "
                f"p99 {p99:7.1f}  | longest stall {stall:6.1f} ms  ({len(walls)} samples)"
            )
        if self.floor:
            floor = statistics.median(self.floor) * 1000
            print(f"    {'bare app key':<24} key->frame median {floor:7.1f} ms")


def measure(count: int, repeats: int) -> None:
    with tempfile.TemporaryDirectory() as home:
        stalls = str(Path(home, "stalls.txt"))
        argv = command(stalls, str(Path(home, "home")), "reality", count)
        with (
            Session(argv) as app,
            Session([sys.executable, str(HERE / "bare_key_app.py")]) as bare,
        ):
            app.wait_for(MARKERS["reality"], timeout=180)
            bare.wait_for("pressed 0")
            time.sleep(1.5)
            memory_before = rss_mib(app.pid)
            bench = Bench(count, app, bare, stalls)
            start = time.perf_counter()
            first = app.press_and_wait(KEYS["mix"], MARKERS["mix"], timeout=120)
            listed = app.press_and_wait(b"l", f"{count} of {count} programs shown", timeout=120)
            stall = longest_stall(stalls, start, time.perf_counter())
            time.sleep(1.0)
            memory = rss_mib(app.pid) - memory_before
            per_program = memory * 1024 / count if count else 0.0
            print(
                f"{count:>6} programs  (the pane with the list: +{memory:.1f} MiB, "
                f"{per_program:.1f} KiB/program)"
            )
            print(
                f"    {'first visit (F4)':<24} key->frame {first * 1000:7.1f} ms, then l -> list "
                f"{listed * 1000:6.1f} ms  | longest stall {stall * 1000:6.1f} ms"
            )
            if count:
                bench.status_changes(repeats)
            bench.filter_changes(repeats)
            if count:  # no rows to order (and no row to spot on screen)
                bench.sort_changes(repeats)
            bench.report()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,5000,20000")
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(
        f"program table in the Mix pane, keys in a 120x40 pty (load average {load:.1f} on "
        f"{os.cpu_count()} CPUs)\n  key->frame = key sent -> the change on the terminal; "
        "stall = longest event-loop block inside the app from the key to 0.6 s later"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size, args.repeats)


if __name__ == "__main__":
    main()
