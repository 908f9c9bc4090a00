"""First visits of two checkouts measured in turn (a developer tool, not a timed test).

On a shared machine whose speed changes from hour to hour, figures taken at different times do
not compare; this alternates the trees run by run (the order flipped every other run), each
visit measured as `bench_first_visit` measures it (120x40 pty, key pressed once the app is
idle, key to the pane's real content), and prints each tree's median and minimum per pane.

    .venv/bin/python -m bench.ab_first_visit --runs 5 --panes profile,mix OLD_TREE NEW_TREE
    [--programs 20000]

Each tree is a checkout with `src/` and `bench/` (e.g. `git worktree add /tmp/old REV`); it is
run with this interpreter and `PYTHONPATH` set to that tree.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.bench_first_visit import KEYS

ONE_VISIT = """
import json, sys
from bench.bench_first_visit import first_visit
wall, cpu, _idle = first_visit(sys.argv[1], int(sys.argv[2]))
print(json.dumps([wall, cpu]))
"""


def visit(tree: Path, pane: str, programs: int) -> tuple[float, float]:
    env = dict(os.environ, PYTHONPATH=f"{tree / 'src'}{os.pathsep}{tree}")
    result = subprocess.run(
        [sys.executable, "-c", ONE_VISIT, pane, str(programs)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{tree}: {pane} failed:\n{result.stderr[-2000:]}")
    wall, cpu = json.loads(result.stdout.strip().splitlines()[-1])
    return wall * 1000, cpu * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("trees", nargs=2, type=Path, help="two checkouts: before, after")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--programs", type=int, default=0)
    parser.add_argument("--panes", default=",".join(KEYS))
    args = parser.parse_args()
    trees: list[Path] = [tree.resolve() for tree in args.trees]
    panes = args.panes.split(",")
    walls = {(tree, pane): [] for tree in trees for pane in panes}
    cpus = {(tree, pane): [] for tree in trees for pane in panes}
    for run in range(args.runs):
        for pane in panes:
            for tree in trees if run % 2 == 0 else trees[::-1]:
                wall, cpu = visit(tree, pane, args.programs)
                walls[tree, pane].append(wall)
                cpus[tree, pane].append(cpu)
    print(
        f"first visits in turn, {args.runs} runs, {args.programs} programs "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    for pane in panes:
        cells = [
            f"{tree.name}: median {statistics.median(walls[tree, pane]):4.0f} ms "
            f"min {min(walls[tree, pane]):4.0f} (CPU {statistics.median(cpus[tree, pane]):4.0f})"
            for tree in trees
        ]
        print(f"  {pane:12s} " + "  |  ".join(cells))


if __name__ == "__main__":
    main()
