"""A save killed at any moment leaves the old or the new file, never a torn one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from tests.conftest import LONG

KILLS = 1000 if LONG else 12

WRITER = """
import sys, tomllib
from pathlib import Path
from matchtui.tomlio import atomic_write
path = Path(sys.argv[1])
big = "x" * 200_000
i = tomllib.loads(path.read_text())["version"]
print("ready", flush=True)
while True:
    i += 1
    atomic_write(path, f'version = {i}\\npad = "{big}"\\n')
"""


def test_killed_saves_leave_old_or_new_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text('version = 0\npad = ""\n')
    rng = random.Random(1234)
    last_seen = 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE)
        assert child.stdout is not None
        child.stdout.readline()
        time.sleep(rng.uniform(0, 0.03))
        if last_seen == 0:  # at least one save lands, however loaded the machine
            deadline = time.monotonic() + 20
            while tomllib.loads(path.read_text())["version"] == 0 < deadline - time.monotonic():
                time.sleep(0.005)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        data = tomllib.loads(path.read_text())
        assert data["version"] >= last_seen
        last_seen = data["version"]
        if last_seen > 0:
            backup = tomllib.loads((tmp_path / "plan.toml.bak").read_text())
            assert backup["version"] <= last_seen
    assert last_seen > 0


# Workspace saves: the whole guarded path (lock, fingerprint check, backup copy, set-aside,
# atomic replace, parse cache), on the practice log (append-merge) and the program list.
WORKSPACE_WRITER = """
import sys, datetime as dt
from matchtui.workspace import Workspace
from matchtui.models.practice import Attempt
from matchtui.models.programs import Program, ProgramList
ws = Workspace.from_options()
log = ws.load_practice()
programs = ws.load_programs()
print("ready", flush=True)
i = len(log.attempts)
while True:
    i += 1
    one = Attempt(question="why_region", time=dt.datetime(2026, 1, 1), score=50,
                  text=f"attempt {i} " * 40)
    log = ws.save_practice(log.model_copy(update={"attempts": [*log.attempts, one]})).model
    new = Program.model_validate({"name": f"Program {i}", "state": "WI",
                                  "specialty": "internal_medicine", "tier": "community"})
    programs = ws.save_programs(ProgramList(programs=[*programs.programs, new])).model
"""


def test_killed_workspace_saves_lose_nothing_saved(tmp_path: Path) -> None:
    """Kill a process saving through Workspace at random moments: every file left loads, holds
    at least what the last look saw (no saved attempt or program lost), and each .bak loads."""
    home = tmp_path / "home"
    env = {**os.environ, "MATCHTUI_HOME": str(home)}
    rng = random.Random(4321)
    seen = {"practice.toml": 0, "programs.toml": 0}
    lists = {"practice.toml": "attempts", "programs.toml": "programs"}
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", WORKSPACE_WRITER], stdout=subprocess.PIPE, env=env
        )
        assert child.stdout is not None
        child.stdout.readline()
        time.sleep(rng.uniform(0, 0.05))
        programs = home / "programs.toml"
        deadline = time.monotonic() + 20
        # At least one of each save lands (programs.toml is saved second), however loaded the
        # machine: twelve kills within 50 ms of start could otherwise all come before any save.
        while not programs.exists() and time.monotonic() < deadline:
            time.sleep(0.005)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        for name, key in lists.items():
            path = home / name
            if not path.exists():
                continue
            count = len(tomllib.loads(path.read_text()).get(key, []))
            assert count >= seen[name], (name, count, seen[name])
            seen[name] = count
            backup = home / f"{name}.bak"
            if backup.exists():
                tomllib.loads(backup.read_text())
        assert not list(home.glob("*.broken-*"))  # nothing ever failed to load
    assert seen["practice.toml"] > 0 and seen["programs.toml"] > 0
