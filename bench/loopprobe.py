"""The app's longest event-loop stall, measured inside the app while a pty benchmark drives it.

    python bench/loopprobe.py STALLS_FILE HOME [FIRST_PANE] [PROGRAMS]

runs bench/launch.py (the app as `matchtui` starts it) with a probe thread beside its event
loop: every 2 ms the thread schedules a callback on the loop and records how long the loop
took to run it (the loop was busy, or a worker thread held the interpreter, for that long). A
wait over 2 ms is appended to STALLS_FILE as "perf_counter lag" lines; perf_counter is the
system-wide monotonic clock, so the benchmark reads the longest stall between its key press
and the frame (plus a settling time) from the file. The probe costs the app a few microseconds
per 2 ms.
"""

from __future__ import annotations

import asyncio
import runpy
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PERIOD = 0.002
REPORTED = 0.002


def _probe(loop: asyncio.AbstractEventLoop, path: str) -> None:
    with open(path, "a", buffering=1) as out:
        ran = threading.Event()

        def arrived(sent: float) -> None:
            lag = time.perf_counter() - sent
            if lag > REPORTED:
                out.write(f"{sent:.6f} {lag:.6f}\n")
            ran.set()

        while not loop.is_closed():
            ran.clear()
            try:
                loop.call_soon_threadsafe(arrived, time.perf_counter())
            except RuntimeError:  # closed meanwhile
                return
            while not ran.wait(0.5):
                if loop.is_closed():
                    return
            time.sleep(PERIOD)


class _ProbedPolicy(asyncio.DefaultEventLoopPolicy):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        loop = super().new_event_loop()
        threading.Thread(target=_probe, args=(loop, self.path), daemon=True).start()
        return loop


def longest_stall(path: str, start: float, end: float) -> float:
    """The longest stall (seconds) that began in [start, end) or overlapped start."""
    longest = 0.0
    try:
        lines = Path(path).read_text().splitlines()
    except FileNotFoundError:
        return 0.0
    for line in lines:
        try:
            sent, lag = (float(x) for x in line.split())
        except ValueError:
            continue  # a line being written
        if sent < end and sent + lag > start:
            longest = max(longest, lag)
    return longest


def command(stalls: str, home: str, first: str, programs: int) -> list[str]:
    return [sys.executable, str(HERE / "loopprobe.py"), stalls, home, first, str(programs)]


if __name__ == "__main__":
    stalls_file = sys.argv.pop(1)
    asyncio.set_event_loop_policy(_ProbedPolicy(stalls_file))
    sys.argv[0] = str(HERE / "launch.py")
    runpy.run_path(str(HERE / "launch.py"), run_name="__main__")
