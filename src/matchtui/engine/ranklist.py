"""The rank list workbench: NRMP rule checks, odds rank by rank, couples and the SOAP kit.

Pure: everything here works over pydantic models and plain values. Programs from the tracker
(programs.toml) are read through `program_info`.

The odds rest on one assumption, stated wherever they are shown: each program's chance of
ranking the applicant high enough is independent of every other program's. Then
P(match at rank k) = c_k x prod_{j<k} (1 - c_j) and P(unmatched) = prod_j (1 - c_j).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import operator
import random
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

from matchtui.engine.memo import LastResult, Same
from matchtui.engine.tracker import INTERVIEWED_STAGES, PASSED_ADVICE, interview_passed
from matchtui.engine.wording import and_list, percent, percent_rest, plural, stored_chance
from matchtui.models.base import RELIABILITY_LABELS
from matchtui.models.ranklist import (
    CRITERIA,
    NO_MATCH,
    NRMP_CODE,
    Criterion,
    Figure,
    PairEntry,
    RankEntry,
    RankItem,
    RanklistFile,
    RanklistState,
)

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.engine.programs import Closed, Eligibility
    from matchtui.engine.tracker import MatchSeason
    from matchtui.models.mix import Curve
    from matchtui.models.plan import PlanFile
    from matchtui.models.plan_data import EntryRoute
    from matchtui.models.profile import Profile
    from matchtui.models.programs import Program

ASSUMPTION = (
    "Assumed: each program's chance is independent of the others. Then P(match at rank k) = "
    "c_k x the product of (1 - c_j) over the ranks above it, and P(unmatched) = the product of "
    "(1 - c_j) over the whole list."
)
COUPLES_ASSUMPTION = (
    "Assumed: each partner's chance at each program is independent of every other. The couple "
    "matches at the first pair, in rank order, where both sides would take them (a No-Match side "
    "always does), so one pair's outcome depends on every pair above it."
)
ChanceSource = Literal[
    "yours", "estimate", "tier default", "default", "no interview", "closed", "hard stop", "repeat"
]
# Ranks that are no way to match: no interview there; a program that cannot take the applicant
# (no visa sponsored, or past its years-out limit: engine.programs.closed_to, the Mix estimate's
# rule); or a program the applicant will never rank (a hard stop: it breaks a rule of their own,
# and the odds leave it out until it goes). Each counts as no chance whatever chance is given.
NO_PATH: frozenset[str] = frozenset({"no interview", "closed", "hard stop"})
# Chances matchtui worked out (not the applicant's): marked on screen and counted in a warning.
WORKED_OUT: frozenset[str] = frozenset({"estimate", "tier default", "default"})
# Where a rank's chance came from, as the pane, the CLI and the report name it.
CHANCE_FROM: dict[str, str] = {
    "yours": "own number",
    "estimate": "match curve (assumption)",
    "tier default": "tier default (assumption)",
    "default": "default (assumption)",
    "no interview": "no interview: no chance",
    "closed": "cannot take you: no chance",
    "hard stop": "a hard stop: left out of the odds",
    "repeat": "ranked above already: counted once, there",
}
# The mark after a rank's chance, in the CLI's table and the pane's: worked out by matchtui
# ("*"), no way to match there ("x": no interview, or the program cannot take you), a hard stop
# or a program ranked above already ("!": a rule broken, named beside the list); the
# applicant's own number has none.
CHANCE_MARK: dict[str, str] = {
    "yours": "",
    "estimate": "*",
    "tier default": "*",
    "default": "*",
    "no interview": "x",
    "closed": "x",
    "hard stop": "!",
    "repeat": "!",
}
# ... and after it, for a rank whose interview the program list does not show as held yet.
PENDING_MARK = "?"
WORKED_OUT_MARK = "* worked out by matchtui (an assumption), not your own number"
NO_PATH_MARK = "x no way to match there, counted as no chance (the warnings say why)"
PENDING_NOTE = (
    "? interview not held yet by your program list: its chance assumes the interview goes ahead"
)
# The tracker's stages as the odds read them. A program ranks only applicants it interviewed
# (ranklist.toml [chances.no_interview]), so:
# - interviewed there (`interviewed`, `thanked`, `second_look`, `ranked`): the rank's chance;
INTERVIEWED = INTERVIEWED_STAGES  # the tracker's own set
# - an interview offered or booked and not yet held: the rank's chance, flagged (it assumes
#   the interview goes ahead);
INTERVIEW_PENDING: frozenset[str] = frozenset({"invited", "scheduled"})
# - no interview, and none to come: no chance, whatever chance is given. Turned down or
#   withdrawn ...
NO_INTERVIEW: frozenset[str] = frozenset({"rejected", "withdrawn"})
# ... or not invited (yet): planned, or applied with no invitation.
NOT_RECORDED: frozenset[str] = frozenset({"planned", "applied"})
NOT_INTERVIEWED: frozenset[str] = NO_INTERVIEW | NOT_RECORDED


def ranklist_data(catalog: Catalog) -> RanklistFile:
    return catalog.get("ranklist.toml", RanklistFile)


# --- programs from the tracker --------------------------------------------------------------------


class ProgramInfo(NamedTuple):
    """What the rank list needs to know about one tracker program. A plain record: its fields
    come from a validated Program (a pydantic model here cost ~90 ms to build 20,000, a frozen
    dataclass ~50 ms, this ~15 ms)."""

    name: str
    nrmp_code: str | None = None
    track: str = "categorical"
    tier: str | None = None
    specialty: str | None = None
    state: str = ""
    city: str = ""
    status: str = ""
    notes: str = ""
    visa_sponsor: bool | None = None
    yog_limit_years: int | None = None
    invited_on: dt.date | None = None
    interview_on: dt.date | None = None  # the interview's date, booked or held
    # Booked for a day gone by and never recorded as held (engine.tracker.interview_passed).
    interview_passed: bool = False


def program_info(program: Program, today: dt.date | None = None) -> ProgramInfo:
    """A tracker Program as the rank list sees it (with `today`: whether its booked interview
    day went by unrecorded)."""
    return ProgramInfo(
        program.name,
        program.nrmp_code,
        program.track,
        program.tier,
        program.specialty,
        program.state,
        program.city,
        program.status,
        program.notes,
        program.visa_sponsor,
        program.yog_limit_years,
        program.invited_on,
        program.interview_on,
        today is not None and interview_passed(program, today),
    )


TYPED_PREFIX_MIN = 3  # characters before a typed name's beginning picks a program


def _plain(text: str) -> str:
    """`norm` without its cache, for going through a whole tracker's names once: through the
    cache, each would stay as an entry (~1.5 MiB of 5.7 for 20,000 programs)."""
    return " ".join(text.lower().split())


@lru_cache(maxsize=32_768)
def norm(text: str) -> str:
    """A name as compared: lower case, single spaces. Cached: a redraw of a 3,400-rank list
    (resolve, check, the interviewed programs left off) normalised the same ~7,000 names
    30,000 times (~15 ms)."""
    return _plain(text)


@dataclass(frozen=True)
class Tracker:
    """The tracker's programs, looked up by NRMP code or by name (case-insensitive), as of
    `today` when it is known (an interview booked for a day gone by is told apart)."""

    programs: tuple[ProgramInfo, ...] = ()
    by_key: Mapping[str, ProgramInfo] = field(default_factory=dict)
    # NRMP codes two or more programs on the list were given, and those programs' names: a
    # rank naming one cannot tell which is meant, so `find` gives none of them.
    shared_codes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    today: dt.date | None = None

    @classmethod
    def of(cls, programs: Iterable[Program], today: dt.date | None = None) -> Tracker:
        """Each program once, looked up by code and by name (normalised by `_plain`: a rank
        list names a few thousand programs, the tracker may hold 20,000)."""
        infos = tuple(program_info(p, today) for p in programs)
        keys: dict[str, ProgramInfo] = {}
        holders: dict[str, list[str]] = {}
        for info in infos:
            keys.setdefault(_plain(info.name), info)
            if info.nrmp_code:
                code = info.nrmp_code.upper()
                keys.setdefault(code, info)
                holders.setdefault(code, []).append(info.name)
        shared = {code: tuple(names) for code, names in holders.items() if len(names) > 1}
        for code in shared:
            del keys[code]
        return cls(infos, keys, shared, today)

    def __bool__(self) -> bool:
        return bool(self.programs)

    def find(self, ref: str) -> ProgramInfo | None:
        """The program a rank names: by NRMP code, else by name; None for a code two programs
        on the list share (`shared_codes`)."""
        code = ref.strip().upper()
        if code in self.shared_codes:
            return None
        return self.by_key.get(code) or self.by_key.get(norm(ref))

    def passed(self) -> list[ProgramInfo]:
        """The programs whose booked interview day went by unrecorded (as of `today`)."""
        return [p for p in self.programs if p.interview_passed]

    def find_beginning(self, ref: str) -> ProgramInfo | None:
        """For a name typed short (one `find` does not know): the one program whose name
        begins with it ("toledo" for "Toledo Hospital IM"), from TYPED_PREFIX_MIN characters;
        None when none or several do."""
        typed = norm(ref)
        if len(typed) < TYPED_PREFIX_MIN:
            return None
        starting = {p.name: p for p in self.programs if _plain(p.name).startswith(typed)}
        return next(iter(starting.values())) if len(starting) == 1 else None

    @cached_property
    def nearest_memo(self) -> dict[str, str | None]:
        return {}

    @cached_property
    def _completions(self) -> tuple[list[str], list[str]]:
        """Every name and code, case-folded and as written, in alphabetical order: made when
        a completion is first asked for (not for a tracker only looked up)."""
        written = {
            (ref.casefold(), ref)
            for p in self.programs
            for ref in ((p.name, p.nrmp_code) if p.nrmp_code else (p.name,))
        }
        ordered = sorted(written)
        return [folded for folded, _ in ordered], [ref for _, ref in ordered]

    def completion(self, typed: str) -> str | None:
        """The first name or code held (alphabetically) that begins with `typed`, whatever the
        case, as written in the tracker; None when none does or nothing is typed. A bisection:
        a keystroke's look-up in 20,000 programs."""
        folded = typed.casefold()
        if not folded.strip():
            return None
        keys, refs = self._completions
        index = bisect.bisect_left(keys, folded)
        if index < len(keys) and keys[index].startswith(folded):
            ref = refs[index]
            # Shown as the rest of `ref` after what was typed: only where the lengths agree.
            return ref if len(ref) > len(typed) and ref[: len(typed)].casefold() == folded else None
        return None

    def interviewed(self) -> list[ProgramInfo]:
        return [p for p in self.programs if p.status in INTERVIEWED]

    @cached_property
    def interviewed_named(self) -> tuple[tuple[str, str, str], ...]:
        """(reference, identity, name) of each interviewed program, as a rank names it: worked
        out once per tracker (going through 20,000 programs again took ~4 ms a change)."""
        out = []
        for program in self.interviewed():
            ref = program.nrmp_code or program.name
            out.append((ref, identity(ref, program), program.name))
        return tuple(out)


# The tracker of the program list last read, shared by the preload thread (the pane's
# `warm_data`) and the pane: the same validated records make the same tracker.
_TRACKERS: LastResult[Tracker] = LastResult()


def _programs_key(programs: Sequence[Program]) -> tuple[object, ...]:
    return (Same(programs),)


def tracker_of(programs: Sequence[Program], today: dt.date | None = None) -> Tracker:
    """`Tracker.of(programs, today)`, worked out once for the same records and day (20,000
    programs: ~45 ms); waits for another thread working it out."""
    return _TRACKERS.get((*_programs_key(programs), today), lambda: Tracker.of(programs, today))


def ready_tracker(programs: Sequence[Program], today: dt.date | None = None) -> Tracker | None:
    """The tracker of these very records and day if it is worked out already, else None
    (never computes, never waits)."""
    return _TRACKERS.peek((*_programs_key(programs), today))


def looks_like_code(ref: str) -> bool:
    """A reference of digits and capitals only, with a digit in it, is read as an NRMP code."""
    text = ref.strip()
    return (
        bool(text) and " " not in text and text.upper() == text and any(c.isdigit() for c in text)
    )


@lru_cache(maxsize=32_768)
def ref_problem(ref: str) -> str | None:
    """Why `ref` is not a well-formed program name or NRMP code (None if it is).

    The rule: a reference made only of digits and capital letters with a digit in it is a code
    and must be nine characters, seven digits, a letter, a digit (e.g. 1234140C0); anything
    else is a name and needs at least one letter. Cached, as `norm` is (the rules are
    checked over the whole list after each change).
    """
    text = ref.strip()
    if looks_like_code(text):
        if NRMP_CODE.match(text):
            return None
        return f"{text!r} is not an NRMP program code (seven digits, a letter, a digit)"
    if not any(c.isalpha() for c in text):
        return f"{text!r} is neither a program name nor an NRMP code"
    return None


def identity(ref: str, found: ProgramInfo | None) -> str:
    """What makes two ranks the same program (and one program code for the fee)."""
    if found is not None:
        return found.nrmp_code.upper() if found.nrmp_code else "name:" + norm(found.name)
    return ref.strip().upper() if NRMP_CODE.match(ref.strip()) else "name:" + norm(ref)


# --- resolving a list -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    ref: str  # as the applicant wrote it
    program: ProgramInfo | None  # the tracker's program, when found
    key: str
    chance: float
    chance_source: ChanceSource

    # Kept once worked out: a rank's odds and warnings read them after every change.
    @cached_property
    def label(self) -> str:
        return self.program.name if self.program is not None else self.ref

    @cached_property
    def track(self) -> str:
        return self.program.track if self.program is not None else "categorical"

    @cached_property
    def pending(self) -> bool:
        """A chance counted on an interview the program list does not show as held yet."""
        return (
            self.program is not None
            and self.program.status in INTERVIEW_PENDING
            and self.chance_source not in NO_PATH
        )


def chance_for(
    data: RanklistFile, program: ProgramInfo | None, given: float | None
) -> tuple[float, ChanceSource]:
    """A rank's chance and where it came from: none where the tracker shows no interview and
    none to come (a program ranks only applicants it interviewed: a chance given for it cannot
    change that, only recording the interview can), else the applicant's own number when
    given, else the labelled default (`default_chance`)."""
    if program is not None and program.status in NOT_INTERVIEWED:
        return data.chances.no_interview.value, "no interview"
    if given is not None:
        return given, "yours"
    return default_chance(data, program)


def default_chance(data: RanklistFile, program: ProgramInfo | None) -> tuple[float, ChanceSource]:
    """The labelled default chance: none where the tracker shows no interview and none to come,
    else by the tracker's tier, else the 'unknown' default."""
    if program is not None and program.status in NOT_INTERVIEWED:
        return data.chances.no_interview.value, "no interview"
    tier = program.tier if program is not None else None
    figure = (
        getattr(data.chances, tier, None) if tier in ("academic", "mid_tier", "community") else None
    )
    if figure is not None:
        return figure.value, "tier default"
    return data.chances.unknown.value, "default"


# --- chances from the estimate's match curve ------------------------------------------------------


@dataclass(frozen=True)
class Estimates:
    """Where the default chances come from when the catalog is at hand: the program-mix
    estimate's P(match | k interviews) curve of each program's specialty (curves.toml, the same
    curve the Mix pane's figure rests on). A list holding k interviews in a specialty gets, for
    the ranks given no chance, the per-program chance at which those k interviews match with the
    curve's probability; tiers differ by the log-odds the tier defaults differ by (ranklist.toml
    [chances]). So a list of interviews alone shows the Mix estimate's P(match | k), and a
    harder specialty shows lower chances. `specialty` is the applicant's (the Mix plan's, else
    the profile's first target): the one a rank the tracker does not hold is taken to be in
    when the list holds no tracked program (else the list's main specialty).

    `eligibility`: the applicant's visa need and years out, when the profile is known: a
    program that cannot take them (engine.programs.closed_to, the Mix estimate's rule) counts
    as no chance. `today`: the day, to tell an interview booked ahead from one whose date has
    gone by (the warnings only: both keep their chance). `season`: the profile's Match, when
    known: an interview that cannot count for it (engine.tracker.out_of_season: from an
    earlier Match, or after its rank-list deadline) counts as none."""

    catalog: Catalog
    specialty: str | None = None
    eligibility: Eligibility | None = None
    today: dt.date | None = None
    season: MatchSeason | None = None

    def curve(self, specialty: str | None) -> Curve | None:
        if specialty is None or specialty not in self.catalog.specialties:
            return None
        return _curve(self.catalog, specialty)

    @property
    def own(self) -> str | None:
        """The applicant's specialty when the catalog has a curve for it."""
        return self.specialty if self.curve(self.specialty) is not None else None


def estimates_for(
    catalog: Catalog,
    profile: Profile | None,
    plan: PlanFile | None = None,
    today: dt.date | None = None,
) -> Estimates:
    """The curve's chances for this applicant: the specialty the Mix plan estimates, else the
    profile's first target the catalog knows; without either, each program's own specialty
    only (a rank the tracker does not hold keeps the 'unknown' default). With the profile,
    the programs that cannot take the applicant count as none (`Estimates.eligibility`)."""
    specialty: str | None = None
    if plan is not None and plan.mix is not None and plan.mix.specialty in catalog.specialties:
        specialty = plan.mix.specialty
    elif profile is not None:
        specialty = next((s for s in profile.targets.specialties if s in catalog.specialties), None)
    eligibility = None
    season = None
    if profile is not None:
        from matchtui.engine.programs import Eligibility
        from matchtui.engine.tracker import season_of

        eligibility = Eligibility.of(profile)
        season = season_of(catalog, profile.cycle_year)
    return Estimates(catalog, specialty, eligibility, today, season)


@lru_cache(maxsize=64)
def _curve(catalog: Catalog, specialty: str) -> Curve:
    from matchtui.models.mix import specialty_curve

    return specialty_curve(catalog, specialty)


def tier_shifts(data: RanklistFile) -> dict[str | None, float]:
    """Each tier's log-odds against a mid-tier program's, from the tier defaults (None: a
    program the tracker does not hold, from the 'unknown' default)."""

    def logit(figure: Figure) -> float:
        p = min(max(figure.value, 1e-6), 1 - 1e-6)
        return math.log(p / (1 - p))

    mid = logit(data.chances.mid_tier)
    return {
        "academic": logit(data.chances.academic) - mid,
        "mid_tier": 0.0,
        "community": logit(data.chances.community) - mid,
        None: logit(data.chances.unknown) - mid,
    }


@lru_cache(maxsize=1024)
def curve_chances(target: float, counts: tuple[tuple[float, int], ...]) -> tuple[float, ...]:
    """Per-program chances, one per (log-odds shift, count) group, such that the programs
    together match with probability `target` (1 - product of (1 - c) = target), each group's
    chance shifted on the log-odds by its shift. Solved by bisection on the shared log-odds."""
    if target <= 0.0 or not any(n for _, n in counts):
        return tuple(0.0 for _ in counts)
    target = min(target, 1 - 1e-9)

    def chances(x: float) -> list[float]:
        return [1 / (1 + math.exp(-max(-40.0, min(40.0, x + shift)))) for shift, _ in counts]

    def unmatched(x: float) -> float:
        product = 1.0
        for c, (_, n) in zip(chances(x), counts, strict=True):
            product *= (1 - c) ** n
        return product

    low, high = -40.0, 40.0
    for _ in range(80):
        middle = (low + high) / 2
        if 1 - unmatched(middle) < target:
            low = middle
        else:
            high = middle
    return tuple(chances((low + high) / 2))


Group = tuple[str, str | None]  # (specialty, tier or None: not known)


class _Memo(NamedTuple):
    """What one pass over a list found, so that a change to one rank's chance is worked out
    without another pass (`_replaced`)."""

    groups: list[Group | None]  # each rank's group (None: no specialty known)
    places: list[Group | None]  # the group of each rank whose chance is worked out
    now: dict[Group, float]  # each group's chance on the curve
    then: dict[Group, float]  # ... with one more rank (the same as `now` without a curve)
    added: float  # the chance of one more rank


class _Estimated(NamedTuple):
    ranks: list[Resolved]
    add_one: float  # the chance of one more rank
    unmatched_plus_one: float  # P(unmatched) with it at the end of the list
    memo: _Memo


def _plus_one(ranks: Sequence[Resolved], places: Sequence[Group | None], memo: _Memo) -> float:
    """P(unmatched) with one more rank: the kept chances, then each group's chance with one
    more rank, each in a fixed order whatever the list's (so a move, or a change worked out
    from a memo, gives the very same number as a pass from scratch). A program ranked twice
    counts once (at its first rank, as the odds count it)."""
    if again := repeats(ranks):
        ranks = [r for i, r in enumerate(ranks) if i not in again]
        places = [g for i, g in enumerate(places) if i not in again]
    kept = math.prod(
        sorted([1 - r.chance for r, g in zip(ranks, places, strict=True) if g is None])
    )
    holds: Counter[Group] = Counter([g for g in places if g is not None])
    grouped = math.prod(
        ((1 - memo.then[g]) ** holds[g] for g in sorted(holds, key=_group_order)), start=1.0
    )
    return kept * grouped * (1 - memo.added)


def _group_order(group: Group) -> tuple[str, str]:
    return (group[0], group[1] or "")


def _replaced(resolved: Sequence[Resolved], index: int, before: Simulation) -> _Estimated | None:
    """The list after rank `index` alone changed (its chance, say), from the simulation before
    it: None when that change could move the curve's counts (another program, or a rank now
    or no longer without an interview), which needs a whole pass."""
    memo = before.memo
    if memo is None or len(resolved) != len(before.entries):
        return None
    old, new = before.entries[index], resolved[index]
    if (
        new.key != old.key
        or new.program != old.program
        or (new.chance_source in NO_PATH) != (old.chance_source in NO_PATH)
    ):
        return None
    group = memo.groups[index]
    place = group if group and new.chance_source in WORKED_OUT else None
    if place is not None and (new.chance != memo.now[place] or new.chance_source != "estimate"):
        new = Resolved(new.ref, new.program, new.key, memo.now[place], "estimate")
    ranks = list(before.entries)
    ranks[index] = new
    places = list(memo.places)
    places[index] = place
    memo = memo._replace(places=places)
    return _Estimated(ranks, memo.added, _plus_one(ranks, places, memo), memo)


def _estimated(
    resolved: Sequence[Resolved], data: RanklistFile, estimates: Estimates
) -> _Estimated:
    """The worked-out chances and what one more rank would do, in one pass over the list
    (3,400 ranks: a few ms).

    The ranks that count as interviews (all but those with no interview) are grouped by
    specialty and tier, each program once; a group's chance is the curve's for its specialty's
    count. One more rank is a program the tracker does not hold, in the list's main specialty
    (`_main_specialty`), on the curve at one more interview (the list's other worked-out
    chances re-read there)."""
    shifts = tier_shifts(data)
    known = estimates.catalog.specialties
    worked = WORKED_OUT
    # Each rank's group (specialty, tier). A program the tracker does not hold (or of a
    # specialty the catalog lacks) is of the specialty the list's tracked programs are most
    # often of, else the applicant's; tier unknown. Written as comprehensions: a 3,400-rank
    # list is gone through after every change.
    programs = [r.program for r in resolved]
    sources = [r.chance_source for r in resolved]
    tracked = [
        (p.specialty, p.tier) if p is not None and p.specialty in known else None for p in programs
    ]
    by_group: Counter[Group] = Counter([g for g in tracked if g is not None])  # in C
    own = _main_specialty(by_group, estimates.own)
    fallback = (own, None) if own is not None else None
    groups: list[Group | None] = (
        [g if g is not None else fallback for g in tracked] if fallback else tracked
    )
    # The interviews in each group, each program once (a program ranked twice counts once).
    keys = [r.key for r in resolved]
    if len(set(keys)) == len(keys):
        interviews = Counter(
            [g for g, s in zip(groups, sources, strict=True) if g and s not in NO_PATH]
        )
    else:
        interviews = Counter(
            {
                k: g
                for k, g, s in zip(keys, groups, sources, strict=True)
                if g and s not in NO_PATH
            }.values()
        )
    counted: dict[str, dict[str | None, int]] = {}
    for (specialty, tier), n in interviews.items():
        counted.setdefault(specialty, {})[tier] = n
    # The group of each rank whose chance is worked out (None: kept as it is).
    places = [g if g and s in worked else None for g, s in zip(groups, sources, strict=True)]

    def chances(groups: dict[str, dict[str | None, int]]) -> dict[tuple[str, str | None], float]:
        out: dict[tuple[str, str | None], float] = {}
        for specialty, tiers in groups.items():
            curve = estimates.curve(specialty)
            if curve is None:
                continue
            names = sorted(tiers, key=lambda t: (t is None, t or ""))
            counts = tuple((shifts.get(t, shifts[None]), tiers[t]) for t in names)
            values = curve_chances(curve.at(sum(tiers.values())), counts)
            out.update(((specialty, t), v) for t, v in zip(names, values, strict=True))
        return out

    now = chances(counted)
    ranks = [
        (_unestimated(r, data) if r.chance_source == "estimate" else r)
        if g is None
        else r
        if r.chance == now[g] and r.chance_source == "estimate"
        else Resolved(r.ref, r.program, r.key, now[g], "estimate")
        for r, g in zip(resolved, places, strict=True)
    ]
    if own is None:
        memo = _Memo(groups, places, now, now, data.chances.unknown.value)
    else:
        tiers = dict(counted.get(own, {}))
        tiers[None] = tiers.get(None, 0) + 1
        then = {**now, **chances({own: tiers})}
        memo = _Memo(groups, places, now, then, then[(own, None)])
    return _Estimated(ranks, memo.added, _plus_one(ranks, places, memo), memo)


def _unestimated(r: Resolved, data: RanklistFile) -> Resolved:
    """A rank whose chance came from the curve, now without one (the list lost the program
    that gave it a specialty): its default again."""
    return Resolved(r.ref, r.program, r.key, *default_chance(data, r.program))


def _main_specialty(
    by_group: Mapping[tuple[str, str | None], int], applicants: str | None
) -> str | None:
    """The specialty most of the list's tracked programs are in (`by_group`: their count by
    specialty and tier); the applicant's when it is among the most common, or none is tracked;
    of others tied, the first by id (the same whatever the list's order)."""
    counts: Counter[str] = Counter()
    for (specialty, _tier), n in by_group.items():
        counts[specialty] += n
    if not counts:
        return applicants
    top = max(counts.values())
    if applicants is not None and counts.get(applicants) == top:
        return applicants
    return min(specialty for specialty, n in counts.items() if n == top)  # whatever the order


def with_estimates(
    resolved: Sequence[Resolved], data: RanklistFile, estimates: Estimates | None
) -> list[Resolved]:
    """The ranks with every worked-out chance taken from the match curve (`Estimates`); the
    applicant's own chances and the ranks with no interview are kept, and so is a rank whose
    specialty has no curve (its tier default). Each rank's object is kept where its chance
    does not change."""
    if estimates is None:
        return list(resolved)
    return _estimated(resolved, data, estimates).ranks


def resolve_entry(entry: RankEntry | RankItem, tracker: Tracker, data: RanklistFile) -> Resolved:
    """One rank as the odds and the rules see it (the same wherever it stands in the list)."""
    found = tracker.find(entry.program)
    chance, source = chance_for(data, found, entry.chance)
    return Resolved(entry.program, found, identity(entry.program, found), chance, source)


def resolve(
    entries: Sequence[RankEntry | RankItem], tracker: Tracker, data: RanklistFile
) -> list[Resolved]:
    return [resolve_entry(entry, tracker, data) for entry in entries]


# --- NRMP rules -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Violation:
    id: str
    text: str
    index: int | None = None  # the entry (rank or pair, 0-based) it is about


def check(
    entries: Sequence[RankEntry | RankItem],
    tracker: Tracker,
    data: RanklistFile,
    *,
    hard_stops: Sequence[str] = (),
) -> list[Violation]:
    """Every rule the list breaks, in list order (the rank limit first)."""
    return check_resolved(resolve(entries, tracker, data), data, hard_stops=hard_stops)


def check_resolved(
    resolved: Sequence[Resolved], data: RanklistFile, *, hard_stops: Sequence[str] = ()
) -> list[Violation]:
    """`check` over a list already resolved (each rank's program and identity looked up once,
    for the odds and the rules alike)."""
    found: list[Violation] = []
    limit = int(data.rules.max_ranks.value)
    if len(resolved) > limit:
        found.append(
            Violation(
                "max_ranks",
                f"{len(resolved)} ranks: NRMP allows at most {limit} on one rank order list",
                limit,
            )
        )
    stops = {norm(s) for s in hard_stops}
    seen: dict[str, int] = {}
    for index, entry in enumerate(resolved):
        problem = ref_problem(entry.ref)
        if problem:
            found.append(Violation("bad_program", problem, index))
            continue
        key = entry.key
        if key in seen:
            found.append(_repeat(entry.ref, key, seen[key], index))
        else:
            seen[key] = index
        if not stops:
            continue
        program = entry.program
        names = {norm(entry.ref)} | ({norm(program.name)} if program else set())
        if stops & names:
            found.append(
                Violation(
                    "hard_stop",
                    f"{entry.ref!r} is one of your hard stops (never rank)",
                    index,
                )
            )
    return found


def _repeat(ref: str, key: str, first: int, index: int) -> Violation:
    """The rule a rank breaks by naming the program of rank `first` (0-based) again."""
    same = f"{ref!r} is already at rank {first + 1}"
    if not key.startswith("name:") and ref.strip().upper() != key:
        same = f"{ref!r} has the NRMP code of rank {first + 1} ({key})"
    return Violation("duplicate_program", f"{same}: a program can be ranked once", index)


def repeat_of(
    resolved: Sequence[Resolved], ref: str, found: ProgramInfo | None
) -> Violation | None:
    """For `ref` (the tracker's `found` program, if any) about to be added at the end of the
    list: the rule it would break when the list ranks that program already (as `check`
    names it), else None. The Rank list pane refuses such an addition, as the CLI refuses
    the list."""
    key = identity(ref, found)
    for index, r in enumerate(resolved):
        if r.key == key:
            return _repeat(ref, key, index, len(resolved))
    return None


def repeats(resolved: Sequence[Resolved]) -> frozenset[int]:
    """The ranks (0-based) naming a program a rank above them names already. NRMP takes a
    program once; the odds count it at its first rank only (a program that did not take the
    applicant there will not take them further down)."""
    keys = [r.key for r in resolved]
    if len(set(keys)) == len(keys):
        return frozenset()
    seen: set[str] = set()
    out: set[int] = set()
    for index, key in enumerate(keys):
        if key in seen:
            out.add(index)
        seen.add(key)
    return frozenset(out)


def unique_codes(resolved: Sequence[Resolved]) -> int:
    return len({r.key for r in resolved})


def extra_code_fee(codes: int, data: RanklistFile) -> int:
    """NRMP's fee for the codes beyond those the registration includes (primary list): the
    one rule, engine.fees.extra_codes_fee (the Costs view's too)."""
    from matchtui.engine.fees import extra_codes_fee

    rules = data.rules
    return extra_codes_fee(
        codes, int(rules.codes_included.value), int(rules.extra_code_fee_usd.value)
    )


# --- odds -----------------------------------------------------------------------------------------


def odds(chances: Sequence[float]) -> tuple[list[float], float]:
    """(P(match at rank k) for each k, P(unmatched)) under the independence assumption."""
    here: list[float] = []
    none_yet = 1.0
    for c in chances:
        here.append(c * none_yet)
        none_yet *= 1.0 - c
    return here, none_yet


@dataclass(frozen=True)
class RankOdds:
    rank: int
    program: str
    chance: float
    chance_source: ChanceSource
    p_match_here: float
    p_cumulative: float
    track: str = "categorical"
    pending: bool = False  # the interview is not held yet by the program list (`Resolved`)

    @property
    def mark(self) -> str:
        """The marks after the chance: where it came from, and an interview not held yet."""
        return CHANCE_MARK[self.chance_source] + (PENDING_MARK if self.pending else "")


@dataclass(frozen=True)
class Warn:
    id: str
    text: str


@dataclass(frozen=True)
class Simulation:
    """The odds of a list. Its ranks' rows (`ranks`, `rank`) are made when asked for: a list
    shown on screen needs only the rows drawn (a move in a 3,400-rank list made them all,
    ~5 ms a change)."""

    entries: tuple[Resolved, ...]  # the ranks, in order
    p_here: tuple[float, ...]  # P(match at rank k), rank by rank
    # P(match at rank k or above), rank by rank: 1 - P(unmatched over ranks 1..k), so that the
    # last is P(match) itself (not a sum that may differ from it in the last place).
    p_so_far: tuple[float, ...]
    p_unmatched: float
    unique_codes: int
    extra_code_fee_usd: int
    warnings: tuple[Warn, ...]
    codes_included: int
    add_one_chance: float  # the chance assumed for "one more program"
    p_unmatched_plus_one: float  # P(unmatched) with one more program of that chance at the end
    # What the pass that worked out the chances found (for the next change; not compared).
    memo: _Memo | None = field(default=None, compare=False, repr=False)
    # The ranks (0-based) naming a program ranked above them already (`repeats`): each counts
    # no chance of its own (its program's chance is counted at its first rank).
    repeated: frozenset[int] = frozenset()

    @property
    def p_match(self) -> float:
        return 1.0 - self.p_unmatched

    # The list's odds as every view shows them, rounded once: P(match) as `percent` writes it
    # and P(unmatched) as the rest of it, so the two add up to 100% (0.945 and 0.055 are not
    # shown as 94% and 6% beside a "So far" of 95%).
    @property
    def match_text(self) -> str:
        return percent(self.p_match)

    @property
    def unmatched_text(self) -> str:
        return percent_rest(self.p_match)

    @property
    def unmatched_plus_one_text(self) -> str:
        """P(unmatched) with one more program, rounded as `unmatched_text` is."""
        return percent_rest(1.0 - self.p_unmatched_plus_one)

    def rank(self, index: int) -> RankOdds:
        """The row of rank `index` (0-based); a program ranked above already shows no chance
        of its own ("repeat")."""
        r = self.entries[index]
        again = index in self.repeated
        return RankOdds(
            index + 1,
            r.label,
            0.0 if again else r.chance,
            "repeat" if again else r.chance_source,
            self.p_here[index],
            self.p_so_far[index],
            r.track,
            r.pending and not again,
        )

    @cached_property
    def ranks(self) -> tuple[RankOdds, ...]:
        return tuple(self.rank(index) for index in range(len(self.entries)))

    def to_json(self) -> dict[str, Any]:
        """The CLI's `simulate --json` shape (the contract in issue 17)."""
        return {
            "ranks": [
                {
                    "rank": r.rank,
                    "program": r.program,
                    "chance": stored_chance(r.chance),
                    "p_match_here": stored_chance(r.p_match_here),
                    "p_cumulative": stored_chance(r.p_cumulative),
                }
                for r in self.ranks
            ],
            "p_unmatched": stored_chance(self.p_unmatched),
            "unique_codes": self.unique_codes,
            "extra_code_fee_usd": self.extra_code_fee_usd,
            "warnings": [{"id": w.id, "text": w.text} for w in self.warnings],
        }


def simulate(
    resolved: Sequence[Resolved],
    data: RanklistFile,
    tracker: Tracker | None = None,
    estimates: Estimates | None = None,
    reordered: Simulation | None = None,
    replaced: tuple[Simulation, int] | None = None,
    hard_stops: Sequence[str] = (),
) -> Simulation:
    """The odds rank by rank and the list's warnings (with the tracker: the ranks it does not
    hold, each with the nearest name it does, so a typo is seen). With `estimates`, the
    worked-out chances come from the match curve (`with_estimates`); the simulation's
    `entries` hold them. `reordered`: a simulation of the same ranks (these very objects) in
    another order, whose worked-out chances and one-more figures hold as they are (they count
    the ranks, not their order), so a move does not work them out again. `replaced`: (the
    simulation before, the rank changed since): one rank's chance changed is worked out
    without another pass over the list where it cannot move the curve's counts. Either gives
    the same numbers as a simulation from scratch. A program ranked twice is counted once, at
    its first rank (`repeats`)."""
    again = repeats(resolved)  # (the keys do not change below)
    if hard_stops:
        resolved = stopped_out(resolved, hard_stops)
    who = estimates.eligibility if estimates is not None else None
    if who is not None:
        resolved = closed_out(resolved, who)
    season = estimates.season if estimates is not None else None
    if season is not None:
        resolved = season_out(resolved, season)
    memo: _Memo | None = None
    found = _replaced(resolved, replaced[1], replaced[0]) if replaced and estimates else None
    if (
        reordered is not None
        and reordered.memo is not None
        and estimates is not None
        and not again  # which of two ranks counts depends on the order
    ):
        extra = reordered.add_one_chance
        here, unmatched = odds([r.chance for r in resolved])
        unmatched_plus_one = reordered.p_unmatched_plus_one  # worked out in a fixed order
        memo = reordered.memo
        where = {id(r): i for i, r in enumerate(reordered.entries)}
        order = [where[id(r)] for r in resolved]  # the same ranks, in the new order
        memo = memo._replace(
            groups=[memo.groups[i] for i in order], places=[memo.places[i] for i in order]
        )
    elif found is not None:
        resolved, extra, unmatched_plus_one, memo = found
        here, unmatched = odds(_counted(resolved, again))
    elif estimates is None:
        extra = data.chances.unknown.value
        here, unmatched = odds(_counted(resolved, again))
        unmatched_plus_one = unmatched * (1.0 - extra)
    else:
        resolved, extra, unmatched_plus_one, memo = _estimated(resolved, data, estimates)
        here, unmatched = odds(_counted(resolved, again))
    # 1 - the running product of (1 - c) in list order, the very product P(unmatched) is.
    so_far = tuple(
        1.0 - u
        for u in itertools.accumulate((1.0 - c for c in _counted(resolved, again)), operator.mul)
    )
    codes = unique_codes(resolved)
    return Simulation(
        entries=tuple(resolved),
        p_here=tuple(here),
        p_so_far=so_far,
        p_unmatched=unmatched,
        unique_codes=codes,
        extra_code_fee_usd=extra_code_fee(codes, data),
        warnings=tuple(
            warnings_for(
                resolved,
                unmatched,
                codes,
                data,
                tracker,
                today=estimates.today if estimates is not None else None,
                who=who,
                repeated=again,
                season=season,
            )
        ),
        codes_included=int(data.rules.codes_included.value),
        add_one_chance=extra,
        p_unmatched_plus_one=unmatched_plus_one,
        memo=memo,
        repeated=again,
    )


def _counted(resolved: Sequence[Resolved], again: Container[int]) -> list[float]:
    """Each rank's chance as the odds count it: none for a program ranked above already."""
    if not again:
        return [r.chance for r in resolved]
    return [0.0 if i in again else r.chance for i, r in enumerate(resolved)]


# Ranks not in the tracker named one by one in a warning (the rest are counted).
NAMED_UNKNOWN = 3


# How alike two names must be (difflib's ratio) for one to be offered as the other's spelling.
NEAR_NAME = 0.8


def nearest_name(ref: str, tracker: Tracker) -> str | None:
    """The tracker's program name nearest to a name that is not in it: a typo's fix, else the
    one tracked name it begins (an earlier name, made longer since), else the longest tracked
    name it begins with (made shorter since). Worked out once per name and tracker: the pane
    asks again after every change."""
    memo = tracker.nearest_memo
    if ref not in memo:
        import difflib

        # by_key holds each normalised name (and each code, upper case: never near a name)
        found = difflib.get_close_matches(norm(ref), list(tracker.by_key), n=1, cutoff=NEAR_NAME)
        near = tracker.by_key[found[0]] if found else tracker.find_beginning(ref)
        if near is None:
            words = norm(ref).split(" ")
            heads = (" ".join(words[:n]) for n in range(len(words) - 1, 0, -1))
            near = next(
                (
                    tracker.by_key[h]
                    for h in heads
                    if len(h) >= TYPED_PREFIX_MIN and h in tracker.by_key
                ),
                None,
            )
        memo[ref] = near.name if near is not None else None
    return memo[ref]


def may_be(ref: str, name: str) -> bool:
    """Whether a rank's name the program list does not hold may be the tracked `name` under
    another spelling, as `nearest_name` reads names: as alike as a typo's fix, the beginning
    of it (TYPED_PREFIX_MIN characters at least), or it followed by more words."""
    import difflib

    a, b = norm(ref), norm(name)
    if len(a) >= TYPED_PREFIX_MIN and b.startswith(a):
        return True
    if len(b) >= TYPED_PREFIX_MIN and a.startswith(b + " "):
        return True
    matcher = difflib.SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= NEAR_NAME
        and matcher.quick_ratio() >= NEAR_NAME
        and matcher.ratio() >= NEAR_NAME
    )


def _unknown_hint(ref: str, tracker: Tracker) -> str:
    """For a couples rank the tracker refuses: the tracked name nearest to it, else how to
    put it there (a partner's programs are tracked too, so their stage and tier are known)."""
    near = None if looks_like_code(ref) else nearest_name(ref, tracker)
    if near:
        return f"; did you mean {near!r}?"
    return "; add it first (matchtui programs add, or the Applications pane's n)"


def unknown_warning(resolved: Sequence[Resolved], tracker: Tracker) -> Warn | None:
    """The ranks the tracker does not hold (a program may be ranked without tracking it, so
    this warns rather than refuses), with the nearest tracked name for each."""
    unknown = [
        (i, r.ref)
        for i, r in enumerate(resolved)
        if r.program is None and r.ref.strip().upper() not in tracker.shared_codes
    ]
    if not tracker or not unknown:
        return None
    named = []
    for index, ref in unknown[:NAMED_UNKNOWN]:
        near = None if looks_like_code(ref) else nearest_name(ref, tracker)
        hint = f" (did you mean {near!r}?)" if near else ""
        named.append(f"rank {index + 1} {ref!r}{hint}")
    more = len(unknown) - len(named)
    rest = f", and {more} more" if more else ""
    return Warn(
        "not_in_tracker",
        f"Not in your program list (programs.toml): {'; '.join(named)}{rest}. Check the "
        "spelling or the code, or import the program so its tier and stage are known.",
    )


def _named_ranks(ranks: Sequence[tuple[int, Resolved]]) -> str:
    """'rank 4 'X' (rejected); rank 5 'Y' (applied)', the first few, then a count."""
    named = [
        f"rank {index + 1} {r.label!r} ({_stage_words(r.program)})"
        for index, r in ranks[:NAMED_UNKNOWN]
        if r.program is not None
    ]
    more = len(ranks) - len(named)
    return "; ".join(named) + (f", and {more} more" if more else "")


# A tracker status as a warning names it.
STATUS_WORDS = {
    "planned": "not applied yet",
    "applied": "applied, no invitation",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "invited": "invited, not scheduled",
    "scheduled": "interview scheduled",
}


def _stage_words(program: ProgramInfo) -> str:
    """The program's stage as a warning names it, with the interview's date when one is
    booked ('interview scheduled for 2027-01-12')."""
    words = STATUS_WORDS.get(program.status, program.status)
    if program.interview_passed and program.interview_on is not None:
        return f"booked for {program.interview_on.isoformat()}, not recorded since"
    if program.status in INTERVIEW_PENDING and program.interview_on is not None:
        return f"interview scheduled for {program.interview_on.isoformat()}"
    return words


def _at_status(
    resolved: Sequence[Resolved], statuses: frozenset[str]
) -> list[tuple[int, Resolved]]:
    return [(i, r) for i, r in enumerate(resolved) if r.program and r.program.status in statuses]


def _it_counts(ranks: Sequence[object]) -> str:
    return "it counts" if len(ranks) == 1 else "these count"


def interview_warnings(resolved: Sequence[Resolved], today: dt.date | None = None) -> list[Warn]:
    """Ranks at programs the tracker shows no interview at and none to come (counted as no
    chance), and ranks whose interview is not held yet (counted, and named): still to come, or
    (with `today`) its date gone by without the program list saying it was held."""
    out: list[Warn] = []
    if none := _at_status(resolved, NO_INTERVIEW):
        out.append(
            Warn(
                "no_interview",
                f"No interview there: {_named_ranks(none)}. A program ranks only applicants it "
                f"interviewed, so {_it_counts(none)} as no chance, whatever chance is given.",
            )
        )
    if unrecorded := _at_status(resolved, NOT_RECORDED):
        out.append(
            Warn(
                "interview_not_recorded",
                f"No interview recorded: {_named_ranks(unrecorded)}. A program you did not "
                f"interview at will not rank you, so {_it_counts(unrecorded)} as no chance "
                "(whatever chance is given). "
                "If you did interview there, record it in your program list; "
                "if not, take the rank off.",
            )
        )
    pending = [(i, r) for i, r in enumerate(resolved) if r.pending]
    # booked for a day gone by and not recorded as held (engine.tracker.interview_passed: the
    # tracker's flag, or the same rule against `today` for a list read without it)
    gone = [
        (i, r)
        for i, r in pending
        if r.program is not None
        and (
            r.program.interview_passed or (today is not None and interview_passed(r.program, today))
        )
    ]
    gone_by = {i for i, _ in gone}
    ahead = [(i, r) for i, r in pending if i not in gone_by]
    if ahead:
        out.append(
            Warn(
                "interview_pending",
                f"Interview still to come: {_named_ranks(ahead)}. "
                f"{'Its chance assumes' if len(ahead) == 1 else 'Their chances assume'} the "
                "interview goes ahead; without it the program will not rank you.",
            )
        )
    if gone:
        out.append(
            Warn(
                "interview_passed",
                f"Interview date gone by, not recorded: {_named_ranks(gone)}. In your "
                f"program list, {'for each, ' if len(gone) > 1 else ''}{PASSED_ADVICE}; "
                "until then "
                f"{'its chance assumes' if len(gone) == 1 else 'their chances assume'} the "
                "interview was held.",
            )
        )
    return out


def passed_not_listed(resolved: Sequence[Resolved], tracker: Tracker) -> Warn | None:
    """The tracker's programs whose booked interview day went by unrecorded and that the list
    does not hold: the list is built from interviews recorded as held, so these are left out
    until the applicant records them."""
    listed = {r.key for r in resolved}
    left = [p.name for p in tracker.passed() if identity(p.nrmp_code or p.name, p) not in listed]
    if not left:
        return None
    shown = "; ".join(repr(name) for name in left[:NAMED_UNKNOWN])
    more = len(left) - NAMED_UNKNOWN
    return Warn(
        "interviews_not_recorded",
        f"{plural(len(left), 'program')} on your program list had an interview booked for a "
        f"day now gone by, never recorded as held: {shown}"
        f"{f', and {more} more' if more > 0 else ''}. The list takes interviews recorded as "
        "held: record each as interviewed (Applications pane, v) and add it here (i), or give "
        "it its new date, or withdraw it if it was cancelled.",
    )


def shared_code_warning(resolved: Sequence[Resolved], tracker: Tracker) -> Warn | None:
    """Ranks naming an NRMP code that two or more programs on the list were given: which one
    is meant cannot be told, so the rank is matched to none of them."""
    named = []
    for index, r in enumerate(resolved):
        holders = tracker.shared_codes.get(r.ref.strip().upper())
        if holders:
            named.append(
                f"rank {index + 1} {r.ref!r} is the code of {and_list([repr(n) for n in holders])}"
            )
    if not named:
        return None
    return Warn(
        "shared_code",
        f"NRMP code on more than one program: {'; '.join(named)}. A code names one program: "
        "correct the wrong one in your program list (Applications pane, e), or rank by name.",
    )


# Ranks named one by one in the warning on programs that cannot take the applicant.
NAMED_CLOSED = 12


def closed_out(resolved: Sequence[Resolved], who: Eligibility) -> list[Resolved]:
    """The ranks with each program that cannot take the applicant (engine.programs.closed_to:
    no visa sponsored, or past its years-out limit without an invitation) at no chance
    ("closed"), whatever chance was given, as the Mix estimate counts them. A rank already
    without a way to match is kept as it is (its object too)."""
    from matchtui.engine.programs import closed_to

    return [
        Resolved(r.ref, r.program, r.key, 0.0, "closed")
        if r.program is not None
        and (r.program.visa_sponsor is False or r.program.yog_limit_years is not None)
        and r.chance_source not in NO_PATH
        and closed_to(r.program, who) is not None
        else r
        for r in resolved
    ]


def closed_warning(resolved: Sequence[Resolved], who: Eligibility | None) -> Warn | None:
    """The ranks `closed_out` set at no chance, each named with why."""
    if who is None:
        return None
    from matchtui.engine.programs import closed_to, closed_words

    named: list[str] = []
    count = 0
    for index, r in enumerate(resolved):
        if r.chance_source != "closed" or r.program is None:
            continue
        why: Closed | None = closed_to(r.program, who)
        if why is None:
            continue
        count += 1
        if len(named) < NAMED_CLOSED:
            named.append(f"rank {index + 1} {r.label!r} {closed_words(r.program, why, who)}")
    if not count:
        return None
    more = count - len(named)
    return Warn(
        "cannot_take_you",
        f"Cannot take you, so counted as no chance (as the Mix estimate counts them): "
        f"{'; '.join(named)}{f', and {more} more' if more else ''}. Take "
        f"{'it' if count == 1 else 'them'} off, or if a program's terms have changed, update "
        "your program list.",
    )


def season_out(resolved: Sequence[Resolved], season: MatchSeason) -> list[Resolved]:
    """The ranks whose interview cannot count for the applicant's Match (the tracker's rule,
    engine.tracker.out_of_season: a program from an earlier Match, or an interview after the
    rank-list deadline) at no chance ("no interview"), whatever chance was given. A rank
    already without a way to match is kept as it is (its object too)."""
    from matchtui.engine.tracker import out_of_season

    return [
        Resolved(r.ref, r.program, r.key, 0.0, "no interview")
        if r.program is not None
        and r.chance_source not in NO_PATH
        and out_of_season(r.program, season) is not None
        else r
        for r in resolved
    ]


def season_warning(resolved: Sequence[Resolved], season: MatchSeason) -> Warn | None:
    """The ranks `season_out` set at no chance, each named with why."""
    from matchtui.engine.tracker import out_of_season, out_of_season_words

    named: list[str] = []
    count = 0
    for index, r in enumerate(resolved):
        if (
            r.program is None
            or r.chance_source != "no interview"
            or r.program.status in NOT_INTERVIEWED  # no interview at all: named as such
        ):
            continue
        why = out_of_season(r.program, season)
        if why is None:
            continue
        count += 1
        if len(named) < NAMED_CLOSED:
            named.append(
                f"rank {index + 1} {r.label!r} {out_of_season_words(r.program, why, season)}"
            )
    if not count:
        return None
    more = count - len(named)
    return Warn(
        "not_this_match",
        f"Interview that cannot count for the {season.match_year} Match, so counted as no "
        f"chance: {'; '.join(named)}{f', and {more} more' if more else ''}. Programs rank only "
        "applicants they interviewed this season, before the rank-list deadline. If a date is "
        "wrong, correct it in your program list.",
    )


def warnings_for(
    resolved: Sequence[Resolved],
    p_unmatched: float,
    codes: int,
    data: RanklistFile,
    tracker: Tracker | None = None,
    *,
    today: dt.date | None = None,
    who: Eligibility | None = None,
    repeated: Container[int] = frozenset(),
    season: MatchSeason | None = None,
) -> list[Warn]:
    """`repeated`: the ranks naming a program ranked above (`repeats`), left out of the
    counts (the rules name them)."""
    out: list[Warn] = []
    if tracker is not None and (unknown := unknown_warning(resolved, tracker)) is not None:
        out.append(unknown)
    if tracker is not None and (shared := shared_code_warning(resolved, tracker)) is not None:
        out.append(shared)
    out.extend(interview_warnings(resolved, today))
    if tracker is not None and (left := passed_not_listed(resolved, tracker)) is not None:
        out.append(left)
    if (closed := closed_warning(resolved, who)) is not None:
        out.append(closed)
    if season is not None and (late := season_warning(resolved, season)) is not None:
        out.append(late)
    short = int(data.warnings.short_list_ranks.value)
    high = data.warnings.high_p_unmatched.value
    once = [r for i, r in enumerate(resolved) if i not in repeated] if repeated else resolved
    if not resolved:
        out.append(Warn("empty_list", "The list is empty: rank the programs you would attend."))
    elif len(once) < short and p_unmatched > high:
        out.append(
            Warn(
                "short_list_low_chance",
                f"Only {plural(len(once), 'rank')}, and the chance of going unmatched is "
                f"{percent_rest(1.0 - p_unmatched, prose=True)}: rank every program you would "
                "attend rather than go unmatched.",
            )
        )
    elif p_unmatched > high:
        out.append(
            Warn(
                "high_unmatched",
                f"The chance of going unmatched is {percent_rest(1.0 - p_unmatched, prose=True)}: "
                "add every program you would attend, and get the SOAP kit ready.",
            )
        )
    advanced = [r.label for r in once if r.track == "advanced"]
    if advanced:
        prelim = any(r.track in ("preliminary", "transitional") for r in resolved)
        plan = "A preliminary-plus-advanced plan" if prelim else "An advanced program"
        out.append(
            Warn(
                "supplemental_needed",
                f"{plan} needs a supplemental list of PGY-1 years for each advanced program "
                f"({', '.join(advanced)}); those lists share a further "
                f"{int(data.rules.supplemental_codes_included.value)} included codes.",
            )
        )
    included = int(data.rules.codes_included.value)
    if codes > included:
        out.append(
            Warn(
                "extra_codes",
                f"{codes} program codes: {codes - included} beyond the {included} included, "
                f"${extra_code_fee(codes, data)} extra at certification.",
            )
        )
    estimated = sum(1 for r in once if r.chance_source == "estimate")
    defaults = sum(1 for r in once if r.chance_source in ("tier default", "default"))
    if estimated:
        out.append(
            Warn(
                "default_chance",
                f"{estimated} rank{'s use' if estimated != 1 else ' uses'} a chance worked out "
                "by matchtui: the Mix estimate's match curve for the number of interviews you "
                "rank in that specialty, split by tier (assumptions). Give your own number "
                "where you have one.",
            )
        )
    if defaults:
        out.append(
            Warn(
                "default_chance",
                f"{defaults} rank{'s use' if defaults != 1 else ' uses'} a default chance (a "
                "matchtui assumption by the program's tier): give your own number where you "
                "have one.",
            )
        )
    return out


# --- suggested order from weighted criteria -------------------------------------------------------


def weighted_score(item: RankItem, weights: Mapping[Criterion, int]) -> float:
    """0..5: the applicant's scores averaged with their weights (unscored criteria count 0)."""
    total = sum(weights.get(c, 0) for c in CRITERIA)
    if total == 0:
        return 0.0
    return sum(weights.get(c, 0) * item.scores.get(c, 0) for c in CRITERIA) / total


def is_stopped(item: RankItem, hard_stops: Sequence[str], tracker: Tracker) -> bool:
    return _stopped(item, {norm(s) for s in hard_stops}, tracker)


def stopped_indices(
    items: Sequence[RankItem], hard_stops: Sequence[str], tracker: Tracker
) -> set[int]:
    """The positions of the items `is_stopped` holds true for (the stops read once; none when
    there are no hard stops, without looking each program up)."""
    stops = {norm(s) for s in hard_stops}
    if not stops:
        return set()
    return {index for index, item in enumerate(items) if _stopped(item, stops, tracker)}


def stopped_out(resolved: Sequence[Resolved], hard_stops: Sequence[str]) -> list[Resolved]:
    """The ranks with each hard-stopped program's chance at none ("hard stop"): a program the
    applicant will never rank is no way to match, so the odds show the list as it will be
    certified (the rank still breaks the applicant's rule and is named until it goes). A
    rank already stopped out is kept as it is (its object too)."""
    stops = {norm(s) for s in hard_stops}
    out: list[Resolved] = []
    for r in resolved:
        if r.chance_source != "hard stop" and (
            norm(r.ref) in stops or (r.program is not None and norm(r.program.name) in stops)
        ):
            r = Resolved(r.ref, r.program, r.key, 0.0, "hard stop")
        out.append(r)
    return out


def _stopped(item: RankItem, stops: set[str], tracker: Tracker) -> bool:
    if norm(item.program) in stops:
        return True
    found = tracker.find(item.program)
    return found is not None and norm(found.name) in stops


def suggest_order(
    items: Sequence[RankItem],
    weights: Mapping[Criterion, int],
    hard_stops: Sequence[str] = (),
    tracker: Tracker | None = None,
) -> tuple[list[RankItem], list[RankItem]]:
    """(the list ordered by weighted score, best first; the hard-stopped items left off).

    Ties keep the current order, so applying the suggestion twice changes nothing.
    """
    tracker = tracker or Tracker()
    kept = [i for i in items if not is_stopped(i, hard_stops, tracker)]
    dropped = [i for i in items if is_stopped(i, hard_stops, tracker)]
    ordered = sorted(kept, key=lambda i: -weighted_score(i, weights))
    return ordered, dropped


T = TypeVar("T")


def move(items: Sequence[T], index: int, to: int) -> list[T]:
    """The list with item `index` moved to position `to` (clamped)."""
    out = list(items)
    if not 0 <= index < len(out):
        return out
    item = out.pop(index)
    out.insert(max(0, min(to, len(out))), item)
    return out


# --- couples --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    key: str | None  # None: the No-Match code
    label: str
    chance: float
    chance_source: ChanceSource | None


@dataclass(frozen=True)
class CouplePair:
    a: Side
    b: Side


NO_MATCH_LABEL = "No match"  # a side at the No-Match code, as a table shows it


def is_no_match(ref: str) -> bool:
    return norm(ref) in (NO_MATCH, "no match", "no-match") or ref.strip() == "999999999"


def check_couples(
    pairs: Sequence[PairEntry],
    tracker: Tracker,
    data: RanklistFile,
    *,
    hard_stops: Sequence[str] = (),
) -> list[Violation]:
    """Couples rules. With a tracker, a program it does not know is refused; `hard_stops` are
    the applicant's (partner a), as their own list honours them."""
    stops = {norm(s) for s in hard_stops}
    found: list[Violation] = []
    limit = int(data.rules.max_ranks.value)
    if len(pairs) > limit:
        found.append(
            Violation(
                "max_ranks",
                f"{len(pairs)} pairs: a couple's lists hold at most {limit} ranks",
                limit,
            )
        )
    seen: dict[tuple[str, str], int] = {}
    for index, pair in enumerate(pairs):
        a_none, b_none = is_no_match(pair.a), is_no_match(pair.b)
        if a_none and b_none:
            found.append(
                Violation(
                    "pair_both_no_match",
                    "both sides are no_match: a pair must name a program for at least one partner",
                    index,
                )
            )
            continue
        keys = []
        bad = False
        for side, ref, none in (("a", pair.a, a_none), ("b", pair.b, b_none)):
            if none:
                keys.append(NO_MATCH)
                continue
            problem = ref_problem(ref)
            if problem:
                found.append(Violation("bad_program", f"{side}: {problem}", index))
                bad = True
                continue
            program = tracker.find(ref)
            if tracker and program is None:
                found.append(
                    Violation(
                        "unknown_program",
                        f"{side}: {ref!r} is not in your program tracker (programs.toml)"
                        + _unknown_hint(ref, tracker),
                        index,
                    )
                )
                bad = True
                continue
            if side == "a" and stops:
                names = {norm(ref)} | ({norm(program.name)} if program else set())
                if stops & names:
                    found.append(
                        Violation(
                            "hard_stop", f"a: {ref!r} is one of your hard stops (never rank)", index
                        )
                    )
                    bad = True
                    continue
            keys.append(identity(ref, program))
        if bad:
            continue
        pair_key = (keys[0], keys[1])
        if pair_key in seen:
            found.append(
                Violation(
                    "duplicate_pair",
                    f"the same pair is already at rank {seen[pair_key] + 1}",
                    index,
                )
            )
        seen.setdefault(pair_key, index)
    return found


def pair_sides(
    pairs: Sequence[PairEntry], tracker: Tracker, data: RanklistFile
) -> tuple[list[Resolved | None], list[Resolved | None]]:
    """Each partner's side of every pair as a rank (None for the No-Match code), with the
    chance the applicant gave or its labelled default; keys are per partner (a program ranks
    each partner on its own)."""

    def side(ref: str, chance: float | None, tag: str) -> Resolved | None:
        if is_no_match(ref):
            return None
        program = tracker.find(ref)
        value, source = chance_for(data, program, chance)
        return Resolved(ref, program, f"{tag}:{identity(ref, program)}", value, source)

    return (
        [side(p.a, p.a_chance, "a") for p in pairs],
        [side(p.b, p.b_chance, "b") for p in pairs],
    )


def resolve_pairs(
    pairs: Sequence[PairEntry],
    tracker: Tracker,
    data: RanklistFile,
    estimates: Estimates | None = None,
    sides: tuple[list[Resolved | None], list[Resolved | None]] | None = None,
) -> list[CouplePair]:
    """Each partner's ranks as the odds see them. With `estimates`, each partner's worked-out
    chances come from the match curve over that partner's own interviews, as a single list's
    do; the tracker and the applicant's specialty describe partner a, so partner b's programs
    the tracker does not hold keep their tier defaults. `sides`: `pair_sides` already worked
    out for these pairs."""
    sides_a, sides_b = sides if sides is not None else pair_sides(pairs, tracker, data)
    partner = Estimates(estimates.catalog) if estimates is not None else None

    def estimated(sides: list[Resolved | None], own: Estimates | None) -> list[Side]:
        ranks = [r for r in sides if r is not None]
        if own is not None and own.eligibility is not None:
            ranks = closed_out(ranks, own.eligibility)  # the applicant's (partner A's) only
        ranks = with_estimates(ranks, data, own)
        found = iter(ranks)
        out: list[Side] = []
        for r in sides:
            if r is None:
                out.append(Side(None, NO_MATCH, 1.0, None))
                continue
            r = next(found)
            out.append(Side(r.key, r.label, r.chance, r.chance_source))
        return out

    out = [
        CouplePair(a, b)
        for a, b in zip(estimated(sides_a, estimates), estimated(sides_b, partner), strict=True)
    ]
    # A program is one chance for its partner wherever it stands (`_variables`): the first the
    # applicant gave for it, shown on every pair that names it.
    given: dict[str, float] = {}
    for pair in out:
        for s in (pair.a, pair.b):
            if s.key is not None and s.chance_source == "yours":
                given.setdefault(s.key, s.chance)

    def one_chance(s: Side) -> Side:
        if s.key is None or s.key not in given or s.chance == given[s.key]:
            return s
        return Side(s.key, s.label, given[s.key], "yours")

    return [CouplePair(one_chance(pair.a), one_chance(pair.b)) for pair in out] if given else out


def couples_warnings(
    sides: tuple[list[Resolved | None], list[Resolved | None]],
    resolved: Sequence[CouplePair],
    odds: CouplesOdds,
    data: RanklistFile,
    estimates: Estimates | None = None,
) -> list[Warn]:
    """What a single list is warned of, for each partner's side of the pairs (ranks at
    programs with no interview, none recorded or one not held yet; for partner A, programs
    that cannot take them; chances worked out by matchtui), and a high chance that neither
    partner matches. `sides`: `pair_sides` of the pairs; `estimates`: partner A's."""
    out: list[Warn] = []
    no_match = Resolved(NO_MATCH, None, NO_MATCH, 1.0, "yours")  # keeps each pair's rank
    names = ("Partner A (you)", "Partner B")
    today = estimates.today if estimates is not None else None
    who = estimates.eligibility if estimates is not None else None
    for name, side_ranks in zip(names, sides, strict=True):
        ranks = [r if r is not None else no_match for r in side_ranks]
        mine = name == names[0] and who is not None
        if mine and who is not None:
            ranks = closed_out(ranks, who)
        found = interview_warnings(ranks, today)
        if mine and (closed := closed_warning(ranks, who)) is not None:
            found.append(closed)
        out.extend(Warn(w.id, f"{name}: {w.text}") for w in found)
    # Each program is one chance, the first one given for it wherever it stands (`_variables`).
    taken = [side for pair in resolved for side in (pair.a, pair.b) if side.key is not None]
    given = {side.key for side in taken if side.chance_source == "yours"}
    worked = len(
        {side.key for side in taken if side.chance_source in WORKED_OUT and side.key not in given}
    )
    if worked:
        out.append(
            Warn(
                "default_chance",
                f"{worked} of the pairs' program chances are worked out by matchtui (the match "
                "curve, or a default by tier: assumptions). Give your own numbers where you "
                "have them (a_chance, b_chance).",
            )
        )
    high = data.warnings.high_p_unmatched.value
    if odds.p_neither > high:
        out.append(
            Warn(
                "high_unmatched",
                "The chance that neither of you matches is "
                f"{points_text(odds.shown[3], odds.p_neither, prose=True)}: "
                "add every pair you would both accept, pairs with one side at the No-Match code "
                "included, and get the SOAP kit ready.",
            )
        )
    return out


@dataclass(frozen=True)
class CouplesOdds:
    p_both: float
    p_only_a: float
    p_only_b: float
    p_neither: float
    method: Literal["exact", "monte_carlo"]
    error: float  # 0 for exact; the largest of the four standard errors for Monte Carlo
    programs: int  # distinct (partner, program) chances
    samples: int = 0

    @property
    def outcomes(self) -> tuple[float, float, float, float]:
        """Both, only A, only B, neither: the four outcomes, which make up one whole."""
        return (self.p_both, self.p_only_a, self.p_only_b, self.p_neither)

    # The four outcomes as every view shows them, rounded once (as a single list's P(match)
    # and P(unmatched) are): whole percentages by largest remainder, so that they add to 100
    # (each rounded on its own, 1.5 + 1.5 + 0 + 97 read 2 + 2 + 0 + 97 = 101), and a
    # partner's chance of matching read off them (both + only A for A) is what they add to.
    @cached_property
    def shown(self) -> tuple[int, int, int, int]:
        """The four outcomes in whole points, summing to 100 (`whole_points`)."""
        both, only_a, only_b, neither = whole_points(self.outcomes)
        return (both, only_a, only_b, neither)

    @property
    def shown_texts(self) -> tuple[str, str, str, str]:
        """The four outcomes as they read: "2%", and "<1%" or ">99%" for a share rounded to
        nil or to all of it that is neither (`points_text`)."""
        both, only_a, only_b, neither = (
            points_text(points, chance)
            for points, chance in zip(self.shown, self.outcomes, strict=True)
        )
        return (both, only_a, only_b, neither)

    def to_json(self) -> dict[str, Any]:
        return {
            "p_both": stored_chance(self.p_both),
            "p_only_a": stored_chance(self.p_only_a),
            "p_only_b": stored_chance(self.p_only_b),
            "p_neither": stored_chance(self.p_neither),
            "method": self.method,
            "error": round(self.error, 6),
        }


def whole_points(chances: Sequence[float]) -> tuple[int, ...]:
    """Chances that make up one whole (a couple's four outcomes) as whole percentage points
    that add up to exactly 100, by largest remainder: each chance's points rounded down, then
    one more point to each of the largest remainders until they add up (ties to the first).
    Each is its exact value rounded down or up, so within a point of it. Nothing to share
    (all nil): all nil."""
    total = math.fsum(chances)
    if total <= 0:
        return tuple(0 for _ in chances)
    exact = [100 * c / total for c in chances]  # (the four sum to 1 up to a rounding error)
    points = [math.floor(x) for x in exact]
    left = 100 - sum(points)
    for index in sorted(range(len(exact)), key=lambda i: (points[i] - exact[i], i))[:left]:
        points[index] += 1
    return tuple(points)


def points_text(points: int, chance: float, *, prose: bool = False) -> str:
    """A share from `whole_points` as `percent` writes a chance: "2%", and a chance neither nil
    nor certain never as either ("<1%" for no point of a chance above nil, ">99%" for all of
    them short of certain)."""
    if points == 0 and chance > 0:
        return percent(min(chance, 0.001), prose=prose)
    if points == 100 and chance < 1:
        return percent(max(chance, 0.999), prose=prose)
    return percent(points / 100, prose=prose)


def _variables(pairs: Sequence[CouplePair]) -> dict[str, float]:
    """Each partner's program is one event with one chance: the first the applicant gave for
    it, else its default."""
    chances: dict[str, float] = {}
    own: set[str] = set()
    for pair in pairs:
        for side in (pair.a, pair.b):
            if side.key is None or side.key in own:
                continue
            if side.chance_source == "yours":
                own.add(side.key)
                chances[side.key] = side.chance
            else:
                chances.setdefault(side.key, side.chance)
    return chances


def _outcome(pairs: Sequence[CouplePair], takes: Mapping[str, bool]) -> int:
    """0 both, 1 only a, 2 only b, 3 neither: the first pair both sides of which can match."""
    for pair in pairs:
        a_ok = pair.a.key is None or takes[pair.a.key]
        b_ok = pair.b.key is None or takes[pair.b.key]
        if a_ok and b_ok:
            if pair.a.key is None:
                return 2
            if pair.b.key is None:
                return 1
            return 0
    return 3


def couples_exact(pairs: Sequence[CouplePair]) -> CouplesOdds:
    chances = _variables(pairs)
    keys = list(chances)
    totals = [0.0, 0.0, 0.0, 0.0]
    for draw in itertools.product((True, False), repeat=len(keys)):
        weight = 1.0
        for key, took in zip(keys, draw, strict=True):
            weight *= chances[key] if took else 1.0 - chances[key]
        if weight == 0.0:
            continue
        totals[_outcome(pairs, dict(zip(keys, draw, strict=True)))] += weight
    # A sum of products can pass 1 by a rounding error (1.0000000000000002 for a certain
    # outcome): a chance is kept within [0, 1].
    both, only_a, only_b, neither = (min(1.0, max(0.0, total)) for total in totals)
    return CouplesOdds(both, only_a, only_b, neither, "exact", 0.0, len(keys))


def couples_monte_carlo(pairs: Sequence[CouplePair], samples: int, seed: int) -> CouplesOdds:
    """Seeded Monte Carlo. Each program's draw is made the first time a pair needs it (the
    draws are independent, so drawing lazily gives the same distribution at a fraction of the
    cost on long lists)."""
    chances = _variables(pairs)
    rng = random.Random(seed)
    counts = [0, 0, 0, 0]
    compiled = [
        (p.a.key, p.b.key, 2 if p.a.key is None else (1 if p.b.key is None else 0)) for p in pairs
    ]
    draw = rng.random
    for _ in range(samples):
        takes: dict[str, bool] = {}
        outcome = 3
        for a_key, b_key, result in compiled:
            if a_key is not None:
                took = takes.get(a_key)
                if took is None:
                    took = takes[a_key] = draw() < chances[a_key]
                if not took:
                    continue
            if b_key is not None:
                took = takes.get(b_key)
                if took is None:
                    took = takes[b_key] = draw() < chances[b_key]
                if not took:
                    continue
            outcome = result
            break
        counts[outcome] += 1
    p = [n / samples for n in counts]
    # The largest binomial standard error, floored at one draw's worth (a share of 0 or 1 in
    # the sample does not mean the chance is exactly 0 or 1).
    error = max(max(math.sqrt(x * (1 - x) / samples) for x in p), 1 / samples)
    return CouplesOdds(p[0], p[1], p[2], p[3], "monte_carlo", error, len(chances), samples)


def couples_yardstick(data: RanklistFile) -> str | None:
    """How the couples of a recent Match fared, as published, to read a couple's own odds
    against (None when the data holds no such figure)."""
    outcome = data.couples_outcome
    if outcome is None:
        return None
    return (
        f"For scale: {outcome.couples:,} couples took part in the {outcome.match_year} Match and "
        f"their match rate was {outcome.matched_pct:.1f}% "
        f"({RELIABILITY_LABELS[outcome.reliability]}, {outcome.source}). Your figures above come "
        "from your own pairs and chances, not from theirs."
    )


def couples_odds(pairs: Sequence[CouplePair], data: RanklistFile) -> CouplesOdds:
    """Exact when the partners' distinct programs are few, a seeded Monte Carlo otherwise."""
    method = data.couples_method
    if len(_variables(pairs)) <= int(method.exact_max_programs.value):
        return couples_exact(pairs)
    return couples_monte_carlo(pairs, int(method.samples.value), int(method.seed.value))


def couples_lines(odds: CouplesOdds, *, aligned: bool = True) -> list[str]:
    """The couple's four outcomes and how they were worked out, a line each (the CLI prints
    them, the Rank list pane's Couples tab and the report show them). `aligned`: the figures
    in a column, for a terminal."""
    if odds.method == "exact":
        how = f"Method: exact, over every outcome of {plural(odds.programs, 'program chance')}"
    else:
        how = (
            f"Method: seeded Monte Carlo, {odds.samples} draws over "
            f"{plural(odds.programs, 'program chance')}; standard error up to "
            f"{odds.error * 100:.2f} points"
        )
    outcomes = tuple(
        zip(("Both matched:", "Only A:", "Only B:", "Neither:"), odds.shown_texts, strict=True)
    )
    width = max(len(label) for label, _ in outcomes) if aligned else 0
    return [f"{label:<{width}} {text}" for label, text in outcomes] + [how]


@dataclass(frozen=True)
class CouplesResult:
    """A couple's pairs as the CLI and the Couples tab see them: the rules broken, each pair's
    two sides with their chances, and (when no rule is broken) the odds and the warnings."""

    violations: list[Violation]
    pairs: list[CouplePair]
    odds: CouplesOdds | None  # None: no pairs, or a rule broken (the odds would mislead)
    warnings: list[Warn]


def couples_result(
    pairs: Sequence[PairEntry],
    tracker: Tracker,
    data: RanklistFile,
    estimates: Estimates | None = None,
    *,
    hard_stops: Sequence[str] = (),
    with_odds: bool = True,
) -> CouplesResult:
    """`with_odds`: False leaves the odds and the warnings out (a long list's Monte Carlo
    takes tens of milliseconds: the pane draws the pairs first and works them out in a
    thread)."""
    violations = check_couples(pairs, tracker, data, hard_stops=hard_stops)
    sides = pair_sides(pairs, tracker, data)
    resolved = resolve_pairs(pairs, tracker, data, estimates, sides)
    if violations or not pairs or not with_odds:
        return CouplesResult(violations, resolved, None, [])
    odds = couples_odds(resolved, data)
    return CouplesResult(
        violations, resolved, odds, couples_warnings(sides, resolved, odds, data, estimates)
    )


# --- SOAP kit -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SoapDays:
    match_year: int
    label: str
    reliability: str
    source: str


def soap_days(catalog: Catalog, match_year: int) -> SoapDays:
    """The SOAP days of one Match year, from the season calendar (published or derived)."""
    from matchtui.engine.calendar import season_date

    start = season_date(catalog, match_year, "soap_start")
    end = season_date(catalog, match_year, "soap_end")
    label = f"{start.date:%a %d %b} to {end.date:%a %d %b %Y}"
    if start.derived:
        label += " (derived from the usual pattern, not yet published)"
    return SoapDays(match_year, label, start.reliability, start.source)


@dataclass(frozen=True)
class SoapKit:
    days: SoapDays
    facts: tuple[tuple[str, str, str], ...]  # (what, value, reliability)
    programs: tuple[ProgramInfo, ...]
    # The tracker's programs left off because they cannot take the applicant: (name, why).
    closed: tuple[tuple[str, str], ...]
    application_limit: int
    documents: tuple[str, ...]
    routes: tuple[EntryRoute, ...]
    sources: tuple[str, ...]


def soap_list(
    tracker: Tracker,
    data: RanklistFile,
    limit: int | None = None,
    who: Eligibility | None = None,
    closed: Sequence[tuple[ProgramInfo, str]] | None = None,
) -> list[ProgramInfo]:
    """The tracker's programs in SOAP order: preferred tracks, then preferred specialties, then
    the rest (withdrawn and rejected left off, and with `who`, the programs that cannot take
    the applicant: `soap_closed`, or `closed` when it was worked out already), at most the
    SOAP application limit."""
    preferred = data.soap.preferred
    tracks = list(preferred.tracks)
    specialties = list(preferred.specialties)

    def rank(p: ProgramInfo) -> tuple[int, int]:
        if p.track in tracks:
            return (0, tracks.index(p.track))
        if p.specialty in specialties:
            return (1, specialties.index(p.specialty or ""))
        return (2, 0)

    shut = {id(p) for p, _ in (closed if closed is not None else soap_closed(tracker, who))}
    pool = [
        p
        for p in tracker.programs
        if p.status not in ("withdrawn", "rejected") and id(p) not in shut
    ]
    cap = limit if limit is not None else int(data.soap.application_limit.value)
    return sorted(pool, key=rank)[:cap]


def soap_closed(tracker: Tracker, who: Eligibility | None) -> list[tuple[ProgramInfo, str]]:
    """The tracker's programs (withdrawn and rejected aside) that cannot take the applicant,
    each with why: the rule of the Mix estimate and the rank list's odds
    (engine.programs.closed_to)."""
    if who is None:
        return []
    from matchtui.engine.programs import closed_to, closed_words

    out: list[tuple[ProgramInfo, str]] = []
    for p in tracker.programs:
        if p.status in ("withdrawn", "rejected"):
            continue
        why = closed_to(p, who)
        if why is not None:
            out.append((p, closed_words(p, why, who)))
    return out


def soap_kit(
    catalog: Catalog, tracker: Tracker, match_year: int, who: Eligibility | None = None
) -> SoapKit:
    """`who`: the applicant's visa need and years out (the programs that cannot take them are
    left off the list and named)."""
    from matchtui.models.plan_data import StepsFile

    data = ranklist_data(catalog)
    soap = data.soap
    steps = catalog.get("steps.toml", StepsFile)
    routes = tuple(r for r in steps.entry_routes if r.id != "soap")
    facts: tuple[tuple[str, str, str], ...] = (
        ("When", soap.days.text, soap.days.reliability),
        (
            "Applications",
            f"up to {int(soap.application_limit.value)}, sent through ERAS",
            soap.application_limit.reliability,
        ),
        (
            "Offer rounds",
            f"{int(soap.offer_rounds.value)}; the unfilled list is updated after each",
            soap.offer_rounds.reliability,
        ),
        (
            "Answer window",
            f"{int(soap.offer_window_hours.value)} hours to accept or refuse an offer",
            soap.offer_window_hours.reliability,
        ),
    )
    positions = soap.positions
    if positions is not None:
        facts += (
            (
                "Places",
                f"{positions.filled:,} of the {positions.offered:,} positions offered were filled "
                f"in the {positions.match_year} SOAP",
                positions.reliability,
            ),
        )
    days = soap_days(catalog, match_year)
    sources = (
        days.source,
        soap.days.source,
        soap.application_limit.source,
        soap.offer_rounds.source,
        soap.offer_window_hours.source,
        *((positions.source,) if positions is not None else ()),
        soap.preferred.source,
        soap.documents.source,
        *(r.source for r in routes),
    )
    closed = soap_closed(tracker, who)  # each program checked once, for the list and the names
    return SoapKit(
        days=days,
        facts=facts,
        programs=tuple(soap_list(tracker, data, who=who, closed=closed)),
        closed=tuple((p.name, why) for p, why in closed),
        application_limit=int(soap.application_limit.value),
        documents=tuple(soap.documents.items),
        routes=routes,
        sources=tuple(dict.fromkeys(sources)),
    )


# --- the working list (plan.toml) -----------------------------------------------------------------


def starting_items(tracker: Tracker, items: Sequence[RankItem]) -> list[RankItem]:
    """The saved list, or (when none is saved) the tracker's interviewed programs."""
    if items:
        return list(items)
    return [RankItem(program=p.nrmp_code or p.name) for p in tracker.interviewed()]


_STARTING: LastResult[list[RankItem]] = LastResult()


def first_items(tracker: Tracker, items: Sequence[RankItem]) -> list[RankItem]:
    """`starting_items`, worked out once for this tracker and these saved items (the pane's
    first visit, at idle beforehand: 3,400 interviewed programs made 3,400 validated items,
    ~7-14 ms). A list of the caller's own; the items are shared (never changed in place)."""
    made = _STARTING.get((Same((tracker,)), Same(items)), lambda: starting_items(tracker, items))
    return list(made)


class HeldBack(NamedTuple):
    """An interviewed program `i` does not add: a rank the program list does not hold may be
    it under another name (`may_be`)."""

    name: str  # the program, as the program list names it
    rank: int  # the rank (0-based) that may be it
    ref: str  # ... as the list names it


def interviewed_to_add(
    tracker: Tracker, resolved: Sequence[Resolved], listed: Container[str] | None = None
) -> tuple[list[RankItem], list[HeldBack]]:
    """The tracker's interviewed programs that the list (its ranks resolved; `listed`: their
    identities, when known) does not hold yet, as new items, and those held back: a program
    is never ranked twice, and a rank by a name the program list no longer holds (renamed
    outside the Applications pane, say) may be one of them (`may_be`)."""
    if listed is None:
        listed = {r.key for r in resolved}
    unknown = [
        (index, r.ref)
        for index, r in enumerate(resolved)
        if r.program is None and not looks_like_code(r.ref)
    ]
    add: list[RankItem] = []
    held: list[HeldBack] = []
    for ref, key, name in tracker.interviewed_named:
        if key in listed:
            continue
        maybe = next(((i, r) for i, r in unknown if may_be(r, name)), None) if unknown else None
        if maybe is None:
            add.append(RankItem(program=ref))
        else:
            held.append(HeldBack(name, *maybe))
    return add, held


def held_back_text(held: Sequence[HeldBack]) -> str:
    """What `i` says of the programs it held back."""
    named = "; ".join(
        f"{h.name!r} (rank {h.rank + 1} {h.ref!r} may be it)" for h in held[:NAMED_UNKNOWN]
    )
    more = len(held) - NAMED_UNKNOWN
    return (
        f"Not added: {named}{f', and {more} more' if more > 0 else ''}. That rank names a "
        "program your program list does not hold (renamed since?): if it is the same "
        "program, take the rank off (x) and press i again; if not, add it by its name (a)."
    )


# --- a tracked program renamed or removed ---------------------------------------------------------
# The working list names a program by its NRMP code, else by its name (the only identity a
# program list's record has: no id survives a rename). So the Applications pane carries the
# list's references with a record renamed (or given another code), and it and the CLI take a
# removed record's ranks off (engine.removal); each says which ranks it changed.


@dataclass(frozen=True)
class Naming:
    """Where the saved working list names one tracked program: its ranks and the couples'
    pairs (0-based) naming it."""

    ranks: tuple[int, ...] = ()
    pairs: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.ranks or self.pairs)


def _names_it(ref: str, tracker: Tracker, target: ProgramInfo) -> bool:
    return not is_no_match(ref) and tracker.find(ref) is target


def naming(state: RanklistState | None, tracker: Tracker, index: int) -> Naming:
    """The ranks and pairs of `state` that name the tracker's program `index` (as the odds
    find it: by code, else by name)."""
    if state is None or not (state.items or state.pairs):
        return Naming()
    target = tracker.programs[index]
    return Naming(
        tuple(i for i, item in enumerate(state.items) if _names_it(item.program, tracker, target)),
        tuple(
            i
            for i, pair in enumerate(state.pairs)
            if _names_it(pair.a, tracker, target) or _names_it(pair.b, tracker, target)
        ),
    )


def renamed(
    state: RanklistState | None, tracker: Tracker, index: int, new: Program
) -> RanklistState | None:
    """`state` naming `new` (the tracker's program `index` renamed, or given another code)
    wherever it named that program: each rank and pair side by its code, else its name, and a
    hard stop by its name. None when nothing changes."""
    if state is None:
        return None
    target = tracker.programs[index]
    ref = new.nrmp_code or new.name
    changed = False

    def follow(old: str, to: str) -> str:
        nonlocal changed
        if old != to and _names_it(old, tracker, target):
            changed = True
            return to
        return old

    items = []
    for item in state.items:
        to = follow(item.program, ref)
        items.append(item if to == item.program else item.model_copy(update={"program": to}))
    pairs = []
    for pair in state.pairs:
        a, b = follow(pair.a, ref), follow(pair.b, ref)
        pairs.append(
            pair if (a, b) == (pair.a, pair.b) else pair.model_copy(update={"a": a, "b": b})
        )
    stops = [follow(stop, new.name) for stop in state.hard_stops]
    if not changed:
        return None
    return state.model_copy(update={"items": items, "pairs": pairs, "hard_stops": stops})


def without_ranks(state: RanklistState, ranks: Container[int]) -> RanklistState:
    """`state` without the ranks (0-based) given: those of a program taken off the program
    list (`naming`). The couples' pairs are kept: each names a partner's program too, so the
    couple decides (the Couples tab's rules name the program the list no longer holds)."""
    return state.model_copy(
        update={"items": [item for i, item in enumerate(state.items) if i not in ranks]}
    )


def naming_words(where: Naming) -> str:
    """'rank 2 on your rank list', 'ranks 2 and 5 ...', '... and pair 3 of your couples
    list': where the working list names a program, for a message."""
    parts = []
    if where.ranks:
        ranks = and_list([str(i + 1) for i in where.ranks])
        parts.append(f"{'rank' if len(where.ranks) == 1 else 'ranks'} {ranks} on your rank list")
    if where.pairs:
        pairs = and_list([str(i + 1) for i in where.pairs])
        parts.append(f"{'pair' if len(where.pairs) == 1 else 'pairs'} {pairs} of your couples list")
    return " and ".join(parts)
