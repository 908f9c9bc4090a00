from __future__ import annotations

import argparse
import sys

from matchtui.catalog import Catalog
from matchtui.errors import FileProblems
from matchtui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    folder = args.dir or workspace.data_dir
    try:
        catalog = Catalog.load(folder)
    except FileProblems as exc:
        if len(exc.problems) == 1:  # one problem: one line
            print(f"matchtui: error: {exc.problems[0]}", file=sys.stderr)
            return 2
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(f"matchtui: {count} problem{'s' if count != 1 else ''} in {folder}", file=sys.stderr)
        return 2
    print(catalog.summary())
    return 0
