"""The one text analyser: everything the applicant writes is read the same way.

Tokens (words with inner apostrophes and hyphens; curly quotes straightened), sentences, and
every phrase list of lexicon.toml matched in one pass on word boundaries ("also" is not "so",
"likely" is not "like"; a plural or possessive "parents'"/"clinic's" matches its phrase). The
practice checks (engine/practice.py) and the Reality check's verdicts on the profile's own
stories (`judge_story`) both read texts through `Analysed`, so they cannot disagree.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import sys
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

from matchtui.engine.wording import and_list, place
from matchtui.models.base import ABROAD
from matchtui.models.lexicon import (
    ARC_PARTS,
    LexiconFile,
    PaddingRule,
    Phrase,
    StoryKind,
    StoryRule,
    lexicon,
)
from matchtui.models.results import Span, StoryVerdict

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

# A word: letters and digits (any script), with inner apostrophes or hyphens ("didn't",
# "so-called"). Every other non-space character is a token of its own.
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*|[^\s\w]|_")
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n")
_TAIL_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# A name as the specifics patterns find one (capitalised words), and a capitalised word right
# before one, with nothing but a space between them.
# A name's word may have capitals inside it ("ProMedica", "McDonald", "DeKalb").
_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:'s)?(?: [A-Z][a-z]+(?:[A-Z][a-z]+)*(?:'s)?)*")
_NAME_BEFORE = re.compile(r"(?<![\w'\-])([A-Z][a-z]+(?:[A-Z][a-z]+)*) $")
# Curly quotes become straight ones (same length, so offsets stay valid).
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


# -- phrase matching ----------------------------------------------------------------------------
# Matching works on tokens (words with their inner apostrophes and hyphens, and single
# punctuation marks), so a phrase can only ever match whole words: "so" is not in "also" or
# "so-called", "like" is not in "likely". One dictionary lookup per token finds every phrase of
# every list that starts there, which keeps a 300-word answer well under a millisecond.


class Tokens:
    """The tokens of a text as parallel lists (cheaper than one object per token)."""

    __slots__ = ("ends", "is_word", "lows", "starts")

    def __init__(self, text: str, unmarked: Mapping[str, str] | None = None) -> None:
        matches = list(_TOKEN.finditer(text))
        self.starts: list[int] = [m.start() for m in matches]
        self.ends: list[int] = [m.end() for m in matches]
        self.lows: list[str] = [m.group().lower() for m in matches]
        if unmarked:  # "didnt" read as "didn't" (its offsets, the text's own, unchanged)
            self.lows = [unmarked.get(low, low) for low in self.lows]
        self.is_word: list[bool] = [low[0].isalnum() for low in self.lows]

    def __len__(self) -> int:
        return len(self.lows)


def tokenize(text: str, unmarked: Mapping[str, str] | None = None) -> Tokens:
    """Tokens of `text` (curly quotes already straightened); `unmarked`: contractions typed
    without their apostrophe, read as the contraction (lexicon [unmarked])."""
    return Tokens(text, unmarked)


class Hit(NamedTuple):
    start: int
    end: int
    phrase: str  # the lexicon entry that fired
    found: str  # the text it matched


# Engine records are named tuples where they can be (the same fields, equality and hash, and
# read-only): a command defines each at import, ~0.1 ms, where a frozen dataclass generates
# and compiles its methods, ~0.6 ms.
class _Pattern(NamedTuple):
    """One phrase of a list, as tokens to match, with its conditions."""

    group: str  # the phrase list it belongs to
    phrase: str
    tokens: tuple[str, ...]
    wildcard: bool  # the last token is a prefix ("discriminat*")
    plural: bool  # the last token also matches with "s" or "'s"
    not_after: frozenset[str]
    not_before: frozenset[str]
    before_any: frozenset[str]  # one of them within the next BEFORE_ANY_WORDS words
    later_any: frozenset[str]  # one of them within the next LATER_ANY_WORDS (the match's end)
    followed_by: frozenset[str]  # the next word is one of them ("$": no word, the clause ends)
    at_start: bool

    def match_at(
        self,
        lows: Sequence[str],
        index: int,
        skip: int = 0,
        first_read: bool = False,
        skip_from: int = 1,
    ) -> int | None:
        """The index after the match when this pattern matches at `index`, else None. `skip`:
        the tokens from the `skip_from`th on (the first is 0) are read that many tokens later
        ("I had relied" for "I relied"; from the third, "I am also presenting" for "I am
        presenting"). `first_read`: the first token is taken as read (the caller checked it:
        "i", or "i'd" for "I'd relied")."""
        tokens = self.tokens
        last = len(tokens) - 1
        if skip and last < skip_from:  # nothing of the phrase after the words read past
            return None
        stop = index + last + 1 + skip
        if stop > len(lows):
            return None
        if last or not first_read:  # the last token first: most phrases fail there
            got = lows[stop - 1] if last else lows[index]
            want = tokens[last]
            if self.wildcard:
                if not got.startswith(want):
                    return None
            elif got != want and not (self.plural and (got == want + "s" or got == want + "'s")):
                return None
        for offset in range(1 if first_read else 0, last):
            if lows[index + offset + (skip if offset >= skip_from else 0)] != tokens[offset]:
                return None
        return stop


_NO_WORDS: frozenset[str] = frozenset()  # one object for the many patterns without a condition

# A phrase "I <verb> ..." also matches with a perfect tense's auxiliary after the I ("I had
# relied", "I have made": one token more before the verb) or contracted into it ("I'd relied",
# "I've made": none).
_AUXILIARY = frozenset({"had", "have"})
_CONTRACTED_I = frozenset({"i'd", "i've"})
# A year, which is no count ("my 2024 paper").
_YEAR_WORD = re.compile(r"(?:19|20)\d\d")
# Whose units a count may pick out ("two of my letters", "three of our patients").
_OWNERS = frozenset({"my", "our", "your", "the", "his", "her", "their", "these", "those"})


# The word sets and token pairs of a lexicon's patterns, each kept once however many patterns
# (a condition list repeated on several phrases) or indexes (PhraseIndex) hold it: the compiled
# lexicon took 2.5 MiB with a copy each, 1.9 with these and the tokens interned (tracemalloc).
_SHARED_SETS: dict[frozenset[str], frozenset[str]] = {}
_SHARED_PAIRS: dict[tuple[str, str], tuple[str, str]] = {}


def _lowered(words: Iterable[str]) -> frozenset[str]:
    found = frozenset(word.lower() for word in words)
    return _SHARED_SETS.setdefault(found, found) if found else _NO_WORDS


def _pair(saying: str) -> tuple[str, str]:
    """A saying of a number and its unit ("one day") as the two words a count is read by."""
    first, *rest = saying.lower().split()
    return first, " ".join(rest)


def _pattern(group: str, entry: Phrase) -> _Pattern | None:
    # (Built ~3,000 times by every command that reads a story: positional, the plain phrase's
    # case apart from the one with conditions.)
    phrase = (entry if isinstance(entry, str) else entry.phrase).strip()
    text = phrase.translate(_QUOTES)
    wildcard = text.endswith("*")
    if wildcard:
        text = text[:-1]
    # The same tokens as tokenize(text).lows (the pattern has no groups), without the offsets.
    intern = sys.intern
    tokens = tuple([intern(token.lower()) for token in _TOKEN.findall(text)])
    if not tokens:
        return None
    plural = tokens[-1][-1].isalnum()
    if isinstance(entry, str):
        return _Pattern(
            group,
            phrase,
            tokens,
            wildcard,
            plural,
            *_NO_CONDITIONS,
        )
    return _Pattern(
        group,
        phrase,
        tokens,
        wildcard,
        plural,
        _lowered(entry.not_after),
        _lowered(entry.not_before),
        _lowered(entry.before_any),
        _lowered(entry.later_any),
        _lowered(entry.followed_by),
        entry.at_start,
    )


# A plain phrase's conditions: none.
_NO_CONDITIONS = (_NO_WORDS, _NO_WORDS, _NO_WORDS, _NO_WORDS, _NO_WORDS, False)


def compile_list(group: str, phrases: Iterable[Phrase]) -> list[_Pattern]:
    """The patterns of one phrase list, each phrase once (the first spelling of it)."""
    patterns: list[_Pattern] = []
    seen: set[str] = set()
    for entry in phrases:
        pattern = _pattern(group, entry)
        if pattern is None:
            continue
        key = pattern.phrase.lower()
        if key in seen:
            continue
        seen.add(key)
        patterns.append(pattern)
    return patterns


_PREFIX = 3  # one-word wildcards are looked up by their first letters


def _stem(low: str) -> str | None:
    """For a possible plural or possessive ("clinics", "clinic's"): the word without it."""
    if low.endswith("'s"):
        return low[:-2]
    if low.endswith("s"):
        return low[:-1]
    return None


class PhraseIndex:
    """Every phrase of several named lists, indexed by their first one or two tokens; `scan`
    finds them all in one pass. Within a list, matches do not overlap and the longest phrase
    starting at a place wins."""

    def __init__(
        self,
        lists: dict[str, Sequence[_Pattern]],
        adverbs: frozenset[str] = _NO_WORDS,
        adverbs_after: frozenset[str] = _NO_WORDS,
    ) -> None:
        """`lists`: each list's patterns (compile_list), shared by every index that holds it;
        `adverbs`: the words read past between "I" and its verb (lexicon `adverbs`), and
        after the words in `adverbs_after` ("I am also presenting", "I'm also presenting")."""
        self.groups = list(lists)
        self._between = adverbs | _AUXILIARY  # "I have also learned"
        self._adverbs = adverbs  # after "I've": "I've also learned"
        self._adverbs_after = adverbs_after
        self._single: dict[str, list[_Pattern]] = {}  # one-word phrases
        self._prefix: dict[str, list[_Pattern]] = {}  # one-word wildcards, by first letters
        self._pair: dict[tuple[str, str], list[_Pattern]] = {}  # by first two tokens
        self._first: dict[str, list[_Pattern]] = {}  # two-word phrases ending in a wildcard
        for patterns in lists.values():
            for pattern in patterns:
                first = pattern.tokens[0]
                if len(pattern.tokens) == 1:
                    if pattern.wildcard:
                        self._prefix.setdefault(first[:_PREFIX], []).append(pattern)
                    else:
                        self._single.setdefault(first, []).append(pattern)
                elif len(pattern.tokens) == 2 and pattern.wildcard:
                    self._first.setdefault(first, []).append(pattern)
                else:
                    pair = (first, pattern.tokens[1])
                    pair = _SHARED_PAIRS.setdefault(pair, pair)
                    self._pair.setdefault(pair, []).append(pattern)

    def scan(
        self, text: str, tokens: Tokens, sentence_starts: Sequence[int] = ()
    ) -> dict[str, list[Hit]]:
        hits: dict[str, list[Hit]] = {group: [] for group in self.groups}
        free: dict[str, int] = {}  # per list: the first token index not inside a match
        lows = tokens.lows
        stems = [_stem(low) for low in lows]
        single, prefix, first, pair = self._single, self._prefix, self._first, self._pair
        adverbs, after = self._adverbs, self._adverbs_after
        last = len(lows) - 1
        for index, low in enumerate(lows):
            stem = stems[index]
            following = lows[index + 1] if index < last else ""
            following_stem = stems[index + 1] if index < last else None
            # Each table with the tokens its phrases skip after the "I" (None: read as written);
            # most tokens start no phrase, so only the tables found are listed.
            tables: list[tuple[list[_Pattern], int | None, int]] = []
            for found in (
                single.get(low),
                single.get(stem) if stem else None,
                prefix.get(low[:_PREFIX]),
                first.get(low),
                pair.get((low, following)),
                pair.get((low, following_stem)) if following_stem else None,
            ):
                if found:
                    tables.append((found, None, 1))
            if low == "i" or low in _CONTRACTED_I:
                # "I had relied", "I also learned", "I have since learned" (skip 1-2); "I'd
                # relied", "I've also learned" (the auxiliary is in the I: skip 0-1)
                between = self._between if low == "i" else self._adverbs
                after_aux = low != "i"
                for past in range(0 if after_aux else 1, 3):
                    if index + 1 + past > last:
                        break
                    if past:  # the word read past
                        passed = lows[index + past]
                        if passed not in between:
                            break
                        after_aux = after_aux or passed in _AUXILIARY
                    verb = lows[index + 1 + past]
                    if found := _with_verb(pair, verb, after_aux):
                        tables.append((found, past, 1))
            if (low == "i" or low in after) and index + 2 <= last:
                # One adverb read past after "I am" ("I am also presenting") or after "I'm"
                # ("I'm also presenting"): the phrase's later words are read one token later.
                if low == "i":
                    gap = following in after and lows[index + 2] in adverbs
                    if gap and (found := pair.get((low, following))):
                        tables.append((found, 1, 2))
                elif following in adverbs and (found := pair.get((low, lows[index + 2]))):
                    tables.append((found, 1, 1))
            if not tables:
                continue
            # Per list: the pattern, where its match ends, and the token its hit reaches to.
            best: dict[str, tuple[_Pattern, int, int]] | None = None
            for patterns, skip, skip_from in tables:
                for pattern in patterns:
                    if free.get(pattern.group, 0) > index:
                        continue
                    end = (
                        pattern.match_at(lows, index)
                        if skip is None
                        else pattern.match_at(
                            lows, index, skip, first_read=True, skip_from=skip_from
                        )
                    )
                    if end is None or not _conditions_hold(
                        pattern, tokens, index, end, sentence_starts
                    ):
                        continue
                    reach = end - 1
                    if pattern.later_any:
                        later = _later_word(pattern, tokens, end)
                        if later is None:
                            continue
                        reach = later
                    if best is None:
                        best = {}
                    held = best.get(pattern.group)
                    if (
                        held is None
                        or end > held[1]
                        or (end == held[1] and len(pattern.phrase) > len(held[0].phrase))
                    ):
                        best[pattern.group] = (pattern, end, reach)
            if best:
                for group, (pattern, end, reach) in best.items():
                    start, stop = tokens.starts[index], tokens.ends[reach]
                    hits[group].append(Hit(start, stop, pattern.phrase, text[start:stop]))
                    free[group] = max(end, reach + 1)
        return hits


def _with_verb(
    pair: dict[tuple[str, str], list[_Pattern]], verb: str, after_aux: bool = True
) -> list[_Pattern] | None:
    """The phrases "I <verb> ...", but, after an auxiliary, not those whose verb is itself one
    ("I had not" is its own phrase; "I have been" read past "have" would be "I been"); after
    adverbs alone, any but "not" ("I also had no backup" is "I had no backup")."""
    if verb == "not" or (after_aux and (verb in _AUXILIARY or verb == "been")):
        return None
    return pair.get(("i", verb))


def _word_near(tokens: Tokens, indexes: Iterable[int]) -> str | None:
    for index in indexes:
        if tokens.is_word[index]:
            return tokens.lows[index]
    return None


# How far a phrase's `before_any` words are looked for ("visited the family medicine clinic"),
# within its sentence.
BEFORE_ANY_WORDS = 4
# How far a phrase's `later_any` words are looked for ("I entered a participant's result into
# the wrong visit"), within its sentence.
LATER_ANY_WORDS = 12
_SENTENCE_ENDS = frozenset(".!?")
# How near a tie phrase a tie_negators phrase undoes it, in words either side.
# How far before a readiness or local-activity phrase a proof_negators phrase undoes it, in
# words between them within one clause ("I have not [taken] Step 3", "I did not do any
# observership").
PROOF_NEGATOR_WORDS = 3
TIE_NEGATOR_WORDS = 2


def _words_near(tokens: Tokens, indexes: Iterable[int], most: int) -> list[str]:
    """The first `most` words at `indexes`, stopping at the end of a sentence."""
    found: list[str] = []
    for index in indexes:
        if len(found) == most:
            break
        if tokens.is_word[index]:
            found.append(tokens.lows[index])
        elif tokens.lows[index] in _SENTENCE_ENDS:
            break
    return found


def _among(word: str, words: frozenset[str]) -> bool:
    """`word` is one of `words`, where "#" stands for any number in digits."""
    return word in words or (word[0].isdigit() and "#" in words and word.isdigit())


def _conditions_hold(
    pattern: _Pattern, tokens: Tokens, index: int, end: int, sentence_starts: Sequence[int]
) -> bool:
    if pattern.not_after:
        before = _word_near(tokens, range(index - 1, max(-1, index - 5), -1))
        if before is not None and _among(before, pattern.not_after):
            return False
    if pattern.not_before:
        after = _word_near(tokens, range(end, min(len(tokens), end + 4)))
        if after is not None and _among(after, pattern.not_before):
            return False
    if pattern.followed_by:
        if end < len(tokens) and tokens.is_word[end]:
            if tokens.lows[end] not in pattern.followed_by:
                return False
        elif "$" not in pattern.followed_by and (
            end >= len(tokens) or tokens.lows[end] not in pattern.followed_by
        ):
            return False  # not the clause's end, nor a mark listed (":")
    if pattern.before_any:
        following = _words_near(tokens, range(end, len(tokens)), BEFORE_ANY_WORDS)
        if pattern.before_any.isdisjoint(following):
            return False
    if pattern.at_start:
        start = tokens.starts[index]
        position = bisect.bisect_right(sentence_starts, start) - 1
        if start != (sentence_starts[position] if position >= 0 else 0):
            return False
    return True


# Between a phrase and its `later_any` word, these end the search: a negation ("I don't know
# what went wrong", "I did nothing wrong") or the start of another clause, whose subject may be
# someone else ("I paged the resident because the order was wrong", "I asked what was wrong").
# fmt: off
_LATER_STOPS = frozenset({
    "not", "never", "no", "nothing", "anything", "nobody", "because", "that", "which", "who",
    "whom", "whose", "what", "whether", "why", "how", "when", "where", "if", "since", "after",
    "before", "but", "although", "though", "while", "until", "unless",
})
# fmt: on
_CLAUSE_MARKS = frozenset(",;:")
# Someone else who only set the applicant on the work (Analysed._theirs).
_SET_ON = re.compile(
    r"\s+(?:\w+\s+)?(?:suggested|encouraged|told|asked|convinced|helped|pushed|urged|"
    r"recommended|inspired|introduced|connected|(?:found|got|sent|took|brought)\s+(?:me|us))\b",
    re.IGNORECASE,
)
# A word for the applicant between someone else named and the proof after them (Analysed._theirs).
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|myself|we|us|our|i'm|i've|i'd|i'll)\b", re.IGNORECASE)
# Words after which a city typed in lower case is read as the city ("in tucson", "from fresno").
_WHERE_WORDS = frozenset({"in", "from", "near", "at", "to", "outside"})
# ... and a city name shared across regions (not "at": "research at Columbia" is the university).
_SHARED_CITY_AFTER = _WHERE_WORDS - {"at"}
# A hedge after a plan to stay and a comma, before one of these, hedges what follows (the kind of
# work or place: "..., maybe as a hospitalist", "..., probably in a smaller town"), not the stay.
_QUALIFIER_STARTS = frozenset({"as", "in", "at", "with", "near", "doing", "working"})
# A clause of its own after a plan to stay: after ", and" with its own subject, or ";".
_OWN_CLAUSE = re.compile(r";|, and (?:i|we|if|then)\b", re.IGNORECASE)
# A clause break between a negation and the proof after it (Analysed._negated_before).
# Where a negation stops: punctuation inside a sentence, a conjunction ("I did not match because
# COVID cancelled my rotations": the cancelling is not undone), and the start of a main
# clause after a conditional one with no comma ("If I do not match I will finish my residency").
_CLAUSE_BREAK = re.compile(
    r"[,;:]|\b(?:but|and|yet|now|then|because|although|though|whereas)\b"
    r"|\bi (?:will|would|shall)\b|\bi'(?:ll|d)\b",
    re.IGNORECASE,
)


# Where a sentence turns from one place to another ("I grew up in Chicago but did medical school
# in Arizona"; "Neither of us has family in the Midwest, and we both trained at Tulane in New
# Orleans"): its ties and local activity are read against the places on their own side.
_CONTRASTS = "but|whereas|although|though|while"
# (", and" only where a new clause starts after it, not the last item of a list: "I have lived in
# Georgia, Florida, and Ohio")
_CONTRAST = re.compile(
    rf";|, and (?=(?:i|we|my|our|he|she|they|then|now|since|after|in \d{{4}})\b)"
    rf"|\b(?:{_CONTRASTS})\b",
    re.IGNORECASE,
)
# A clause that says "here" is about the place the answer is given for (Analysed.drop_outside).
_HERE = re.compile(r"\bhere\b", re.IGNORECASE)
# Where other people come from ("half our patients are from Mexico", "refugees from Afghanistan
# and Syria"): not where the applicant's ties or work are. Blanked before places are read.
_ORIGIN = re.compile(
    r"\b(?:patients|refugees|immigrants|migrants|families|people|children|kids|communities|"
    r"newcomers|workers|speakers|populations?|adults|those)\b(?:\s+\w+){0,2}?\s+from\s+"
    r"[^.,;]*?(?=[.,;]|\s+and\s+(?:i|we|my|our)\b|$)",
    re.IGNORECASE,
)


def _without_origins(text: str) -> str:
    """`text` with where other people come from blanked (same length, so offsets hold)."""
    return _ORIGIN.sub(lambda m: " " * len(m.group()), text)


# Where a sentence turns from what it first says to something else (Analysed.turns_after): a
# contrast, or a word that sets what follows apart.
_TURN = re.compile(rf";|\b(?:{_CONTRASTS}|until|except|however|yet)\b", re.IGNORECASE)


def _later_word(pattern: _Pattern, tokens: Tokens, end: int) -> int | None:
    """The token index of the first of the pattern's `later_any` words within LATER_ANY_WORDS
    words after `end`, in the same clause and not negated (_LATER_STOPS); None when there is
    none."""
    words = 0
    for index in range(end, len(tokens)):
        low = tokens.lows[index]
        if not tokens.is_word[index]:
            if low in _SENTENCE_ENDS or low in _CLAUSE_MARKS:
                return None
            continue
        if low in pattern.later_any:  # before the stops: "after" can be the word wanted
            return index
        if low in _LATER_STOPS or low.endswith("n't"):
            return None
        words += 1
        if words == LATER_ANY_WORDS:
            return None
    return None


class Matcher:
    """One phrase list on its own (handy for tests and one-off use)."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._index = PhraseIndex({"phrases": compile_list("phrases", phrases)})

    def find(self, text: str, sentence_starts: Sequence[int] = ()) -> list[Hit]:
        norm = text.translate(_QUOTES)
        return self._index.scan(norm, tokenize(norm), sentence_starts)["phrases"]


# -- compiled lexicon (cached per catalog) ------------------------------------------------------
@dataclass(frozen=True)
class Compiled:
    """The lexicon ready to match: its phrase lists (indexed on first use) and patterns."""

    lexicon: LexiconFile
    abbreviations: frozenset[str]
    lists: dict[str, Iterable[Phrase]]  # every phrase list, the specifics phrases, the arc parts
    specifics: tuple[re.Pattern[str], ...]
    numbers: frozenset[str]  # number words that count something ("three months")
    units: frozenset[str]
    # lexicon [specifics] sayings and rhythm: "one day" is no count unless "a week" follows
    sayings: frozenset[tuple[str, str]]
    rhythm: frozenset[str]
    function_words: frozenset[str]  # lexicon [padding]: words that carry no content
    unmarked: dict[str, str]  # lexicon [unmarked]: "didnt" -> "didn't"
    adverbs: frozenset[str]  # lexicon adverbs: read past between "I" and its verb
    adverbs_after: frozenset[str]  # lexicon adverbs_after: "I am also presenting"
    run_on: RunOnRule | None  # lexicon [run_on]: where a long sentence is cut into clauses
    # the catalog compiled from, for the places it names (states.toml, read only when asked)
    catalog: weakref.ReferenceType[Catalog] | None = field(default=None, compare=False, repr=False)
    # groups (None: every list) -> their phrase index, built on first use
    _indexes: dict[frozenset[str] | None, PhraseIndex] = field(
        default_factory=dict, compare=False, repr=False
    )
    # list name -> its patterns, built on first use and shared by every index holding the list
    _patterns: dict[str, list[_Pattern]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def index(self) -> PhraseIndex:
        """Every list in one index (an answer's analysis reads them all)."""
        return self.index_of(None)

    def index_of(self, groups: frozenset[str] | None) -> PhraseIndex:
        """The index of the lists named in `groups` only (None: all of them). A list's matches
        never depend on the other lists in its index, so its hits are the same in any index
        that holds it; a story's verdict reads a few lists and indexes only those."""
        found = self._indexes.get(groups)
        if found is None:
            names = [name for name in self.lists if groups is None or name in groups]
            found = self._indexes[groups] = PhraseIndex(
                {name: self._list(name) for name in names}, self.adverbs, self.adverbs_after
            )
        return found

    def _list(self, name: str) -> list[_Pattern]:
        found = self._patterns.get(name)
        if found is None:
            found = self._patterns[name] = compile_list(name, self.lists[name])
        return found

    def story_groups(self, kind: StoryKind) -> frozenset[str]:
        """The lists `judge` reads for a story of this kind: its signals, its generic phrases,
        the specifics phrases and the stock phrases (a number inside one is no detail)."""
        rule = self.lexicon.stories[kind]
        names = {s for s in rule.signals if s not in ("long", "specifics")}
        names.add("specifics_phrases")
        if "stock_phrases" in self.lists:
            names.add("stock_phrases")
        if rule.generic:
            names.add(rule.generic)
        if "ties" in names:  # whether a tie phrase names a tie is read with these
            names.update(name for name in _TIE_LISTS if name in self.lists)
        if "proof_negators" in self.lists and names & _PROOF_LISTS:
            names.add("proof_negators")
        if "someone_else" in self.lists and names & _PROOF_LISTS:
            names.add("someone_else")
        if "returns" in self.lists and names.intersection(_PLACED_LISTS):
            names.add("returns")  # where a story's places are read against its region
        if "plan_to_stay" in names:  # a plan said with a hedge, or negated, is no plan
            names.add("hedges")
            if "stay_negators" in self.lists:
                names.add("stay_negators")
        if rule.blame is not None:  # blame read as the practice reads it (blame_sentences)
            names.update(name for name in ("blame", "blame_negators") if name in self.lists)
        return frozenset(names)


# The lists that decide whether a tie phrase names a tie (next to a negation, in a sentence
# about a visit: Analysed.__init__); a lexicon without them counts every tie.
_TIE_LISTS = ("holiday_visits", "lives_there", "tie_pronouns", "tie_negators")
# The lists of proof that a negation before them undoes (Analysed.__init__).
_PROOF_LISTS = frozenset({"readiness", "local_activity"})
# Lists whose hits count only in a sentence about the target region (Analysed.drop_outside):
# "no plans to move away from Texas" is no plan to stay in the Midwest.
_PLACED_LISTS = ("ties", "local_activity", "plan_to_stay")

_CACHE: weakref.WeakKeyDictionary[Catalog, Compiled] = weakref.WeakKeyDictionary()


def compiled(catalog: Catalog) -> Compiled:
    """The lexicon's phrase index and patterns, built once per catalog."""
    found = _CACHE.get(catalog)
    if found is None:
        found = _compile(lexicon(catalog), catalog)
        _CACHE[catalog] = found
    return found


# The list of the catalog's specialty names, for the four-part story's "why this specialty".
ARC_SPECIALTY = "arc_specialty"


def _specialty_names(catalog: Catalog) -> list[str]:
    names = set()
    for specialty in catalog.specialties.values():
        name = re.sub(r"\s*\(.*?\)", "", specialty.name).strip().lower()
        if name:
            names.add(name)
    return sorted(names)


def _compile(lex: LexiconFile, catalog: Catalog) -> Compiled:
    lists: dict[str, Iterable[Phrase]] = {name: value.phrases for name, value in lex.phrase_lists()}
    lists["specifics_phrases"] = lex.specifics.phrases
    for part in ARC_PARTS:
        lists[part] = list(lex.arc.part(part).phrases)
    # Specialty names tell "why this specialty" outside the sentences of what happened (not
    # "I did not match in general surgery"): read on their own, practice._check_arc places them.
    lists[ARC_SPECIALTY] = _specialty_names(catalog) if lex.arc.add_specialty_names else []
    specifics = tuple(re.compile(p, re.IGNORECASE) for p in lex.specifics.patterns)
    abbreviations = frozenset(a.lower().rstrip(".") for a in lex.abbreviations)
    return Compiled(
        lex,
        abbreviations,
        lists,
        specifics,
        frozenset(n.lower() for n in lex.specifics.numbers),
        frozenset(u.lower() for u in lex.specifics.units),
        frozenset(_pair(saying) for saying in lex.specifics.sayings),
        frozenset(word.lower() for word in lex.specifics.rhythm),
        frozenset(w.lower() for w in lex.padding.function_words),
        dict(lex.unmarked.forms) if lex.unmarked else {},
        frozenset(a.lower() for a in lex.adverbs),
        frozenset(a.lower() for a in lex.adverbs_after),
        None
        if lex.run_on is None
        else RunOnRule(
            lex.run_on.min_words,
            lex.run_on.max_marks_per_100,
            lex.run_on.min_piece,
            frozenset(w.lower() for w in lex.run_on.joiners),
            frozenset(w.lower() for w in lex.run_on.openers),
        ),
        weakref.ref(catalog),
    )


# -- text ---------------------------------------------------------------------------------------
def split_sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Span]:
    """Sentence spans (trimmed), split at . ! ? followed by space or end, and at line breaks;
    a period after a known abbreviation ("Dr.", "e.g.") does not end a sentence."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        mark = match.group()
        if mark.startswith(".") and mark.rstrip("\"')]").count(".") == 1:
            tail = _TAIL_WORD.search(text[start : match.start()])
            if tail and tail.group(1).lower().rstrip(".") in abbreviations:
                continue
        _add_span(spans, text, start, match.end())
        start = match.end()
    _add_span(spans, text, start, len(text))
    return spans


class RunOnRule(NamedTuple):
    """lexicon [run_on], compiled: words lower-cased."""

    min_words: int
    max_marks_per_100: float
    min_piece: int
    joiners: frozenset[str]
    openers: frozenset[str]


_CLAUSE_MARK = re.compile(r"[,;:]")


def split_run_ons(text: str, spans: Sequence[Span], rule: RunOnRule) -> list[Span]:
    """`spans` with each run-on sentence (at least `rule.min_words` words, hardly a comma in
    it) cut before every joiner that opens a new clause ("and i", "but we"), each piece at
    least `rule.min_piece` words. A long sentence punctuated as a list is left whole."""
    out: list[Span] = []
    for span in spans:
        # most sentences are short: told by their spaces before their words are found
        if text.count(" ", span.start, span.end) + 1 < rule.min_words:
            out.append(span)
            continue
        words = list(_WORD.finditer(text, span.start, span.end))
        marks = len(_CLAUSE_MARK.findall(text, span.start, span.end))
        if len(words) < rule.min_words or marks * 100 >= rule.max_marks_per_100 * len(words):
            out.append(span)
            continue
        start, last = span.start, 0
        for k in range(rule.min_piece, len(words) - rule.min_piece):
            if (
                k - last >= rule.min_piece
                and words[k].group().lower() in rule.joiners
                and words[k + 1].group().lower() in rule.openers
            ):
                _add_span(out, text, start, words[k].start())
                start, last = words[k].start(), k
        _add_span(out, text, start, span.end)
    return out


def _add_span(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not _WORD.search(stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append(Span(start=start + lead, end=start + lead + len(stripped)))


def clauses_holding(sentence: str, details: Iterable[str], min_words: int) -> int:
    """How many clauses of `sentence` hold one of `details` (strings cut from it, in reading
    order): the pieces between its commas, semicolons and colons, a piece of fewer than
    `min_words` words (or one after such a piece) joined to the clause before it, so neither a
    bare list ("Ohio, 2024, Mercy") nor a date ("February 12, 2026") makes clauses. Each detail
    is found once, as a whole word, after the one before it: a place named again in a later
    clause ("my life in Ohio, ... a part of Ohio") adds no clause."""
    ends: list[int] = []  # where each clause ends
    last_words = 0  # the words of the clause before
    at = 0
    for piece in re.split(r"[,;:]", sentence):
        at += len(piece)
        words = count_words(piece)
        if ends and (words < min_words or last_words < min_words):
            ends[-1] = at
            last_words += words
        else:
            ends.append(at)
            last_words = words
        at += 1  # the mark after it
    held: set[int] = set()
    searched = 0
    for detail in dict.fromkeys(details):  # each detail once, however often it is named
        found = _whole_word_at(sentence, detail, searched)
        if found < 0:
            continue
        searched = found + len(detail)
        held.add(bisect.bisect_left(ends, found + 1))
    return len(held)


def _whole_word_at(text: str, word: str, start: int) -> int:
    """Where `word` is first found in `text` from `start` on, not inside a longer word ("US" of
    "USMLE", "3" of "2023"); -1 when it is not."""
    if not word:
        return -1
    at = text.find(word, start)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        at = text.find(word, at + 1)
    return -1


def count_words(text: str) -> int:
    return len(_WORD.findall(text.translate(_QUOTES)))


def spoken_seconds(words: int, words_per_minute: int) -> float:
    return round(words * 60.0 / words_per_minute, 1)


# -- analysis -----------------------------------------------------------------------------------
class Analysed:
    """A text split into sentences, with every phrase list of the lexicon (or the lists named in
    `groups`) matched once."""

    def __init__(
        self,
        text: str,
        comp: Compiled,
        blank: Sequence[Span] = (),
        groups: frozenset[str] | None = None,
        *,
        read: bool = True,
    ) -> None:
        """`read`: match the phrase lists (those in `groups`) now; without it only the
        sentences and tokens are worked out (what find_padding reads), and `read_phrases`
        completes the reading."""
        self.text = text
        self.norm = text.translate(_QUOTES)
        for span in blank:  # padding: blanked out (same length, so offsets stay valid)
            self.norm = (
                self.norm[: span.start] + " " * (span.end - span.start) + self.norm[span.end :]
            )
        self.spans = split_sentences(self.norm, comp.abbreviations)
        if comp.run_on is not None:
            self.spans = split_run_ons(self.norm, self.spans, comp.run_on)
        self.starts = [s.start for s in self.spans]
        self.comp = comp
        self.tokens = tokenize(self.norm, comp.unmarked)
        self.word_starts = [
            start
            for start, word in zip(self.tokens.starts, self.tokens.is_word, strict=True)
            if word
        ]
        self.words = len(self.word_starts)
        self._hits: dict[str, list[Hit]] = {}
        self._by_sentence: dict[str, dict[int, list[Hit]]] = {}
        # The hits drop_outside took out, by list: still read where the place does not matter
        # (a plan to stay elsewhere still looks ahead).
        self.dropped: dict[str, list[Hit]] = {}
        self._specific: dict[int, list[str]] | None = None  # specific_sentences, once worked out
        self._pattern_spans: list[tuple[int, int]] | None = None
        self.negated_plans: list[Hit] = []
        self.hedged_plans: list[Hit] = []
        if read:
            self.read_phrases(groups)

    def read_phrases(self, groups: frozenset[str] | None = None) -> None:
        """Match every phrase list (only those in `groups` when given: a story's verdict, where
        hits(name) of another list fails), and set aside the hits the text undoes."""
        self._hits = self.comp.index_of(groups).scan(self.norm, self.tokens, self.starts)
        self._by_sentence = {}
        # A tie said not to be there ("My parents do not live there") names none.
        self._set_aside("ties", "tie_negators", self._negator_near)
        if "ties" in self._hits and "holiday_visits" in self._hits:
            self._hits["ties"] = self._ties_beyond_visits()
        # A plan to stay turned round ("I do not plan to stay") or said with a hedge ("Maybe I
        # would stay, probably") is no plan: those hits are kept aside, for the practice check
        # to name. A phrase that is itself negative ("will not leave") starts where its
        # negator does, or before it, and still counts.
        self.negated_plans = self._set_aside(
            "plan_to_stay",
            "stay_negators",
            lambda hit, found: any(n.start < hit.start for n in found),
        )
        self.hedged_plans = self._set_aside("plan_to_stay", "hedges", self._hedges_plan)
        # Proof said not to be there ("I have not seen patients since 2019") proves nothing,
        # nor does the rest of its clause ("I stopped volunteering at the free clinic in Ohio").
        undone = [
            hit
            for name in sorted(_PROOF_LISTS)
            for hit in self._set_aside(name, "proof_negators", self._negated_before)
        ]
        if undone:
            for name in _PROOF_LISTS & self._hits.keys():
                self._hits[name] = [h for h in self._hits[name] if not self._later(h, undone)]
        # Proof told of someone else ("my wife took a job at a tech company there") is theirs.
        for name in sorted(_PROOF_LISTS):
            self._set_aside(name, "someone_else", self._theirs)

    def _theirs(self, hit: Hit, others: list[Hit]) -> bool:
        """One of `others` (someone else named as a subject) comes before `hit` in its clause,
        with no word for the applicant between: "my wife took a job at ...", not "my wife and I
        volunteered", "she let me shadow her in clinic", "I worked in my father's clinic" or "my
        husband's job brought us here, and I work at ..."."""
        return any(
            other.end <= hit.start
            and not other.found.lower().endswith("'s")  # "my father's clinic": no subject
            # who only set the applicant on it ("My wife suggested a research job at ...")
            and not _SET_ON.match(self.norm, other.end)
            and not _CLAUSE_BREAK.search(self.norm, other.end, hit.start)
            and not _FIRST_PERSON.search(self.norm, other.end, hit.start)
            for other in others
        )

    def _hedges_plan(self, hit: Hit, hedges: list[Hit]) -> bool:
        """One of `hedges`, in the sentence of the plan to stay `hit`, hedges it: not one that
        opens a later clause about the kind of work there ("I want to stay and practice in
        Wisconsin, maybe as a hospitalist in a smaller town"), where "I will stay, probably."
        still hedges."""
        for hedge in hedges:
            after = _WORD.search(self.norm, hedge.end)
            # only a hedge after the plan, with more of its sentence after it ("I will stay in
            # Ohio; maybe." hedges), can be about something else
            if (
                hedge.start < hit.end
                or after is None
                or self.sentence_of(after.start()) != self.sentence_of(hit.start)
            ):
                return True
            # a later clause of its own ("I plan to stay in Ohio, and if the right job opens at
            # my home hospital I will join its faculty") hedges what it says, not the stay
            own_clause = _OWN_CLAUSE.search(self.norm, hit.end, hedge.end) is not None
            qualifies = (
                "," in self.norm[hit.end : hedge.start]
                and after.group().lower() in _QUALIFIER_STARTS
                # "I want to stay, maybe, in Ohio": the hedge set off on its own still hedges
                and not self.norm[hedge.end : after.start()].strip()
            )
            if not (qualifies or own_clause):
                return True
        return False

    def _later(self, hit: Hit, undone: list[Hit]) -> bool:
        """`hit` comes after one of `undone` in its clause (same sentence, no clause break)."""
        return any(
            u.end <= hit.start
            and self.sentence_of(u.start) == self.sentence_of(hit.start)
            and not _CLAUSE_BREAK.search(self.norm[u.end : hit.start])
            for u in undone
        )

    def _set_aside(self, name: str, by: str, undone: Callable[[Hit, list[Hit]], bool]) -> list[Hit]:
        """Take out of list `name`'s hits those that `undone` says the hits of list `by` in
        the same sentence undo, and return them (none when either list was not read)."""
        if name not in self._hits or by not in self._hits:
            return []
        undoing = self.by_sentence(self._hits[by])
        aside: list[Hit] = []
        kept: list[Hit] = []
        for hit in self._hits[name]:
            found = undoing.get(self.sentence_of(hit.start))
            (aside if found and undone(hit, found) else kept).append(hit)
        self._hits[name] = kept
        return aside

    def _ties_beyond_visits(self) -> list[Hit]:
        """The tie phrases that name a person or a life there. One in a sentence about a visit
        (a holiday_visits phrase: "My family and I loved our vacations in San Diego") names
        company on a trip, not a tie, unless the sentence also says someone lives, grew up,
        studied or works there (lives_there: "My parents live there and we vacation there
        every summer"), or the next sentence opens with a pronoun for them and says so
        (tie_pronouns: "My family and I vacation there. They live in La Jolla."). Every
        reader of ties (the practice check, a story's verdict, its praise-only sentences)
        reads these."""
        visits = set(self.sentences_with("holiday_visits"))
        if not visits:
            return self._hits["ties"]
        lives = self.by_sentence(self._hits.get("lives_there", ()))
        visits.difference_update(lives)
        pronouns = self.by_sentence(self._hits.get("tie_pronouns", ()))
        visits.difference_update(
            {index - 1 for index in pronouns if index in lives and index - 1 in visits}
        )
        return [hit for hit in self._hits["ties"] if self.sentence_of(hit.start) not in visits]

    def _negator_near(self, hit: Hit, negators: list[Hit]) -> bool:
        """A tie_negators phrase within TIE_NEGATOR_WORDS words of the tie phrase `hit`: "My
        parents do not live in Tucson anymore", "None of my family lives there" and "I have
        never lived there" name no tie."""

        word = self._word_at
        first, last = word(hit.start), word(hit.end) - 1
        return any(
            word(n.end) - 1 >= first - TIE_NEGATOR_WORDS
            and word(n.start) <= last + TIE_NEGATOR_WORDS
            for n in negators
        )

    def _word_at(self, offset: int) -> int:
        """The index of the first word starting at or after `offset`."""
        return bisect.bisect_left(self.word_starts, offset)

    def _negated_before(self, hit: Hit, negators: list[Hit]) -> bool:
        """An odd number of proof_negators phrases before `hit`, the nearest ending at most
        PROOF_NEGATOR_WORDS words before it and each further one at most that many words
        before the next, with no clause break between them and it (a comma, a semicolon, "but",
        "and"): "I have not seen patients", "I have been away from clinical work", "I stopped
        seeing patients"; not "I had not worked for years, but since 2024 I see patients every
        week", nor "I have not stopped seeing patients" or "I never missed a shift in urgent
        care" (two negations cancel). A phrase inside another ("no" in "no longer") counts
        once."""

        word = self._word_at
        before = [
            n
            for n in negators
            if n.end <= hit.start and not _CLAUSE_BREAK.search(self.norm[n.end : hit.start])
        ]
        count, edge = 0, hit.start  # where the last one counted starts
        for n in sorted(before, key=lambda n: (-n.end, n.start)):
            if n.end > edge:
                continue  # inside the one counted last ("no" of "no longer")
            if word(edge) - word(n.end) > PROOF_NEGATOR_WORDS:
                break
            count, edge = count + 1, n.start
        return count % 2 == 1

    def drop_outside(self, region: str, catalog: Catalog) -> dict[str, list[str]]:
        """Take out the ties and local activity of sentences that name places, none of them in
        `region` ("I did my medical school in Texas", "I did a rotation in Houston", read for
        the Midwest: about somewhere else; in a sentence that tells a return, only the places
        named after it count: "After school in Philadelphia I came back to work at UAB" is
        about the place come back to), and return, for each list that lost some, those
        places as written, each once (lists that were not read are left alone)."""
        away: dict[str, list[str]] = {}
        returns = self.sentences_with("returns") if "returns" in self._hits else {}
        for name in _PLACED_LISTS:
            if name not in self._hits:
                continue
            places: dict[str, str] = {}
            kept: list[Hit] = []
            for index, hits in self.sentences_with(name).items():
                span = self.spans[index]
                parts = [(span.start, span.end, hits)]
                if back := returns.get(index):
                    # a return splits the sentence: what comes before it is read against the
                    # places before it (where one came from), the rest against those after it
                    turn = back[0]
                    parts = [
                        (span.start, turn.start, [h for h in hits if h.start < turn.start]),
                        (turn.end, span.end, [h for h in hits if h.start >= turn.start]),
                    ]
                for start, end, part in parts:
                    if not part:
                        continue
                    named = places_named(_without_origins(self.norm[start:end]), catalog)
                    # A contrast splits it again ("I grew up in Chicago but did medical school
                    # in Arizona"): each side is read against its own places, or the whole
                    # part's where it names none ("... in Arizona, but my parents live there").
                    for clause, clause_hits in self._contrast_clauses(start, end, part):
                        said = _without_origins(self.norm[clause[0] : clause[1]])
                        # a clause that names no place and says "here" is about the place the
                        # answer is given for ("My parents live ten minutes from here, and I
                        # went to medical school in India")
                        here = places_named(said, catalog) or ([] if _HERE.search(said) else named)
                        if here and not any(place.is_in(region) for place in here):
                            places.update((place.written.lower(), place.written) for place in here)
                            self.dropped.setdefault(name, []).extend(clause_hits)
                        else:
                            kept.extend(clause_hits)
            self._hits[name] = kept
            self._by_sentence.pop(name, None)
            if places:
                away[name] = list(places.values())
        return away

    def _contrast_clauses(
        self, start: int, end: int, hits: list[Hit]
    ) -> list[tuple[tuple[int, int], list[Hit]]]:
        """The text from `start` to `end` cut at each contrast (_CONTRAST), with the hits that
        begin in each piece; pieces without hits are left out."""
        cuts = [m.span() for m in _CONTRAST.finditer(self.norm, start, end)]
        if not cuts:
            return [((start, end), hits)]
        edges = [start, *(edge for cut in cuts for edge in cut), end]
        out = []
        for left, right in zip(edges[::2], edges[1::2], strict=True):
            inside = [h for h in hits if left <= h.start < right]
            if inside:
                out.append(((left, right), inside))
        taken = sum(len(found) for _, found in out)
        if taken < len(hits):  # a hit beginning on a contrast word: read with the whole piece
            return [((start, end), hits)]
        return out

    def hits(self, name: str) -> list[Hit]:
        return self._hits[name]

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def turns_after(self, hit: Hit) -> bool:
        """Whether the sentence holding `hit` turns after it (_TURN): "Nothing comes to mind at
        once, but in 2024 I..." and "I never had a conflict with a senior until 2024, when..."
        go on to say something else."""
        span = self.spans[self.sentence_of(hit.start)]
        return _TURN.search(self.norm, hit.end, span.end) is not None

    def by_sentence(self, hits: Iterable[Hit]) -> dict[int, list[Hit]]:
        found: dict[int, list[Hit]] = {}
        for hit in hits:
            found.setdefault(self.sentence_of(hit.start), []).append(hit)
        return found

    def sentences_with(self, name: str) -> dict[int, list[Hit]]:
        if name not in self._by_sentence:
            self._by_sentence[name] = self.by_sentence(self._hits[name])
        return self._by_sentence[name]

    def specific_sentences(self) -> dict[int, list[str]]:
        """Each sentence's concrete details, in reading order; a detail inside a longer one
        ("1" in "Step 1", "Mary" in "St Mary") is quoted once, as the longer. Worked out once:
        the specifics check, the stock check and the forward close all read it."""
        if self._specific is not None:
            return self._specific
        spans = {self._whole_name(start, end) for start, end in self.pattern_spans()}
        spans.update((h.start, h.end) for h in self._hits.get("specifics_phrases", ()))
        spans.update(self._opening_places())
        spans.update(self._places_in_lower_case())
        spans.update(self._counted_amounts())
        # A number inside stock praise ("I always give 110 percent") is part of the cliche,
        # not a detail that backs it up.
        stock = [(h.start, h.end) for h in self._hits.get("stock_phrases", ())]
        found: dict[int, list[str]] = {}
        widest = sorted(spans, key=lambda span: (span[0], -span[1]))
        reach = -1
        for start, end in widest:
            if end <= reach:
                continue  # inside the span before it
            reach = end
            if any(start < s_end and s_start < end for s_start, s_end in stock):
                continue
            found.setdefault(self.sentence_of(start), []).append(self.norm[start:end])
        self._specific = dict(sorted(found.items()))
        return self._specific

    def _opening_places(self) -> Iterator[tuple[int, int]]:
        """A state or city of the reference data that opens a sentence ("Wisconsin is where I
        plan to settle"): a checkable detail, where a capitalised word opening a sentence is
        otherwise not taken for a name. (Mid-sentence, the name patterns find places.)"""
        catalog = self.comp.catalog() if self.comp.catalog is not None else None
        if catalog is None:
            return
        places = _places(catalog)
        for span in self.spans:
            words: list[re.Match[str]] = []
            for word in _PLACE_WORD.finditer(self.norm, span.start, span.end):
                if len(words) == places.longest:
                    break
                words.append(word)
            if not words or self.norm[span.start : words[0].start()].strip("\"'“‘( "):
                continue
            capital = words[0].group()[:1].isupper()
            for size in range(len(words), 0, -1):
                kind = (_place_of(places, self.norm, words[:size]) or ("", ""))[0]
                if kind == "city" or (kind == "state" and capital):
                    yield words[0].start(), words[size - 1].end()
                    break

    def _places_in_lower_case(self) -> Iterator[tuple[int, int]]:
        """A state typed in lower case ("my parents live in columbus ohio"), or a city after a
        word that says where ("i grew up in tucson"; a city's name may be a word, "reading" or
        "mobile", so only there): a checkable detail as "Ohio" and "Tucson" are."""
        catalog = self.comp.catalog() if self.comp.catalog is not None else None
        if catalog is None:
            return
        places = _places(catalog)
        lows, starts, ends = self.tokens.lows, self.tokens.starts, self.tokens.ends
        for index, low in enumerate(lows):
            if not self.norm[starts[index]].islower():
                continue
            city = index > 0 and lows[index - 1] in _WHERE_WORDS
            if low not in places.state_firsts and not city:
                continue
            for size in range(min(places.longest, len(lows) - index), 0, -1):
                words = tuple(lows[index : index + size])
                if words in places.states or (city and words in places.lower_cities):
                    yield starts[index], ends[index + size - 1]
                    break

    def _whole_name(self, start: int, end: int) -> tuple[int, int]:
        """A name found without the capitalised word just before it, which opens the sentence
        ("Diego" of "San Diego has..."), widened to take it in; not a word that says nothing
        ("The", "In") or a verb opening the sentence ("Visiting Columbus")."""
        if not _NAME.fullmatch(self.norm, start, end):
            return start, end
        before = _NAME_BEFORE.search(self.norm, max(0, start - 40), start)
        if before is None:
            return start, end
        word = before.group(1).lower()
        if word in self.comp.function_words or word.endswith("ing"):
            return start, end
        return before.start(1), end

    def pattern_spans(self) -> list[tuple[int, int]]:
        """Where the specifics patterns match (each non-empty match), found once: the checks'
        details and the padding finder's named numbers both read them."""
        if self._pattern_spans is None:
            self._pattern_spans = [
                m.span()
                for pattern in self.comp.specifics
                for m in pattern.finditer(self.norm)
                if m.end() > m.start()
            ]
        return self._pattern_spans

    def _counted_amounts(self) -> Iterator[tuple[int, int]]:
        """Spans like "three months", "3 months", "twenty-two programs", "four-week", "two of my
        letters", "two US letters", "twelve family medicine programs"."""
        numbers, units = self.comp.numbers, self.comp.units
        lows, starts, ends = self.tokens.lows, self.tokens.starts, self.tokens.ends
        sayings, rhythm = self.comp.sayings, self.comp.rhythm

        def is_unit(low: str) -> bool:
            return low in units or (_stem(low) or "") in units

        for index, low in enumerate(lows):
            # "three months", "3 months"; not a year ("my 2024 paper")
            if low in numbers or (
                low.isdigit()
                and not _YEAR_WORD.fullmatch(low)
                # not the end of "1,500" or "2.5"
                and not (index >= 2 and lows[index - 1] in ",." and lows[index - 2].isdigit())
            ):
                unit = index + 1
            elif "-" in low and low.split("-", 1)[0] in numbers:
                parts = low.split("-")
                if all(part in numbers for part in parts):
                    unit = index + 1
                elif len(parts) == 2 and is_unit(parts[1]):
                    yield starts[index], ends[index]
                    continue
                else:
                    continue
            else:
                continue
            if (
                unit + 1 < len(lows)
                and len(lows[unit]) > 1
                and self.norm[starts[unit] : ends[unit]].isupper()
                and is_unit(lows[unit + 1])
            ):
                unit += 1  # a unit after an acronym that says which ("two US letters")
            elif unit + 2 < len(lows) and lows[unit + 1] == "medicine" and is_unit(lows[unit + 2]):
                unit += 2  # a specialty's ("twelve family medicine programs")
            if (
                unit == index + 1
                and (low, lows[unit] if unit < len(lows) else "") in sayings
                and (unit + 1 >= len(lows) or lows[unit + 1] not in rhythm)
            ):
                continue  # "one day" of "the patients I hope to serve one day"
            if unit < len(lows) and is_unit(lows[unit]):
                # a unit naming another ("two night shifts") is quoted whole
                whole = unit + 1 if unit + 1 < len(lows) and is_unit(lows[unit + 1]) else unit
                yield starts[index], ends[whole]
            elif (
                unit + 2 < len(lows)
                and lows[unit] == "of"
                and lows[unit + 1] in _OWNERS
                and is_unit(lows[unit + 2])
            ):
                yield starts[index], ends[unit + 2]

    def blame_sentences(self) -> dict[int, list[Hit]]:
        negated = set(self.sentences_with("blame_negators"))
        return {i: h for i, h in self.sentences_with("blame").items() if i not in negated}

    def closing(self, count: int) -> list[int]:
        return list(range(max(0, len(self.spans) - count), len(self.spans)))

    def quote(self, indexes: Iterable[int]) -> tuple[list[str], list[Span]]:
        chosen = sorted(set(indexes))
        return [self.text[self.spans[i].start : self.spans[i].end] for i in chosen], [
            self.spans[i] for i in chosen
        ]


# -- padding ---------------------------------------------------------------------------------------
PaddingKind = Literal["repeat", "near_repeat", "numbers", "salad", "claims"]


class Padding(NamedTuple):
    """A sentence of an answer that earns nothing (lexicon [padding])."""

    kind: PaddingKind
    span: Span  # where the sentence is in the text
    text: str  # the sentence as written


def find_padding(text: Analysed) -> list[Padding]:
    """Sentences that add words but nothing else: said before (word for word, or as one of
    many alike sentences with only the numbers or a word or two changed), bare number lists,
    keyword strings (lexicon.toml [padding]). A false flag costs more than a miss: only clear
    cases."""
    rule = text.comp.lexicon.padding
    function = text.comp.function_words
    lows, starts, is_word = text.tokens.lows, text.tokens.starts, text.tokens.is_word
    sentences: list[range] = []
    for span in text.spans:
        first = bisect.bisect_left(starts, span.start)
        sentences.append(range(first, bisect.bisect_left(starts, span.end)))
    seen: set[tuple[str, ...]] = set()
    repeats: set[int] = set()
    compared: list[int] = []  # the sentences long enough to be compared for near repeats
    said = [tuple(lows[i] for i in tokens if is_word[i]) for tokens in sentences]
    for index, words in enumerate(said):
        if len(words) >= rule.repeat_min_words and words in seen:
            repeats.add(index)
        elif len(words) >= rule.near_repeat_min_words:
            compared.append(index)
        seen.add(words)
    repeats.update(_contained(said, rule.contained_min_words))
    kinds: dict[int, list[int]] = {}  # a kind of sentence (its first one) -> its sentences
    alike = _alike(text, [sentences[i] for i in compared], rule.near_repeat_similarity, function)
    for index, kind in zip(compared, alike, strict=True):
        kinds.setdefault(compared[kind], []).append(index)
    # Enough alike sentences to be a template: only the first of them counts.
    templated = {
        index
        for members in kinds.values()
        if len(members) >= rule.near_repeat_min_count
        for index in members[1:]
    }
    found: list[Padding] = []
    for index, (span, tokens) in enumerate(zip(text.spans, sentences, strict=True)):
        quoted = text.text[span.start : span.end]
        words = said[index]
        if index in repeats or (
            len(words) >= rule.stutter_min_words and 2 * max(Counter(words).values()) > len(words)
        ):
            found.append(Padding("repeat", span, quoted))
            continue
        if index in templated:
            found.append(Padding("near_repeat", span, quoted))
            continue
        run = longest = 0
        for i in tokens:  # bare numbers in a row ("45 80 3 2"); punctuation breaks a run
            run = run + 1 if lows[i].isdigit() else 0
            longest = max(longest, run)
        if longest >= rule.number_run:
            found.append(Padding("numbers", span, quoted))
            continue
        if len(words) >= rule.salad_min_words and _bare(words, function, rule):
            found.append(Padding("salad", span, quoted))

    # Keywords cut into fragments ("Observership Chicago 2024. Research coordinator Rush."):
    # two or more sentences in a row with no more function words than a keyword string, whose
    # words together make one.
    def bare(i: int) -> bool:
        return bool(said[i]) and _bare(said[i], function, rule)

    for group in _runs(len(said), bare, {p.span for p in found}, text):
        if len(group) >= 2 and sum(len(said[i]) for i in group) >= rule.salad_min_words:
            found.extend(_padding("salad", text, group))

    # Bare claims strung together: a run of very short sentences says nothing happened.
    def claim(i: int) -> bool:
        return 0 < len(said[i]) <= rule.claims_max_words

    for group in _runs(len(said), claim, {p.span for p in found}, text):
        if len(group) >= rule.claims_run:
            found.extend(_padding("claims", text, group))
    found.sort(key=lambda p: p.span.start)
    return found


def _contained(said: Sequence[tuple[str, ...]], min_words: int) -> set[int]:
    """The sentences (of `min_words` words or more) whose words all come, in a row, inside a
    longer sentence: each is looked for once in all the sentences joined, where it is found as
    often as it is said word for word unless a longer one holds it too."""
    joined = "\0".join(" " + " ".join(words) + " " for words in said)
    alike = Counter(said)
    return {
        index
        for index, words in enumerate(said)
        if len(words) >= min_words and joined.count(" " + " ".join(words) + " ") > alike[words]
    }


def _runs(
    count: int, keep: Callable[[int], bool], flagged: set[Span], text: Analysed
) -> Iterator[list[int]]:
    """The longest runs of sentences in a row, none flagged already, each one kept by `keep`."""
    run: list[int] = []
    for index in range(count):
        if text.spans[index] not in flagged and keep(index):
            run.append(index)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def _padding(kind: PaddingKind, text: Analysed, sentences: Iterable[int]) -> list[Padding]:
    return [
        Padding(kind, text.spans[i], text.text[text.spans[i].start : text.spans[i].end])
        for i in sentences
    ]


def read_without_padding(
    text: str, comp: Compiled, groups: frozenset[str] | None = None
) -> tuple[Analysed, list[Padding], int]:
    """`text` as the checks and story verdicts read it: padding (repeats, keyword strings, bare
    claims) left out, since it earns nothing; the padding found; and the padding's words."""
    # Padding is found from sentences and words alone, so the phrase lists are read once: in
    # the text as written when it has none, else in the text with the padding left out.
    analysed = Analysed(text, comp, read=False)
    padding = find_padding(analysed)
    if padding:
        analysed = Analysed(text, comp, [p.span for p in padding], groups=groups)
    else:
        analysed.read_phrases(groups)
    return analysed, padding, sum(count_words(p.text) for p in padding)


def _bare(words: Sequence[str], function: frozenset[str], rule: PaddingRule) -> bool:
    """True when `words` hold no more function words than a keyword string does."""
    return sum(1 for w in words if w in function) / len(words) <= rule.salad_max_function_share


_NUMBER = "#"  # every number, in digits or in words, reads as this word when sentences are compared


def _alike(
    text: Analysed, sentences: Sequence[range], similarity: float, function: frozenset[str]
) -> list[int]:
    """For each of `sentences` (token ranges, in reading order), the first of them it is alike
    to (itself when none before): their content words (not in `function`; every number read as
    one word) overlap, by Jaccard, at least `similarity`. A sentence is compared with the first
    sentence of each kind found before it.

    Candidates come from prefix filtering, not from every pair: with each set's words in one
    order (rarest first), two sets alike at `similarity` share a word among the first
    len - ceil(similarity * len) + 1 words of each."""
    if not sentences:
        return []
    numbers = text.comp.numbers
    lows, is_word, starts = text.tokens.lows, text.tokens.is_word, text.tokens.starts
    kept: frozenset[int] | None = None  # where "2" of "Step 2" starts: part of a name, kept
    sets: list[frozenset[str]] = []
    for tokens in sentences:
        words: set[str] = set()
        for i in tokens:
            low = lows[i]
            if not is_word[i] or low in function:
                continue
            if low.isdigit():
                if kept is None:
                    kept = _named_numbers(text)
                words.add(low if starts[i] in kept else _NUMBER)
            elif low in numbers or ("-" in low and all(p in numbers for p in low.split("-"))):
                words.add(_NUMBER)  # "ten", "twenty-two"
            else:
                words.add(low)
        sets.append(frozenset(words))
    frequency: dict[str, int] = {}
    for content in sets:
        for word in content:
            frequency[word] = frequency.get(word, 0) + 1
    firsts: list[int] = []  # the first sentence of each kind
    holding: dict[str, list[int]] = {}  # a word -> the kinds whose first sentence's prefix has it
    found: list[int] = []
    for position, content in enumerate(sets):
        ordered = sorted(content, key=lambda w: (frequency[w], w))
        prefix = ordered[: len(ordered) - math.ceil(similarity * len(ordered) - 1e-9) + 1]
        match = position
        for kind in sorted({k for word in prefix for k in holding.get(word, ())}):
            first = sets[firsts[kind]]
            shared = len(content & first)
            if shared >= similarity * (len(content) + len(first) - shared) - 1e-9:
                match = firsts[kind]
                break
        if match == position and content:
            for word in prefix:
                holding.setdefault(word, []).append(len(firsts))
            firsts.append(position)
        found.append(match)
    return found


def _named_numbers(text: Analysed) -> frozenset[int]:
    """Where the numbers that are part of a longer detail start ("2" of "Step 2 CK"): inside a
    specifics pattern's match that holds letters as well as the number."""
    starts, lows, norm = text.tokens.starts, text.tokens.lows, text.norm
    found: set[int] = set()
    for start, end in text.pattern_spans():
        if any(c.isalpha() for c in norm[start:end]):
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_left(starts, end)
            found.update(starts[i] for i in range(first, last) if lows[i].isdigit())
    return frozenset(found)


# -- the profile's own stories --------------------------------------------------------------------
def _quote(terms: Sequence[str], limit: int = 4) -> str:
    return ", ".join(f"'{t}'" for t in terms[:limit])


def judge(
    kind: StoryKind,
    text: Analysed,
    padded: int = 0,
    elsewhere: str = "",
    *,
    past: bool = True,
) -> StoryVerdict:
    """Concrete, generic or missing, by the signals of lexicon.toml [stories.KIND]; quotes the
    phrases that decided it. `padded`: the words of padding already left out of `text`
    (repeats, keyword strings, bare claims), which a generic verdict names. `elsewhere`: what
    a generic verdict says of the ties, work or plans left out as being outside the target
    region (judge_story). A story read for blame (the rule's `blame`) that puts the outcome on
    luck, the system or others, in the sentences the interview practice's no_blame check finds
    (Analysed.blame_sentences), is "blames" where it would be concrete, and a generic one says
    so too. `past`: the applicant has an earlier cycle or time away to tell; without one, a
    rule with `first_time_advice` asks only for the signals it words."""
    rule = text.comp.lexicon.stories[kind]
    first_time = not past and bool(rule.first_time_advice)
    blame = blame_terms(text) if rule.blame is not None else []
    stock_words = _stock_words(text, rule)
    counted = text.words - stock_words  # praise any visitor could give adds no length
    found: dict[str, list[str]] = {}
    for signal in rule.signals:
        if signal == "long":
            terms = [f"{counted} words"] if counted >= rule.long_words else []
        elif signal == "specifics":
            terms = [v for values in text.specific_sentences().values() for v in values]
        else:
            terms = [hit.found for hit in text.hits(signal)]
        if terms:
            found[signal] = list(dict.fromkeys(" ".join(t.split()) for t in terms))
    generic = (
        list(dict.fromkeys(" ".join(h.found.split()) for h in text.hits(rule.generic)))
        if rule.generic
        else []
    )
    present = [s for s in rule.signals if s in found]
    absent = [
        s
        for s in rule.signals
        if s not in found and s != "long" and (not first_time or s in rule.first_time_advice)
    ]
    # Each phrase once, whichever signals it fired ('scribe' is a role and readiness both),
    # and not again as a part of a longer one quoted ('Clinic' of 'Mayo Clinic').
    # Parts are dropped among every phrase found, before each signal's first two are taken: a
    # longer phrase cut from the quotes still hides its part ('Clinic', 'Mayo Clinic' third).
    every = list({t.lower(): t for s in present if s != "long" for t in found[s]}.values())
    whole = {t.lower() for t in _without_parts(every)}
    quoted = list(
        {
            t.lower(): t
            for s in present
            if s != "long"
            for t in [t for t in found[s] if t.lower() in whole][:2]
        }.values()
    )
    common = {"kind": kind, "label": rule.label, "words": text.words, "signals": present}
    if text.words == 0 and not padded:
        return StoryVerdict(quality="missing", missing=absent, reason="not written yet", **common)
    needed = [r for r in rule.required if r not in found]
    if rule.required_any and not any(r in found for r in rule.required_any):
        needed.append(rule.required_any[0])
    # A story that says it will not stay ("I do not plan to stay in the West after training")
    # makes no case for the place, whatever ties it names.
    refused = "plan_to_stay" in rule.signals and "plan_to_stay" not in found and text.negated_plans
    # what a story read for blame says of it, and the advice after the verdict
    blamed = f"{rule.blame.said} {_quote(blame)}" if rule.blame and blame else ""
    owned = f" {rule.blame.advice}" if rule.blame and blame else ""
    # A first-time applicant is asked only for the first-time signals: all of them will do.
    enough = rule.min_signals
    if first_time and rule.first_time_advice:
        enough = min(enough, len(rule.first_time_advice))
    if not needed and len(present) >= enough and not refused:
        if blamed:
            return StoryVerdict(
                quality="blames",
                concrete=quoted,
                generic=generic,
                blame=blame,
                reason=f"blames ({text.words} words; names {_quote(quoted)}; {blamed}).{owned}",
                **common,
            )
        return StoryVerdict(
            quality="concrete",
            concrete=quoted,
            generic=generic,
            reason=f"concrete ({text.words} words; names {_quote(quoted)})",
            **common,
        )
    left_out = "said again or strung together, which count for nothing"
    if padded and not text.words:
        detail = f"all {padded} words {left_out}"
    else:
        detail = f"{text.words} words" + (f" besides {padded} {left_out}" if padded else "")
    if stock_words:
        share = "all" if stock_words == text.words else f"{stock_words} of them"
        detail += f", {share} in sentences of praise only"
    if generic:
        detail += f"; stock phrase {_quote(generic, 2)}"
    if quoted:
        detail += f"; names only {_quote(quoted, 3)}"
    if elsewhere:
        detail += f"; {elsewhere}"
    if refused:
        detail += "; it says you do not plan to stay"
    if blamed:
        detail += f"; {blamed}"
    add = _advice(rule, [*needed, *absent], first_time)
    return StoryVerdict(
        quality="generic",
        concrete=quoted,
        generic=generic,
        missing=absent,
        blame=blame,
        reason=f"generic ({detail}). Add {add}.{owned}",
        **common,
    )


def blame_terms(text: Analysed) -> list[str]:
    """The phrases that put an outcome on luck, the system, bias or other people, in the
    sentences that do so (Analysed.blame_sentences), as written, in order, each once (case
    aside): what the interview practice's no_blame check and a story's verdict both quote."""
    found: dict[str, str] = {}
    for hits in text.blame_sentences().values():
        for hit in hits:
            said = " ".join(hit.found.split()).strip(" ,;:")
            found.setdefault(said.lower(), said)
    return list(found.values())


def _stock_words(text: Analysed, rule: StoryRule) -> int:
    """The words of the story's praise-only sentences: those holding one of its stock phrases
    (its `generic` list) and none of its signals' phrases ("My parents live there, and I love
    the city" names a tie and counts). They add nothing toward its length."""
    if not rule.generic:
        return 0
    named: set[int] = set()
    for signal in rule.signals:
        if signal not in ("long", "specifics"):
            named.update(text.sentences_with(signal))
    starts = text.word_starts
    return sum(
        bisect.bisect_left(starts, text.spans[i].end)
        - bisect.bisect_left(starts, text.spans[i].start)
        for i in text.sentences_with(rule.generic)
        if i not in named
    )


def _advice(rule: StoryRule, lacking: Sequence[str], first_time: bool = False) -> str:
    """What a generic story should add: the wording of each signal it lacks (required ones
    first, at most three), or the whole of what a concrete story names when none is known.
    `first_time`: in the rule's words for an applicant with no past to tell."""
    advice = rule.first_time_advice if first_time else rule.advice
    wanted = [advice[s] for s in dict.fromkeys(lacking) if s in advice][:3]
    return and_list(wanted) or (rule.first_time_wanted if first_time else rule.wanted)


def _without_parts(terms: list[str]) -> list[str]:
    """`terms` without those whose words are a run of another's words (each term's shorter
    runs gathered once: a long answer's hundred details are not compared pair by pair)."""
    words = [tuple(t.lower().split()) for t in terms]
    runs: set[tuple[str, ...]] = set()
    for whole in set(words):
        for size in range(len(whole)):  # size 0: an empty term is a part of any other
            runs.update(whole[i : i + size] for i in range(len(whole) - size + 1))
    return [t for t, w in zip(terms, words, strict=True) if w not in runs]


def judge_story(
    kind: StoryKind,
    text: str,
    catalog: Catalog,
    region: str | None = None,
    *,
    past: bool = True,
) -> StoryVerdict:
    """The verdict on one of the profile's stories (why_home, why_now, plan_b); the last few
    kept per catalog (a verdict is immutable), as every Reality check reads the same stories
    again (~0.3 ms each). `region`: the target region a why-home story's ties and local
    activity are read against (Analysed.drop_outside). `past`: the applicant has an earlier
    Match cycle or time away to tell (judge)."""
    memo = _memo(catalog)
    key = ((kind if region is None else f"{kind}@{region}") + ("" if past else "#first"), text)
    found = memo.get(key)
    if isinstance(found, StoryVerdict):
        return found
    comp = compiled(catalog)
    analysed, _, padded = read_without_padding(text, comp, comp.story_groups(kind))
    elsewhere = ""
    if region is not None:
        away = analysed.drop_outside(region, catalog)
        places = list(dict.fromkeys(p for found in away.values() for p in found))
        if places:
            elsewhere = (
                f"the ties, work or plans it names are in {_quote(places, 3)}, outside "
                f"{place(catalog.region_name(region))}"
            )
    verdict = judge(kind, analysed, padded=padded, elsewhere=elsewhere, past=past)
    _keep(memo, key, verdict)
    return verdict


# Results of pure functions of a text, per catalog: judge_story by (kind, text), places_named by
# ("places", text). Small: a profile has three stories; a new one pushes out the oldest.
_MEMO: weakref.WeakKeyDictionary[Catalog, dict[tuple[str, str], object]] = (
    weakref.WeakKeyDictionary()
)
_MEMO_SIZE = 32


def _memo(catalog: Catalog) -> dict[tuple[str, str], object]:
    found = _MEMO.get(catalog)
    if found is None:
        _MEMO[catalog] = found = {}
    return found


def _keep(memo: dict[tuple[str, str], object], key: tuple[str, str], value: object) -> None:
    if len(memo) >= _MEMO_SIZE:
        del memo[next(iter(memo))]
    memo[key] = value


# -- places a story names ---------------------------------------------------------------------
class PlaceNamed(NamedTuple):
    """A place a text names (a state, a census region or division, a city), and its census
    region: for a city name shared across regions, each of them, joined by "|" ("Portland":
    "northeast|west")."""

    written: str
    region: str

    def is_in(self, region: str) -> bool:
        """True when the place is (or, for a shared city name, may be) in `region`."""
        return region in self.region.split("|")


class _Places(NamedTuple):
    """Every state, region, division and city name of the reference data by its words, and the
    longest name in words."""

    states: dict[tuple[str, ...], str]  # lower-cased words -> region id
    proper: dict[tuple[str, ...], str]  # region and division words as written -> region id
    cities: dict[tuple[str, ...], str]  # words as written -> region id(s) ("|" between them)
    person_before: frozenset[str]  # "wife", "dr": a city name after one is a person's
    longest: int
    dc_region: str | None  # the District's region: "Washington, D.C." names it, not the state
    state_firsts: frozenset[str]  # the first word of each state name, lower-cased
    lower_cities: frozenset[tuple[str, ...]]  # each city name's words, lower-cased
    institution_after: frozenset[str]  # states.toml institution_after
    abroad: frozenset[tuple[str, ...]]  # states.toml abroad: words as written


def _places(catalog: Catalog) -> _Places:
    """State names match in any case; region, division and city names ("South", "West",
    "Houston") only as a place is written, capitalised. A city name the list gives states in
    more than one region names none of them. (Looked up word by word: one pattern of all the
    names took ~7 ms to compile, on the path of every `matchtui assess`.)"""
    found = _PLACES.get(catalog)
    if found is not None:
        return found
    from matchtui.models.states import StatesFile

    content = catalog.get("states.toml", StatesFile)
    states: dict[tuple[str, ...], str] = {}
    for state in content.states:
        region = catalog.region_of_state.get(state.code)
        if region is not None:
            states[tuple(state.name.lower().split())] = region
    cities: dict[tuple[str, ...], str] = {}
    for record in content.cities:
        regions = {catalog.region_of_state.get(code) for code in record.states} - {None}
        for name in record.names:
            cities[tuple(_PLACE_WORD.findall(name))] = "|".join(sorted(r for r in regions if r))
    proper = {tuple(r.name.split()): r.id for r in catalog.regions.values()}
    proper.update({tuple(d.name.split()): d.region for d in catalog.divisions.values()})
    person_before = frozenset(word.lower() for word in content.person_before)
    dc_region = catalog.region_of_state.get("DC")
    firsts = frozenset(words[0] for words in states)
    lower_cities = frozenset(tuple(w.lower() for w in words) for words in cities) - {
        (word.lower(),) for word in content.words_in_lower_case
    }
    institution_after = frozenset(word.lower() for word in content.institution_after)
    abroad = frozenset(
        tuple(_PLACE_WORD.findall(name)) for record in content.abroad for name in record.names
    )
    longest = max(len(words) for words in (*states, *proper, *cities, *abroad))
    _PLACES[catalog] = found = _Places(
        states,
        proper,
        cities,
        person_before,
        longest,
        dc_region,
        firsts,
        lower_cities,
        institution_after,
        abroad,
    )
    return found


_PLACES: weakref.WeakKeyDictionary[Catalog, _Places] = weakref.WeakKeyDictionary()
# A place's words: letters and digits only, so "Ohio-born" and "Ohio's" name Ohio.
_PLACE_WORD = re.compile(r"[^\W_]+")
# "Washington, D.C.", "Washington DC": the District, not the state.
_DC = re.compile(r",?\s*D\.?\s?C\b\.?")
# What may stand between the words of one name: spaces, a hyphen ("Winston-Salem"), or the dot
# of an abbreviation ("St. Louis", "D.C."; see _one_name).
_NAME_GAP = re.compile(r"\s+|-|\.\s*")


_CITY_STATE_GAP = re.compile(r",?[ \t]+")


def _one_name(text: str, span: Sequence[re.Match[str]]) -> bool:
    """True when the words of `span` follow each other as one name does."""
    for a, b in itertools.pairwise(span):
        gap = text[a.end() : b.start()]
        if not _NAME_GAP.fullmatch(gap):
            return False
        # "St. Louis", "D.C.": the dot of a short word, and of an initial only without a space
        if "." in gap and (len(a.group()) > 2 or (len(a.group()) == 1 and gap != ".")):
            return False
    return True


def places_named(text: str, catalog: Catalog) -> list[PlaceNamed]:
    """The states, regions, divisions and cities `text` names, in order, each once; the longest
    name wins where they overlap ("West Virginia", not "West"; "South Dakota", not "South";
    "Kansas City", not "Kansas"). A city name shared across regions names each of them."""
    memo = _memo(catalog)
    found = memo.get(("places", text))
    if isinstance(found, tuple):
        return list(found)
    named = _places_named(text, catalog)
    _keep(memo, ("places", text), tuple(named))
    return named


def _place_of(places: _Places, text: str, span: Sequence[re.Match[str]]) -> tuple[str, str] | None:
    """What the words of `span` name when they read as one name: its kind ("city", "region"
    or "state") and its region id (ids joined by "|" for a city name shared across regions);
    else None."""
    if not _one_name(text, span):
        return None
    written = tuple(w.group() for w in span)
    if (region := places.cities.get(written)) is not None:
        return "city", region
    if (region := places.proper.get(written)) is not None:
        return "region", region
    if (region := places.states.get(tuple(w.lower() for w in written))) is not None:
        return "state", region
    if written in places.abroad:
        return "abroad", ABROAD
    return None


def _names_more(places: _Places, after: Sequence[re.Match[str]]) -> bool:
    """The words `after` a region's name make it part of a longer name: an institution's
    ("Northeast Regional Medical Center") or a part of a state ("Northeast Ohio")."""
    if not after or not after[0].group()[0].isupper():
        return False
    lows = [w.group().lower() for w in after]
    written = tuple(w.group() for w in after)
    return (
        lows[0] in places.institution_after
        or (lows[0],) in places.states
        or tuple(lows) in places.states
        or written[:1] in places.cities  # a part of a city: "West Philadelphia"
        or written in places.cities
    )


def _state_after(
    places: _Places, text: str, end: int, after: Sequence[re.Match[str]]
) -> str | None:
    """The region of the state named by the words `after` a city's name (ending at `end`),
    right after it or after a comma ("Portland, Oregon", "Columbus Ohio"); else None."""
    if not after or not _CITY_STATE_GAP.fullmatch(text, end, after[0].start()):
        return None
    for size in (2, 1):
        words = after[:size]
        if len(words) < size or not _one_name(text, words):
            continue
        if (region := places.states.get(tuple(w.group().lower() for w in words))) is not None:
            return region
    return None


def _places_named(text: str, catalog: Catalog) -> list[PlaceNamed]:
    places = _places(catalog)
    words = list(_PLACE_WORD.finditer(text))
    named: dict[str, PlaceNamed] = {}
    at = 0
    while at < len(words):
        for size in range(min(places.longest, len(words) - at), 0, -1):
            span = words[at : at + size]
            found = _place_of(places, text, span)
            if found is None:
                continue
            kind, region = found
            end = span[-1].end()
            if kind in ("region", "abroad") and _names_more(
                places, words[at + size : at + size + 2]
            ):
                continue  # "Northeast Regional Medical Center", "Northeast Ohio"
            if (
                kind == "city"
                and region
                and at
                and words[at - 1].group().lower() in places.person_before
            ):
                region = ""  # "my wife Charlotte", "Dr. Irvine": a person
            if kind == "city" and "|" in region:
                # A name shared across regions: its state after it says which ("Portland,
                # Oregon"); else it is read as the city only after a word that says where ("in
                # Portland", "from Columbus"), not as a university ("at Columbia", "Columbia
                # University"), and then may be in any of them.
                after = words[at + size : at + size + 2]
                if state := _state_after(places, text, end, after):
                    region = state
                elif (
                    not at
                    or words[at - 1].group().lower() not in _SHARED_CITY_AFTER
                    or _names_more(places, after)
                ):
                    region = ""
            if kind == "state" and (dc := _DC.match(text, end)) is not None:
                # "Washington, D.C.": the District
                if places.dc_region is None:
                    continue
                region, end = places.dc_region, dc.end()
            if region:  # not a person's
                name = text[span[0].start() : end]
                named.setdefault(name.lower(), PlaceNamed(name, region))
            while at < len(words) and words[at].start() < end:
                at += 1
            break
        else:
            at += 1
    return list(named.values())


class TargetRegion(NamedTuple):
    """The region a text about "why there" is read against: its id, and its name as a
    sentence shows it ('the Northeast')."""

    id: str
    name: str


def names_any(text: str, words: Sequence[str]) -> bool:
    """True when `text` names one of `words` as written (capitalised as given, whole words):
    "SoCal", "Los Angeles" in a story, not "los angeles" in a sentence about something else."""
    return bool(text) and _any_pattern(tuple(words)).search(text) is not None


@functools.lru_cache(maxsize=32)
def _any_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, longest_first)) + r")(?!\w)")


def places_elsewhere(text: str, region: str, catalog: Catalog) -> list[PlaceNamed]:
    """The places `text` names when it names some and none of them is in `region` (a text
    about another region); otherwise none. A city counts as its state's region; one the
    reference list lacks names nothing; one it shares across regions is away when none of
    them is `region`. Places abroad and where other people come from ("patients from Mexico")
    do not make a text about another region: an applicant trained abroad names where."""
    named = [p for p in places_named(_without_origins(text), catalog) if p.region != ABROAD]
    if any(p.is_in(region) for p in named):
        return []
    return named


def elsewhere_note(places: Sequence[PlaceNamed], target: TargetRegion) -> str:
    """The note: names 'Wisconsin', 'Midwest', no state or region in the Northeast."""
    return f"names {_quote([p.written for p in places], 3)}, no state or region in {target.name}"


def judge_for_region(
    verdict: StoryVerdict,
    elsewhere: Sequence[PlaceNamed],
    target: TargetRegion,
    catalog: Catalog,
) -> StoryVerdict:
    """A story about the target region (lexicon.toml: names_target_region) that names places,
    none of them in that region (`elsewhere`, from `places_elsewhere`), is about somewhere
    else: not concrete for it, and its reason says which places it does name."""
    rule = compiled(catalog).lexicon.stories[verdict.kind]
    if not elsewhere or not rule.names_target_region or verdict.quality == "missing":
        return verdict
    note = elsewhere_note(elsewhere, target)
    if verdict.quality == "concrete":
        reason = (
            f"generic ({verdict.words} words; {note}). Name {target.name} or its states, and "
            f"say why there: {rule.wanted}."
        )
    else:
        head, _, tail = verdict.reason.partition("). ")
        reason = f"{head}; {note}). {tail}" if tail else f"{verdict.reason} ({note})"
    missing = [*verdict.missing, "target_region"]
    return verdict.model_copy(update={"quality": "generic", "reason": reason, "missing": missing})
