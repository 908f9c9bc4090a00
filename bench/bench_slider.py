"""Benchmark: one slider step in the program-mix pane -> screen updated, at 120x40.

Prints the median and p95 per slider; not a timed test (the target is a median within one frame,
16.7 ms). Each slider is swept 10 steps one way, 10 back, and so on, and the estimate's cache is
cleared before every step, so the figures are for an uncached estimate. A sample runs from
sending the key to the app, through the slider's binding and the pane's estimate and widget
updates, until every widget's message queue is empty (the repaint requests have reached the
screen), to the compositor having drawn the screen. Pilot's idle-waiting (which sleeps on
purpose) is kept out of the timing. The parts are printed too: key -> estimate shown (handler),
queues settled, screen composited (draw; near zero when the screen's own refresh timer drew
while the queues settled).

    .venv/bin/python bench/bench_slider.py [--steps 60]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

FRAME_MS = 1000 / 60
# CPU time of this process per step: unlike wall time, not inflated when other processes
# compete for the processor (the machine's load average is printed beside the figures).
cpu_times: dict[str, list[float]] = {}


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def measure(
    steps: int,
) -> tuple[dict[str, list[float]], dict[str, list[tuple[float, float, float]]]]:
    from textual import events

    from matchtui.app import MatchApp
    from matchtui.engine.mix import p_match_by_apps
    from matchtui.screens.mix import MixScreen
    from matchtui.workspace import Workspace

    os.environ["MATCHTUI_HOME"] = tempfile.mkdtemp(prefix="matchtui-bench-")
    app = MatchApp(Workspace.from_options(), first_pane="mix", today=dt.date(2026, 11, 23))
    results: dict[str, list[float]] = {}
    parts: dict[str, list[tuple[float, float, float]]] = {}
    cpu_times.clear()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen)
        done = asyncio.Event()
        original = screen.refresh_estimate

        def instrumented() -> None:
            original()
            done.set()

        screen.refresh_estimate = instrumented  # type: ignore[method-assign]
        driver = app._driver
        assert driver is not None
        plan = [
            ("applications (right/left)", "slider-apps", ("right", "left")),
            ("academic share (right/left)", "slider-academic", ("right", "left")),
            (
                "community share (shift+left/right)",
                "slider-community",
                ("shift+left", "shift+right"),
            ),
            ("region share (right/left)", "slider-region", ("right", "left")),
            ("signals (left/right)", "slider-signals", ("left", "right")),
        ]
        for label, slider_id, keys in plan:
            screen.query_one(f"#{slider_id}").focus()
            await pilot.pause()
            nodes = [app, *screen.walk_children(with_self=True)]
            samples: list[float] = []
            cpu: list[float] = []
            split: list[tuple[float, float, float]] = []
            for i in range(steps):
                # Sweep one way, then back: every step a value not just seen, and the cached
                # P(match)-by-list-size curve is dropped so each step pays for a full estimate.
                key = keys[(i // 10) % 2]
                p_match_by_apps.cache_clear()
                done.clear()
                cpu_start = time.process_time()
                start = time.perf_counter()
                driver.send_message(events.Key(key, None))
                await asyncio.wait_for(done.wait(), 5)
                handled = time.perf_counter()
                for _ in range(1000):  # let repaint requests travel to the screen
                    await asyncio.sleep(0)
                    if all(node._message_queue.empty() for node in nodes):
                        break
                settled = time.perf_counter()
                screen._on_timer_update()  # lay out and composite the screen now
                end = time.perf_counter()
                cpu.append((time.process_time() - cpu_start) * 1000)
                samples.append((end - start) * 1000)
                split.append(
                    ((handled - start) * 1000, (settled - handled) * 1000, (end - settled) * 1000)
                )
            results[label] = samples
            parts[label] = split
            cpu_times[label] = cpu
    return results, parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=60, help="key presses per slider")
    args = parser.parse_args()
    results, parts = asyncio.run(measure(args.steps))
    everything: list[float] = []
    all_cpu: list[float] = []
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"slider step -> screen updated, 120x40, {args.steps} steps per slider "
        f"(load average {load:.2f} on {os.cpu_count()} CPUs)"
    )
    for label, samples in results.items():
        everything += samples
        all_cpu += cpu_times[label]
        handler, settle, draw = (statistics.median(s[i] for s in parts[label]) for i in range(3))
        print(
            f"  {label:<36} wall median {statistics.median(samples):6.2f} ms  "
            f"p95 {_p95(samples):6.2f} ms | cpu median {statistics.median(cpu_times[label]):6.2f}"
            f" ms  p95 {_p95(cpu_times[label]):6.2f} ms  (handler {handler:.1f}, settle "
            f"{settle:.1f}, draw {draw:.1f})"
        )
    median = statistics.median(everything)
    cpu_median = statistics.median(all_cpu)
    print(
        f"  {'all sliders':<36} wall median {median:6.2f} ms  p95 {_p95(everything):6.2f} ms | "
        f"cpu median {cpu_median:6.2f} ms  p95 {_p95(all_cpu):6.2f} ms"
    )
    verdict = "within" if median <= FRAME_MS else "OVER"
    print(f"one frame = {FRAME_MS:.1f} ms: wall-clock median {verdict} it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
