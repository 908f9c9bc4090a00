"""Light commands stay light: `paths` and `--version` never import pydantic (nor Textual)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = (
    "import sys\n"
    "sys.argv = ['matchtui'] + sys.argv[1:]\n"
    "from matchtui.cli import main\n"
    "try:\n"
    "    code = main()\n"
    "except SystemExit as exc:\n"
    "    code = exc.code\n"
    "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'textual'})\n"
    "print('HEAVY', ','.join(heavy))\n"
    "raise SystemExit(code)\n"
)


@pytest.mark.parametrize("args", [["paths"], ["--version"]], ids=["paths", "version"])
def test_light_commands_do_not_import_pydantic(args: list[str], home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY \n" in result.stdout or result.stdout.rstrip().endswith("HEAVY"), result.stdout
