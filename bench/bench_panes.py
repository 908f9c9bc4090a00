"""Pane switch: key press -> the new pane on screen, in a real pseudo-terminal at 120x40, with
the program list at 0 and 20,000 programs.

Cycles F1..F8 repeatedly (after one warm-up round, so each pane is built once, as a user who
has visited it), timing each switch from the key write until a text only that pane's built
content shows (bench_first_visit.MARKERS) is on screen. Each switch alternates with a bare
Textual app answering a key in a session of its own, so both see the same machine load.
Prints median, p95 and p99 (targets: median <= 16.7 ms, p99 <= 50 ms), and each pane's longest
event-loop stall from its key to the next key the app gets (bench/loopprobe.py: the switch's own
frame, and any work the pane leaves for after it).

    .venv/bin/python -m bench.bench_panes [--rounds 8] [--programs 0,20000] [--per-round]
    .venv/bin/python -m bench.bench_panes --settle 2   # first visits left to finish their work
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_first_visit import KEYS, markers_for
from bench.loopprobe import command, longest_stall
from bench.ptyrun import Session
from matchtui.panes import PANES


def switches(
    rounds: int, programs: int, settle: float = 0.0
) -> tuple[dict[str, list[float]], list[float], dict[str, list[float]]]:
    """Each pane's switch times, the bare app's, and each switch's longest loop stall (from
    its key to the next key to the app, so work a pane leaves for after its frame counts)."""
    times: dict[str, list[float]] = {pane.id: [] for pane in PANES}
    stalls: dict[str, list[float]] = {pane.id: [] for pane in PANES}
    floor: list[float] = []
    markers = markers_for(programs)
    with (
        tempfile.TemporaryDirectory() as tmp,
        Session(command(tmp + "/stalls.txt", tmp + "/home", "reality", programs)) as session,
        Session([sys.executable, str(Path(__file__).with_name("bare_key_app.py"))]) as bare,
    ):
        session.wait_for(markers["reality"], timeout=120)
        bare.wait_for("pressed 0")
        presses = 0
        previous: tuple[str, float] | None = None
        for round_number in range(rounds + 1):
            for pane in PANES:
                start = time.perf_counter()
                if previous is not None:
                    stalls[previous[0]].append(
                        longest_stall(tmp + "/stalls.txt", previous[1], start)
                    )
                    previous = None
                elapsed = session.press_and_wait(KEYS[pane.id], markers[pane.id], timeout=120)
                if not round_number and settle:
                    time.sleep(settle)  # let the pane finish what it does after its first frame
                if round_number:
                    times[pane.id].append(elapsed)
                    previous = (pane.id, start)
                    # The floor, alternating: a bare Textual app changing one text on a key.
                    presses += 1
                    floor.append(bare.press_and_wait(b"x", f"pressed {presses}"))
        if previous is not None:
            time.sleep(0.3)
            stalls[previous[0]].append(
                longest_stall(tmp + "/stalls.txt", previous[1], time.perf_counter())
            )
    return times, floor, stalls


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--programs", default="0,20000", help="comma-separated list sizes")
    parser.add_argument(
        "--per-round", action="store_true", help="also print each pane's times round by round"
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=0.0,
        help="seconds to wait after each first visit (the warm-up round) before moving on",
    )
    args = parser.parse_args()
    for programs in (int(size) for size in args.programs.split(",")):
        times, floor, stalls = switches(args.rounds, programs, args.settle)
        every = [t for values in times.values() for t in values]
        # Inclusive: interpolated between the samples taken (the default method extrapolates
        # past the largest one when there are fewer than 100, e.g. a p99 of 133 ms over a max
        # of 117), as the other benchmarks' nearest-rank percentiles never do.
        cuts = statistics.quantiles(every, n=100, method="inclusive")
        print(
            f"pane switches, {programs} programs, {args.rounds} rounds "
            f"(load average {os.getloadavg()[0]:.1f})"
        )
        for pane in PANES:
            values = times[pane.id]
            print(
                f"  {pane.title:<20} median {statistics.median(values) * 1000:6.1f} ms  "
                f"max {max(values) * 1000:6.1f} ms  "
                f"stall max {max(stalls[pane.id]) * 1000:5.1f} ms"
                + (
                    "  rounds "
                    + " ".join(
                        f"{value * 1000:.0f}/{stall * 1000:.0f}"
                        for value, stall in zip(values, stalls[pane.id], strict=True)
                    )
                    if args.per_round
                    else ""
                )
            )
        print(f"  {'bare app, key -> text':<20} median {statistics.median(floor) * 1000:6.1f} ms")
        print(
            f"  {'all switches':<20} median {statistics.median(every) * 1000:6.1f} ms  "
            f"p95 {cuts[94] * 1000:6.1f}  p99 {cuts[98] * 1000:6.1f}  "
            f"max {max(every) * 1000:6.1f} ms  (n={len(every)}; "
            "targets: median <= 16.7 ms, p99 <= 50 ms)"
        )


if __name__ == "__main__":
    main()
