"""First visit to each pane, cold: key press -> the pane's real content on screen, in a real
pseudo-terminal at 120x40, alternating with a bare Textual app answering a key (the floor).

Each sample is a fresh app (fresh home): it starts on the Reality check (the Plan pane when
Reality itself is measured), waits for that pane's content and then for the app to be idle (at
least a second, and until start-up's work at idle is over: no CPU used for 0.3 s; how long
that took is printed), then presses the pane's key and times until a text that only the built
pane shows is on screen. The app process's CPU time for the visit (from /proc, 10 ms ticks) is
printed beside the wall time, since wall time on a shared machine includes waiting for the
processor.

Then memory: resident size after visiting every pane vs a bare Textual app (`memory`: the
app started as the command starts it, the program list written beforehand by another process).

    .venv/bin/python -m bench.bench_first_visit [--runs 5] [--programs 0]
    .venv/bin/python -m bench.bench_first_visit --memory-only [--memory-runs 3] [--programs 0]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.launch import GC_LOG
from bench.ptyrun import Session

HERE = Path(__file__).resolve().parent
KEYS = {
    "profile": b"\x1bOP",
    "reality": b"\x1bOQ",
    "specialties": b"\x1bOR",
    "mix": b"\x1bOS",
    "practice": b"\x1b[15~",
    "plan": b"\x1b[17~",
    "applications": b"\x1b[18~",
    "ranklist": b"\x1b[19~",
}
# A text each pane shows only once it is built from the data (the demo profile), never a fixed
# label or a key name that is drawn before the data is there.
MARKERS = {
    "profile": "East North Central",  # the demo's ERAS division, in the form once it is filled
    "reality": "Returner warnings",  # the last section, filled from the assessment
    "specialties": "vs median",  # the "You" column, computed from the applicant's score
    "mix": "P(match) by number of applications",  # the estimate's curve
    "practice": "wpm, an estimate",  # the selected question's meta line
    "plan": "Match season",  # the chart's "2027 Match season" row, built from the plan
    "applications": "0 of 0 programs",
    "ranklist": "The list is empty",
}


def markers_for(programs: int) -> dict[str, str]:
    """MARKERS with a list of `programs`: F7 until its count line shows every program, F8
    until the rank list's odds (shown once the programs are read) are on screen."""
    if not programs:
        return dict(MARKERS)
    return {
        **MARKERS,
        "applications": f"{programs} of {programs} programs",
        "ranklist": "P(match)",
    }


TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int, *, children: bool = False) -> float:
    """CPU time of process `pid` (user + system); `children`: with its reaped children's."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / TICK


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_quiet(
    pid: int, *, at_least: float = 1.0, quiet: float = 0.3, limit: float = 15.0
) -> float:
    """Wait until the process has been idle (at most one 10 ms CPU tick in `quiet` seconds),
    and at least `at_least` seconds; returns the seconds waited. After the first pane's
    content the app still works at idle (the other panes' imports and styles, the program list
    read into memory and each pane's data worked out ahead): a visit made meanwhile shares the
    processor with that work, which is start-up's, not the visit's."""
    start = time.perf_counter()
    time.sleep(at_least)
    last, since = cpu_seconds(pid), time.perf_counter()
    while time.perf_counter() - start < limit:
        time.sleep(0.05)
        now = cpu_seconds(pid)
        if now - last > 1.5 / TICK:
            last, since = now, time.perf_counter()
        elif time.perf_counter() - since >= quiet:
            break
    return time.perf_counter() - start


def launch(home: str, first: str, programs: int) -> list[str]:
    return [sys.executable, str(HERE / "launch.py"), home, first, str(programs)]


def first_visit(
    pane: str,
    programs: int,
    gc_log: list[Collection] | None = None,
    gc_after: list[Collection] | None = None,
) -> tuple[float, float, float]:
    """(key to content, the app's CPU for it, how long start-up's idle work lasted after the
    first pane's content: `wait_quiet`), in seconds. `gc_log`: given, the garbage collections
    the app ran between the key and the content are added to it; `gc_after`: and those from
    the content until the app is idle again to this one."""
    first = "plan" if pane == "reality" else "reality"
    markers = markers_for(programs)
    with tempfile.TemporaryDirectory() as home:
        log = Path(home) / "gc.log"
        logging = gc_log is not None or gc_after is not None
        env = {GC_LOG: str(log)} if logging else None
        with Session(launch(home, first, programs), env=env) as app:
            app.wait_for(markers[first], timeout=60)
            idle = wait_quiet(app.pid)
            cpu = cpu_seconds(app.pid)
            pressed = time.monotonic()  # the clock the app's log uses (CLOCK_MONOTONIC)
            wall = app.press_and_wait(KEYS[pane], markers[pane], timeout=60)
            cpu = cpu_seconds(app.pid) - cpu
            if gc_after is not None:
                wait_quiet(app.pid)  # the visit's work after its first frame
        if gc_log is not None:
            gc_log += collections_between(log, pressed, pressed + wall)
        if gc_after is not None:
            gc_after += collections_between(log, pressed + wall, time.monotonic())
        return wall, cpu, idle


# One garbage collection from the app's log: (generation, milliseconds, objects freed).
Collection = tuple[int, float, int]


def collections_between(log: Path, start: float, end: float) -> list[Collection]:
    found: list[Collection] = []
    if not log.exists():
        return found
    for line in log.read_text().splitlines():
        at, generation, ms, freed = line.split()
        if start <= float(at) <= end:
            found.append((int(generation), float(ms), int(freed)))
    return found


def gc_summary(collections: list[Collection], runs: int) -> str:
    """Collections per visit by generation: count and milliseconds (means over the runs)."""
    parts = []
    for generation in (0, 1, 2):
        mine = [ms for gen, ms, _ in collections if gen == generation]
        parts.append(f"gen{generation} {len(mine) / runs:4.1f}x {sum(mine) / runs:5.1f} ms")
    return "  ".join(parts)


def bare_key() -> float:
    with Session([sys.executable, str(HERE / "bare_key_app.py")]) as bare:
        bare.wait_for("pressed 0")
        time.sleep(0.3)
        return bare.press_and_wait(b"x", "pressed 1")


def write_program_list(home: str, programs: int, env: dict[str, str] | None = None) -> None:
    """`programs` programs written into `home` by a process of their own, as an earlier session
    or an import would have left them: the app then reads them as in use. (Written by the app's
    own process first, as bench/launch.py does, the writer's workspace, a reference cycle
    holding the whole list, was frozen with the app's objects for good: ~36 MiB at 20,000.)"""
    script = (
        "import sys\n"
        "from matchtui.workspace import Workspace\n"
        "from bench.programs_fixture import write_programs\n"
        "workspace = Workspace.from_options(sys.argv[1])\n"
        "write_programs(workspace.store, workspace.catalog, int(sys.argv[2]))\n"
    )
    environ = {**os.environ, **(env or {})}
    subprocess.run([sys.executable, "-c", script, home, str(programs)], env=environ, check=True)


def app_memory(
    programs: int,
    env: dict[str, str] | None = None,
    *,
    idle_between: bool = False,
    later_session: bool = False,
) -> float:
    """Resident size (MiB) of the app after visiting every pane once and coming back to the
    first, once idle. Started as the command starts it (`python -m matchtui --home HOME`) in a
    new home; `env` (e.g. PYTHONPATH) for the app and the list's writer. Each key is pressed
    as soon as the pane before shows its content, or, `idle_between`, once the app is idle
    (as someone reading each pane: its work after the first frame done, its garbage settled).
    `later_session`: the app is first opened and left once in that home (as every session
    after the first finds it: the validated reference data and profile cached), then measured."""
    markers = markers_for(programs)
    with tempfile.TemporaryDirectory() as tmp:
        home = str(Path(tmp, "home"))
        if programs:
            write_program_list(home, programs, env)
        if later_session:
            with Session([sys.executable, "-m", "matchtui", "--home", home], env=env) as app:
                app.wait_for(markers["reality"], timeout=120)
                wait_quiet(app.pid)
        with Session([sys.executable, "-m", "matchtui", "--home", home], env=env) as app:
            app.wait_for(markers["reality"], timeout=120)
            for pane in (*KEYS, "reality"):  # every pane once, then back
                if idle_between:
                    wait_quiet(app.pid)
                app.press_and_wait(KEYS[pane], markers[pane], timeout=120)
            wait_quiet(app.pid)
            return rss_mib(app.pid)


def bare_memory() -> float:
    """Resident size (MiB) of a bare Textual app once it has drawn its screen."""
    with Session([sys.executable, str(HERE / "bare_app.py")]) as bare:
        bare.wait_for("bare textual app ready")
        time.sleep(1.0)
        return rss_mib(bare.pid)


def memory(programs: int) -> tuple[float, float]:
    return app_memory(programs), bare_memory()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--programs", type=int, default=0, help="programs in the list")
    parser.add_argument("--panes", default=",".join(KEYS), help="comma-separated pane ids")
    parser.add_argument(
        "--gc",
        action="store_true",
        help="also the garbage collections during each visit, and after it until idle",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the memory figure")
    parser.add_argument("--memory-only", action="store_true", help="only the memory figure")
    parser.add_argument("--memory-runs", type=int, default=1, help="memory samples (median)")
    args = parser.parse_args()
    if args.memory_only:
        report_memory(args.programs, args.memory_runs)
        return
    panes = args.panes.split(",")
    walls: dict[str, list[float]] = {pane: [] for pane in panes}
    cpus: dict[str, list[float]] = {pane: [] for pane in panes}
    collections: dict[str, list[Collection]] = {pane: [] for pane in panes}
    settling: dict[str, list[Collection]] = {pane: [] for pane in panes}
    floor: list[float] = []
    idles: list[float] = []
    for _ in range(args.runs):
        for pane in panes:
            gc_log, gc_after = (collections[pane], settling[pane]) if args.gc else (None, None)
            wall, cpu, idle = first_visit(pane, args.programs, gc_log, gc_after)
            walls[pane].append(wall)
            cpus[pane].append(cpu)
            idles.append(idle)
            floor.append(bare_key())
    load = os.getloadavg()[0]
    print(
        f"first visit, key -> content, 120x40 pty, {args.runs} cold runs per pane, "
        f"{args.programs} programs (load average {load:.1f} on {os.cpu_count()} CPUs)"
    )
    base = statistics.median(floor)
    for pane in panes:
        wall = statistics.median(walls[pane]) * 1000
        print(
            f"  {pane:<12} wall median {wall:6.0f} ms  min {min(walls[pane]) * 1000:6.0f}"
            f"  | app CPU median {statistics.median(cpus[pane]) * 1000:5.0f} ms"
            f"  ({wall / (base * 1000):.1f}x the bare key)"
        )
        if args.gc:
            print(f"  {'':<12} collections: {gc_summary(collections[pane], args.runs)}")
            print(f"  {'':<12} then to idle: {gc_summary(settling[pane], args.runs)}")
    print(f"  {'bare app key':<12} wall median {base * 1000:6.0f} ms  (target per pane <= 150 ms)")
    print(
        f"  each key pressed once the app was idle: start-up's idle work after the first "
        f"content ended within {statistics.median(idles):.2f} s (median; max {max(idles):.2f})"
    )
    if args.no_memory:
        return
    report_memory(args.programs, args.memory_runs)


def report_memory(programs: int, runs: int) -> None:
    """The first session in a new home, then a later one (the reference data cached)."""
    first: list[float] = []
    later: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        first.append(app_memory(programs))
        later.append(app_memory(programs, later_session=True))
        bare.append(bare_memory())
    base = statistics.median(bare)
    for name, mine in (("first session", first), ("a later session", later)):
        app = statistics.median(mine)
        spread = f" (median of {runs}, min {min(mine):.1f})" if runs > 1 else ""
        print(
            f"memory after every pane, {programs} programs, {name}: {app:.1f} MiB{spread} vs "
            f"bare Textual app {base:.1f} MiB ({app / base:.2f}x; target <= 2x)"
        )


if __name__ == "__main__":
    main()
