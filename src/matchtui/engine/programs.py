"""The applicant's own program list: import from CSV or TOML, and compare it with the target mix.

Import reads every row, reports each bad one with its line number, and returns the good ones;
the caller decides whether a file with bad rows is imported at all (`--skip-bad`). Regions come
from the state (catalog.region_of_state), never from the file.
"""

from __future__ import annotations

import bisect
import copy
import csv
import datetime as dt
import io
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from pydantic import ValidationError

from matchtui.engine.wording import and_list, plural
from matchtui.errors import FileProblems
from matchtui.limits import MAX_CSV_BYTES, MAX_PROGRAMS_BYTES
from matchtui.models.mix import TIER_LABELS, TIERS
from matchtui.models.programs import (
    AHEAD_DATES,
    COLUMN_ALIASES,
    COST_COLUMNS,
    DATE_FIELDS,
    INTERVIEW_FORMATS,
    PROGRAM_COLUMNS,
    PROGRAM_STATUSES,
    REQUIRED_COLUMNS,
    SIGNAL_KINDS,
    STAGE_LABELS,
    TRACKS,
    Program,
    ProgramList,
)
from matchtui.tomlio import check_shape, key_lines, line_of, read_bytes

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.models.mix import MixEstimate
    from matchtui.models.profile import Profile

_TRUE = {"true", "yes", "y", "1", "x"}
_FALSE = {"false", "no", "n", "0", ""}
_TIER_ALIASES = {
    "academic": "academic",
    "academic powerhouse": "academic",
    "university": "academic",
    "mid_tier": "mid_tier",
    "mid-tier": "mid_tier",
    "mid tier": "mid_tier",
    "mid": "mid_tier",
    "community": "community",
    "community/regional": "community",
    "regional": "community",
}


# Status words from schema 1 and from spreadsheets, and the stage each one means.
_STATUS_ALIASES = {
    "interview": "invited",
    "thank_you": "thanked",
    "thank_you_sent": "thanked",
    "letter_of_intent": "thanked",
    "second_look_done": "second_look",
    # the words applicants' own trackers use for a stage ("interview offered" is an invitation,
    # which "did you mean interviewed?" got wrong)
    "not_applied": "planned",
    "to_apply": "planned",
    "submitted": "applied",
    "sent": "applied",
    "interview_offered": "invited",
    "interview_offer": "invited",
    "interview_invite": "invited",
    "interview_invitation": "invited",
    "invite": "invited",
    "invitation": "invited",
    "ii": "invited",
    "interview_scheduled": "scheduled",
    "interview_booked": "scheduled",
    "booked": "scheduled",
    "interview_done": "interviewed",
    "interview_completed": "interviewed",
    "rejection": "rejected",
    "withdrew": "withdrawn",
}
_FORMAT_ALIASES = {"in_person": "in_person", "virtual": "virtual", "online": "virtual"}


def _words(value: Any) -> str:
    return "_".join(_text(value).lower().replace("-", " ").split())


def stage_word(value: Any) -> str | None:
    """The stage a word names ("Interview offered" -> "invited"; empty -> "planned"), or None
    when it names none. One reading for a file's status column and the CLI's --stage."""
    text = _words(value) or "planned"
    text = _STATUS_ALIASES.get(text, text)
    return text if text in PROGRAM_STATUSES else None


_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _slash_readings(text: str, orders: Sequence[bool] = (True, False)) -> list[dt.date]:
    """The dates "a/b/yyyy" can be, month first (True) then day first (False)."""
    found = _SLASH_DATE.fullmatch(text.strip())
    if not found:
        return []
    first, second, year = (int(part) for part in found.groups())
    readings: list[dt.date] = []
    for month_first in orders:
        month, day = (first, second) if month_first else (second, first)
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            continue
    return readings


def _slash_order(text: str) -> bool | None:
    """Whether a file's slash dates put the month first (True) or the day (False), when some
    date in it can be read only one way and none only the other; else None."""
    shown: set[bool] = set()
    for found in _SLASH_DATE.finditer(text):
        first, second = int(found.group(1)), int(found.group(2))
        if first > 12 >= second:
            shown.add(False)
        elif second > 12 >= first:
            shown.add(True)
    return shown.pop() if len(shown) == 1 else None


def _in_file_order(row: dict[str, str], month_first: bool | None) -> dict[str, str]:
    """`row` with its slash dates written YYYY-MM-DD in the file's order, where known."""
    if month_first is None:
        return row
    out = dict(row)
    for column in DATE_FIELDS:
        cell = row.get(column, "")
        if "/" in cell:
            readings = _slash_readings(cell, (month_first,))
            if readings:
                out[column] = readings[0].isoformat()
    return out


def read_date(value: Any, column: str) -> dt.date | None:
    """A date as an imported cell, a typed field or a command's option gives it: YYYY-MM-DD, or
    a slash date only one order makes a date of ("12/15/2026"); None for an empty one.
    ValueError names `column` and, for "05/12/2026", both dates it could be."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    # A spreadsheet's day and month with a slash: read when only one order makes a date
    # ("12/15/2026" is 15 December); "05/12/2026" could be either, so it is asked for in full
    # (unless the file's other dates show its order: `_in_file_order`).
    readings = _slash_readings(text)
    if len(set(readings)) == 1:
        return readings[0]
    if readings:
        both = " or ".join(day.isoformat() for day in readings)
        raise ValueError(f"{column}: {text!r} could be {both} (write it as YYYY-MM-DD)")
    raise ValueError(f"{column}: {text!r} is not a date (write it as YYYY-MM-DD)")


def _usd(value: Any, column: str) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        amount = float(value)
    else:
        text = _text(value).removeprefix("$").replace(",", "")
        if not text:
            return None
        try:
            amount = float(text)
        except ValueError:
            raise ValueError(f"{column}: {_text(value)!r} is not an amount in dollars") from None
    if not 0 <= amount <= 1_000_000 or amount != amount:
        raise ValueError(f"{column}: {amount:g} is not between 0 and 1,000,000")
    return amount


@dataclass(frozen=True)
class RowProblem:
    """One bad row (or a problem with the whole file when `row` is None)."""

    line: int | None
    message: str
    row: int | None = None  # 1-based data row, None for file-level problems

    def where(self, path: Path | str) -> str:
        return f"{path}:{self.line}" if self.line else f"{path}"


@dataclass
class ImportResult:
    programs: list[Program] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # source line of each program
    rows: list[int] = field(default_factory=list)  # 1-based data row of each program
    # NRMP code -> the index in `programs` of the first program read with it
    codes: dict[str, int] = field(default_factory=dict, repr=False)
    problems: list[RowProblem] = field(default_factory=list)
    fatal: bool = False  # the file as a whole could not be read: nothing can be imported

    @property
    def clean(self) -> bool:
        return not self.problems


# --- reading ----------------------------------------------------------------------------------
def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _flag(value: Any, column: str) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False if text else None
    raise ValueError(f"{column}: {value!r} is not yes/no")


def _not_one_of(column: str, value: Any, choices: Sequence[str], also: str = "") -> ValueError:
    """ "tier: 'communty' is not one of academic, mid_tier, community (did you mean
    community?)" (`also`: other words the column takes, as " (or yes/no)")."""
    from matchtui.suggest import did_you_mean_aside

    text = _text(value)
    hint = did_you_mean_aside(text, choices) if text else ""
    return ValueError(f"{column}: {text!r} is not one of {', '.join(choices)}{also}{hint}")


def _normalise(raw: Mapping[str, Any], catalog: Catalog) -> dict[str, Any]:
    """Turn one row's raw cells into Program fields. ValueError names every column at fault,
    one after another ("state: ...; applied_on: ..."), so one pass shows a row's slips."""
    out: dict[str, Any] = {}
    problems: list[str] = []
    for column, value in raw.items():
        try:
            _normalise_cell(out, column, value, catalog)
        except ValueError as exc:
            problems.append(str(exc))
    if problems:
        raise ValueError("; ".join(problems))
    for entry in out.get("costs", ()):  # costs for an interview are dated with the interview
        entry["date"] = out.get("interview_on")
    return out


def _normalise_cell(out: dict[str, Any], column: str, value: Any, catalog: Catalog) -> None:
    """One cell into `out`; ValueError names the column."""
    if isinstance(value, str):
        value = _unneutralise(value)
    if column in ("name", "city", "notes"):
        out[column] = " ".join(_text(value).split()) if column != "notes" else _text(value)
    elif column == "state":
        out[column] = state_code(_text(value), catalog)
    elif column == "specialty":
        out[column] = _specialty_id(_text(value), catalog)
    elif column == "tier":
        text = _text(value).lower()
        if text not in _TIER_ALIASES:
            raise _not_one_of("tier", value, TIERS)
        out[column] = _TIER_ALIASES[text]
    elif column == "signal":
        word = _words(value)
        if word in SIGNAL_KINDS:
            out[column] = word
        else:
            try:
                out[column] = "signal" if _flag(value, column) else "none"
            except ValueError:
                raise _not_one_of("signal", value, SIGNAL_KINDS, " (or yes/no)") from None
    elif column == "nrmp_code":
        code = _text(value).upper()
        if code and not (
            len(code) == 9 and code[:7].isdigit() and code[7].isalpha() and code[8].isdigit()
        ):
            raise ValueError(
                f"nrmp_code: {_text(value)!r} is not a 9-character NRMP code "
                "(7 digits, a track letter, a digit, e.g. 1234140C0)"
            )
        out[column] = code or None
    elif column == "track":
        word = _words(value) or "categorical"
        if word not in TRACKS:
            raise _not_one_of("track", value, TRACKS)
        out[column] = word
    elif column == "interview_format":
        word = _words(value)
        if word and word not in _FORMAT_ALIASES:
            raise _not_one_of("interview_format", value, INTERVIEW_FORMATS)
        out[column] = _FORMAT_ALIASES.get(word)
    elif column in DATE_FIELDS:
        out[column] = read_date(value, column)
    elif column in COST_COLUMNS:
        amount = _usd(value, column)
        if amount is not None:
            out.setdefault("costs", []).append({"kind": COST_COLUMNS[column], "usd": amount})
    elif column == "visa_sponsor":
        out[column] = _flag(value, column)
    elif column == "yog_limit_years":
        if isinstance(value, int) and not isinstance(value, bool):
            out[column] = value
        else:
            text = _text(value)
            if text:
                try:
                    out[column] = int(text)
                except ValueError:
                    raise ValueError(
                        f"yog_limit_years: {text!r} is not a whole number of years"
                    ) from None
    elif column == "status":
        stage = stage_word(value)
        if stage is None:
            raise _not_one_of("status", value, PROGRAM_STATUSES)
        out[column] = stage


def _state_hint(raw: Mapping[str, Any], missing: Sequence[str], catalog: Catalog) -> str:
    """For an empty state beside a city the reference list knows: where that city is
    (" (Chicago is in IL)"; a shared name, each state), so the fix is one look away."""
    city = " ".join(_text(raw.get("city")).split())
    codes = catalog.states_of_city(city) if "state" in missing and city else ()
    if not codes:
        return ""
    if len(codes) == 1:
        return f" ({city} is in {codes[0]})"
    return f" (cities named {city} are in {and_list(codes)})"


def state_code(text: str, catalog: Catalog) -> str:
    """The postal code for a state written as a code, a full name or a common abbreviation
    ("OH", "Ohio", "Calif."); "" for an empty cell. ValueError with the closest names."""
    if not text:
        return ""
    code = catalog.state_named(text)
    if code is not None:
        return code
    raise ValueError(f"state: {unknown_state(text, catalog)}")


def unknown_state(text: str, catalog: Catalog) -> str:
    """ "'Ohoi' is not a US state code we know (did you mean OH?)": an import's and a saved
    list's wording alike."""
    from matchtui.models.states import StatesFile
    from matchtui.suggest import did_you_mean_aside

    names = {s.code: (s.name,) for s in catalog.get("states.toml", StatesFile).states}
    return f"{text!r} is not a US state code we know{did_you_mean_aside(text, names)}"


def _specialty_id(text: str, catalog: Catalog) -> str:
    if text in catalog.specialties:
        return text
    wanted = text.lower()
    for specialty in catalog.specialties.values():
        if wanted in (specialty.id, specialty.name.lower(), specialty.short.lower()):
            return specialty.id
    raise ValueError(f"specialty: {unknown_specialty(text, catalog)}")


def unknown_specialty(text: str, catalog: Catalog) -> str:
    """ "'internal_medicin' is not a specialty id or name in the catalog (did you mean
    internal_medicine?)": an import's and a saved list's wording alike."""
    from matchtui.suggest import did_you_mean_aside

    hint = did_you_mean_aside(text, catalog.specialty_words, "matchtui data list specialties")
    return f"{text!r} is not a specialty id or name in the catalog{hint}"


def _validate(raw: Mapping[str, Any], catalog: Catalog, today: dt.date | None = None) -> Program:
    """One row as a Program; ValueError with a one-line message naming the column. With
    `today`, a date that records something done (applied, interviewed...) may not lie ahead
    of it, as a stage change may not (only an interview booked or a deadline may)."""
    missing = [c for c in REQUIRED_COLUMNS if not _text(raw.get(c))]
    if missing:
        raise ValueError(
            f"{', '.join(missing)}: required, but empty{_state_hint(raw, missing, catalog)}"
        )
    fields = _normalise(raw, catalog)
    try:
        program = Program.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "row"
        raise ValueError(f"{where}: {first['msg']}") from None
    if today is not None:
        for column in DATE_FIELDS:
            day = getattr(program, column)
            if column not in AHEAD_DATES and day is not None and day > today:
                hint = " (an interview still ahead goes in interview_on)" * (
                    column == "interviewed_on"
                )
                raise ValueError(
                    f"{column}: {day.isoformat()} is in the future (today is "
                    f"{today.isoformat()}){hint}"
                )
    return program


def new_program(raw: Mapping[str, Any], catalog: Catalog, existing: Sequence[Program]) -> Program:
    """A program the applicant typed in (the Applications pane's Add), read as an imported row
    is (a state by code or name, a specialty by id or name, a tier by its usual words).
    ValueError names the field at fault, or says the list holds it already (the same name,
    state and specialty, as an import counts a duplicate)."""
    program = _validate(raw, catalog)
    for held in existing:
        if held.key == program.key:
            specialty = (
                catalog.specialty_name(program.specialty)
                if program.specialty in catalog.specialties
                else program.specialty
            )
            raise ValueError(
                f"name: {held.name} ({held.state}, {specialty}) is in your list already"
            )
    if (holder := code_holder(program, existing)) is not None:
        raise ValueError(code_taken(program, holder, "on your list"))
    return program


def code_holder(program: Program, others: Iterable[Program]) -> Program | None:
    """The first of `others` that is another program (not the same name, state and
    specialty) with `program`'s NRMP code: a code names one program, so two on one list
    leave a rank by code, a look-up by code and the program-code fee guessing."""
    code = program.nrmp_code
    if not code:
        return None
    return next((p for p in others if p.nrmp_code == code and p.key != program.key), None)


def code_taken(program: Program, held: Program, where: str) -> str:
    """'nrmp_code: 1234081A0 is the code of 'NY Derm Advanced' on your list already (a code
    names one program: check which one is right)'."""
    return f"nrmp_code: {code_taken_text(program, held, where)}"


def code_taken_text(program: Program, held: Program, where: str) -> str:
    """`code_taken` without the field's name (for a problem that names it apart)."""
    return (
        f"{program.nrmp_code} is the code of {held.name!r} {where} already (a code names one "
        "program: check which one is right)"
    )


def same_program(where: str) -> str:
    """'the same program as line 2': a repeat of a program (the same name, state and
    specialty, `Program.key`), in an import and in a saved list alike."""
    return f"the same program as {where}"


Loc = tuple[str | int, ...]


def list_problems(
    programs: Sequence[Program], catalog: Catalog, where: Callable[[int], str]
) -> tuple[list[tuple[Loc, str]], list[tuple[Loc, str]]]:
    """What an import refuses, found in a saved list (programs.toml, edited by hand): the
    errors (a specialty or a state the reference data does not know, a program listed twice),
    each as (key path, message), for the list not to load, so that no figure counts them; and
    the warnings (an NRMP code two programs share: the rank list and the look-ups by code
    already refuse to pick one). `where(i)`: how a message points at program i ('line 3')."""
    errors: list[tuple[Loc, str]] = []
    warnings: list[tuple[Loc, str]] = []
    first: dict[tuple[str, str, str], int] = {}
    codes: dict[str, int] = {}
    specialties = catalog.specialties
    states: dict[str, bool] = {}  # each state looked up once (a list read may hold 20,000)
    for i, program in enumerate(programs):
        if program.specialty not in specialties:
            errors.append(
                (("programs", i, "specialty"), unknown_specialty(program.specialty, catalog))
            )
        state = program.state
        if (known := states.get(state)) is None:
            known = states[state] = catalog.state_named(state) == state
        if not known:
            errors.append((("programs", i, "state"), unknown_state(state, catalog)))
        key = program.key
        if (j := first.get(key)) is not None:
            errors.append(
                (
                    ("programs", i),
                    f"{same_program(where(j))} (the same name, state and specialty): keep one "
                    "of the two",
                )
            )
            continue
        first[key] = i
        code = program.nrmp_code
        if code:
            if (j := codes.get(code)) is not None:
                held = programs[j]
                warnings.append(
                    (("programs", i, "nrmp_code"), code_taken_text(program, held, f"on {where(j)}"))
                )
            else:
                codes[code] = i
    return errors, warnings


def against_list(result: ImportResult, existing: Sequence[Program]) -> None:
    """Move each imported program whose NRMP code another program already on the list holds
    into `result.problems` (its line, the field and the other program), as a bad row: the
    caller's --skip-bad then decides, as for any bad row. A program the list holds already
    (a repeat, left out by `merge`) is not one."""
    if not existing:
        return
    holders: dict[str, Program] = {}
    for p in existing:
        if p.nrmp_code:
            holders.setdefault(p.nrmp_code, p)
    keys = {p.key for p in existing}
    kept: list[tuple[Program, int, int]] = []
    clashed = False
    for program, line, row in zip(result.programs, result.lines, result.rows, strict=True):
        held = holders.get(program.nrmp_code) if program.nrmp_code else None
        if held is not None and held.key != program.key and program.key not in keys:
            result.problems.append(
                RowProblem(line or None, code_taken(program, held, "on your list"), row)
            )
            clashed = True
        else:
            kept.append((program, line, row))
    if clashed:
        result.programs = [k[0] for k in kept]
        result.lines = [k[1] for k in kept]
        result.rows = [k[2] for k in kept]
        result.problems.sort(key=lambda p: p.line or 0)


# What the Applications pane's Add and Edit dialogs type in; an edit keeps everything else.
TYPED_FIELDS: tuple[str, ...] = (
    "name",
    "city",
    "state",
    "specialty",
    "tier",
    "track",
    "signal",
    "nrmp_code",
)


def edited_program(
    program: Program, raw: Mapping[str, Any], catalog: Catalog, others: Sequence[Program]
) -> Program:
    """`program` with the fields typed again (read as `new_program` reads them, checked against
    the other programs for a repeat); its stage, dates, notes and costs kept."""
    typed = new_program(raw, catalog, others)
    return program.model_copy(update={name: getattr(typed, name) for name in TYPED_FIELDS})


def _named_unknown(words: Sequence[str]) -> str:
    """Unknown column or key names, each with the known one it is closest to: "'stauts'
    (did you mean status?)". One wording for a CSV header and a TOML program table."""
    from matchtui.suggest import did_you_mean_aside

    return ", ".join(f"{word!r}{did_you_mean_aside(word, PROGRAM_COLUMNS)}" for word in words)


def _header(cells: Sequence[str]) -> list[str]:
    """Each header cell as the column it names: lower case, spaces and dashes as "_", a
    spreadsheet's other name for a column read as the column (`COLUMN_ALIASES`, "<x>_date")."""
    return [_column(c.strip().lower().replace(" ", "_").replace("-", "_")) for c in cells]


def _column(cell: str) -> str:
    if cell in PROGRAM_COLUMNS:
        return cell
    if cell in COLUMN_ALIASES:
        return COLUMN_ALIASES[cell]
    for stem in (cell.removesuffix("_date"), cell.removeprefix("date_")):
        if stem != cell and f"{stem}_on" in DATE_FIELDS:
            return f"{stem}_on"
    return cell


def parse_csv(text: str, catalog: Catalog, today: dt.date | None = None) -> ImportResult:
    """Programs from CSV text with a header row of known column names."""
    result = ImportResult()
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    try:
        header_cells = next(reader)
    except StopIteration:
        result.problems.append(RowProblem(1, "the file is empty (a header row is needed)"))
        result.fatal = True
        return result
    except csv.Error as exc:
        result.problems.append(RowProblem(1, f"not valid CSV: {exc}"))
        result.fatal = True
        return result
    header = _header(header_cells)
    unknown = [c for c in header if c not in PROGRAM_COLUMNS]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if unknown or missing or repeated:
        parts = []
        if unknown:
            parts.append(f"unknown column(s) {_named_unknown(unknown)}")
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if repeated:
            parts.append(f"repeated column(s) {', '.join(repeated)}")
        known = ", ".join(PROGRAM_COLUMNS)
        result.problems.append(RowProblem(1, f"header: {'; '.join(parts)} (columns: {known})"))
        result.fatal = True
        return result
    month_first = _slash_order(text)
    previous_end = reader.line_num
    row_number = 0
    seen: dict[tuple[str, str, str], int] = {}
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.problems.append(RowProblem(previous_end + 1, f"not valid CSV: {exc}"))
            result.fatal = True
            return result
        line = previous_end + 1
        previous_end = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        row_number += 1
        if len(cells) != len(header):
            result.problems.append(
                RowProblem(
                    line,
                    f"{len(cells)} fields where the header has {len(header)}",
                    row_number,
                )
            )
            continue
        row = _in_file_order(dict(zip(header, cells, strict=True)), month_first)
        _add_row(result, row, catalog, line, row_number, seen, today)
    return result


def _add_row(
    result: ImportResult,
    raw: Mapping[str, Any],
    catalog: Catalog,
    line: int | None,
    row_number: int,
    seen: dict[tuple[str, str, str], int],
    today: dt.date | None = None,
) -> None:
    try:
        program = _validate(raw, catalog, today)
    except ValueError as exc:
        result.problems.append(RowProblem(line, str(exc), row_number))
        return
    if program.key in seen:
        result.problems.append(
            RowProblem(line, same_program(f"line {seen[program.key]}"), row_number)
        )
        return
    code = program.nrmp_code
    if code and (other := result.codes.get(code)) is not None:
        held, where = result.programs[other], f"on line {result.lines[other]}"
        result.problems.append(RowProblem(line, code_taken(program, held, where), row_number))
        return
    seen[program.key] = line or 0
    if code:
        result.codes[code] = len(result.programs)
    result.programs.append(program)
    result.lines.append(line or 0)
    result.rows.append(row_number)


def parse_toml(text: str, catalog: Catalog, today: dt.date | None = None) -> ImportResult:
    """Programs from TOML: `[[programs]]` tables with the same keys as the CSV columns."""
    result = ImportResult()
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        message = str(exc).split(" (at ")[0]
        line = None
        if "at line " in str(exc):
            try:
                line = int(str(exc).split("at line ")[1].split(",")[0])
            except ValueError:
                line = None
        result.problems.append(RowProblem(line, f"not valid TOML: {message}"))
        result.fatal = True
        return result
    lines = key_lines(text)
    extra = [k for k in data if k not in ("programs", "schema_version")]
    programs = data.get("programs")
    if extra or not isinstance(programs, list):
        what = (
            f"unknown key(s) {', '.join(extra)}"
            if extra
            else "no [[programs]] tables (each program is a [[programs]] table)"
        )
        result.problems.append(RowProblem(line_of(lines, (extra[0],)) if extra else 1, what))
        result.fatal = True
        return result
    seen: dict[tuple[str, str, str], int] = {}
    for index, entry in enumerate(programs):
        line = line_of(lines, ("programs", index))
        if not isinstance(entry, dict):
            result.problems.append(RowProblem(line, "each program must be a table", index + 1))
            continue
        unknown = [k for k in entry if k not in PROGRAM_COLUMNS]
        if unknown:
            result.problems.append(
                RowProblem(
                    line_of(lines, ("programs", index, unknown[0])) or line,
                    f"unknown key(s) {_named_unknown(unknown)}",
                    index + 1,
                )
            )
            continue
        _add_row(result, entry, catalog, line, index + 1, seen, today)
    return result


def read_import(path: Path, catalog: Catalog, today: dt.date | None = None) -> ImportResult:
    """Parse a .csv or .toml import file (with `today`: no date of something done after it)."""
    suffix = path.suffix.lower()
    try:
        raw = read_bytes(path, MAX_CSV_BYTES if suffix == ".csv" else MAX_PROGRAMS_BYTES)
    except FileProblems as exc:
        first = exc.problems[0]
        return ImportResult(problems=[RowProblem(first.line, first.message)], fatal=True)
    if suffix not in (".csv", ".toml"):
        return ImportResult(problems=[RowProblem(None, "give a .csv or .toml file")], fatal=True)
    return parse_import(raw, suffix == ".toml", path, catalog, today)


_PROGRAMS_TABLE = re.compile(rb"^\s*\[\[\s*programs\s*\]\]", re.MULTILINE)


def import_is_toml(raw: bytes) -> bool:
    """Whether an import with no file name to go by (standard input) is TOML: it holds a
    [[programs]] table; anything else is read as CSV."""
    return _PROGRAMS_TABLE.search(raw) is not None


def parse_import(
    raw: bytes, is_toml: bool, path: Path, catalog: Catalog, today: dt.date | None = None
) -> ImportResult:
    """An import's bytes as programs: TOML (checked for depth and overlong numbers before
    tomllib sees it) or CSV; `path` names it in messages."""
    try:
        text = raw.decode("utf-8")
        if is_toml:
            check_shape(path, text.removeprefix("\ufeff"))
    except FileProblems as exc:
        first = exc.problems[0]
        return ImportResult(problems=[RowProblem(first.line, first.message)], fatal=True)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return ImportResult(problems=[RowProblem(line, "not valid UTF-8 text")], fatal=True)
    return parse_toml(text, catalog, today) if is_toml else parse_csv(text, catalog, today)


def merge(
    existing: ProgramList, incoming: Iterable[Program], *, replace: bool = False
) -> tuple[ProgramList, list[Program]]:
    """The new list and the incoming programs left out because the list already has them."""
    kept = [] if replace else list(existing.programs)
    keys = {p.key for p in kept}
    added: list[Program] = []
    duplicates: list[Program] = []
    for program in incoming:
        if program.key in keys:
            duplicates.append(program)
            continue
        keys.add(program.key)
        added.append(program)
    return ProgramList(programs=[*kept, *added]), duplicates


# --- the list against the target -------------------------------------------------------------
def region_of(program: Program, catalog: Catalog) -> str:
    """The program's census region id; "" for a place in none (Puerto Rico: see
    Catalog.states_without_region)."""
    return catalog.region_of_state.get(program.state, "")


def over_yog_limit(program: Program, profile: Profile) -> bool:
    limit = program.yog_limit_years
    return limit is not None and profile.years_since_graduation > limit


# --- programs that cannot take the applicant -------------------------------------------------
class Eligibility(NamedTuple):
    """What decides whether a program can take the applicant at all: whether they need a visa
    sponsored, and how many years out of medical school they are at the Match."""

    needs_visa: bool
    years_out: int

    @classmethod
    def of(cls, profile: Profile) -> Eligibility:
        return cls(profile.needs_visa, profile.years_since_graduation)


class Screened(Protocol):
    """What `closed_to` reads of a program: a tracker Program, or the rank list's record of
    one (engine.ranklist.ProgramInfo)."""

    @property
    def visa_sponsor(self) -> bool | None: ...
    @property
    def yog_limit_years(self) -> int | None: ...
    @property
    def status(self) -> str: ...
    @property
    def invited_on(self) -> dt.date | None: ...


Closed = Literal["no_visa", "over_limit"]


def closed_to(program: Screened, who: Eligibility) -> Closed | None:
    """Why `program` cannot take the applicant, so that any chance there counts as none (None
    when it can). The one rule the Mix estimate of the actual list, the rank list's odds and
    the SOAP kit's list all use:

    - "no_visa": the applicant needs a visa and the program sponsors none (an invitation does
      not change that: without a visa they cannot start);
    - "over_limit": the program takes graduates only up to a set number of years out, the
      applicant is further out, and the program has not invited them (an invitation shows it
      looked past its limit).
    """
    if who.needs_visa and program.visa_sponsor is False:
        return "no_visa"
    limit = program.yog_limit_years
    if limit is not None and who.years_out > limit:
        from matchtui.engine.tracker import reached_invited

        if not reached_invited(program):
            return "over_limit"
    return None


def closed_words(program: Screened, why: Closed, who: Eligibility) -> str:
    """Why a program cannot take the applicant, as a warning names it ("sponsors no visa, and
    you need one")."""
    if why == "no_visa":
        return "sponsors no visa, and you need one"
    limit = program.yog_limit_years or 0
    return (
        f"takes graduates only up to {plural(limit, 'year')} out, you are {who.years_out}, and "
        "it has not invited you"
    )


@dataclass(frozen=True)
class TierRow:
    tier: str
    label: str
    target: int
    actual: int

    @property
    def delta(self) -> int:
        """Programs to add (positive) or drop (negative) to reach the target."""
        return self.target - self.actual


@dataclass(frozen=True)
class ListComparison:
    specialty: str
    target_total: int
    actual_total: int
    tiers: tuple[TierRow, ...]
    region: str
    region_name: str
    target_in_region: int
    actual_in_region: int
    other_specialties: int
    over_limit: tuple[Program, ...]
    no_visa: tuple[Program, ...]  # active programs sponsoring no visa, for one who needs it
    advice: tuple[str, ...]

    @property
    def target_out_of_region(self) -> int:
        return self.target_total - self.target_in_region

    @property
    def actual_out_of_region(self) -> int:
        return self.actual_total - self.actual_in_region


def active_for(programs: ProgramList, specialty: str) -> list[Program]:
    return [p for p in programs.programs if p.active and p.specialty == specialty]


class ListTally:
    """What `compare` and the estimate's warnings need from a program list, counted once per
    list and then kept up to date by delta: active programs per specialty, per specialty and
    tier, per specialty in the target region, and the active programs whose years-since-
    graduation limit the applicant exceeds and, for an applicant who needs a visa, those that
    sponsor none (each in list order). A slider step then costs the same at 20,000 programs as
    at none, and a status change updates a few counters.

    Built for one profile's target region, years since graduation and visa need (`fits`)."""

    def __init__(self, programs: ProgramList, catalog: Catalog, profile: Profile) -> None:
        self.programs = programs
        self.catalog = catalog
        self.region = profile.targets.region
        self.years = profile.years_since_graduation
        self.needs_visa = profile.needs_visa
        self._active: dict[str, int] = {}
        self._tiers: dict[tuple[str, str], int] = {}
        self._in_region: dict[str, int] = {}
        self._over: list[int] = []  # indices of active programs over their limit, ascending
        self._over_programs: tuple[Program, ...] | None = None
        self._no_visa: list[int] = []  # indices of active programs that sponsor no visa, if needed
        self._no_visa_programs: tuple[Program, ...] | None = None
        # The first count in bulk (what _count does a program at a time, ~4x faster).
        active = [(i, p) for i, p in enumerate(programs.programs) if p.active]
        region_of_state, region, years = catalog.region_of_state, self.region, self.years
        self._active = dict(Counter(p.specialty for _, p in active))
        self._tiers = dict(Counter((p.specialty, p.tier) for _, p in active))
        self._in_region = dict(
            Counter(p.specialty for _, p in active if region_of_state.get(p.state, "") == region)
        )
        self._over = [
            i for i, p in active if p.yog_limit_years is not None and years > p.yog_limit_years
        ]
        if self.needs_visa:
            self._no_visa = [i for i, p in active if p.visa_sponsor is False]

    def fits(self, programs: ProgramList, profile: Profile) -> bool:
        """True when this tally is for `programs` (the same list object) and the profile's
        region and years since graduation."""
        return (
            self.programs is programs
            and self.region == profile.targets.region
            and self.years == profile.years_since_graduation
            and self.needs_visa == profile.needs_visa
        )

    def bound_to(self, programs: ProgramList) -> ListTally:
        """This tally as a new one for `programs`, a list holding the same records as the one
        it was counted from (another holder's copy of it): `replaced` may then change either
        without touching the other."""
        other = copy.copy(self)
        other.programs = programs
        other._active = dict(self._active)
        other._tiers = dict(self._tiers)
        other._in_region = dict(self._in_region)
        other._over = list(self._over)
        other._over_programs = None
        other._no_visa = list(self._no_visa)
        other._no_visa_programs = None
        return other

    def _count(self, index: int, program: Program, sign: int) -> None:
        if not program.active:
            return
        specialty = program.specialty
        self._active[specialty] = self._active.get(specialty, 0) + sign
        key = (specialty, program.tier)
        self._tiers[key] = self._tiers.get(key, 0) + sign
        if region_of(program, self.catalog) == self.region:
            self._in_region[specialty] = self._in_region.get(specialty, 0) + sign
        limit = program.yog_limit_years
        if limit is not None and self.years > limit:
            if sign > 0:
                bisect.insort(self._over, index)
            else:
                del self._over[bisect.bisect_left(self._over, index)]
            self._over_programs = None
        if self.needs_visa and program.visa_sponsor is False:
            if sign > 0:
                bisect.insort(self._no_visa, index)
            else:
                del self._no_visa[bisect.bisect_left(self._no_visa, index)]
            self._no_visa_programs = None

    def replaced(self, index: int, program: Program, programs: ProgramList) -> None:
        """`programs` is the list with `program` now at `index` (the same length)."""
        self._count(index, self.programs.programs[index], -1)
        self.programs = programs
        self._count(index, program, 1)

    def active(self, specialty: str) -> int:
        return self._active.get(specialty, 0)

    def active_elsewhere(self, specialty: str) -> int:
        """Active programs in any other specialty."""
        return sum(self._active.values()) - self.active(specialty)

    def in_tier(self, specialty: str, tier: str) -> int:
        return self._tiers.get((specialty, tier), 0)

    def in_region(self, specialty: str) -> int:
        return self._in_region.get(specialty, 0)

    def over_limit(self) -> tuple[Program, ...]:
        """Active programs whose years-since-graduation limit the applicant exceeds."""
        if self._over_programs is None:
            items = self.programs.programs
            self._over_programs = tuple(items[i] for i in self._over)
        return self._over_programs

    def no_visa(self) -> tuple[Program, ...]:
        """Active programs that sponsor no visa, for an applicant who needs one (else none)."""
        if self._no_visa_programs is None:
            items = self.programs.programs
            self._no_visa_programs = tuple(items[i] for i in self._no_visa)
        return self._no_visa_programs


def compare(
    programs: ProgramList,
    estimate: MixEstimate,
    profile: Profile,
    catalog: Catalog,
    tally: ListTally | None = None,
) -> ListComparison:
    """Actual vs target per tier and region, and what to add or drop to reach the target.

    `tally` (kept by the caller across slider steps and status changes) saves a pass over the
    list; one that does not fit the list and profile is ignored."""
    if tally is None or not tally.fits(programs, profile):
        tally = ListTally(programs, catalog, profile)
    specialty = estimate.specialty
    mine = tally.active(specialty)
    region = profile.targets.region
    region_name = catalog.region_name(region)
    targets = estimate.counts.as_tuple()
    rows = tuple(
        TierRow(tier, TIER_LABELS[tier], target, tally.in_tier(specialty, tier))
        for tier, target in zip(TIERS, targets, strict=True)
    )
    in_region = tally.in_region(specialty)
    others = tally.active_elsewhere(specialty)
    over = tally.over_limit()
    no_visa = tally.no_visa()
    advice = list(_advice(rows, estimate, in_region, mine, region_name, over, profile, no_visa))
    return ListComparison(
        specialty=estimate.specialty,
        target_total=estimate.total,
        actual_total=mine,
        tiers=rows,
        region=region,
        region_name=region_name,
        target_in_region=estimate.in_region,
        actual_in_region=in_region,
        other_specialties=others,
        over_limit=over,
        no_visa=no_visa,
        advice=tuple(advice),
    )


def _advice(
    rows: Sequence[TierRow],
    estimate: MixEstimate,
    in_region: int,
    total: int,
    region_name: str,
    over: Sequence[Program],
    profile: Profile,
    no_visa: Sequence[Program] = (),
) -> Iterator[str]:
    if total == 0:
        yield (
            f"No {estimate.specialty_name} programs on your list yet: import a CSV or TOML file "
            "(matchtui programs import FILE) to compare it with the target."
        )
        return
    for row in rows:
        if row.delta > 0:
            yield f"Add {plural(row.delta, row.label.lower() + ' program')}."
        elif row.delta < 0:
            dropped = plural(-row.delta, row.label.lower() + " program")
            yield f"Drop {dropped} (or move them down the list)."
    short = estimate.in_region - in_region
    if short > 0:
        yield f"Add {plural(short, 'program')} in the {region_name} (swap out-of-region ones)."
    out_over = (total - in_region) - (estimate.total - estimate.in_region)
    if out_over > 0 and short <= 0:
        yield f"{plural(out_over, 'program')} outside the {region_name} above the target."
    if over:
        yield (
            f"Drop {plural(len(over), 'program')} whose years-since-graduation limit you "
            f"exceed ({plural(profile.years_since_graduation, 'year')} out)."
        )
    if no_visa:
        yield (
            f"Drop {plural(len(no_visa), 'program')} that "
            f"{'sponsors' if len(no_visa) == 1 else 'sponsor'} no visa: you need one to train."
        )
    if all(row.delta == 0 for row in rows) and short <= 0 and not over and not no_visa:
        yield "Your list matches the target mix."


# --- writing: CSV and iCalendar ---------------------------------------------------------------
# A spreadsheet runs a cell that starts with one of these as a formula; on export such a cell
# gets a leading apostrophe (which spreadsheets hide), and import takes that apostrophe off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def _cell(program: Program, column: str) -> str:
    if column in COST_COLUMNS:
        kind = COST_COLUMNS[column]
        return f"{program.cost_usd(kind):g}" if any(c.kind == kind for c in program.costs) else ""
    value = getattr(program, column)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(str(value))


def to_csv(programs: ProgramList) -> str:
    """The list as CSV with every import column, so `programs import` reads it back."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PROGRAM_COLUMNS)
    for program in programs.programs:
        writer.writerow([_cell(program, column) for column in PROGRAM_COLUMNS])
    return out.getvalue()


# Stages at which a program's interview is off: one it had is written as cancelled.
CALLED_OFF = frozenset({"rejected", "withdrawn"})
# Where the calendar's SEQUENCE counts from: each export's is the minutes since then, so a later
# export of the same interview (moved, or called off) always supersedes an earlier one.
ICS_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def ics_events(programs: ProgramList) -> tuple[int, int, int]:
    """What `to_ics` writes: (interviews, invitations still to answer by a day, interviews
    called off)."""
    from matchtui.engine.tracker import interview_day

    interviews = cancelled = 0
    for p in programs.programs:
        if interview_day(p) is not None:
            if p.status in CALLED_OFF:
                cancelled += 1
            else:
                interviews += 1
    answers = sum(1 for p in programs.programs if p.status == "invited" and p.respond_by)
    return interviews, answers, cancelled


def ics_uid(program: Program, what: str) -> str:
    """A calendar event's UID for one program's interview (`what`: "interview") or answer
    deadline ("answer"): the same whatever its date, so a calendar that imports the file again
    moves the event (or marks it cancelled) instead of adding a second one. Made from the
    program's name, state and specialty (`Program.key`, which stays when a code is added)."""
    import hashlib

    digest = hashlib.sha256("\x1f".join(program.key).encode("utf-8")).hexdigest()[:20]
    return f"{what}-{digest}@matchtui"


def to_ics(programs: ProgramList, catalog: Catalog, stamp: dt.datetime) -> str:
    """Booked and past interviews, and the days invitations still waiting must be answered by,
    as an iCalendar file (all-day events a calendar app imports). Each event keeps one UID
    whatever its date (`ics_uid`), and its SEQUENCE grows with each export (`stamp`), so a
    moved interview moves; an interview the program list shows turned down or withdrawn is
    written as cancelled (STATUS:CANCELLED) under the same UID."""
    from icalendar import Calendar, Event

    from matchtui.engine.tracker import interview_day

    sequence = max(0, int((stamp - ICS_EPOCH).total_seconds() // 60))
    calendar = Calendar()
    calendar.add("prodid", "-//matchtui//applications tracker//EN")
    calendar.add("version", "2.0")
    for program in programs.programs:
        answer_by = program.respond_by
        if program.status == "invited" and answer_by is not None:
            reply = Event()
            reply.add("uid", ics_uid(program, "answer"))
            reply.add("dtstamp", stamp)
            reply.add("sequence", sequence)
            reply.add("dtstart", answer_by)
            reply.add("dtend", answer_by + dt.timedelta(days=1))
            reply.add("summary", f"Answer the interview invitation: {program.name}")
            calendar.add_component(reply)
        day = interview_day(program)  # the day it was held, once recorded
        if day is None:
            continue
        off = program.status in CALLED_OFF
        event = Event()
        event.add("uid", ics_uid(program, "interview"))
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        if off:
            event.add("status", "CANCELLED")
        how = {"virtual": "virtual", "in_person": "in person"}.get(program.interview_format or "")
        specialty = catalog.specialties.get(program.specialty)
        what = specialty.name if specialty else program.specialty
        summary = f"Interview: {program.name}" + (f" ({how})" if how else "")
        event.add("summary", f"Cancelled: {summary}" if off else summary)
        place = ", ".join(part for part in (program.city, program.state) if part)
        if place:
            event.add("location", place)
        event.add(
            "description",
            f"{what}, {program.track}"
            + (f". NRMP code {program.nrmp_code}" if program.nrmp_code else "")
            + (f". {STAGE_LABELS[program.status]} in your program list" if off else ""),
        )
        calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
