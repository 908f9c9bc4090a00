"""Interview answer analysis: pure functions over the question bank and the lexicon (data).

`analyse(question, text, seconds, catalog) -> Feedback` splits the answer into sentences,
reads it through the one text analyser (engine/text.py: tokens, sentences, phrase lists on word
boundaries) and runs the checks the question lists. Every check quotes the sentences that
decided it and names its rule.

`progress(log, catalog) -> list[QuestionProgress]` summarises the practice log per question.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from matchtui.engine.text import (
    ARC_SPECIALTY,
    Analysed,
    Compiled,
    Hit,
    Matcher,
    Padding,
    PlaceNamed,
    TargetRegion,
    blame_terms,
    clauses_holding,
    compiled,
    count_words,
    elsewhere_note,
    judge,
    judge_for_region,
    places_elsewhere,
    read_without_padding,
    split_sentences,
    spoken_seconds,
)
from matchtui.engine.wording import and_list, beside, plural
from matchtui.models.lexicon import AUTOMATIC_CHECKS
from matchtui.models.practice import (
    CheckResult,
    Feedback,
    Fix,
    PracticeLog,
    QuestionProgress,
    Status,
)
from matchtui.models.questions import (
    ARC_PARTS,
    LexiconFile,
    Question,
    QuestionsFile,
    question_bank,
)

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.models.results import StoryVerdict

# Re-exported: the text analyser's entry points that callers of the practice engine use.
__all__ = [
    "Matcher",
    "analyse",
    "compiled",
    "count_words",
    "progress",
    "questions",
    "split_sentences",
    "spoken_words",
]


# -- the bank -----------------------------------------------------------------------------------
def questions(catalog: Catalog) -> dict[str, Question]:
    """The question bank by id, in bank order."""
    return {q.id: q for q in question_bank(catalog).questions}


# -- analysis ---------------------------------------------------------------------------------


@dataclass
class _Verdict:
    status: Status
    detail: str
    sentences: Sequence[int] = ()
    matches: Sequence[str] = ()


def _said(hit: Hit) -> str:
    """The words a phrase matched, as written, without the commas around a phrase such as
    ", like," (matched with them so that "I like it" is no filler)."""
    return " ".join(hit.found.split()).strip(" ,;:")


def _terms(hits: Iterable[Hit]) -> list[str]:
    """The matched words, in order, each once (case-insensitively), as written."""
    return _unique(_said(hit) for hit in hits)


def _quoted(terms: Sequence[str], limit: int = 4) -> str:
    shown = ", ".join(f'"{t}"' for t in terms[:limit])
    return shown + (f" and {len(terms) - limit} more" if len(terms) > limit else "")


def _check_ownership(answer: Analysed) -> _Verdict:
    # "My greatest weakness is that I care too much" names a part only in its words: a sentence
    # passing a strength off as a weakness owns nothing.
    disguised = answer.sentences_with("disguised_strength")
    blamed = answer.blame_sentences()
    # Nor does an ownership phrase inside blame ("my fault" of "it wasn't really my fault").
    blame = [h for hits in blamed.values() for h in hits]
    owned = {
        i: kept
        for i, hits in answer.sentences_with("ownership").items()
        if i not in disguised
        and (
            kept := [
                h for h in hits if not any(b.start <= h.start and h.end <= b.end for b in blame)
            ]
        )
    }
    terms = _terms(h for hits in owned.values() for h in hits)
    if owned and not blamed:
        return _Verdict(
            "pass",
            f"Your own part is named in {plural(len(owned), 'sentence')} ({_quoted(terms)}).",
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
        "No sentence names your own part in how it went: what you got wrong, chose, or would "
        "now do differently.",
        list(blamed),
    )


def _check_no_blame(answer: Analysed) -> _Verdict:
    blamed = answer.blame_sentences()
    if not blamed:
        return _Verdict("pass", "No sentence puts the outcome on the system, luck or others.")
    terms = blame_terms(answer)  # as a story's verdict quotes them (engine.text.judge)
    return _Verdict(
        "fail",
        f"Blame falls outside you in {plural(len(blamed), 'sentence')} ({_quoted(terms)}).",
        list(blamed),
        terms,
    )


_WORD = re.compile(r"[a-z0-9]+")


def _beyond_question(answer: Analysed, question: Question) -> dict[int, list[str]]:
    """The answer's concrete details, without those that only repeat the question's own words
    ("five years" answering "Where do you see yourself in five years?")."""
    asked = set(_WORD.findall(question.prompt.lower()))
    found: dict[int, list[str]] = {}
    for index, values in answer.specific_sentences().items():
        kept = [v for v in values if not set(_WORD.findall(v.lower())) <= asked]
        if kept:
            found[index] = kept
    return found


def _check_specifics(answer: Analysed, question: Question) -> _Verdict:
    found = _beyond_question(answer, question)
    needed = answer.comp.lexicon.thresholds.specifics_pass_sentences
    terms = _unique(value for values in found.values() for value in values)
    if len(found) >= needed:
        return _Verdict(
            "pass",
            f"Concrete detail in {plural(len(found), 'sentence')} ({_quoted(terms)}).",
            list(found),
            terms,
        )
    if found:
        # One long sentence written with care carries its detail clause by clause.
        (index, values), *_ = found.items()
        span = answer.spans[index]
        clauses = clauses_holding(
            answer.norm[span.start : span.end],
            values,
            answer.comp.lexicon.thresholds.specifics_clause_min_words,
        )
        if clauses >= needed:
            return _Verdict(
                "pass",
                f"Concrete detail in {clauses} clauses of one sentence ({_quoted(terms)}).",
                list(found),
                terms,
            )
        return _Verdict(
            "warn",
            f"Only one sentence carries concrete detail ({_quoted(terms)}).",
            list(found),
            terms,
        )
    return _Verdict("fail", "No year, number, role, exam or place anywhere in the answer.")


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _dated_recently(answer: Analysed, year: int) -> set[int]:
    """The sentences that name a year at most `recent_years` (lexicon thresholds) before
    `year`: "I passed Step 3 in 2025" says how recent it is as "last year" does."""
    oldest = year - answer.comp.lexicon.thresholds.recent_years
    found: set[int] = set()
    for index, span in enumerate(answer.spans):
        years = (int(m.group()) for m in _YEAR.finditer(answer.norm, span.start, span.end))
        if any(oldest <= named <= year + 1 for named in years):
            found.add(index)
    return found


def _check_readiness(answer: Analysed, year: int) -> _Verdict:
    ready = answer.sentences_with("readiness")
    recent = set(answer.sentences_with("recency")) | _dated_recently(answer, year)
    terms = _terms(h for hits in ready.values() for h in hits)
    if not ready:
        return _Verdict(
            "fail", "Nothing shows recent clinical work, Step 3 or other proof you are ready."
        )
    if recent.intersection(ready) or len(ready) >= 2:
        return _Verdict(
            "pass",
            f"Readiness shown in {plural(len(ready), 'sentence')} ({_quoted(terms)}).",
            list(ready),
            terms,
        )
    return _Verdict(
        "warn",
        f"One sentence points at readiness ({_quoted(terms)}) but not at how recent it is.",
        list(ready),
        terms,
    )


# How a sentence turns from a regret to what one will do (_check_forward_close).
_TURN = re.compile(r"[,;]|\bbut\b|\bso\b", re.IGNORECASE)
_WILL = frozenset({"i will", "i'll", "and will", "i am going to", "i'm going to", "i shall"})


def _check_forward_close(answer: Analysed, stock: dict[int, list[Hit]]) -> _Verdict:
    """`stock`: the sentences of stock praise alone (_stock_alone)."""
    if not answer.spans:
        return _Verdict("n/a", "No sentences.")
    window = answer.closing(answer.comp.lexicon.thresholds.closing_sentences)
    last = window[-1]
    # "I am excited to be here." looks ahead to nothing: stock praise alone is no close. A
    # plain plan to stay ("We have no plans to leave Idaho.") looks ahead as much as "I will".
    # Nor does a sentence that leaves the plan open ("I'm not sure yet where I want to be"),
    # whatever forward phrase it holds; a plan to stay in it still counts, below.
    undecided = (
        answer.sentences_with("undecided") if answer.comp.lexicon.undecided is not None else {}
    )
    forward = {
        i: list(h)
        for i, h in answer.sentences_with("forward").items()
        if i not in stock and i not in undecided
    }
    stay = [*answer.hits("plan_to_stay"), *answer.dropped.get("plan_to_stay", ())]
    for i, hits in answer.by_sentence(stay).items():
        forward.setdefault(i, []).extend(hits)
    regret = answer.sentences_with("regret")
    last_terms = _terms(forward.get(last, []))
    # A regret the same sentence turns from, after a comma or a "but", to what one will do ("I
    # felt bad, but I used it to build a checklist I will bring to intern year") ends on what
    # comes next; "I miss patients and I want to come back" still ends on the missing.
    turned = False
    if last in forward and last in regret:
        felt = max(h.end for h in regret[last])
        turned = any(
            h.start > felt
            and h.phrase.lower() in _WILL
            and _TURN.search(answer.norm, felt, h.start) is not None
            for h in forward[last]
        )
    if last in forward and (last not in regret or turned):
        if vague := _vague_close(answer, last, forward[last]):
            terms = _terms(vague)
            return _Verdict(
                "warn",
                f"The last sentence looks ahead but names no step ({_quoted(terms)}): end on "
                "what you will do, and when.",
                [last],
                terms,
            )
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


def _vague_close(answer: Analysed, last: int, forward: list[Hit]) -> list[Hit]:
    """The vague looks ahead (lexicon `vague_forward`) of a last sentence that looks ahead with
    nothing else: each of its forward phrases is one of them, or leads straight into one ("I'll"
    in "I'll do my best", "I'm working on" in "I'm working on it"), and it holds no concrete
    detail. Empty when the close names a step."""
    if answer.comp.lexicon.vague_forward is None or last in answer.specific_sentences():
        return []
    vague = answer.sentences_with("vague_forward").get(last, [])
    if not vague:
        return []

    def led_into(hit: Hit) -> bool:
        return any(
            v.start < hit.end <= v.end
            or (hit.end <= v.start and len(answer.norm[hit.end : v.start].split()) <= 1)
            for v in vague
        )

    return vague if all(led_into(hit) for hit in forward) else []


def _check_arc(answer: Analysed) -> _Verdict:
    labels = dict(zip(ARC_PARTS, _arc_labels(answer.comp.lexicon), strict=True))
    present: dict[str, int] = {}
    happened = set(answer.sentences_with("what_happened"))
    named = [  # a specialty named outside what happened: why this specialty
        h for h in answer.hits(ARC_SPECIALTY) if answer.sentence_of(h.start) not in happened
    ]
    for part in ARC_PARTS:
        hits = answer.hits(part)
        if part == "why_now" and named:
            hits = sorted([*hits, *named], key=lambda h: h.start)
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


def _check_length(answer: Analysed, question: Question, wpm: int, total: int) -> _Verdict:
    """`total`: the answer's words, padding included (answer.words leaves padding out)."""
    spoken = spoken_seconds(answer.words, wpm)
    low, high = question.band
    margin = answer.comp.lexicon.thresholds.length_margin
    shown = beside(spoken, (low, high))
    said = f"About {shown} s spoken ({plural(answer.words, 'word')} at {wpm} wpm)"
    if answer.words < total:
        said = (
            f"About {shown} s spoken ({answer.words} of {total} words counted at {wpm} wpm: "
            "repeats, keyword strings and bare claims are left out)"
        )
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


def _check_fillers_hedges(answer: Analysed) -> tuple[_Verdict, list[str], list[str]]:
    limits = answer.comp.lexicon.thresholds
    fillers = answer.hits("fillers")
    firm = (
        set(answer.sentences_with("ownership"))
        | set(answer.sentences_with("readiness"))
        | set(answer.sentences_with("forward"))  # "I think I'm ready, I guess" is a claim
        | set(answer.closing(limits.closing_sentences))
        | {0}  # the opening: the answer's claim ("I kind of like medicine")
    )
    hedges = [h for h in answer.hits("hedges") if answer.sentence_of(h.start) in firm]
    filler_terms = [_said(h) for h in fillers]
    hedge_terms = [_said(h) for h in hedges]
    if answer.words < limits.min_words:
        return _Verdict("n/a", "Too short to judge."), filler_terms, hedge_terms
    rate = (len(fillers) + len(hedges)) * 100.0 / answer.words
    parts = []
    if fillers:
        parts.append(f"{plural(len(fillers), 'filler')}: {_quoted(_unique(filler_terms))}")
    if hedges:
        parts.append(
            f"{plural(len(hedges), 'hedge')} where you should be firm: "
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


def _check_ties(answer: Analysed) -> _Verdict:
    ties = answer.sentences_with("ties")
    if ties:
        terms = _terms(h for hits in ties.values() for h in hits)
        return _Verdict(
            "pass",
            f"A concrete tie in {plural(len(ties), 'sentence')} ({_quoted(terms)}).",
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


def _joined_activities(answer: Analysed, acts: Mapping[int, Sequence[Hit]]) -> set[int]:
    """The sentences that name two different local activities with a joiner between them ("a
    clerkship in Iowa City and a sub-I in Des Moines"; not "presented a poster", one activity
    in two phrases, nor the same phrase twice)."""
    if answer.comp.lexicon.activity_joiners is None:
        return set()
    joins = answer.hits("activity_joiners")
    found: set[int] = set()
    for index, hits in acts.items():
        ordered = sorted(hits, key=lambda hit: hit.start)
        for first, second in pairwise(ordered):
            if first.phrase.lower() != second.phrase.lower() and any(
                first.end <= join.start and join.end <= second.start for join in joins
            ):
                found.add(index)
                break
    return found


def _check_local_activity(answer: Analysed) -> _Verdict:
    acts = answer.sentences_with("local_activity")
    repeated = set(answer.sentences_with("repetition")) | _joined_activities(answer, acts)
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


def _check_real_weakness(answer: Analysed) -> _Verdict:
    disguised = answer.sentences_with("disguised_strength")
    if not disguised:
        return _Verdict("pass", "No strength passed off as a weakness.")
    terms = _terms(h for hits in disguised.values() for h in hits)
    return _Verdict(
        "fail",
        f"A strength offered as a weakness in {plural(len(disguised), 'sentence')} "
        f"({_quoted(terms)}); interviewers hear it as dodging the question.",
        list(disguised),
        terms,
    )


def _hits_in(answer: Analysed, name: str, sentences: Container[int]) -> list[Hit]:
    """The hits of list `name` in the given sentences."""
    return [h for h in answer.hits(name) if answer.sentence_of(h.start) in sentences]


def _check_plan_to_stay(answer: Analysed) -> _Verdict:
    stay = answer.sentences_with("plan_to_stay")
    if stay:
        terms = _terms(h for hits in stay.values() for h in hits)
        return _Verdict("pass", f"You say you mean to stay ({_quoted(terms)}).", list(stay), terms)
    if answer.negated_plans:
        negated = answer.by_sentence(answer.negated_plans)
        terms = _terms([*_hits_in(answer, "stay_negators", negated), *answer.negated_plans])
        return _Verdict(
            "fail",
            f"You say you do not plan to stay ({_quoted(terms)}): programs in the region rank "
            "applicants who mean to stay after training.",
            list(negated),
            terms,
        )
    if answer.hedged_plans:
        hedged = answer.by_sentence(answer.hedged_plans)
        terms = _terms([*answer.hedged_plans, *_hits_in(answer, "hedges", hedged)])
        return _Verdict(
            "warn",
            f"You say you might stay, with a hedge ({_quoted(terms)}): say plainly that you "
            "plan to stay after training.",
            list(hedged),
            terms,
        )
    return _Verdict("fail", "Nothing says you plan to stay after training.")


# What a failed check says when the answer's ties or activity were all about other places.
_AWAY = {
    "ties": "The ties you name are to {places}, outside {region}: say who or what ties you to "
    "{region}.",
    "local_activity": "What you name doing was in {places}, outside {region}: name what you "
    "have done in {region}.",
    "plan_to_stay": "The plan to stay you state is for {places}, outside {region}: say that you "
    "plan to stay in {region} after training.",
}


def _away(
    check_id: str,
    verdict: _Verdict,
    away: Mapping[str, Sequence[str]],
    target: TargetRegion,
    answer: Analysed,
) -> _Verdict:
    """The check failed, and the ties, activity or plan to stay the answer did name were in
    places outside the target region ("I did my medical school in Texas" for the Midwest;
    Analysed.drop_outside took them out): it says where they were, and quotes the sentences
    that say so."""
    places = away.get(check_id)
    if verdict.status != "fail" or not places or check_id not in _AWAY:
        return verdict
    detail = _AWAY[check_id].format(places=_quoted(list(places), 3), region=target.name)
    sentences = sorted(answer.by_sentence(answer.dropped.get(check_id, ())))
    return replace(verdict, detail=detail, sentences=sentences)


def _ties_elsewhere(
    verdict: _Verdict, elsewhere: Sequence[PlaceNamed], target: TargetRegion
) -> _Verdict:
    """Ties named, but the answer names places and none in the target region (an answer about
    another region): a warning that says which, as the Reality check says of the why-home
    story (engine/text.judge_for_region)."""
    if verdict.status != "pass" or not elsewhere:
        return verdict
    detail = (
        f"{verdict.detail.removesuffix('.')}, but the answer {elsewhere_note(elsewhere, target)}: "
        f"say what ties you to {target.name}."
    )
    return replace(verdict, status="warn", detail=detail)


def _read(text: str, comp: Compiled) -> tuple[Analysed, list[Padding], int]:
    """The answer as every check reads it (padding left out), the padding found, and the
    answer's words with the padding."""
    answer, padding, padded = read_without_padding(text, comp)
    return answer, padding, answer.words + padded


def spoken_words(text: str, catalog: Catalog) -> tuple[int, int]:
    """(words, words counted towards the speaking time): what the feedback will say of this
    text, for the live timer (~1-3 ms for a few hundred words)."""
    answer, _, total = _read(text, compiled(catalog))
    return total, answer.words


def analyse(
    question: Question | str,
    text: str,
    seconds: float | None,
    catalog: Catalog,
    *,
    target: TargetRegion | None = None,
    today: dt.date | None = None,
) -> Feedback:
    """Analyse one typed answer to `question` (a Question or its id; KeyError if unknown).
    `target`: the applicant's target region, which an answer about ties is read against;
    `today` (default: the system date): what a year named in the answer is recent against."""
    bank = question_bank(catalog)
    if isinstance(question, str):
        found = bank.by_id(question)
        if found is None:
            raise KeyError(question)
        question = found
    comp = compiled(catalog)
    lex = comp.lexicon
    wpm = lex.speaking.words_per_minute
    answer, padding, total = _read(text, comp)
    wanted = list(question.checks)  # in the order the data lists them
    # Places named, none in the target region: read by the ties check and the story alike; so
    # are the ties of sentences whose places are all elsewhere, which do not count.
    elsewhere = places_elsewhere(text, target.id, catalog) if target and "ties" in wanted else []
    placed = not {"ties", "local_activity", "plan_to_stay"}.isdisjoint(wanted)  # read for a place
    away = answer.drop_outside(target.id, catalog) if target and placed else {}
    results: list[CheckResult] = []
    fillers: list[str] = []
    hedges: list[str] = []
    empty = answer.words == 0 and not padding
    # Read by the forward close and the stock check alike.
    stock = {} if empty else _stock_alone(answer, question)
    padded = total - answer.words
    for check_id in wanted:
        spec = lex.check(check_id)
        if empty:
            verdict = _Verdict("n/a", "No answer yet.")
        elif check_id == "length":
            verdict = _check_length(answer, question, wpm, total)
        elif check_id == "fillers_hedges":
            verdict, fillers, hedges = _check_fillers_hedges(answer)
        elif check_id == "specifics":
            verdict = _check_specifics(answer, question)
        elif check_id == "readiness":
            verdict = _check_readiness(answer, (today or dt.date.today()).year)
        elif check_id == "forward_close":
            verdict = _check_forward_close(answer, stock)
        else:
            verdict = _SIMPLE_CHECKS[check_id](answer)
        if target is not None:
            verdict = _away(check_id, verdict, away, target, answer)
        if check_id == "ties" and target is not None:
            verdict = _ties_elsewhere(verdict, elsewhere, target)
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
    if padding and not empty:
        results.append(_substance(padding, lex))
    if not empty and (flagged := _stock(answer, lex, stock)) is not None:
        results.append(flagged)
    if not empty and (dodged := _no_example(answer, lex, question)) is not None:
        results.append(dodged)
    score = 0 if empty else _score(results, lex)
    if total and padded / total > lex.padding.cap_share:
        score = min(score, lex.padding.score_cap)
    return Feedback(
        question=question.id,
        category=question.category,
        words=total,
        counted_words=answer.words,
        sentences=len(answer.spans),
        words_per_minute=wpm,
        spoken_seconds=spoken_seconds(answer.words, wpm),
        target_seconds=question.band,
        seconds=seconds,
        score=score,
        checks=results,
        top_fixes=[]
        if empty
        else _top_fixes(
            results,
            lex,
            question,
            spoken_seconds(answer.words, wpm),
            found=(fillers, hedges),
            away=away,
        ),
        fillers=fillers,
        hedges=hedges,
        assumptions=_assumptions(lex, bank),
        story=_story(answer, elsewhere, target, catalog) if "ties" in wanted else None,
    )


def _story(
    answer: Analysed,
    elsewhere: Sequence[PlaceNamed],
    target: TargetRegion | None,
    catalog: Catalog,
) -> StoryVerdict:
    story = judge("why_home", answer)
    return story if target is None else judge_for_region(story, elsewhere, target, catalog)


_PADDING_WORDS = {
    "repeat": "said again",
    "near_repeat": "said again with only the numbers or a word or two changed",
    "numbers": "a list of bare numbers",
    "salad": "a string of keywords",
    "claims": "a string of bare claims, with nothing that happened",
}


def _substance(padding: Sequence[Padding], lex: LexiconFile) -> CheckResult:
    """The check that names the padding (it only appears when there is some)."""
    spec = lex.check("substance")
    parts = []
    for kind, words in _PADDING_WORDS.items():
        mine = [p for p in padding if p.kind == kind]
        if mine:
            example = mine[0].text if len(mine[0].text) <= 60 else mine[0].text[:57] + "..."
            parts.append(f'{plural(len(mine), "sentence")} {words} ("{example}")')
    shown = list({p.text: p for p in padding}.values())[:3]
    return CheckResult(
        id="substance",
        name=spec.name,
        status="fail",
        rule=spec.rule,
        detail="Earns nothing: " + "; ".join(parts) + ".",
        evidence=[p.text for p in shown],
        spans=[p.span for p in shown],
        matches=[p.kind for p in shown],
        weight=spec.weight,
    )


def _stock_alone(answer: Analysed, question: Question) -> dict[int, list[Hit]]:
    """The sentences of stock praise with no concrete detail beside it, by index, with
    their stock phrases (none when the lexicon has no [stock_phrases]). A detail that only
    repeats the question's words backs nothing up ("In five years I see myself as a good
    doctor helping people")."""
    if answer.comp.lexicon.stock_phrases is None:
        return {}
    found = answer.sentences_with("stock_phrases")
    if not found:
        return {}
    detailed = _beyond_question(answer, question)
    return {i: hits for i, hits in found.items() if i not in detailed}


def _stock(answer: Analysed, lex: LexiconFile, alone: dict[int, list[Hit]]) -> CheckResult | None:
    """The check that names sentences of stock praise with nothing beside them that shows
    it ("I am a hard worker and a team player."), given them (`alone`, _stock_alone); it only
    appears when there are some. A sentence that also holds a concrete detail backs its claim
    up and is not named."""
    spec = lex.check_or_none("stock")
    if spec is None or not alone:
        return None  # none found, or a data folder written before the check
    terms = _terms(h for hits in alone.values() for h in hits)
    many = len(alone) >= lex.thresholds.stock_fail_sentences
    quotes, spans = answer.quote(list(alone))
    return CheckResult(
        id="stock",
        name=spec.name,
        status="fail" if many else "warn",
        rule=spec.rule,
        detail=(
            f"Stock praise with nothing that shows it in {plural(len(alone), 'sentence')} "
            f"({_quoted(terms)}): an interviewer has heard it from every applicant that day."
        ),
        evidence=quotes,
        spans=spans,
        matches=terms,
        weight=spec.weight,
    )


def _no_example(answer: Analysed, lex: LexiconFile, question: Question) -> CheckResult | None:
    """The check that names an answer saying there is nothing to tell ("I can't think of a
    mistake", "I never had a conflict") and giving no concrete example anywhere else, to a
    question that asks for one (its `applies_to`); it only appears then. "Nothing comes to mind
    at once, but in 2024 on my externship I..." tells one after all, and is not named."""
    spec = lex.check_or_none("no_example")
    if spec is None or lex.no_example is None:
        return None  # a data folder written before the check
    if not spec.applies(question.id, question.category):
        return None
    said = answer.sentences_with("no_example")
    if not said:
        return None
    # An example told: a sentence of concrete detail, other than one saying there is none,
    # unless that one turns after saying so ("..., but in 2024 on my externship I...").
    told = set(answer.specific_sentences()).difference(
        i for i, hits in said.items() if not any(answer.turns_after(h) for h in hits)
    )
    if told:
        return None
    terms = _terms(h for hits in said.values() for h in hits)
    quotes, spans = answer.quote(list(said))
    return CheckResult(
        id="no_example",
        name=spec.name,
        status="fail",
        rule=spec.rule,
        detail=(
            f"You say there is nothing to tell ({_quoted(terms)}) and give no example: an "
            "interviewer hears the question dodged."
        ),
        evidence=quotes,
        spans=spans,
        matches=terms,
        weight=spec.weight,
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
    "arc": _check_arc,
    "ties": _check_ties,
    "local_activity": _check_local_activity,
    "plan_to_stay": _check_plan_to_stay,
    "real_weakness": _check_real_weakness,
}


# Checks that appear only when they flag something (models.lexicon.AUTOMATIC_CHECKS: stock
# praise, padding, no example): they can lower a score, never raise it. Averaged in as one more
# check, a warning worth half its weight lifted an answer scoring under half ("a very
# interesting field" took one from 33 to 37).


def _score(results: Sequence[CheckResult], lex: LexiconFile) -> int:
    values = lex.thresholds.status_values

    def mean(counted: Iterable[CheckResult]) -> float | None:
        total = weight = 0.0
        for result in counted:
            if result.status == "n/a":
                continue
            total += result.weight * values[result.status]
            weight += result.weight
        return total / weight if weight else None

    every = mean(results)
    if every is None:
        return 0
    usual = mean(r for r in results if r.id not in AUTOMATIC_CHECKS)
    return round(100 * (every if usual is None else min(every, usual)))


def _top_fixes(
    results: Sequence[CheckResult],
    lex: LexiconFile,
    question: Question,
    spoken: float,
    found: tuple[Sequence[str], Sequence[str]] = ((), ()),
    away: Container[str] = (),
) -> list[Fix]:
    """The first fixes, worst first. `found`: (the fillers, the hedges) the answer holds, for
    the fix that names only what it holds, in its own words; `away`: the checks that lost what
    they found to places outside the target region, for the fix that says so."""
    order = {"fail": 0, "warn": 1}
    flagged = sorted(
        (r for r in results if r.status in order),
        key=lambda r: (order[r.status], -r.weight),
    )
    wpm = lex.speaking.words_per_minute
    low, high = question.band
    fields: dict[str, object] = {
        "low": low,
        "high": high,
        "low_words": round(low * wpm / 60),
        "high_words": round(high * wpm / 60),
        "fillers": _quoted(_unique(found[0])),
        "hedges": _quoted(_unique(found[1])),
    }
    arc = next((r for r in results if r.id == "arc"), None)
    fields["missing"] = and_list([p for p in _arc_labels(lex) if arc and p not in arc.matches])
    # What a short answer should add: what each flagged check lacks, else an example, or
    # more depth on the one it gives when its detail already passes.
    adds = [
        spec.adds_for(question.id, question.category).format_map(fields)
        for spec in (lex.check(r.id) for r in flagged)
    ]
    wanted = list(dict.fromkeys(a for a in adds if a))
    length = lex.check("length")
    detailed = any(r.id == "specifics" and r.status == "pass" for r in results)
    depth = length.wanted_depth_by_category.get(question.category, length.wanted_depth)
    fields["wanted"] = (
        and_list(wanted[:3]) if wanted else (depth if detailed else length.wanted_example)
    )
    out = []
    for r in flagged[: lex.thresholds.max_fixes]:
        spec = lex.check(r.id)
        short = r.id == "length" and spoken < low and spec.fix_short
        text = spec.fix_short if short else spec.fix_for(question.id, question.category)
        if r.status == "warn" and spec.fix_warn:
            text = spec.fix_warn
        elif r.status == "fail" and r.id in away and spec.fix_away:
            text = spec.fix_away
        fillers, hedges = bool(found[0]), bool(found[1])
        if fillers and not hedges and spec.fix_fillers:
            text = spec.fix_fillers
        elif hedges and not fillers and spec.fix_hedges:
            text = spec.fix_hedges
        out.append(Fix(check=r.id, text=text.format_map(fields)))
    return out


def _arc_labels(lex: LexiconFile) -> list[str]:
    """The four-part story's parts in words, in ARC_PARTS order."""
    return [lex.arc.part(part).label for part in ARC_PARTS]


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
