"""`matchtui profile new [--force]`: start a blank profile of your own.

The current profile.toml is copied aside first (profile.toml.kept-...); the shipped demo is
never touched. Without --force an existing profile of your own (not the demo) is left alone.
"""

from __future__ import annotations

import argparse
import datetime as dt

from matchtui.errors import UsageError
from matchtui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    try:
        path, kept = workspace.new_profile(dt.date.today(), force=args.force)
    except FileExistsError as exc:
        raise UsageError(
            f"{exc.args[0]} is your own profile (not the demo); add --force to start a blank one "
            "(the current file is kept aside first)"
        ) from None
    if kept is not None:
        print(f"Kept the previous profile as {kept}")
    print(f"Started a blank profile: {path}")
    print("Fill it in with `matchtui` (Profile pane) or by editing the file.")
    return 0
