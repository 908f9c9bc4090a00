"""Pane switch: key press -> the new pane on screen, in a real pseudo-terminal at 120x40.

Cycles F1..F6 repeatedly (after one warm-up round, so each pane is built once, as a user who
has visited it), timing each switch from the key write until a text only that pane's built
content shows (bench_first_visit.MARKERS) is on screen. Each round alternates with a bare
Textual app answering a key in a session of its own, so both see the same machine load.
Prints median and p95 (target: median <= 33 ms).

    .venv/bin/python -m bench.bench_panes [--rounds 8]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench.bench_first_visit import KEYS, MARKERS
from bench.ptyrun import Session
from matchtui.panes import PANES

PREFIX = [sys.executable, "-m", "matchtui"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    times: dict[str, list[float]] = {pane.id: [] for pane in PANES}
    floor: list[float] = []
    with (
        tempfile.TemporaryDirectory() as home,
        Session([*PREFIX, "--home", home]) as session,
        Session([sys.executable, str(Path(__file__).with_name("bare_key_app.py"))]) as bare,
    ):
        session.wait_for(MARKERS["reality"], timeout=60)
        bare.wait_for("pressed 0")
        presses = 0
        for round_number in range(args.rounds + 1):
            for pane in PANES:
                elapsed = session.press_and_wait(KEYS[pane.id], MARKERS[pane.id], timeout=60)
                if round_number:
                    times[pane.id].append(elapsed)
                    # The floor, alternating: a bare Textual app changing one text on a key.
                    presses += 1
                    floor.append(bare.press_and_wait(b"x", f"pressed {presses}"))
    every = [t for values in times.values() for t in values]
    for pane in PANES:
        values = times[pane.id]
        print(
            f"{pane.title:<20} median {statistics.median(values) * 1000:6.1f} ms  "
            f"max {max(values) * 1000:6.1f} ms"
        )
    p95 = statistics.quantiles(every, n=20)[-1]
    print(f"{'bare app, key -> text':<20} median {statistics.median(floor) * 1000:6.1f} ms")
    print(
        f"{'all switches':<20} median {statistics.median(every) * 1000:6.1f} ms  "
        f"p95 {p95 * 1000:6.1f} ms  (n={len(every)}; target median <= 33 ms)"
    )


if __name__ == "__main__":
    main()
