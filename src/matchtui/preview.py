"""The first pane's content worked out in a second process while the app starts.

Opening the app, the terminal shows the shell at the speed of a bare Textual app; what made the
first pane's content wait after that was this process importing pydantic and the models,
loading the reference data, the profile and the plan, and running the Reality check, one after
the other (~120 ms of a ~425 ms start). Nothing of it needs Textual, so the command that opens
the app forks first (`start`), before Textual is imported: the child loads the same files and
works the Reality check's view out (`engine.reality_view`) while the parent imports Textual and
draws the shell, then sends the view down a pipe as plain data (pickled dataclasses; the parent
unpickles them without importing pydantic). The parent draws the pane from it, then loads the
data itself, as before, and the pane is worked out again and redrawn only if anything differs.

The child only reads: it never creates the home folder (there is no preview on the very first
run) or seeds the profile (the parent does, as before); where the profile is not there yet it
reads the demo profile the parent is about to copy. It writes at most the validated-data caches
in the home folder, which are written whole, atomically and only by content. Anything that goes
wrong in the child (a file that does not load, a missing module, a signal) means no preview:
the parent loads and reports as it always did.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import select
import signal
import time
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matchtui.engine.reality_types import RealityView
    from matchtui.workspace import Workspace

# The pane the child can work out (the default first pane).
PANE = "reality"
# How long the parent waits for the child at most, once it needs the content. The child has
# had a head start of the whole shell; past this it is treated as lost.
WAIT = 5.0


@dataclass(frozen=True)
class FirstContent:
    """What the child sends: the first pane's view and the header's countdown line."""

    pane: str
    view: RealityView
    season_line: str


class Preview:
    """The parent's end: the child's pipe and process id. Used once: `take` or `close`."""

    def __init__(self, fd: int, pid: int) -> None:
        self.fd = fd
        self.pid = pid
        self.done = False

    def take(self, wait: float = WAIT) -> FirstContent | None:
        """The child's content, or None if it sent none (waits up to `wait` seconds)."""
        if self.done:
            return None
        self.done = True
        chunks: list[bytes] = []
        deadline = time.monotonic() + wait
        finished = False
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                    break  # lost: stopped below
                chunk = os.read(self.fd, 1 << 16)
                if not chunk:
                    finished = True
                    break
                chunks.append(chunk)
        except OSError:
            pass
        finally:
            os.close(self.fd)
            self._end(kill=not finished)
        if not finished or not chunks:
            return None
        try:
            content = pickle.loads(b"".join(chunks))
        except Exception:  # a child cut off mid-write: no preview
            return None
        return content if isinstance(content, FirstContent) else None

    def close(self) -> None:
        """Give the preview up (the app did not open, or did not need it)."""
        if self.done:
            return
        self.done = True
        os.close(self.fd)
        self._end(kill=True)

    def _end(self, *, kill: bool) -> None:
        """Reap the child (stopping it first if it is still at work)."""
        if kill:
            with suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        with suppress(OSError):
            os.waitpid(self.pid, 0)


def start(workspace: Workspace, today: dt.date | None = None) -> Preview | None:
    """Fork a child that works the first pane out; None where there is no fork (Windows), on
    the very first run (no home folder yet: the app creates and seeds it, and the child would
    have nowhere to keep the validated data) or if it fails. Call it before Textual is
    imported and before any thread is started."""
    if not hasattr(os, "fork") or not workspace.home.is_dir():
        return None
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid:
        os.close(write_end)
        return Preview(read_end, pid)
    # The child: nothing of it may reach the terminal, and it never returns into the command.
    try:
        os.close(read_end)
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        payload = pickle.dumps(first_content(workspace, today), pickle.HIGHEST_PROTOCOL)
        view = memoryview(payload)
        while view:
            view = view[os.write(write_end, view) :]
    except BaseException:  # no preview; the parent loads as usual
        pass
    finally:
        os._exit(0)
    return None  # pragma: no cover - the child has exited


def first_content(workspace: Workspace, today: dt.date | None = None) -> FirstContent:
    """The first pane's view from the files as they are, reading only (see the module doc)."""
    from matchtui import without_pydantic_plugins

    with without_pydantic_plugins():
        from matchtui.engine.assess import Records
        from matchtui.engine.calendar import countdown
        from matchtui.engine.reality_view import build_reality_view

        catalog = workspace.catalog
        # (first run: the parent seeds the home folder with the demo profile)
        profile, _ = workspace.saved_or_demo_profile()
        plan = workspace.load_plan()
        day = today or dt.date.today()
        # The saved plan's record of the applications, as the pane reads it before it knows
        # the program list (not read here: the pane reads it after, and redraws if it counts).
        view = build_reality_view(profile, catalog, plan.mix, day, Records(plan))
        line = countdown(catalog, profile.cycle_year, day)
    return FirstContent(PANE, view, line)
