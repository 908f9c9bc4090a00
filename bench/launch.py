"""Start the app as `matchtui` does, with a chosen first pane (for benchmarks):

    python bench/launch.py HOME [FIRST_PANE] [PROGRAMS]

PROGRAMS > 0 writes that many programs (bench/programs_fixture.py) into HOME first.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    home = sys.argv[1]
    first = sys.argv[2] if len(sys.argv) > 2 else "reality"
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    from matchtui import startup_gc, without_pydantic_plugins

    if log := os.environ.get(GC_LOG):
        log_collections(log)
    startup_gc()  # as matchtui.cli._open_app does, and without pydantic's plugin search
    with without_pydantic_plugins():
        launch(home, first, count)


# With this variable set to a file's path, each garbage collection the app runs is appended to
# it as one line: "<time.monotonic()> <generation> <ms> <objects freed>" (bench_first_visit --gc),
# the milliseconds of CPU (the thread's: what it costs, not how long the machine made it wait).
GC_LOG = "MATCHTUI_BENCH_GC_LOG"


def log_collections(path: str) -> None:

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    started = [0.0]

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.thread_time()
            return
        ms = (time.thread_time() - started[0]) * 1000
        line = f"{time.monotonic():.6f} {info['generation']} {ms:.3f} {info['collected']}\n"
        os.write(fd, line.encode())

    gc.callbacks.append(callback)


def launch(home: str, first: str, count: int) -> None:
    from matchtui.app import MatchApp
    from matchtui.workspace import Workspace

    workspace = Workspace.from_options(home)
    if count:
        from bench.programs_fixture import write_programs

        # Written as an earlier session or an import would have: through a store of its own,
        # so the app's store starts as it does in use, holding none of it (through the app's,
        # the records written stayed remembered and were freed during a pane's first visit).
        writer = Workspace.from_options(home)
        write_programs(writer.store, workspace.catalog, count)
        # The writer holds the whole list in a reference cycle: collected now, as it would be
        # with the other process gone (left, the app's start froze it for good: 36 MiB at 20,000).
        del writer
        gc.collect()
    MatchApp(workspace, first_pane=first, interactive=True).run()


if __name__ == "__main__":
    main()
