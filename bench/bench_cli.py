"""CLI whole-process time: `matchtui assess --json` and `matchtui mix --json` vs
`python -c "import pydantic"`, alternating in the same run (target ratio <= 1.5).

    .venv/bin/python -m bench.bench_cli [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{argv} exited {result.returncode}: {result.stderr.strip()}")
    if "textual" in result.stderr:
        raise RuntimeError("textual was imported")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    script = Path(sys.executable).with_name("matchtui")
    with tempfile.TemporaryDirectory() as home:
        base = [str(script), "--home", home]
        subprocess.run([*base, "assess"], capture_output=True, check=True)  # seed the demo
        commands = {
            "import pydantic": [sys.executable, "-c", "import pydantic"],
            "matchtui assess --json": [*base, "assess", "--json"],
            "matchtui mix --json": [*base, "mix", "--json"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, argv in commands.items():
                times[name].append(timed(argv))
    baseline = statistics.median(times["import pydantic"])
    for name, values in times.items():
        median = statistics.median(values)
        p95 = statistics.quantiles(values, n=20)[-1]
        print(
            f"{name:<24} median {median * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
            f"ratio {median / baseline:4.2f}"
        )
    print("target: ratio <= 1.50 for both commands")


if __name__ == "__main__":
    main()
