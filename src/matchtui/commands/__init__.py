"""One module per CLI command, each with run(args, workspace) -> exit code."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matchtui.models.profile import Profile
    from matchtui.workspace import Workspace


def note_match_year(workspace: Workspace, profile: Profile, today: dt.date) -> None:
    """On stderr, as the Plan pane says it: the profile's Match is over, or no longer takes
    newcomers (the figures printed are still for the year the profile names)."""
    from matchtui.engine.calendar import check_match_year

    check = check_match_year(workspace.catalog, profile.cycle_year, today)
    if check.state != "ok":
        print(f"matchtui: note: {check.message}", file=sys.stderr)
