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

import operator
import threading
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


def _same(old: tuple[object, ...], new: tuple[object, ...]) -> bool:
    if len(old) != len(new):
        return False
    return all(a is b or (type(a) is type(b) and a == b) for a, b in zip(old, new, strict=True))


class Same:
    """A key part that equals another only when both hold the very same objects, in order:
    compared by identity, never by value. For records that are replaced, never changed in
    place (the Store's validated programs: each holder gets a list of its own, the records are
    shared; the rank list's items): the same records are the same content. Comparing 20,000
    takes under a millisecond, where comparing pydantic records by value took ~100 ms. Held
    in a key, the objects stay alive, so an identity is never reused meanwhile."""

    __slots__ = ("objects",)

    def __init__(self, objects: Iterable[object]) -> None:
        self.objects = tuple(objects)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Same):
            return NotImplemented
        mine, theirs = self.objects, other.objects
        return len(mine) == len(theirs) and all(map(operator.is_, mine, theirs))

    __hash__ = None  # type: ignore[assignment]  # compared, never hashed

    def __repr__(self) -> str:
        return f"Same({len(self.objects)} objects)"


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
