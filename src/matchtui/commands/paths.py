from __future__ import annotations

import argparse

from matchtui.locations import bundled_data_dir
from matchtui.store import PLAN, PRACTICE, PROFILE, PROGRAMS
from matchtui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    rows = [
        ("data", str(workspace.data_dir)),
        ("bundled data", str(bundled_data_dir())),
        ("home", str(workspace.home)),
    ]
    rows += [
        (name, str(workspace.store.path(name))) for name in (PROFILE, PROGRAMS, PLAN, PRACTICE)
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    return 0
