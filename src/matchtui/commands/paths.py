from __future__ import annotations

import argparse

from matchtui.filenames import USER_FILES
from matchtui.locations import bundled_data_dir
from matchtui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    rows = [
        ("data", str(workspace.data_dir)),
        ("bundled data", str(bundled_data_dir())),
        ("home", str(workspace.home)),
    ]
    # The files live in the home folder under these names (matchtui.store); listing them needs
    # no Store, so this command never imports pydantic.
    rows += [(name, str(workspace.home / name)) for name in USER_FILES]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    return 0
