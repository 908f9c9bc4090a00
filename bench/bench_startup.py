"""Cold start to first full frame: matchtui (demo profile) vs a bare Textual app.

Both run in a real pseudo-terminal at 120x40, alternating, N runs each; prints medians, spread
and the ratio (target: <= 1.3). Each matchtui run gets a fresh empty home, so it is a true
first run (the demo profile is copied in).

    .venv/bin/python -m bench.bench_startup [--runs 12]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench.ptyrun import time_to_text

HERE = Path(__file__).resolve().parent
# Text that appears only once the first pane has drawn its body (the last thing to appear).
MATCHTUI_MARKER = "F6 Plan"
BARE_MARKER = "bare textual app ready"


def spread(values: list[float]) -> str:
    q = statistics.quantiles(values, n=20) if len(values) > 1 else values * 19
    median = statistics.median(values) * 1000
    return f"median {median:7.1f} ms  p5 {q[0] * 1000:6.1f}  p95 {q[-1] * 1000:6.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--marker", default=MATCHTUI_MARKER)
    args = parser.parse_args()
    python = sys.executable
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as home:
            ours.append(time_to_text([python, "-m", "matchtui", "--home", home], args.marker))
        bare.append(time_to_text([python, str(HERE / "bare_app.py")], BARE_MARKER))
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"matchtui  {spread(ours)}  (n={len(ours)})")
    print(f"bare app  {spread(bare)}  (n={len(bare)})")
    print(f"ratio     {ratio:.2f}  (target <= 1.30)")


if __name__ == "__main__":
    main()
