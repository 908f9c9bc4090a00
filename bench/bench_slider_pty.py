"""Slider step in a real pseudo-terminal at 120x40 with a program list: key -> the new
estimate on screen (the marker under the P(match)-by-applications curve, drawn by the estimate),
alternating with a bare Textual app answering a key. Beside it the longest event-loop stall
inside the app from the key to 0.3 s after the frame (bench/loopprobe.py), and the p99.

    .venv/bin/python -m bench.bench_slider_pty [--programs 0,5000,20000] [--steps 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_first_visit import MARKERS
from bench.loopprobe import command, longest_stall
from bench.ptyrun import Session

HERE = Path(__file__).resolve().parent
RIGHT, LEFT = b"\x1b[C", b"\x1b[D"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", default="0,5000,20000")
    parser.add_argument("--steps", type=int, default=30)
    args = parser.parse_args()
    for count in (int(c) for c in args.programs.split(",")):
        samples: list[float] = []
        stalls: list[float] = []
        floor: list[float] = []
        with (
            tempfile.TemporaryDirectory() as home,
            Session(command(home + "/stalls.txt", home + "/home", "mix", count)) as app,
            Session([sys.executable, str(HERE / "bare_key_app.py")]) as bare,
        ):
            app.wait_for(MARKERS["mix"], timeout=120)
            bare.wait_for("pressed 0")
            time.sleep(1.5)  # start-up work after the first pane (gc.freeze, idle) is over
            value = 80  # the demo's applications; the slider moves by 5
            for step in range(args.steps):
                key, delta = (RIGHT, 5) if (step // 5) % 2 == 0 else (LEFT, -5)
                value += delta
                start = time.perf_counter()
                samples.append(app.press_and_wait(key, f"▲ {value}", timeout=30))
                time.sleep(0.3)
                stalls.append(longest_stall(home + "/stalls.txt", start, time.perf_counter()))
                floor.append(bare.press_and_wait(b"x", f"pressed {step + 1}"))
        ordered = sorted(samples)
        p95 = ordered[round(0.95 * (len(ordered) - 1))]
        p99 = ordered[round(0.99 * (len(ordered) - 1))]
        print(
            f"{count:>6} programs: slider step median {statistics.median(samples) * 1000:6.1f} ms"
            f"  p95 {p95 * 1000:6.1f}  p99 {p99 * 1000:6.1f}  | longest stall "
            f"{max(stalls) * 1000:6.1f} ms  | bare key {statistics.median(floor) * 1000:5.1f} ms"
        )


if __name__ == "__main__":
    main()
