"""Memory of two checkouts measured in turn (a developer tool, not a timed test).

Each sample is `bench_first_visit.app_memory`: the app started as the command starts it, in a
new home (the program list written beforehand by another process), every pane visited once and
back to the first, then its resident size once idle (--idle-between: each key pressed once the
app is idle, not as soon as the pane before shows; --later-session: the app opened and left
once in that home first, as every session after the first finds it). The trees alternate run by
run (the order flipped every other run); one bench (this one) drives both, each tree's `src` and
`bench` on `PYTHONPATH`. A bare Textual app is measured once per run. Prints each tree's median and
minimum, the ratio to the bare app, and with two list sizes the cost per program.

    .venv/bin/python -m bench.ab_memory --runs 4 OLD_TREE NEW_TREE [--programs 0,20000]
"""

from __future__ import annotations

import argparse
import os
import statistics
from pathlib import Path

from bench.bench_first_visit import app_memory, bare_memory


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("trees", nargs=2, type=Path, help="two checkouts: before, after")
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--programs", default="0", help="comma-separated list sizes")
    parser.add_argument(
        "--idle-between", action="store_true", help="each key once the app is idle again"
    )
    parser.add_argument(
        "--later-session",
        action="store_true",
        help="measure a later session: the app opened and left once in the home first",
    )
    args = parser.parse_args()
    trees: list[Path] = [tree.resolve() for tree in args.trees]
    sizes = [int(size) for size in args.programs.split(",")]
    rss: dict[tuple[Path, int], list[float]] = {(tree, n): [] for tree in trees for n in sizes}
    bare: list[float] = []
    for run in range(args.runs):
        order = trees if run % 2 == 0 else trees[::-1]
        for size in sizes:
            for tree in order:
                env = {"PYTHONPATH": f"{tree / 'src'}{os.pathsep}{tree}"}
                rss[tree, size].append(
                    app_memory(
                        size,
                        env,
                        idle_between=args.idle_between,
                        later_session=args.later_session,
                    )
                )
                print(f"  run {run + 1} {tree.name} {size} programs: {rss[tree, size][-1]:.1f} MiB")
        bare.append(bare_memory())
    base = statistics.median(bare)
    print(f"memory after every pane (MiB; {args.runs} runs each, alternating), bare app {base:.1f}")
    for tree in trees:
        for size in sizes:
            values = rss[tree, size]
            median = statistics.median(values)
            print(
                f"  {tree!s:<28} {size:>6} programs: median {median:6.1f}  min "
                f"{min(values):6.1f}  max {max(values):6.1f}  ({median / base:.2f}x bare)"
            )
        if len(sizes) > 1 and max(sizes) > min(sizes):
            low = statistics.median(rss[tree, min(sizes)])
            high = statistics.median(rss[tree, max(sizes)])
            per = (high - low) * 1024 * 1024 / (max(sizes) - min(sizes))
            print(f"  {'':<28} per program: {per / 1000:.2f} KB")


if __name__ == "__main__":
    main()
