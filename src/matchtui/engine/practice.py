"""Interview answer analysis: pure functions over the question bank and the lexicon (data).

`analyse(question, text, seconds, catalog) -> Feedback` splits the answer into sentences,
matches the lexicon's phrase lists on word boundaries ("also" is not "so", "likely" is not
"like", "so-called" is one word), and runs the checks the question lists. Every check quotes the
sentences that decided it and names its rule. The phrase index is built once per catalog.

`progress(log, catalog) -> list[QuestionProgress]` summarises the practice log per question.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from matchtui.models.practice import (
    CheckResult,
    Feedback,
    Fix,
    PracticeLog,
    QuestionProgress,
    Span,
    Status,
)
from matchtui.models.questions import (
    ARC_PARTS,
    LexiconFile,
    Phrase,
    PhraseEntry,
    Question,
    QuestionsFile,
    lexicon,
    phrase_text,
    question_bank,
)

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

# A word: letters and digits (any script), with inner apostrophes or hyphens ("didn't",
# "so-called"). Every other non-space character is a token of its own.
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*|[^\s\w]|_")
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n")
_TAIL_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
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

    def __init__(self, text: str) -> None:
        matches = list(_TOKEN.finditer(text))
        self.starts: list[int] = [m.start() for m in matches]
        self.ends: list[int] = [m.end() for m in matches]
        self.lows: list[str] = [m.group().lower() for m in matches]
        self.is_word: list[bool] = [low[0].isalnum() for low in self.lows]

    def __len__(self) -> int:
        return len(self.lows)


def tokenize(text: str) -> Tokens:
    """Tokens of `text` (curly quotes already straightened)."""
    return Tokens(text)


class Hit(NamedTuple):
    start: int
    end: int
    phrase: str  # the lexicon entry that fired
    found: str  # the text it matched


@dataclass(frozen=True)
class _Pattern:
    group: str  # the phrase list it belongs to
    phrase: str
    tokens: tuple[str, ...]
    wildcard: bool  # the last token is a prefix ("discriminat*")
    plural: bool  # the last token also matches with "s" or "'s"
    not_after: frozenset[str]
    not_before: frozenset[str]
    at_start: bool

    def match_at(self, lows: Sequence[str], index: int) -> int | None:
        """The index after the match when this pattern matches at `index`, else None."""
        size = len(self.tokens)
        if index + size > len(lows):
            return None
        last = size - 1
        for offset, want in enumerate(self.tokens):
            got = lows[index + offset]
            if offset == last:
                if self.wildcard:
                    if not got.startswith(want):
                        return None
                elif got != want and not (
                    self.plural and (got == want + "s" or got == want + "'s")
                ):
                    return None
            elif got != want:
                return None
        return index + size


def _pattern(group: str, entry: Phrase) -> _Pattern | None:
    text = phrase_text(entry).strip().translate(_QUOTES)
    wildcard = text.endswith("*")
    if wildcard:
        text = text[:-1]
    tokens = tuple(tokenize(text).lows)
    if not tokens:
        return None
    conditions = entry if isinstance(entry, PhraseEntry) else None
    return _Pattern(
        group=group,
        phrase=phrase_text(entry).strip(),
        tokens=tokens,
        wildcard=wildcard,
        plural=tokens[-1][-1].isalnum(),
        not_after=frozenset(w.lower() for w in conditions.not_after) if conditions else frozenset(),
        not_before=(
            frozenset(w.lower() for w in conditions.not_before) if conditions else frozenset()
        ),
        at_start=conditions.at_start if conditions else False,
    )


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

    def __init__(self, lists: dict[str, Iterable[Phrase]]) -> None:
        self.groups = list(lists)
        self._single: dict[str, list[_Pattern]] = {}  # one-word phrases
        self._prefix: dict[str, list[_Pattern]] = {}  # one-word wildcards, by first letters
        self._pair: dict[tuple[str, str], list[_Pattern]] = {}  # by first two tokens
        self._first: dict[str, list[_Pattern]] = {}  # two-word phrases ending in a wildcard
        for group, phrases in lists.items():
            seen: set[str] = set()
            for entry in phrases:
                pattern = _pattern(group, entry)
                if pattern is None or pattern.phrase.lower() in seen:
                    continue
                seen.add(pattern.phrase.lower())
                first = pattern.tokens[0]
                if len(pattern.tokens) == 1:
                    if pattern.wildcard:
                        self._prefix.setdefault(first[:_PREFIX], []).append(pattern)
                    else:
                        self._single.setdefault(first, []).append(pattern)
                elif len(pattern.tokens) == 2 and pattern.wildcard:
                    self._first.setdefault(first, []).append(pattern)
                else:
                    self._pair.setdefault((first, pattern.tokens[1]), []).append(pattern)

    def scan(
        self, text: str, tokens: Tokens, sentence_starts: Sequence[int] = ()
    ) -> dict[str, list[Hit]]:
        hits: dict[str, list[Hit]] = {group: [] for group in self.groups}
        free: dict[str, int] = {}  # per list: the first token index not inside a match
        lows = tokens.lows
        stems = [_stem(low) for low in lows]
        single, prefix, first, pair = self._single, self._prefix, self._first, self._pair
        last = len(lows) - 1
        for index, low in enumerate(lows):
            stem = stems[index]
            following = lows[index + 1] if index < last else ""
            following_stem = stems[index + 1] if index < last else None
            tables = (
                single.get(low),
                single.get(stem) if stem else None,
                prefix.get(low[:_PREFIX]),
                first.get(low),
                pair.get((low, following)),
                pair.get((low, following_stem)) if following_stem else None,
            )
            best: dict[str, tuple[_Pattern, int]] | None = None
            for patterns in tables:
                if not patterns:
                    continue
                for pattern in patterns:
                    if free.get(pattern.group, 0) > index:
                        continue
                    end = pattern.match_at(lows, index)
                    if end is None or not _conditions_hold(
                        pattern, tokens, index, end, sentence_starts
                    ):
                        continue
                    if best is None:
                        best = {}
                    held = best.get(pattern.group)
                    if (
                        held is None
                        or end > held[1]
                        or (end == held[1] and len(pattern.phrase) > len(held[0].phrase))
                    ):
                        best[pattern.group] = (pattern, end)
            if best:
                for group, (pattern, end) in best.items():
                    start, stop = tokens.starts[index], tokens.ends[end - 1]
                    hits[group].append(Hit(start, stop, pattern.phrase, text[start:stop]))
                    free[group] = end
        return hits


def _word_near(tokens: Tokens, indexes: Iterable[int]) -> str | None:
    for index in indexes:
        if tokens.is_word[index]:
            return tokens.lows[index]
    return None


def _conditions_hold(
    pattern: _Pattern, tokens: Tokens, index: int, end: int, sentence_starts: Sequence[int]
) -> bool:
    if pattern.not_after:
        before = _word_near(tokens, range(index - 1, max(-1, index - 5), -1))
        if before is not None and before in pattern.not_after:
            return False
    if pattern.not_before:
        after = _word_near(tokens, range(end, min(len(tokens), end + 4)))
        if after is not None and after in pattern.not_before:
            return False
    if pattern.at_start:
        start = tokens.starts[index]
        position = bisect.bisect_right(sentence_starts, start) - 1
        if start != (sentence_starts[position] if position >= 0 else 0):
            return False
    return True


class Matcher:
    """One phrase list on its own (handy for tests and one-off use)."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._index = PhraseIndex({"phrases": phrases})

    def find(self, text: str, sentence_starts: Sequence[int] = ()) -> list[Hit]:
        norm = text.translate(_QUOTES)
        return self._index.scan(norm, tokenize(norm), sentence_starts)["phrases"]


# -- compiled lexicon (cached per catalog) ------------------------------------------------------
@dataclass(frozen=True)
class Compiled:
    lexicon: LexiconFile
    abbreviations: frozenset[str]
    index: PhraseIndex  # every phrase list, the specifics phrases and the four arc parts
    specifics: tuple[re.Pattern[str], ...]
    numbers: frozenset[str]  # number words that count something ("three months")
    units: frozenset[str]


_CACHE: weakref.WeakKeyDictionary[Catalog, Compiled] = weakref.WeakKeyDictionary()


def compiled(catalog: Catalog) -> Compiled:
    """The lexicon's phrase index and patterns, built once per catalog."""
    found = _CACHE.get(catalog)
    if found is None:
        found = _compile(lexicon(catalog), catalog)
        _CACHE[catalog] = found
    return found


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
        phrases: list[Phrase] = list(lex.arc.part(part).phrases)
        if part == "why_now" and lex.arc.add_specialty_names:
            phrases += _specialty_names(catalog)
        lists[part] = phrases
    specifics = tuple(re.compile(p, re.IGNORECASE) for p in lex.specifics.patterns)
    abbreviations = frozenset(a.lower().rstrip(".") for a in lex.abbreviations)
    return Compiled(
        lex,
        abbreviations,
        PhraseIndex(lists),
        specifics,
        frozenset(n.lower() for n in lex.specifics.numbers),
        frozenset(u.lower() for u in lex.specifics.units),
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


def _add_span(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not _WORD.search(stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append(Span(start=start + lead, end=start + lead + len(stripped)))


def count_words(text: str) -> int:
    return len(_WORD.findall(text.translate(_QUOTES)))


def spoken_seconds(words: int, words_per_minute: int) -> float:
    return round(words * 60.0 / words_per_minute, 1)


# -- the bank -----------------------------------------------------------------------------------
def questions(catalog: Catalog) -> dict[str, Question]:
    """The question bank by id, in bank order."""
    return {q.id: q for q in question_bank(catalog).questions}


# -- analysis -----------------------------------------------------------------------------------
class _Answer:
    """The answer split into sentences, with every phrase list matched once."""

    def __init__(self, text: str, comp: Compiled) -> None:
        self.text = text
        self.norm = text.translate(_QUOTES)
        self.spans = split_sentences(self.norm, comp.abbreviations)
        self.starts = [s.start for s in self.spans]
        self.comp = comp
        self.tokens = tokenize(self.norm)
        self.word_starts = [
            start
            for start, word in zip(self.tokens.starts, self.tokens.is_word, strict=True)
            if word
        ]
        self.words = len(self.word_starts)
        self._hits = comp.index.scan(self.norm, self.tokens, self.starts)
        self._by_sentence: dict[str, dict[int, list[Hit]]] = {}

    def hits(self, name: str) -> list[Hit]:
        return self._hits[name]

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

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
        found: dict[int, list[str]] = {}
        for pattern in self.comp.specifics:
            for match in pattern.finditer(self.norm):
                found.setdefault(self.sentence_of(match.start()), []).append(match.group())
        for index, hits in self.sentences_with("specifics_phrases").items():
            found.setdefault(index, []).extend(h.found for h in hits)
        for start, end in self._counted_amounts():
            found.setdefault(self.sentence_of(start), []).append(self.norm[start:end])
        return dict(sorted(found.items()))

    def _counted_amounts(self) -> Iterator[tuple[int, int]]:
        """Spans like "three months", "twenty-two programs", "four-week"."""
        numbers, units = self.comp.numbers, self.comp.units
        lows, starts, ends = self.tokens.lows, self.tokens.starts, self.tokens.ends

        def is_unit(low: str) -> bool:
            return low in units or (_stem(low) or "") in units

        for index, low in enumerate(lows):
            if low in numbers:
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
            if unit < len(lows) and is_unit(lows[unit]):
                yield starts[index], ends[unit]

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


@dataclass
class _Verdict:
    status: Status
    detail: str
    sentences: Sequence[int] = ()
    matches: Sequence[str] = ()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _terms(hits: Iterable[Hit]) -> list[str]:
    """The matched words, in order, each once (case-insensitively), as written."""
    return _unique(hit.found for hit in hits)


def _quoted(terms: Sequence[str], limit: int = 4) -> str:
    shown = ", ".join(f'"{t}"' for t in terms[:limit])
    return shown + (f" and {len(terms) - limit} more" if len(terms) > limit else "")


def _check_ownership(answer: _Answer) -> _Verdict:
    owned = answer.sentences_with("ownership")
    blamed = answer.blame_sentences()
    terms = _terms(h for hits in owned.values() for h in hits)
    if owned and not blamed:
        return _Verdict(
            "pass",
            f"Your own part is named in {_plural(len(owned), 'sentence')} ({_quoted(terms)}).",
            list(owned),
            terms,
        )
    if owned:
        return _Verdict(
            "warn",
            "You name your own part, but another sentence puts the outcome on others.",
            list(owned) + list(blamed),
            terms,
        )
    return _Verdict(
        "fail",
        "No sentence says what you did or should have done differently.",
        list(blamed),
    )


def _check_no_blame(answer: _Answer) -> _Verdict:
    blamed = answer.blame_sentences()
    if not blamed:
        return _Verdict("pass", "No sentence puts the outcome on the system, luck or others.")
    terms = _terms(h for hits in blamed.values() for h in hits)
    return _Verdict(
        "fail",
        f"Blame falls outside you in {_plural(len(blamed), 'sentence')} ({_quoted(terms)}).",
        list(blamed),
        terms,
    )


def _check_specifics(answer: _Answer) -> _Verdict:
    found = answer.specific_sentences()
    needed = min(answer.comp.lexicon.thresholds.specifics_pass_sentences, len(answer.spans))
    terms = _unique(value for values in found.values() for value in values)
    if len(found) >= max(1, needed):
        return _Verdict(
            "pass",
            f"Concrete detail in {_plural(len(found), 'sentence')} ({_quoted(terms)}).",
            list(found),
            terms,
        )
    if found:
        return _Verdict(
            "warn",
            f"Only one sentence carries concrete detail ({_quoted(terms)}).",
            list(found),
            terms,
        )
    return _Verdict("fail", "No year, number, role, exam or place anywhere in the answer.")


def _check_readiness(answer: _Answer) -> _Verdict:
    ready = answer.sentences_with("readiness")
    recent = set(answer.sentences_with("recency"))
    terms = _terms(h for hits in ready.values() for h in hits)
    if not ready:
        return _Verdict(
            "fail", "Nothing shows recent clinical work, Step 3 or other proof you are ready."
        )
    if recent.intersection(ready) or len(ready) >= 2:
        return _Verdict(
            "pass",
            f"Readiness shown in {_plural(len(ready), 'sentence')} ({_quoted(terms)}).",
            list(ready),
            terms,
        )
    return _Verdict(
        "warn",
        f"One sentence points at readiness ({_quoted(terms)}) but not at how recent it is.",
        list(ready),
        terms,
    )


def _check_forward_close(answer: _Answer) -> _Verdict:
    if not answer.spans:
        return _Verdict("n/a", "No sentences.")
    window = answer.closing(answer.comp.lexicon.thresholds.closing_sentences)
    last = window[-1]
    forward = answer.sentences_with("forward")
    regret = answer.sentences_with("regret")
    last_terms = _terms(forward.get(last, []))
    if last in forward and last not in regret:
        return _Verdict(
            "pass", f"The last sentence looks ahead ({_quoted(last_terms)}).", [last], last_terms
        )
    if last in regret:
        terms = _terms(regret[last])
        return _Verdict(
            "warn" if last in forward else "fail",
            f"The last sentence ends on regret or loss ({_quoted(terms)}).",
            [last],
            terms,
        )
    earlier = [i for i in window[:-1] if i in forward]
    if earlier:
        return _Verdict(
            "warn",
            "You look ahead near the end, but the final sentence trails off.",
            [*earlier, last],
            _terms(forward[earlier[-1]]),
        )
    return _Verdict("fail", "The answer does not end on what you will do next.", [last])


def _check_arc(answer: _Answer) -> _Verdict:
    labels = {part: answer.comp.lexicon.arc.part(part).label for part in ARC_PARTS}
    present: dict[str, int] = {}
    for part in ARC_PARTS:
        hits = answer.hits(part)
        if hits:
            # "Why now" usually comes last: quote its last sentence, the others' first.
            hit = hits[-1] if part == "why_now" else hits[0]
            present[part] = answer.sentence_of(hit.start)
    missing = [labels[p] for p in ARC_PARTS if p not in present]
    have = [labels[p] for p in ARC_PARTS if p in present]
    if not missing:
        return _Verdict("pass", "All four parts are there.", list(present.values()), have)
    detail = (
        f"Present: {', '.join(have) or 'none'}. Missing: {', '.join(missing)}."
        if have
        else f"None of the four parts is clear. Missing: {', '.join(missing)}."
    )
    status: Status = "warn" if len(present) >= 2 else "fail"
    return _Verdict(status, detail, list(present.values()), have)


def _check_length(answer: _Answer, question: Question, wpm: int) -> _Verdict:
    spoken = spoken_seconds(answer.words, wpm)
    low, high = question.band
    margin = answer.comp.lexicon.thresholds.length_margin
    said = f"About {spoken:.0f} s spoken ({_plural(answer.words, 'word')} at {wpm} wpm)"
    if low <= spoken <= high:
        return _Verdict("pass", f"{said}, inside the {low}-{high} s target.")
    if spoken > high:
        # Quote the sentence where the band runs out.
        limit = high * wpm / 60.0
        # The sentence holding the first word past the limit.
        cut = answer.sentence_of(answer.word_starts[min(int(limit), answer.words - 1)])
        status: Status = "warn" if spoken <= high * (1 + margin) else "fail"
        return _Verdict(
            status,
            f"{said}, past the {low}-{high} s target; the time runs out in the quoted sentence.",
            [cut],
        )
    status = "warn" if spoken >= low * (1 - margin) else "fail"
    return _Verdict(status, f"{said}, short of the {low}-{high} s target.")


def _check_fillers_hedges(answer: _Answer) -> tuple[_Verdict, list[str], list[str]]:
    limits = answer.comp.lexicon.thresholds
    fillers = answer.hits("fillers")
    firm = (
        set(answer.sentences_with("ownership"))
        | set(answer.sentences_with("readiness"))
        | set(answer.closing(limits.closing_sentences))
    )
    hedges = [h for h in answer.hits("hedges") if answer.sentence_of(h.start) in firm]
    filler_terms = [" ".join(h.found.lower().split()) for h in fillers]
    hedge_terms = [" ".join(h.found.lower().split()) for h in hedges]
    if answer.words < limits.min_words:
        return _Verdict("n/a", "Too short to judge."), filler_terms, hedge_terms
    rate = (len(fillers) + len(hedges)) * 100.0 / answer.words
    parts = []
    if fillers:
        parts.append(f"{_plural(len(fillers), 'filler')}: {_quoted(_unique(filler_terms))}")
    if hedges:
        parts.append(
            f"{_plural(len(hedges), 'hedge')} where you should be firm: "
            f"{_quoted(_unique(hedge_terms))}"
        )
    detail = f"{rate:.1f} per 100 words" + (f" ({'; '.join(parts)})." if parts else ".")
    sentences = sorted({answer.sentence_of(h.start) for h in [*fillers, *hedges]})
    status: Status = "pass"
    if rate > limits.fillers_warn_per_100:
        status = "fail"
    elif rate > limits.fillers_pass_per_100:
        status = "warn"
    verdict = _Verdict(status, detail, sentences, _unique(filler_terms + hedge_terms))
    return verdict, filler_terms, hedge_terms


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(" ".join(value.lower().split()), value)
    return list(seen.values())


def _check_ties(answer: _Answer) -> _Verdict:
    ties = answer.sentences_with("ties")
    if ties:
        terms = _terms(h for hits in ties.values() for h in hits)
        return _Verdict(
            "pass",
            f"A concrete tie in {_plural(len(ties), 'sentence')} ({_quoted(terms)}).",
            list(ties),
            terms,
        )
    generic = answer.sentences_with("generic_praise")
    if generic:
        terms = _terms(h for hits in generic.values() for h in hits)
        return _Verdict(
            "fail",
            "Praise for the place is not a tie: no family, partner, upbringing, school or work "
            "there is named.",
            list(generic),
            terms,
        )
    return _Verdict("fail", "No family, partner, upbringing, school or work in the region named.")


def _check_local_activity(answer: _Answer) -> _Verdict:
    acts = answer.sentences_with("local_activity")
    repeated = set(answer.sentences_with("repetition"))
    terms = _terms(h for hits in acts.values() for h in hits)
    needed = answer.comp.lexicon.thresholds.local_activity_pass_sentences
    if len(acts) >= needed or repeated.intersection(acts):
        return _Verdict(
            "pass",
            f"Repeated local activity ({_quoted(terms)}).",
            list(acts),
            terms,
        )
    if acts:
        return _Verdict(
            "warn",
            f"One local activity ({_quoted(terms)}); programs look for a pattern, not a visit.",
            list(acts),
            terms,
        )
    return _Verdict("fail", "No rotation, work, research or other activity in the region named.")


def _check_plan_to_stay(answer: _Answer) -> _Verdict:
    stay = answer.sentences_with("plan_to_stay")
    if stay:
        terms = _terms(h for hits in stay.values() for h in hits)
        return _Verdict("pass", f"You say you mean to stay ({_quoted(terms)}).", list(stay), terms)
    return _Verdict("fail", "Nothing says you plan to stay after training.")


def analyse(
    question: Question | str, text: str, seconds: float | None, catalog: Catalog
) -> Feedback:
    """Analyse one typed answer to `question` (a Question or its id; KeyError if unknown)."""
    bank = question_bank(catalog)
    if isinstance(question, str):
        found = bank.by_id(question)
        if found is None:
            raise KeyError(question)
        question = found
    comp = compiled(catalog)
    lex = comp.lexicon
    wpm = lex.speaking.words_per_minute
    answer = _Answer(text, comp)
    wanted = list(question.checks)  # in the order the data lists them
    results: list[CheckResult] = []
    fillers: list[str] = []
    hedges: list[str] = []
    empty = answer.words == 0
    for check_id in wanted:
        spec = lex.check(check_id)
        if empty:
            verdict = _Verdict("n/a", "No answer yet.")
        elif check_id == "length":
            verdict = _check_length(answer, question, wpm)
        elif check_id == "fillers_hedges":
            verdict, fillers, hedges = _check_fillers_hedges(answer)
        else:
            verdict = _SIMPLE_CHECKS[check_id](answer)
        quotes, spans = answer.quote(verdict.sentences)
        results.append(
            CheckResult(
                id=check_id,
                name=spec.name,
                status=verdict.status,
                rule=spec.rule,
                detail=verdict.detail,
                evidence=quotes,
                spans=spans,
                matches=list(verdict.matches),
                weight=spec.weight,
            )
        )
    return Feedback(
        question=question.id,
        category=question.category,
        words=answer.words,
        sentences=len(answer.spans),
        words_per_minute=wpm,
        spoken_seconds=spoken_seconds(answer.words, wpm),
        target_seconds=question.band,
        seconds=seconds,
        score=0 if empty else _score(results, lex),
        checks=results,
        top_fixes=[] if empty else _top_fixes(results, lex, question),
        fillers=fillers,
        hedges=hedges,
        assumptions=_assumptions(lex, bank),
    )


def _assumptions(lex: LexiconFile, bank: QuestionsFile) -> list[str]:
    found = []
    if lex.speaking.is_soft:
        found.append(f"speaking rate ({lex.speaking.words_per_minute} wpm)")
    if bank.bands.is_soft:
        found.append("target bands")
    if lex.thresholds.is_soft:
        found.append("score weights")
    return found


_SIMPLE_CHECKS = {
    "ownership": _check_ownership,
    "no_blame": _check_no_blame,
    "specifics": _check_specifics,
    "readiness": _check_readiness,
    "forward_close": _check_forward_close,
    "arc": _check_arc,
    "ties": _check_ties,
    "local_activity": _check_local_activity,
    "plan_to_stay": _check_plan_to_stay,
}


def _score(results: Sequence[CheckResult], lex: LexiconFile) -> int:
    values = lex.thresholds.status_values
    total = weight = 0.0
    for result in results:
        if result.status == "n/a":
            continue
        total += result.weight * values[result.status]
        weight += result.weight
    return round(100 * total / weight) if weight else 0


def _top_fixes(results: Sequence[CheckResult], lex: LexiconFile, question: Question) -> list[Fix]:
    order = {"fail": 0, "warn": 1}
    flagged = sorted(
        (r for r in results if r.status in order),
        key=lambda r: (order[r.status], -r.weight),
    )
    wpm = lex.speaking.words_per_minute
    low, high = question.band
    fields = {
        "low": low,
        "high": high,
        "low_words": round(low * wpm / 60),
        "high_words": round(high * wpm / 60),
    }
    return [
        Fix(check=r.id, text=lex.check(r.id).fix.format_map(fields))
        for r in flagged[: lex.thresholds.max_fixes]
    ]


# -- progress -----------------------------------------------------------------------------------
def progress(log: PracticeLog, catalog: Catalog) -> list[QuestionProgress]:
    """Per question practised: attempts, best, average, last and the trend of scores.

    Questions come in bank order; ids no longer in the bank come last, by first attempt.
    """
    bank: QuestionsFile = question_bank(catalog)
    order = {q.id: index for index, q in enumerate(bank.questions)}
    grouped: dict[str, list[int]] = {}
    for attempt in log.attempts:
        grouped.setdefault(attempt.question, []).append(attempt.score)
    out: list[QuestionProgress] = []
    for question_id in sorted(grouped, key=lambda q: (order.get(q, len(order)), q)):
        scores = grouped[question_id]
        attempts = log.for_question(question_id)
        found = bank.by_id(question_id)
        out.append(
            QuestionProgress(
                question_id=question_id,
                prompt=found.prompt if found else "(no longer in the question bank)",
                category=bank.category_name(found.category) if found else "",
                attempts=len(scores),
                best=max(scores),
                average=round(sum(scores) / len(scores), 1),
                last=scores[-1],
                trend=scores,
                first_time=min(a.time for a in attempts),
                last_time=max(a.time for a in attempts),
            )
        )
    return out
