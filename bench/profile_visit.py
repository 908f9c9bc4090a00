"""Profile one pane's first visit (a developer tool, not a benchmark): start the app in a pty as
`bench_first_visit` does, switch the profiler on just before the pane's key and off once the
pane's content is on screen, then print the hottest functions.

    .venv/bin/python -m bench.profile_visit mix [--programs 0] [--sort cumulative] [--lines 40]
    .venv/bin/python -m bench.profile_visit mix --warm   # a switch to the pane once it is built
    .venv/bin/python -m bench.profile_visit startup --home /tmp/h  # spawn to the first content

The profiler runs in the app's main thread only (worker threads are not seen), and it slows
the code it watches about twofold: read the shares, not the absolute times.
"""

from __future__ import annotations

import argparse
import os
import pstats
import signal
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_first_visit import KEYS, markers_for, wait_quiet
from bench.ptyrun import Session

HERE = Path(__file__).resolve().parent
WRAPPER = """
import cProfile, signal, sys, runpy
out = sys.argv.pop(1)
profiler = cProfile.Profile()
if sys.argv[-1] == "startup":
    sys.argv.pop()
    profiler.enable()
def start(*_):
    profiler.enable()
def stop(*_):
    profiler.disable()
    profiler.dump_stats(out)
signal.signal(signal.SIGUSR1, start)
signal.signal(signal.SIGUSR2, stop)
sys.argv[0] = {launch!r}
runpy.run_path({launch!r}, run_name="__main__")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pane", choices=[*KEYS, "startup"])
    parser.add_argument("--programs", type=int, default=0)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument("--out", default="", help="keep the .prof file here")
    parser.add_argument("--home", default="", help="reuse this home (warm catalog cache)")
    parser.add_argument("--warm", action="store_true", help="profile a switch to the built pane")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wrapper = Path(tmp, "wrapper.py")
        wrapper.write_text(WRAPPER.format(launch=str(HERE / "launch.py")))
        out = args.out or str(Path(tmp, "visit.prof"))
        home = Path(args.home or Path(tmp, "home"))
        startup = args.pane == "startup"
        first = "plan" if args.pane == "reality" else "reality"
        markers = markers_for(args.programs)
        argv = [sys.executable, str(wrapper), out, str(home), first, str(args.programs)]
        with Session(argv + (["startup"] if startup else [])) as app:
            seconds = app.wait_for(markers[first], timeout=120)
            if startup:
                os.kill(app.pid, signal.SIGUSR2)
            else:
                wait_quiet(app.pid)  # as bench_first_visit: start-up's idle work is over
                if args.warm:  # build it, go back, then profile the switch to the built pane
                    app.press_and_wait(KEYS[args.pane], markers[args.pane], timeout=120)
                    app.press_and_wait(KEYS[first], markers[first], timeout=120)
                    time.sleep(1.0)
                os.kill(app.pid, signal.SIGUSR1)
                time.sleep(0.05)
                seconds = app.press_and_wait(KEYS[args.pane], markers[args.pane], timeout=120)
                os.kill(app.pid, signal.SIGUSR2)
            time.sleep(0.5)
            print(f"{args.pane}: {seconds * 1000:.0f} ms to content (profiled, so slower)")
            deadline = time.perf_counter() + 10
            while not Path(out).exists() and time.perf_counter() < deadline:
                time.sleep(0.05)
            time.sleep(0.3)
        pstats.Stats(out).sort_stats(args.sort).print_stats(args.lines)


if __name__ == "__main__":
    main()
