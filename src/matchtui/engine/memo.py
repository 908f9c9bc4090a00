"""One result remembered with the inputs it came from, shared between threads.

A pane's first visit computes things from the data (a program list's tallies, the rank list's
numbers) that the app can work out ahead, at idle, in its preload thread (`PaneScreen.warm_data`).
Both call the same function through a `LastResult`; the visit then finds the result ready when
its inputs are the ones it was computed from, and computes it as before when they are not.

Inputs are compared by identity first, then by equality: pass only values that are not changed
in place afterwards (models read from a file and replaced, never edited; strings; numbers; the
fingerprint of a file's bytes).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def _same(old: tuple[object, ...], new: tuple[object, ...]) -> bool:
    if len(old) != len(new):
        return False
    return all(a is b or (type(a) is type(b) and a == b) for a, b in zip(old, new, strict=True))


class LastResult(Generic[T]):
    """`get(key, compute)`: the result of the last call when `key` matches its key, else
    `compute()`, remembered with `key`. A call made while another thread computes waits for it
    (and gets its result when the keys match) rather than computing the same thing twice."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[object, ...] | None = None
        self._value: T | None = None
        self.computed = 0  # how many times compute() ran (for tests)

    def get(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        with self._lock:
            if self._key is not None and _same(self._key, key):
                return self._value  # type: ignore[return-value]  # set together with _key
            value = compute()
            self._key, self._value = key, value
            self.computed += 1
            return value

    def peek(self, key: tuple[object, ...]) -> T | None:
        """The remembered result if `key` matches, else None; never computes or waits."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            if self._key is not None and _same(self._key, key):
                return self._value
            return None
        finally:
            self._lock.release()

    def clear(self) -> None:
        with self._lock:
            self._key = self._value = None
