"""Tab in the Profile's form, in a real pseudo-terminal at 120x40: key -> the frame that moves
the focus, alternating with a bare Textual app answering a key. A Tab's frame is the last
output the app writes in the `--window` after the key (the focus leaves one field and reaches
the next in one frame; nothing else draws there once the app is idle).

Three ways through the form, each on a fresh start of the app:
- fields not reached yet, a Tab every 0.3 s (each field becomes its control as it is reached);
- fields not reached yet, a pause of 1 s on each (the app makes the next field real at a pause,
  ProfileScreen.AHEAD_QUIET, so the Tab finds a control);
- between controls (the same fields, Shift+Tab back over them).

    .venv/bin/python -m bench.bench_tab [--tabs 16] [--window 0.4]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_first_visit import launch, markers_for, wait_quiet
from bench.ptyrun import Session

HERE = Path(__file__).resolve().parent
TAB, BACK = b"\t", b"\x1b[Z"


def frame_after(app: Session, key: bytes, window: float, gap: float) -> float:
    """Seconds from writing `key` to the last output within `window`; reads on until `gap`."""
    while app._drain(0.0):
        pass
    start = time.perf_counter()
    os.write(app.fd, key)
    last = 0.0
    while (now := time.perf_counter() - start) < gap:
        if app._drain(0.002) and now < window:
            last = time.perf_counter() - start
    return last


def bare_key(bare: Session, presses: int) -> float:
    return bare.press_and_wait(b"x", f"pressed {presses}")


def run(tabs: int, window: float) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"rapid": [], "paused": [], "controls": [], "bare": []}
    presses = 0
    with Session([sys.executable, str(HERE / "bare_key_app.py")]) as bare:
        bare.wait_for("pressed 0")
        for way, gap in (("rapid", 0.3), ("paused", 1.0)):
            with tempfile.TemporaryDirectory() as home, Session(launch(home, "profile", 0)) as app:
                app.wait_for(markers_for(0)["profile"], timeout=120)
                wait_quiet(app.pid, at_least=3)
                for _ in range(tabs):
                    times[way].append(frame_after(app, TAB, min(window, gap), gap))
                    presses += 1
                    times["bare"].append(bare_key(bare, presses))
                if way == "paused":
                    time.sleep(1.0)
                    for _ in range(tabs):
                        times["controls"].append(frame_after(app, BACK, window, 0.6))
                        presses += 1
                        times["bare"].append(bare_key(bare, presses))
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tabs", type=int, default=16)
    parser.add_argument("--window", type=float, default=0.4)
    args = parser.parse_args()
    times = run(args.tabs, args.window)
    print(f"Tab in the Profile's form, 120x40 (load average {os.getloadavg()[0]:.1f})")
    labels = {
        "rapid": "fields not reached, a Tab every 0.3 s",
        "paused": "fields not reached, 1 s on each",
        "controls": "between controls (Shift+Tab)",
        "bare": "bare app, key -> text",
    }
    for way, label in labels.items():
        values = sorted(t * 1000 for t in times[way])
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        print(
            f"  {label:<40} median {statistics.median(values):6.1f} ms  "
            f"p95 {p95:6.1f}  max {values[-1]:6.1f}  (n={len(values)})"
        )


if __name__ == "__main__":
    main()
