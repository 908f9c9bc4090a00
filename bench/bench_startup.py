"""Cold start to first full frame: matchtui (demo profile) vs a bare Textual app.

Both run in a real pseudo-terminal at 120x40, alternating, N runs each; prints medians, spread
and the ratios. Each matchtui run gets a fresh empty home, so it is a true first run (the demo
profile is copied in; the validated-catalog cache is not there yet), unless --warm, which
reuses one home (a usual start: the cache is there).

The headline is the first pane's real content: the Reality check's last section ("Returner
warnings") on screen, built from the demo profile and the data (target: <= 1.5x the bare app).
The shell (header, pane bar, footer and "Loading...", drawn before pydantic and the data load)
is printed too, but it is not content.

matchtui starts as the command does (`python -m matchtui`), so from the second start on (the
home folder exists) a child process works the first pane out while the shell is drawn
(`matchtui.preview`); the CPU line counts that child's time too. `bench/launch.py` starts the
app without it (`bench.bench_first_visit` and the others use that).

    .venv/bin/python -m bench.bench_startup [--runs 12]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench.bench_first_visit import cpu_seconds
from bench.ptyrun import Session, time_to_text, times_to_texts

HERE = Path(__file__).resolve().parent
# The first full frame shows the pane bar; the Reality check's summary line shows when the
# first pane has been built from the data.
FIRST_FRAME_MARKER = "F6 Plan"
PANE_READY_MARKER = "Returner warnings"
BARE_MARKER = "bare textual app ready"


def spread(values: list[float]) -> str:
    q = statistics.quantiles(values, n=20) if len(values) > 1 else values * 19
    median = statistics.median(values) * 1000
    return f"median {median:7.1f} ms  p5 {q[0] * 1000:6.1f}  p95 {q[-1] * 1000:6.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--warm", action="store_true", help="reuse one home (catalog cache)")
    args = parser.parse_args()
    warm_home = tempfile.TemporaryDirectory() if args.warm else None
    python = sys.executable
    frame: list[float] = []
    ready: list[float] = []
    bare: list[float] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as fresh:
            home = warm_home.name if warm_home else fresh
            first, useful = times_to_texts(
                [python, "-m", "matchtui", "--home", home], [FIRST_FRAME_MARKER, PANE_READY_MARKER]
            )
        frame.append(first)
        ready.append(useful)
        bare.append(time_to_text([python, str(HERE / "bare_app.py")], BARE_MARKER))
    # CPU time of the process until its content shows: what the start-up costs, whatever
    # the machine's load (wall time on a shared machine is mostly waiting for a processor).
    cpu_app: list[float] = []
    cpu_all: list[float] = []  # with the preview child, reaped before the content shows
    cpu_bare: list[float] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as fresh:
            home = warm_home.name if warm_home else fresh
            with Session([python, "-m", "matchtui", "--home", home]) as app:
                app.wait_for(PANE_READY_MARKER, timeout=60)
                cpu_app.append(cpu_seconds(app.pid))
                cpu_all.append(cpu_seconds(app.pid, children=True))
        with Session([python, str(HERE / "bare_app.py")]) as plain:
            plain.wait_for(BARE_MARKER, timeout=60)
            cpu_bare.append(cpu_seconds(plain.pid))
    base = statistics.median(bare)
    frame_ratio = statistics.median(frame) / base
    ready_ratio = statistics.median(ready) / base
    kind = "warm (catalog cache)" if args.warm else "first run (fresh home)"
    print(f"start-up, 120x40 pty, {kind}, load average {os.getloadavg()[0]:.1f}")
    print(f"bare Textual app, first frame   {spread(bare)}  (n={len(bare)})")
    print(f"matchtui, first pane content    {spread(ready)}  ratio {ready_ratio:.2f} (<= 1.50)")
    print(f"matchtui, shell only            {spread(frame)}  ratio {frame_ratio:.2f}")
    app_cpu, bare_cpu = statistics.median(cpu_app), statistics.median(cpu_bare)
    all_cpu = statistics.median(cpu_all)
    print(
        f"process CPU to content: matchtui {app_cpu * 1000:.0f} ms, bare {bare_cpu * 1000:.0f} ms"
        f"  ratio {app_cpu / bare_cpu:.2f}; with the preview child {all_cpu * 1000:.0f} ms"
        f"  ratio {all_cpu / bare_cpu:.2f}  (10 ms ticks)"
    )


if __name__ == "__main__":
    main()
