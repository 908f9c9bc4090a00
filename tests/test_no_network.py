"""The app and the CLI never open a network connection.

The whole suite already runs with connections beyond loopback refused (conftest). Here each CLI
command runs in a fresh process whose socket layer records and refuses any attempt, and the
app visits every pane in-process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.panes import PANES

GUARD = """
import socket, sys
def refuse(*args, **kwargs):
    sys.stderr.write("NETWORK ATTEMPT\\n")
    raise OSError("network refused by test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
sys.argv = ["matchtui", *sys.argv[1:]]
from matchtui.cli import main
raise SystemExit(main())
"""


@pytest.fixture
def answer_file(tmp_path: Path) -> Path:
    path = tmp_path / "answer.txt"
    path.write_text("I did not match in 2021. I own that. I passed Step 3 in 2024 and I am ready.")
    return path


COMMANDS = [
    ["paths"],
    ["data", "check"],
    ["assess", "--json"],
    ["assess"],
    ["mix", "--json"],
    ["practice", "--question", "why_now", "--answer-file", "{answer}", "--json"],
    ["report", "--format", "text"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_cli_commands_open_no_connection(command: list[str], home: Path, answer_file: Path) -> None:
    argv = [part.replace("{answer}", str(answer_file)) for part in command]
    result = subprocess.run(
        [sys.executable, "-c", GUARD, "--home", str(home), *argv],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "NETWORK ATTEMPT" not in result.stderr
    assert result.returncode == 0, result.stderr


async def test_the_app_opens_no_connection_on_any_pane(workspace: Any) -> None:
    # conftest refuses every connection for the whole run: visiting every pane proves none is tried
    app = MatchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        for pane in PANES:
            await pilot.press(pane.key)
            await pilot.pause()
            assert app.current_mode == pane.id
