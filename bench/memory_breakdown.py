"""Where the memory goes after visiting every pane (a developer tool, not a benchmark).

Starts the app in a 120x40 pty as `bench_first_visit` does, with tracemalloc on from the first
line, visits every pane once and comes back to the first, then snapshots the Python heap and
prints it grouped by package (matchtui by module), then the biggest source lines. Resident size
is read from /proc before the snapshot (tracemalloc's own bookkeeping inflates it, so compare
the shares, and the RSS of `bench_first_visit` for the absolute figure).

    .venv/bin/python -m bench.memory_breakdown [--programs 0] [--lines 25] [--depth 64]

--depth 64 keeps whole stacks, so each block is also blamed on a cause (the import it belongs
to, or the innermost matchtui line on the stack); it takes minutes.
"""

from __future__ import annotations

import argparse
import os
import pickle
import signal
import sys
import sysconfig
import tempfile
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

from bench.bench_first_visit import KEYS, markers_for, rss_mib
from bench.ptyrun import Session

HERE = Path(__file__).resolve().parent
WRAPPER = """
import tracemalloc
tracemalloc.start({depth})
import pickle, signal, sys, runpy
out = sys.argv.pop(1)
def dump(*_):
    import gc
    gc.collect()
    snapshot = tracemalloc.take_snapshot()
    with open(out, "wb") as f:
        pickle.dump(snapshot, f)
signal.signal(signal.SIGUSR1, dump)
sys.argv[0] = {launch!r}
runpy.run_path({launch!r}, run_name="__main__")
"""


def group(filename: str) -> str:
    """A heap block's owner: `matchtui.<module>`, a third-party package, or the stdlib."""
    path = filename.replace("\\\\", "/")
    if "/matchtui/" in path:
        rest = path.split("/matchtui/", 1)[1].removesuffix(".py")
        return "matchtui." + rest.replace("/", ".")
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if path.startswith(sysconfig.get_paths()["stdlib"]) or path.startswith("<frozen"):
        return "(stdlib, incl. imports' code objects)"
    return path


def cause(frames: list[tracemalloc.Frame]) -> str:
    """Who to blame for a block: an import (named by the module importing it, or `import
    <package>` for a third-party chain), else the innermost matchtui frame, else the outer
    package."""
    importing = any("importlib._bootstrap" in f.filename for f in frames)
    mine = [f for f in frames if "/matchtui/" in f.filename]
    if importing:
        # The innermost module body being executed is the one whose import this is.
        for frame in reversed(frames):
            if "importlib._bootstrap" in frame.filename:
                continue
            return "import " + group(frame.filename)
    if mine:
        frame = mine[-1]
        return f"{group(frame.filename)}:{frame.lineno}"
    return "other " + group(frames[0].filename)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=0)
    parser.add_argument("--lines", type=int, default=25)
    parser.add_argument(
        "--depth", type=int, default=1, help="frames kept per block: 64 also blames a cause (slow)"
    )
    args = parser.parse_args()
    markers = markers_for(args.programs)
    with tempfile.TemporaryDirectory() as tmp:
        wrapper = Path(tmp, "wrapper.py")
        wrapper.write_text(WRAPPER.format(launch=str(HERE / "launch.py"), depth=args.depth))
        out = Path(tmp, "heap.pickle")
        argv = [sys.executable, str(wrapper), str(out), str(Path(tmp, "home")), "reality"]
        with Session([*argv, str(args.programs)]) as app:
            app.wait_for(markers["reality"], timeout=180)
            for pane in (*KEYS, "reality"):
                app.press_and_wait(KEYS[pane], markers[pane], timeout=180)
            time.sleep(2.0)
            rss = rss_mib(app.pid)
            os.kill(app.pid, signal.SIGUSR1)
            deadline = time.perf_counter() + 60
            while time.perf_counter() < deadline:
                time.sleep(0.5)
                if out.exists() and out.stat().st_size:
                    size = out.stat().st_size
                    time.sleep(1.0)
                    if out.stat().st_size == size:
                        break
        snapshot: tracemalloc.Snapshot = pickle.loads(out.read_bytes())
    mib = 1024 * 1024
    traces = snapshot.statistics("traceback")
    total = sum(s.size for s in traces)
    print(f"RSS (tracemalloc's overhead included) {rss:.0f} MiB; heap traced {total / mib:.1f} MiB")
    by_owner: dict[str, int] = defaultdict(int)
    by_cause: dict[str, int] = defaultdict(int)
    for stat in traces:
        frames = list(stat.traceback)  # oldest first
        by_owner[group(frames[-1].filename)] += stat.size
        by_cause[cause(frames)] += stat.size
    print("by the line that allocated, grouped by package:")
    for name, size in sorted(by_owner.items(), key=lambda item: -item[1])[:20]:
        print(f"  {size / mib:6.2f} MiB  {name}")
    if args.depth == 1:
        by_cause = {}
    print("by cause (--depth 64): an import, or the innermost matchtui line on the stack:")
    for name, size in sorted(by_cause.items(), key=lambda item: -item[1])[:40]:
        print(f"  {size / mib:6.2f} MiB  {name}")
    stats = snapshot.statistics("lineno")
    print(f"biggest lines (top {args.lines}):")
    for stat in stats[: args.lines]:
        frame = stat.traceback[0]
        where = frame.filename.split("site-packages/")[-1].split("/src/")[-1]
        print(f"  {stat.size / mib:6.2f} MiB  {stat.count:7d} blocks  {where}:{frame.lineno}")


if __name__ == "__main__":
    main()
