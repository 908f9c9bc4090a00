"""Pane switch: key press -> the new pane on screen, in a real pseudo-terminal at 120x40.

Cycles F1..F6 repeatedly (after one warm-up round, so each pane is built once, as a user who
has visited it), timing each switch from the key write until the pane's title shows in the
header. Prints median and p95 (target: median <= 33 ms).

    .venv/bin/python -m bench.bench_panes [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench.ptyrun import Session
from matchtui.panes import PANES

PREFIX = [sys.executable, "-m", "matchtui"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    keys = {
        "f1": b"\x1bOP",
        "f2": b"\x1bOQ",
        "f3": b"\x1bOR",
        "f4": b"\x1bOS",
        "f5": b"\x1b[15~",
        "f6": b"\x1b[17~",
    }
    times: dict[str, list[float]] = {pane.id: [] for pane in PANES}
    with (
        tempfile.TemporaryDirectory() as home,
        Session([*PREFIX, "--home", home]) as session,
    ):
        session.wait_for("F6 Plan")
        session.wait_for(" — ", timeout=30)
        for round_number in range(args.rounds + 1):
            for pane in PANES:
                elapsed = session.press_and_wait(keys[pane.key], f"matchtui — {pane.title}")
                if round_number:
                    times[pane.id].append(elapsed)
    # The floor, in the same run: a bare Textual app answering a key by changing one text.
    with Session([sys.executable, str(Path(__file__).with_name("bare_key_app.py"))]) as bare:
        bare.wait_for("pressed 0")
        floor = [bare.press_and_wait(b"x", f"pressed {i}") for i in range(1, 31)]
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
