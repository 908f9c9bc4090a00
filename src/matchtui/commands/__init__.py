"""One module per CLI command, each with run(args, workspace) -> exit code."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matchtui.models.profile import Profile
    from matchtui.models.programs import ProgramList
    from matchtui.workspace import Workspace


def app_match_year(workspace: Workspace) -> tuple[int, bool]:
    """The Match year the app works on for this home folder, and whether it is the demo's:
    the saved profile's (FileProblems when it does not load), or with no profile yet the demo
    profile's, which the app copies in and opens on (nothing is written here)."""
    profile, demo = workspace.saved_or_demo_profile()
    return profile.cycle_year, demo


def note_match_year(
    workspace: Workspace,
    profile: Profile,
    today: dt.date,
    *,
    saved: bool = False,
    programs: ProgramList | None = None,
) -> None:
    """On stderr, as the Plan pane and the report say it: the profile's Match is over, or no
    longer takes newcomers, or (`saved`: the profile is the saved one, whose plan and program
    list are in the home folder) its season went on without the applicant's application. The
    figures printed are still for the year the profile names. `programs`: the program list when
    the command has read it already (it is not read again)."""
    from matchtui.engine.calendar import check_match_year
    from matchtui.engine.plan import offer_text

    check = check_match_year(workspace.catalog, profile.cycle_year, today)
    if check.state != "ok":
        print(f"matchtui: note: {offer_text(check, profile, workspace.catalog)}", file=sys.stderr)
    elif saved and (late := _late(workspace, profile, today, programs)) is not None:
        print(f"matchtui: note: {late}", file=sys.stderr)


def _late(
    workspace: Workspace, profile: Profile, today: dt.date, programs: ProgramList | None
) -> str | None:
    """engine.plan.late_check on the saved plan and program list (either one that does not
    load counts as not known: the note is only a note)."""
    from matchtui.engine.plan import late_check, offer_text, plan_for, sent_on_list
    from matchtui.errors import FileProblems

    try:
        plan = workspace.load_plan()
    except FileProblems:
        return None
    try:
        listed = programs if programs is not None else workspace.load_programs()
        sent = sent_on_list(listed.programs)
    except FileProblems:
        sent = None
    found = late_check(plan_for(profile, workspace.catalog, plan, today), workspace.catalog, sent)
    return offer_text(found, profile, workspace.catalog) if found is not None else None
