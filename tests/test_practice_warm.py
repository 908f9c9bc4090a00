"""Practice's warm-up (run in the preload thread at idle, before the first visit) leaves the
visit nothing to build: the practice log's model is ready (pydantic builds a deferred model's
validator on its first use)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path


def test_warm_data_readies_what_the_first_visit_uses(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import types
        from matchtui.workspace import Workspace
        from matchtui.models.practice import PracticeLog
        from matchtui.screens.practice import PracticeScreen

        catalog = Workspace.from_options().catalog
        assert not PracticeLog.__pydantic_complete__  # built on first use, unless warmed
        PracticeScreen.warm_data(types.SimpleNamespace(catalog=catalog))
        assert PracticeLog.__pydantic_complete__
        print("ok")
        """
    )
    env = {"MATCHTUI_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")
