"""The program list as a pane's `warm_data` reads it: what is validated in memory already.

`Workspace.warm_programs` reads and validates programs.toml in the app's preload thread; a
pane's `warm_data` then works out its first visit's numbers from the same records. It must
only read: `Workspace.load_programs_warm` would also record the read as the conflict check's
base (which is the panes' business), so this asks the validated cache directly, keyed on the
bytes on disk now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matchtui.models.programs import ProgramList
    from matchtui.workspace import Workspace


def peek_programs(workspace: Workspace) -> ProgramList | None:
    """programs.toml's validated content if it is in memory (a list of its own, the records
    shared), else None (no file, not read yet, changed since, or too large to hash)."""
    from matchtui.models.programs import PROGRAMS_SCHEMA_VERSION, ProgramList
    from matchtui.store import PROGRAMS

    store = workspace.store
    fingerprint = store.fingerprint(PROGRAMS)
    if fingerprint is None or not fingerprint.sha256:
        return None
    return store.cache.get(
        PROGRAMS, fingerprint.sha256, ProgramList, PROGRAMS_SCHEMA_VERSION, memory_only=True
    )
