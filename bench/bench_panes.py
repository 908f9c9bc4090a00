"""Pane switch: key press -> the new pane on screen, in a real pseudo-terminal at 120x40, with
the program list at 0 and 20,000 programs.

Cycles F1..F8 repeatedly (after one warm-up round, so each pane is built once, as a user who
has visited it), timing each switch from the key write until a text only that pane's built
content shows (bench_first_visit.MARKERS) is on screen. Each switch alternates with a bare
Textual app answering a key in a session of its own, so both see the same machine load.
Prints median, p95 and p99 (targets: median <= 16.7 ms, p99 <= 50 ms).

    .venv/bin/python -m bench.bench_panes [--rounds 8] [--programs 0,20000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench.bench_first_visit import KEYS, launch, markers_for
from bench.ptyrun import Session
from matchtui.panes import PANES


def switches(rounds: int, programs: int) -> tuple[dict[str, list[float]], list[float]]:
    times: dict[str, list[float]] = {pane.id: [] for pane in PANES}
    floor: list[float] = []
    markers = markers_for(programs)
    with (
        tempfile.TemporaryDirectory() as home,
        Session(launch(home, "reality", programs)) as session,
        Session([sys.executable, str(Path(__file__).with_name("bare_key_app.py"))]) as bare,
    ):
        session.wait_for(markers["reality"], timeout=120)
        bare.wait_for("pressed 0")
        presses = 0
        for round_number in range(rounds + 1):
            for pane in PANES:
                elapsed = session.press_and_wait(KEYS[pane.id], markers[pane.id], timeout=120)
                if round_number:
                    times[pane.id].append(elapsed)
                    # The floor, alternating: a bare Textual app changing one text on a key.
                    presses += 1
                    floor.append(bare.press_and_wait(b"x", f"pressed {presses}"))
    return times, floor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--programs", default="0,20000", help="comma-separated list sizes")
    parser.add_argument(
        "--per-round", action="store_true", help="also print each pane's times round by round"
    )
    args = parser.parse_args()
    for programs in (int(size) for size in args.programs.split(",")):
        times, floor = switches(args.rounds, programs)
        every = [t for values in times.values() for t in values]
        cuts = statistics.quantiles(every, n=100)
        print(
            f"pane switches, {programs} programs, {args.rounds} rounds "
            f"(load average {os.getloadavg()[0]:.1f})"
        )
        for pane in PANES:
            values = times[pane.id]
            print(
                f"  {pane.title:<20} median {statistics.median(values) * 1000:6.1f} ms  "
                f"max {max(values) * 1000:6.1f} ms"
                + (
                    "  rounds " + " ".join(f"{value * 1000:.0f}" for value in values)
                    if args.per_round
                    else ""
                )
            )
        print(f"  {'bare app, key -> text':<20} median {statistics.median(floor) * 1000:6.1f} ms")
        print(
            f"  {'all switches':<20} median {statistics.median(every) * 1000:6.1f} ms  "
            f"p95 {cuts[94] * 1000:6.1f}  p99 {cuts[98] * 1000:6.1f} ms  (n={len(every)}; "
            "targets: median <= 16.7 ms, p99 <= 50 ms)"
        )


if __name__ == "__main__":
    main()
