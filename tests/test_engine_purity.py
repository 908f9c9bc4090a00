"""The engine must import and run with Textual unavailable (the CLI depends on it)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import matchtui.engine

BLOCK_TEXTUAL = """
import sys
class _Block:
    def find_spec(self, name, path=None, target=None):
        if name == "textual" or name.startswith("textual.") or name.startswith("textual_plotext"):
            raise ImportError("textual is blocked in this test")
        return None
sys.meta_path.insert(0, _Block())
"""


def engine_modules() -> list[str]:
    return [f"matchtui.engine.{m.name}" for m in pkgutil.iter_modules(matchtui.engine.__path__)]


def test_engine_modules_import_without_textual() -> None:
    modules = engine_modules()
    assert modules, "the engine package should have modules"
    code = (
        BLOCK_TEXTUAL
        + "".join(f"import {m}\n" for m in modules)
        + ("assert not any(k.startswith('textual') for k in sys.modules)\nprint('ok')\n")
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_engine_source_has_no_textual_import() -> None:
    import pathlib
    import re

    root = pathlib.Path(matchtui.engine.__file__).parent
    pattern = re.compile(r"^\s*(import textual|from textual)", re.M)
    offenders = [p.name for p in root.rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []
