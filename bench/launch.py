"""Start the app as `matchtui` does, with a chosen first pane (for benchmarks):

    python bench/launch.py HOME [FIRST_PANE] [PROGRAMS]

PROGRAMS > 0 writes that many programs (bench/programs_fixture.py) into HOME first.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    home = sys.argv[1]
    first = sys.argv[2] if len(sys.argv) > 2 else "reality"
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    from matchtui import startup_gc, without_pydantic_plugins

    startup_gc()  # as matchtui.cli._open_app does, and without pydantic's plugin search
    with without_pydantic_plugins():
        launch(home, first, count)


def launch(home: str, first: str, count: int) -> None:
    from matchtui.app import MatchApp
    from matchtui.workspace import Workspace

    workspace = Workspace.from_options(home)
    if count:
        from bench.programs_fixture import write_programs

        # Written as an earlier session or an import would have: through a store of its own,
        # so the app's store starts as it does in use, holding none of it (through the app's,
        # the records written stayed remembered and were freed during a pane's first visit).
        writer = Workspace.from_options(home)
        write_programs(writer.store, workspace.catalog, count)
        del writer
    MatchApp(workspace, first_pane=first, interactive=True).run()


if __name__ == "__main__":
    main()
