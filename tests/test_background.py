"""Long work in worker threads runs with short interpreter turns and no automatic garbage
collection while any thread is inside `yielding_often`, and the interval and the collector the
process had come back when the last one leaves."""

from __future__ import annotations

import gc
import sys
import threading

from matchtui.background import SHORT_TURN, yielding_often


def _inside_in_a_thread() -> tuple[threading.Thread, threading.Event]:
    """A thread inside `yielding_often` until the returned event is set."""
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with yielding_often():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=worker)
    thread.start()
    assert inside.wait(10)
    return thread, release


def test_short_turns_inside_nested_and_concurrent_uses_then_the_old_interval() -> None:
    before = sys.getswitchinterval()
    thread, release = _inside_in_a_thread()
    assert sys.getswitchinterval() == SHORT_TURN
    with yielding_often():
        with yielding_often():
            assert sys.getswitchinterval() == SHORT_TURN
        release.set()
        thread.join(10)
        assert sys.getswitchinterval() == SHORT_TURN  # this one is still inside
    assert sys.getswitchinterval() == before


def test_the_interval_comes_back_after_an_error() -> None:
    before = sys.getswitchinterval()
    try:
        with yielding_often():
            raise ValueError("save failed")
    except ValueError:
        pass
    assert sys.getswitchinterval() == before


def test_no_collection_inside_nested_and_concurrent_uses_then_as_before() -> None:
    """A full collection set off by a save's objects ran in the worker holding the interpreter
    (a stalled app for 74-120 ms): the collector waits until the last save is done."""
    assert gc.isenabled()
    thread, release = _inside_in_a_thread()
    assert not gc.isenabled()
    with yielding_often():
        release.set()
        thread.join(10)
        assert not gc.isenabled()  # this one is still inside
    assert gc.isenabled()
    gc.disable()  # a process that had it off keeps it off
    try:
        with yielding_often():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    try:
        with yielding_often():
            raise ValueError("save failed")
    except ValueError:
        pass
    assert gc.isenabled()
