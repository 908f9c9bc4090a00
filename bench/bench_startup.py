"""Cold start to first full frame: matchtui (demo profile) vs a bare Textual app.

Both run in a real pseudo-terminal at 120x40, alternating, N runs each; prints medians, spread
and the ratio (target: <= 1.3). Each matchtui run gets a fresh empty home, so it is a true
first run (the demo profile is copied in).

Two figures for matchtui: the first full frame (header, pane bar, footer: the shell, drawn
before pydantic and the data load), and the first pane ready (the Reality check with the demo
profile's verdicts on screen), which is when the app is useful.

    .venv/bin/python -m bench.bench_startup [--runs 12]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench.ptyrun import time_to_text, times_to_texts

HERE = Path(__file__).resolve().parent
# The first full frame shows the pane bar; the Reality check's summary line shows when the
# first pane has been built from the data.
FIRST_FRAME_MARKER = "F6 Plan"
PANE_READY_MARKER = "Risk MODERATE"
BARE_MARKER = "bare textual app ready"


def spread(values: list[float]) -> str:
    q = statistics.quantiles(values, n=20) if len(values) > 1 else values * 19
    median = statistics.median(values) * 1000
    return f"median {median:7.1f} ms  p5 {q[0] * 1000:6.1f}  p95 {q[-1] * 1000:6.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=12)
    args = parser.parse_args()
    python = sys.executable
    frame: list[float] = []
    ready: list[float] = []
    bare: list[float] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as home:
            first, useful = times_to_texts(
                [python, "-m", "matchtui", "--home", home], [FIRST_FRAME_MARKER, PANE_READY_MARKER]
            )
        frame.append(first)
        ready.append(useful)
        bare.append(time_to_text([python, str(HERE / "bare_app.py")], BARE_MARKER))
    base = statistics.median(bare)
    frame_ratio = statistics.median(frame) / base
    ready_ratio = statistics.median(ready) / base
    print(f"bare Textual app, first frame   {spread(bare)}  (n={len(bare)})")
    print(f"matchtui, first full frame      {spread(frame)}  ratio {frame_ratio:.2f} (<= 1.30)")
    print(f"matchtui, first pane with data  {spread(ready)}  ratio {ready_ratio:.2f}")


if __name__ == "__main__":
    main()
