"""CLI whole-process time: `matchtui assess --json`, `mix --json`, `paths` and `--version` vs
`python -c "from pydantic import BaseModel"`, alternating in the same run (target ratio <= 2.0
for assess and mix). Bytecode as a pip install leaves it: run
`.venv/bin/python -m compileall -q src` first when PYTHONDONTWRITEBYTECODE is set. The
wall ratio is the target; CPU (user + system of the child) is steadier on a busy machine.

    .venv/bin/python -m bench.bench_cli [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one whole process: CPU is user + system of the child."""
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    if result.returncode != 0:
        raise RuntimeError(f"{argv} exited {result.returncode}: {result.stderr.strip()}")
    if "textual" in result.stderr:
        raise RuntimeError("textual was imported")
    return elapsed, cpu


COLD = "assess --json, no catalog cache"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    script = Path(sys.executable).with_name("matchtui")
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as cold_home:
        base = [str(script), "--home", home]
        cold = [str(script), "--home", cold_home]
        subprocess.run([*base, "assess"], capture_output=True, check=True)  # seed the demo
        subprocess.run([*cold, "assess"], capture_output=True, check=True)
        # The steady state: the catalog cache holds every file assess and mix read. (The cold
        # runs have their own home: deleting the shared cache made each mix run after them
        # validate mix.toml, curves.toml and fees.toml again and rewrite the cache.)
        subprocess.run([*base, "mix", "--json"], capture_output=True, check=True)
        commands = {
            "from pydantic import BaseModel": [
                sys.executable,
                "-c",
                "from pydantic import BaseModel",
            ],
            "matchtui assess --json": [*base, "assess", "--json"],
            "matchtui mix --json": [*base, "mix", "--json"],
            # The first command after the data or matchtui changed: no validated-catalog cache.
            COLD: [*cold, "assess", "--json"],
            "matchtui paths": [*base, "paths"],
            "matchtui --version": [str(script), "--version"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, argv in commands.items():
                if name == COLD:
                    (Path(cold_home) / ".catalog.cache.pickle").unlink(missing_ok=True)
                wall, cpu = timed(argv)
                times[name].append(wall)
                cpus[name].append(cpu)
    load = os.getloadavg()
    baseline = statistics.median(times["from pydantic import BaseModel"])
    cpu_baseline = statistics.median(cpus["from pydantic import BaseModel"])
    for name, values in times.items():
        median = statistics.median(values)
        p95 = statistics.quantiles(values, n=20)[-1]
        cpu = statistics.median(cpus[name])
        print(
            f"{name:<32} wall median {median * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
            f"ratio {median / baseline:4.2f} | CPU median {cpu * 1000:6.1f} ms  "
            f"ratio {cpu / cpu_baseline:4.2f}"
        )
    print("target: ratio <= 2.00 for assess and mix (wall; CPU shown for a loaded machine)")
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
