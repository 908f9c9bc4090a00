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
