"""Where the memory goes after visiting every pane (a developer tool, not a benchmark).

Starts the app in a 120x40 pty as `bench_first_visit` does, with tracemalloc on from the first
line, visits every pane once and comes back to the first, then snapshots the Python heap and
prints it grouped by package (matchtui by module), then the biggest source lines. Resident size
is read from /proc before the snapshot (tracemalloc's own bookkeeping inflates it, so compare
the shares, and the RSS of `bench_first_visit` for the absolute figure).

    .venv/bin/python -m bench.memory_breakdown [--programs 0] [--lines 25] [--depth 64]

--depth 64 keeps whole stacks, so each block is also blamed on a cause (the import it belongs
to, or the innermost matchtui line on the stack); it takes minutes.

--per-pane also snapshots after the first pane and after each first visit, and prints what each
visit added to the heap by package (the pane's imports show as the stdlib's code objects) and
its biggest Textual lines (strip.py's and cache.py:233 are Strips and their seven caches each).
At the end it counts the cyclic garbage frozen with live objects (the app's gc.freeze after a
pane's first build): unreachable, never collected.
"""

from __future__ import annotations

import argparse
import itertools
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
taken = [0]
def dump(*_):
    import gc
    gc.collect()
    snapshot = tracemalloc.take_snapshot()
    taken[0] += 1
    with open(out + "." + str(taken[0]), "wb") as f:
        pickle.dump(snapshot, f)
def frozen_garbage(*_):
    import gc, collections
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    gc.set_debug(gc.DEBUG_SAVEALL)
    found = gc.collect()
    kinds = collections.Counter(
        type(o).__module__ + "." + type(o).__qualname__ for o in gc.garbage
    )
    gc.garbage.clear()
    gc.set_debug(0)
    with open(out + ".frozen", "w") as f:
        f.write(f"{{frozen}} {{found}}\\n")
        f.write("\\n".join(f"{{n}} {{kind}}" for kind, n in kinds.most_common(12)))
signal.signal(signal.SIGUSR1, dump)
signal.signal(signal.SIGUSR2, frozen_garbage)
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


def wait_for_file(path: Path, limit: float = 60.0) -> None:
    """Until `path` exists and has stopped growing."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        time.sleep(0.5)
        if path.exists() and path.stat().st_size:
            size = path.stat().st_size
            time.sleep(1.0)
            if path.stat().st_size == size:
                return


def take(pid: int, out: Path, number: int) -> None:
    """Have the app write heap snapshot `number` (out.<number>) and wait for it."""
    os.kill(pid, signal.SIGUSR1)
    wait_for_file(Path(f"{out}.{number}"))


def per_pane(panes: list[str], snapshots: list[tracemalloc.Snapshot]) -> None:
    """What each first visit added: by package, then its biggest Textual lines."""
    mib = 1024 * 1024
    print("what each first visit added to the heap (the first: start-up to the first pane):")
    for pane, (before, now) in zip(panes[1:], itertools.pairwise(snapshots), strict=False):
        by_owner: dict[str, int] = defaultdict(int)
        textual: dict[str, int] = defaultdict(int)
        for diff in now.compare_to(before, "lineno"):
            frame = diff.traceback[0]
            owner = group(frame.filename)
            by_owner[owner] += diff.size_diff
            if owner == "textual":
                where = frame.filename.split("site-packages/textual/")[-1]
                textual[f"{where}:{frame.lineno}"] += diff.size_diff
        total = sum(by_owner.values())
        owners = sorted(by_owner.items(), key=lambda item: -item[1])[:6]
        print(f"  {pane:<13} {total / mib:+6.2f} MiB: ", end="")
        print(", ".join(f"{name} {size / mib:+.2f}" for name, size in owners))
        lines = sorted(textual.items(), key=lambda item: -item[1])[:6]
        print(
            "      textual: " + ", ".join(f"{where} {size / 1024:+.0f}K" for where, size in lines)
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=0)
    parser.add_argument("--lines", type=int, default=25)
    parser.add_argument(
        "--depth", type=int, default=1, help="frames kept per block: 64 also blames a cause (slow)"
    )
    parser.add_argument("--per-pane", action="store_true", help="what each first visit adds")
    args = parser.parse_args()
    markers = markers_for(args.programs)
    after: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        wrapper = Path(tmp, "wrapper.py")
        wrapper.write_text(WRAPPER.format(launch=str(HERE / "launch.py"), depth=args.depth))
        out = Path(tmp, "heap.pickle")
        argv = [sys.executable, str(wrapper), str(out), str(Path(tmp, "home")), "reality"]
        with Session([*argv, str(args.programs)]) as app:
            app.wait_for(markers["reality"], timeout=180)
            if args.per_pane:
                time.sleep(2.0)
                after.append("reality")
                take(app.pid, out, len(after))
            for pane in (*KEYS, "reality"):
                app.press_and_wait(KEYS[pane], markers[pane], timeout=180)
                if args.per_pane and pane not in after:
                    time.sleep(1.0)
                    after.append(pane)
                    take(app.pid, out, len(after))
            time.sleep(2.0)
            rss = rss_mib(app.pid)
            take(app.pid, out, len(after) + 1)
            frozen_garbage = Path(f"{out}.frozen")
            os.kill(app.pid, signal.SIGUSR2)
            wait_for_file(frozen_garbage)
            first, *garbage_kinds = frozen_garbage.read_text().splitlines()
            frozen, garbage = first.split()
        snapshots: list[tracemalloc.Snapshot] = [
            pickle.loads(Path(f"{out}.{n}").read_bytes()) for n in range(1, len(after) + 2)
        ]
        snapshot = snapshots[-1]
    if args.per_pane:
        per_pane(after, snapshots)
    mib = 1024 * 1024
    traces = snapshot.statistics("traceback")
    total = sum(s.size for s in traces)
    print(f"RSS (tracemalloc's overhead included) {rss:.0f} MiB; heap traced {total / mib:.1f} MiB")
    print(f"frozen objects {frozen}, of which cyclic garbage (never collected) {garbage}")
    print("  the most common kinds in that garbage: " + ", ".join(garbage_kinds))
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
