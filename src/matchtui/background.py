"""Long work in a worker thread, without making the app's key presses wait for the interpreter.

A thread that computes for a second (saving 20,000 programs: ~0.7 s of CPU building TOML) holds
the interpreter in 5 ms turns (Python's switch interval). The event loop gives the interpreter
up at every wait (for input, for the terminal) and then waits up to a whole turn to get it back,
several times per frame: a 10 ms key press took 30-40 ms to reach the screen while a save ran.
Inside `yielding_often()` turns are 0.5 ms, so the loop waits at most that long each time. Only
threads that compete pay for the extra switches (a few percent of the worker's time).

The cyclic garbage collector is paused meanwhile too: the save makes hundreds of thousands of
short-lived objects, and the full collection they set off ran in the worker thread holding the
interpreter for the whole of it (74 ms of a stalled loop during an Applications save at 20,000
programs, 120 ms in `bench`-like heaps). A save's objects are freed by reference counting as
usual; cyclic garbage made meanwhile by any thread waits for the first collection after.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SHORT_TURN = 0.0005  # seconds

_lock = threading.Lock()
_active = 0
_default = sys.getswitchinterval()
_collecting = gc.isenabled()  # whether to switch the collector back on when the last one leaves


@contextmanager
def yielding_often() -> Iterator[None]:
    """Short interpreter turns and no automatic garbage collection while any thread is inside
    (nested and concurrent uses count); as they were once the last one leaves."""
    global _active, _default, _collecting
    with _lock:
        if _active == 0:
            _default = sys.getswitchinterval()
            sys.setswitchinterval(SHORT_TURN)
            _collecting = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                sys.setswitchinterval(_default)
                if _collecting:
                    gc.enable()
