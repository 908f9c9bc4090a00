"""Problems with files, reported with the file, the line (where known) and the key path."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from matchtui.safetext import one_line

NAMED_IN_SUMMARY = 3  # the other problems a one-line summary places, before "..."


class Problem(NamedTuple):
    """One thing wrong with one file. (A named tuple: the same fields, repr, equality and hash
    as the frozen dataclass it was, made in ~0.1 ms at import instead of ~0.7.)"""

    file: Path
    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        key = f" [{self.key}]" if self.key else ""
        # One printable line even when a key or a file name carries a newline or an escape.
        return one_line(f"{where}:{key} {self.message}")

    def where(self, beside: Path) -> str:
        """Where this problem is, short, next to another in file `beside`: "[key] on line 3"
        (the file named only when it is another; the message when there is no key)."""
        place = f"[{self.key}]" if self.key else self.message
        if self.line:
            place += f" on line {self.line}"
        if self.file != beside:
            place = f"{self.file.name}: {place}"
        return one_line(place)


class FileProblems(Exception):
    """Raised when one or more files cannot be used; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.summary())

    def summary(self) -> str:
        """One line: the first problem, then where each other one is ("(and 2 more: [a] on
        line 3, [b] on line 9)"), so one edit can fix them all."""
        if not self.problems:
            return "unknown problem"
        first, *rest = self.problems
        if not rest:
            return str(first)
        named = [problem.where(first.file) for problem in rest[:NAMED_IN_SUMMARY]]
        if len(rest) > NAMED_IN_SUMMARY:
            named.append("...")
        return f"{first} (and {len(rest)} more: {', '.join(named)})"

    def lines(self, limit: int) -> list[str]:
        """Every problem, one line each: the first `limit`, then how many more there are."""
        shown = [str(problem) for problem in self.problems[:limit]] or ["unknown problem"]
        rest = len(self.problems) - limit
        if rest > 0:
            shown.append(f"and {rest} more problem{'s' if rest != 1 else ''}")
        return shown

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> FileProblems:
        return cls(list(problems))


class UsageError(Exception):
    """Bad command-line usage or a bad argument value: exit code 2, one line."""


class Conflict(Exception):
    """A save found the file changed on disk since it was read: never overwritten silently.

    `changed` says what changed, in words; `mergeable` is True when the other version only added
    records (practice attempts, imported programs), so both can be kept exactly.
    """

    def __init__(self, path: Path, changed: str, *, mergeable: bool = False) -> None:
        self.path = path
        self.changed = changed
        self.mergeable = mergeable
        super().__init__(self.summary())

    def summary(self) -> str:
        return one_line(f"{self.path}: changed since it was read ({self.changed}); not saved")
