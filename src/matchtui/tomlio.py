"""Reading TOML with line numbers for key paths, validation into models, and atomic writes."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from matchtui.errors import FileProblems, Problem
from matchtui.limits import MAX_DIGITS, MAX_NESTING, MAX_USER_FILE_BYTES, size_words

M = TypeVar("M", bound=BaseModel)

# Line finding runs only to point at a problem, so its patterns are compiled on first use.
_TABLE = r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$"
_ARRAY_TABLE = r"^\s*\[\[\s*([^\[\]]+?)\s*\]\]\s*(#.*)?$"
_KEY = (
    r"""^\s*((?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*')"""
    r"""(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_TOML_LINE = r"at line (\d+)"


@functools.cache
def _line_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The [[array table]], [table] and `key =` line patterns, compiled once."""
    return re.compile(_ARRAY_TABLE), re.compile(_TABLE), re.compile(_KEY)


def _split_key(dotted: str) -> list[str]:
    return [
        part.strip().strip("\"'")
        for part in re.split(r"\.(?=(?:[^\"']*[\"'][^\"']*[\"'])*[^\"']*$)", dotted)
    ]


def key_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """Map each key path defined in `text` to the line (1-based) that defines it.

    Handles [tables], [[arrays of tables]] (indexed in order) and dotted keys; keys inside
    multi-line values are attributed to the line where the value starts. Good enough to point
    a person at the right place, which is all it is for.
    """
    lines: dict[tuple[str | int, ...], int] = {}
    for path, number, _ in _definitions(text):
        lines.setdefault(path, number)
    return lines


def written_twice(text: str, line: int) -> tuple[tuple[str | int, ...], int, int] | None:
    """The key written a second time in the same table, on `line` or the nearest line before
    it (tomllib points at the end of the repeated value): (its key path, the line that first
    wrote it, the line that wrote it again); None when no key is repeated there."""
    first: dict[tuple[str | int, ...], int] = {}
    found = None
    for path, number, kind in _definitions(text):
        if number > line:
            break
        if kind == "array":  # each [[x]] opens a new element: writing x again is the point
            continue
        if path in first:
            found = (path, first[path], number)
        else:
            first[path] = number
    return found


def _definitions(text: str) -> Iterator[tuple[tuple[str | int, ...], int, str]]:
    """Every key path `text` defines, in order, with its line and how: "key" (key = value),
    "table" ([table]), "array" ([[array]]: the array's own path, once per element), "element"
    (the element a [[array]] header opens) or "item" (an item of a multi-line array value)."""
    array_counts: dict[tuple[str | int, ...], int] = {}
    current: tuple[str | int, ...] = ()
    depth = 0  # bracket depth of a multi-line value in progress
    array_re, table_re, key_re = _line_patterns()

    def resolve(parts: list[str]) -> tuple[str | int, ...]:
        # A header like [a.b] under [[a]] refers to the latest element of array a.
        path: tuple[str | int, ...] = ()
        for part in parts:
            path = (*path, part)
            if path in array_counts:
                path = (*path, array_counts[path] - 1)
        return path

    items: _ArrayItems | None = None  # the multi-line array in progress, item by item
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0] if '"' not in raw and "'" not in raw else raw
        if items is not None:
            yield from items.scan(raw, number)
            if items.closed:
                items = None
            continue
        if depth > 0:
            depth += line.count("[") + line.count("{") - line.count("]") - line.count("}")
            depth = max(depth, 0)
            continue
        if match := array_re.match(raw):
            parts = _split_key(match.group(1))
            parent = resolve(parts[:-1])
            key = (*parent, parts[-1])
            array_counts[key] = array_counts.get(key, 0) + 1
            current = (*key, array_counts[key] - 1)
            yield key, number, "array"
            yield current, number, "element"
            continue
        if match := table_re.match(raw):
            current = resolve(_split_key(match.group(1)))
            yield current, number, "table"
            continue
        if match := key_re.match(raw):
            path = (*current, *_split_key(match.group(1)))
            yield path, number, "key"
            value = raw[match.end() :]
            if value.lstrip().startswith("["):  # an array: each item's line is kept
                items = _ArrayItems(path)
                yield from items.scan(value, number)
                if items.closed:
                    items = None
                continue
            depth = max(
                0, value.count("[") + value.count("{") - value.count("]") - value.count("}")
            )


class _ArrayItems:
    """An array value read line by line: the line each of its items starts on, under the
    array's key path with the item's index ("ranks = [ {...}, {...} ]" written one item a
    line, as tomli-w writes an array of tables: ("ranks", 3) -> the fourth item's line).
    Brackets and commas inside strings do not count; a comment ends its line."""

    def __init__(self, path: tuple[str | int, ...]) -> None:
        self.path = path
        self.depth = 0
        self.index = 0
        self.expect = False  # the next value at the top level starts an item
        self.quote = ""
        self.closed = False

    def scan(self, text: str, number: int) -> Iterator[tuple[tuple[str | int, ...], int, str]]:
        """Read one line's part of the array: each item starting on it, as (its path, the
        line, "item"); `closed` once the array is."""
        escaped = False
        for ch in text:
            if self.quote:
                if escaped:
                    escaped = False
                elif ch == "\\" and self.quote == '"':
                    escaped = True  # a basic string's escape: \" does not close it
                elif ch == self.quote:
                    self.quote = ""
                continue
            if ch == "#":
                break
            if ch.isspace():
                continue
            if self.depth == 1 and self.expect and ch not in ",]":
                yield (*self.path, self.index), number, "item"
                self.index += 1
                self.expect = False
            if ch in "\"'":
                self.quote = ch
            elif ch in "[{":
                self.depth += 1
                self.expect = self.depth == 1
            elif ch in "]}":
                self.depth -= 1
                if self.depth <= 0:
                    self.closed = True
                    return
            elif ch == "," and self.depth == 1:
                self.expect = True


def line_of(lines: Mapping[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> int | None:
    """The line of the longest prefix of `loc` that the file defines."""
    for end in range(len(loc), 0, -1):
        if (found := lines.get(tuple(loc[:end]))) is not None:
            return found
    return None


def format_loc(loc: tuple[str | int, ...]) -> str:
    """('letters', 2, 'region') -> 'letters[2].region'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _clean_loc(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    # pydantic adds tags for unions and validator names (e.g. 'function-after[...]'): drop them.
    return tuple(
        p for p in loc if isinstance(p, int) or not ("[" in p or p.startswith("function-"))
    )


def read_bytes(path: Path, limit: int = MAX_USER_FILE_BYTES) -> bytes:
    """A file's bytes, at most `limit` of them; FileProblems naming the file if it cannot be read
    or is larger than the cap."""
    return read_with_stat(path, limit)[0]


def read_with_stat(path: Path, limit: int = MAX_USER_FILE_BYTES) -> tuple[bytes, os.stat_result]:
    """A file's bytes (at most `limit`) and its stat taken on the same open file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileProblems([Problem(path, "", "file not found")]) from None
    except IsADirectoryError:
        raise FileProblems([Problem(path, "", "is a folder, not a file")]) from None
    except OSError as exc:
        raise FileProblems([Problem(path, "", f"cannot read: {exc.strerror or exc}")]) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise FileProblems([Problem(path, "", "is a folder, not a file")])
            if info.st_size > limit:
                raise FileProblems([_too_big(path, limit)])
            raw = handle.read(limit + 1)  # a file that grows while read is still capped
    except IsADirectoryError:
        raise FileProblems([Problem(path, "", "is a folder, not a file")]) from None
    except OSError as exc:
        raise FileProblems([Problem(path, "", f"cannot read: {exc.strerror or exc}")]) from None
    if len(raw) > limit:
        raise FileProblems([_too_big(path, limit)])
    return raw, info


# How a message names standard input, read in place of a file ("-").
STDIN = Path("<standard input>")


def read_stdin_bytes(limit: int) -> bytes:
    """Standard input's bytes, at most `limit` of them; FileProblems naming it if more."""
    import sys

    buffer = getattr(sys.stdin, "buffer", None)
    raw = buffer.read(limit + 1) if buffer is not None else sys.stdin.read(limit + 1).encode()
    if len(raw) > limit:
        raise FileProblems([_too_big(STDIN, limit)])
    return bytes(raw)


def _too_big(path: Path, limit: int) -> Problem:
    return Problem(path, "", f"file is larger than {size_words(limit)}, the most matchtui reads")


def read_toml(path: Path, limit: int = MAX_USER_FILE_BYTES) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; raise FileProblems naming the file and line on any failure."""
    return parse_toml(path, read_bytes(path, limit))


# What the shape check skips: strings (basic, literal, multi-line) and comments.
_STRINGS_AND_COMMENTS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_BRACKETS = re.compile(r"[\[\]{}\n]")
_LONG_NUMBER = re.compile(f"[0-9_]{{{MAX_DIGITS + 1},}}")


def check_shape(path: Path, text: str) -> None:
    """Refuse text no parser should be fed: nesting deeper than MAX_NESTING (brackets, or parts
    of one dotted key) or a number longer than MAX_DIGITS digits. Linear in the text, so a hostile
    file costs milliseconds; strings and comments are not looked into."""
    bare = _STRINGS_AND_COMMENTS.sub(lambda m: "\n" * m.group().count("\n"), text)
    if (found := _LONG_NUMBER.search(bare)) is not None:
        line = bare.count("\n", 0, found.start()) + 1
        raise FileProblems([Problem(path, "", f"a number longer than {MAX_DIGITS:,} digits", line)])
    depth = 0
    line = 1
    for match in _BRACKETS.finditer(bare):
        char = match.group()
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise FileProblems(
                    [Problem(path, "", f"nested too deeply (more than {MAX_NESTING} levels)", line)]
                )
        else:
            depth = max(0, depth - 1)
    for number, raw in enumerate(bare.split("\n"), start=1):
        if raw.count(".") <= MAX_NESTING:
            continue
        stripped = raw.lstrip()
        key = stripped if stripped.startswith("[") else raw.split("=", 1)[0] if "=" in raw else ""
        if key.count(".") > MAX_NESTING:
            raise FileProblems(
                [
                    Problem(
                        path,
                        "",
                        f"nested too deeply (a dotted key of more than {MAX_NESTING} parts)",
                        number,
                    )
                ]
            )


def parse_toml(path: Path, raw: bytes) -> tuple[dict[str, Any], str]:
    """Parse TOML bytes read from `path` (named in any problem); returns (data, text).

    A UTF-8 byte-order mark (some Windows editors add one) is dropped first."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileProblems([Problem(path, "", "not valid UTF-8 text", line)]) from None
    text = text.removeprefix("\ufeff")
    check_shape(path, text)
    # Imported on first use (~2 ms): a command whose files all come from their validated caches
    # (the reference data, the profile) parses no TOML at all.
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(_TOML_LINE, str(exc))
        message = str(exc).split(" (at ")[0]
        # tomllib says "at end of document" when the file stops mid-value: point at its last line.
        line = int(found.group(1)) if found else max(1, len(text.rstrip("\n").splitlines()))
        if message == "Cannot overwrite a value" and (twice := written_twice(text, line)):
            # tomllib names neither the key nor that it is a repeat
            loc, before, line = twice
            message = (
                f"the key {format_loc(loc)} is written twice, on line {before} and on line "
                f"{line}: keep one of them"
            )
        raise FileProblems([Problem(path, "", f"not valid TOML: {message}", line)]) from None
    except RecursionError:
        raise FileProblems(
            [Problem(path, "", "not valid TOML: nested too deeply", _deepest_line(text))]
        ) from None
    except ValueError:  # a value Python will not convert (the shape check should catch it first)
        raise FileProblems([Problem(path, "", "not valid TOML: a value is too large")]) from None
    return data, text


def _deepest_line(text: str) -> int:
    """The line where bracket nesting is deepest (strings are not special-cased: a pointer)."""
    depth = deepest = 0
    line = found = 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest, found = depth, line
        elif char in "]}":
            depth = max(0, depth - 1)
    return found


def _keys_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model takes at `loc` (a table's path in the file: list indexes and the keys
    of a table of tables skipped), [] when the path leads to no model."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if isinstance(current, tuple):  # a table of tables: this part is one of its keys
            current = current[0]
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [field.alias or name for name, field in current.model_fields.items()]
    return []


def _model_in(annotation: Any) -> Any:
    """The model an annotation holds (in a list, an optional or a union), or (model,) for a
    table of models keyed by name; None when it holds none."""
    from typing import get_args, get_origin

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin in (dict, Mapping) or (isinstance(origin, type) and issubclass(origin, Mapping)):
        inner = _model_in(args[-1]) if args else None
        return (inner,) if inner is not None and not isinstance(inner, tuple) else None
    for arg in args:
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def problems_from_validation(
    path: Path,
    text: str,
    error: ValidationError,
    data: Mapping[str, Any] | None = None,
    model: type[BaseModel] | None = None,
) -> list[Problem]:
    """Turn a pydantic ValidationError into one Problem per error, with key path and line. With
    the `model`, an unknown key names the key meant when one is close ("unknown key; did you
    mean a_chance?")."""
    lines = key_lines(text)
    problems = []
    for item in error.errors(include_url=False):
        loc = _clean_loc(tuple(item["loc"]))
        loc, message = placed_rule(loc, item["msg"].removeprefix("Value error, "))
        if not loc and data:
            loc = _rule_key(message, data)
        if item["type"] == "extra_forbidden":
            # The last part is the file's own key, kept even when it has a "[" in it.
            loc = (*_clean_loc(tuple(item["loc"][:-1])), item["loc"][-1])
            message = "unknown key"
            if model is not None:
                from matchtui.suggest import did_you_mean

                keys = _keys_at(model, tuple(item["loc"][:-1]))
                message += did_you_mean(str(item["loc"][-1]), keys) if keys else ""
        elif item["type"] == "missing":
            message = "required key is missing"
        elif item["type"] == "literal_error" and isinstance(item["input"], str):
            from matchtui.suggest import did_you_mean

            # pydantic lists the choices in its context as "'a', 'b' or 'c'".
            choices = re.findall(r"'([^']*)'", str(item.get("ctx", {}).get("expected", "")))
            message += did_you_mean(item["input"], choices)
        elif item["type"] == "less_than_equal" and _percent_for_share(item):
            # A chance or a share written as a percentage (35 for 35%).
            message += f"; it is a share from 0 to 1: {_as_share(float(item['input']))}"
        elif item["type"] == "list_type" and isinstance(item["input"], str | int | float):
            # One item where a list is wanted: the brackets make it a list of one.
            message += f"; write it in brackets, as a list: [{_toml_value(item['input'])}]"
        elif item["type"] == "float_parsing" and (
            percent_text := _PERCENT.fullmatch(str(item["input"]))
        ):
            message += f"; a share is a number from 0 to 1: {_as_share(float(percent_text[1]))}"
        problems.append(Problem(path, format_loc(loc), message, line_of(lines, loc)))
    return problems


def _as_share(percent: float) -> str:
    """ "35% is written 0.35"."""
    return f"{percent:g}% is written {percent / 100:g}"


def _toml_value(value: str | int | float) -> str:
    """A value as TOML writes it (a string in double quotes)."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


_PERCENT = re.compile(r"\s*(\d+(?:\.\d+)?)\s*%\s*")
_RULE_ABOUT = re.compile(r"\[([A-Za-z_][\w.]*)\] ")


def placed_rule(loc: tuple[str | int, ...], message: str) -> tuple[tuple[str | int, ...], str]:
    """A rule over a whole model (no location of its own) may name the key it is about first,
    "[applicant.graduation_year] ..." or "[history.cycles.1.year] ...": that key as its
    location, the rest as its message."""
    about = _RULE_ABOUT.match(message) if not loc else None
    if about is None:
        return loc, message
    # "history.cycles.1.year": a number is a list item's index.
    parts = about.group(1).split(".")
    return tuple(int(p) if p.isdigit() else p for p in parts), message[about.end() :]


def _percent_for_share(item: Mapping[str, Any]) -> bool:
    """A number above a bound of 1, up to 100: a share written as a percentage."""
    value, bound = item.get("input"), item.get("ctx", {}).get("le")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return bound == 1 and 1 < value <= 100


def _rule_key(message: str, data: Mapping[str, Any]) -> tuple[str | int, ...]:
    """For a rule over the whole file: the top-level key its message names, else the file's only
    key (so the problem still points at a key and a line)."""
    keys = [str(k) for k in data]
    named = [k for k in keys if re.search(rf"\b{re.escape(k)}\b", message)]
    if named:
        return (named[0],)
    return (keys[0],) if len(keys) == 1 else ()


def load_model(path: Path, model: type[M], data: dict[str, Any] | None = None, text: str = "") -> M:
    """Read and validate `path` as `model`; raise FileProblems with every problem found."""
    if data is None:
        data, text = read_toml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FileProblems(problems_from_validation(path, text, exc, data, model)) from None
    except RecursionError:
        raise FileProblems([Problem(path, "", "nested too deeply")]) from None


def without_none(value: Any) -> Any:
    """Drop None values recursively: TOML has no null."""
    if isinstance(value, dict):
        return {k: without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_none(v) for v in value if v is not None]
    return value


def dump_model(model: BaseModel) -> str:
    """TOML text for a model, with None values left out."""
    return dump_data(without_none(model.model_dump(mode="json")))


def dump_data(data: dict[str, Any]) -> str:
    """TOML text for a model's dumped data (`without_none(model.model_dump(mode="json"))`)."""
    import tomli_w

    return tomli_w.dumps(data)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def refuse_link(path: Path) -> None:
    """FileProblems if `path` is a symbolic link: matchtui never writes through one."""
    if path.is_symlink():
        raise FileProblems(
            [
                Problem(
                    path,
                    "",
                    "is a symbolic link; matchtui does not write through links (put the file "
                    "itself here, or point --home at the folder the link leads to)",
                )
            ]
        )


def atomic_write(path: Path, text: str, *, backup: bool = True, mode: int = 0o600) -> None:
    """Write `text` to `path` so a crash leaves either the old or the new file, never half.

    The temp file lives in the same folder (same filesystem, so rename is atomic), is fsynced
    before the rename, and the folder is fsynced after. The previous version is kept as
    NAME.bak, a copy made through a no-follow open. `path` must not be a symbolic link (refused
    with FileProblems). An OSError always names the file.
    """
    import tempfile  # only writers pay for it (every command reads; few write)

    refuse_link(path)
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _naming(exc, path) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        if backup and path.exists():
            _backup(path)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise _naming(exc, path) from None
        raise
    _fsync_dir(folder)


def _naming(exc: OSError, path: Path) -> OSError:
    """The same error, naming `path` when it named no file (e.g. "No space left on device")."""
    if exc.filename and not str(exc.filename).endswith(".tmp"):
        return exc
    return type(exc)(exc.errno, exc.strerror or str(exc), str(path))


def copy_exclusive(source: Path, target: Path) -> None:
    """Copy `source` (not following a link) to a new `target` created exclusively, 0600; never
    follows or replaces anything already at `target`."""
    src = os.open(source, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    try:
        dst = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)
    except BaseException:
        os.close(src)
        raise
    try:
        with os.fdopen(src, "rb") as reader, os.fdopen(dst, "wb") as writer:
            while chunk := reader.read(1 << 20):
                writer.write(chunk)
            writer.flush()
            os.fsync(writer.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise


def dated_copy(path: Path, label: str) -> Path:
    """Copy `path` to NAME.LABEL-YYYYmmdd-HHMMSS-RANDOM, created exclusively (an unpredictable
    name, so nothing planted in advance can be followed or overwritten)."""
    import secrets

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for _ in range(5):
        target = path.with_name(f"{path.name}.{label}-{stamp}-{secrets.token_hex(4)}")
        try:
            copy_exclusive(path, target)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _naming(exc, target) from None
        return target
    raise FileExistsError(f"could not find a free name for a copy of {path}")


def _backup(path: Path) -> None:
    bak = path.with_name(path.name + ".bak")
    staged = path.with_name(f".{path.name}.bak.tmp")
    with contextlib.suppress(FileNotFoundError):
        staged.unlink()
    copy_exclusive(path, staged)
    os.replace(staged, bak)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
