"""The analysis lexicon (lexicon.toml): phrase lists, the speaking rate, each check's rule, fix
and weight, and the stories' signals. Apart from the question bank (models/questions.py, which
names all of these too), so the Reality check and the Program mix, which judge the profile's
stories, do not define the bank's models.
"""

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator, model_validator

from matchtui.models.base import Sourced, Strict, empty_list

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

CheckId = Literal[
    "ownership",
    "no_blame",
    "specifics",
    "readiness",
    "forward_close",
    "arc",
    "length",
    "fillers_hedges",
    "ties",
    "local_activity",
    "plan_to_stay",
    "substance",
    "real_weakness",
    "stock",
    "no_example",
]
CHECK_IDS: tuple[str, ...] = CheckId.__args__  # type: ignore[attr-defined]
# Checks a data folder written before them may lack (the answer is then not read for them).
OPTIONAL_CHECKS: frozenset[str] = frozenset({"stock", "no_example"})
# Checks every answer gets, shown only when they find something: a question does not list them.
AUTOMATIC_CHECKS: frozenset[str] = frozenset({"substance", "stock", "no_example"})

ArcPart = Literal["what_happened", "stepped_away", "what_changed", "why_now"]
ARC_PARTS: tuple[ArcPart, ...] = ("what_happened", "stepped_away", "what_changed", "why_now")


# -- lexicon.toml -------------------------------------------------------------------------------
class PhraseEntry(Strict):
    """A phrase with conditions: not right after / before certain words, only when one of
    certain words follows within the next four (`before_any`) or later in the same sentence,
    within twelve (`later_any`: the match then reaches to that word, "I entered ... the wrong"),
    only right before one of certain words (`followed_by`), or only at the start of a sentence.
    A plain string in a list is a phrase with no conditions. In `not_after` and `not_before`,
    "#" stands for any number in digits ("we will see 20 patients")."""

    phrase: str = Field(min_length=1)
    not_after: list[str] = Field(default_factory=empty_list)
    not_before: list[str] = Field(default_factory=empty_list)
    before_any: list[str] = Field(default_factory=empty_list)
    later_any: list[str] = Field(default_factory=empty_list)
    # the very next word must be one of these ("$": the sentence or a clause ends there instead):
    # "we'll see" only as a decision put off ("we'll see how it goes", "we'll see."), not
    # "we'll see patients from three counties"; a punctuation mark listed is that mark next
    # (":": "If I don't match:" as the heading of a list of steps)
    followed_by: list[str] = Field(default_factory=empty_list)
    at_start: bool = False


Phrase = str | PhraseEntry


def phrase_text(entry: Phrase) -> str:
    return entry if isinstance(entry, str) else entry.phrase


class PhraseList(Sourced):
    """Phrases matched on word boundaries, case-insensitively; a trailing * matches any word
    ending ("discriminat*")."""

    note: str = ""
    phrases: list[Phrase] = Field(min_length=1)

    @field_validator("phrases")
    @classmethod
    def _not_blank(cls, value: list[Phrase]) -> list[Phrase]:
        return _check_phrases(value)


def _check_phrases(value: list[Phrase]) -> list[Phrase]:
    seen: set[str] = set()
    for entry in value:
        text = phrase_text(entry).strip()
        if not text:
            raise ValueError("a phrase is empty")
        # one entry per phrase: a second would stand in for the first, conditions and all
        if (folded := " ".join(text.lower().split())) in seen:
            raise ValueError(f"{text!r} is listed twice; keep one entry")
        seen.add(folded)
        if "*" in text[:-1]:
            raise ValueError(f"{text!r}: * may only end a phrase")
        if text.endswith("*") and len(text.split()[-1]) < 4:
            raise ValueError(f"{text!r}: a wildcard needs at least three letters before the *")
    return value


class Specifics(Sourced):
    """What counts as concrete detail: regular expressions (case-insensitive unless they say
    otherwise), counted amounts (a number word before a unit: "three months", "four-week"),
    and plain phrases (roles, exams, settings)."""

    note: str = ""
    patterns: list[str] = Field(default_factory=empty_list)
    numbers: list[str] = Field(default_factory=empty_list)
    units: list[str] = Field(default_factory=empty_list)
    # a number and its unit said as a saying, not a count ("the patients I hope to serve one
    # day"), unless one of `rhythm` follows ("one day a week")
    sayings: list[str] = Field(default_factory=empty_list)
    rhythm: list[str] = Field(default_factory=empty_list)
    phrases: list[Phrase] = Field(default_factory=empty_list)

    @field_validator("phrases")
    @classmethod
    def _phrases_ok(cls, value: list[Phrase]) -> list[Phrase]:
        return _check_phrases(value)

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid expression: {exc}") from None
        return value


class Unmarked(Sourced):
    """Contractions typed without their apostrophe ("didnt"), each read as the contraction it
    stands for ("didn't"): only forms hardly ever meant as a word of their own."""

    note: str = ""
    forms: dict[str, str] = Field(min_length=1)

    @field_validator("forms")
    @classmethod
    def _apostrophe_dropped(cls, forms: dict[str, str]) -> dict[str, str]:
        for typed, meant in forms.items():
            if typed != typed.lower() or meant.replace("'", "") != typed or "'" not in meant:
                raise ValueError(
                    f"{typed!r} = {meant!r}: a form in lower case, and the same word with its "
                    "apostrophe"
                )
        return forms


class SpeakingRate(Sourced):
    words_per_minute: int = Field(ge=60, le=300)
    note: str = ""


class ArcPartSpec(Strict):
    label: str
    phrases: list[Phrase] = Field(min_length=1)


class Arc(Sourced):
    """The returner's four-part story and the phrases that show each part."""

    note: str = ""
    what_happened: ArcPartSpec
    stepped_away: ArcPartSpec
    what_changed: ArcPartSpec
    why_now: ArcPartSpec
    add_specialty_names: bool = True  # the catalog's specialty names also count as "why now"

    def part(self, part: ArcPart) -> ArcPartSpec:
        spec: ArcPartSpec = getattr(self, part)
        return spec


class CheckSpec(Sourced):
    id: CheckId
    name: str
    rule: str
    fix: str
    fix_short: str = ""  # the fix when the answer is too short (may use {wanted})
    fix_warn: str = ""  # the fix when the check warns rather than fails, if it differs
    # the fix when the check failed because all it found was about places outside the target
    # region (engine/practice: Analysed.drop_outside took it out)
    fix_away: str = ""
    # The fix, and what a short answer should add, for a question category whose answers want
    # other detail (why this program: what is known of it, not a year or an exam).
    fix_by_category: dict[str, str] = Field(default_factory=dict)
    adds_by_category: dict[str, str] = Field(default_factory=dict)
    # The same for one question whose answers want other detail again (the questions an
    # applicant asks a program: two of their own, not what they know of it); before a category's.
    fix_by_question: dict[str, str] = Field(default_factory=dict)
    adds_by_question: dict[str, str] = Field(default_factory=dict)
    # Fillers and hedges: the fix when only one of the two was found, if it differs (may use
    # {fillers} or {hedges}: the answer's own, quoted).
    fix_fillers: str = ""
    fix_hedges: str = ""
    # {wanted} when no other check is flagged: an example to add, or, when the answer's detail
    # already passes the specifics check, more depth on the example it gives.
    wanted_example: str = ""
    wanted_depth: str = ""
    # The depth wanted for a question category whose answers are not one example (an answer
    # on a region says more of ties and plans, not of "the example you gave").
    wanted_depth_by_category: dict[str, str] = Field(default_factory=dict)
    # What an answer too short should add when this check is flagged ("" for a check fixed by
    # cutting); the four-part story's may use {missing}.
    adds: str = ""
    weight: float = Field(ge=0, le=100)
    # The question categories and question ids whose answers a check shown only when it flags
    # reads; empty: every question ("A real example" is for the questions that ask for a
    # mistake, a conflict, a weakness or a hard moment, not for "How would colleagues describe
    # you?", where "I never had a conflict with anyone" is no dodge).
    applies_to: list[str] = Field(default_factory=list)

    def applies(self, question: str, category: str) -> bool:
        """Whether this check reads answers to `question` (of `category`)."""
        return not self.applies_to or question in self.applies_to or category in self.applies_to

    def fix_for(self, question: str, category: str) -> str:
        """The fix for an answer to `question` (of `category`)."""
        return self.fix_by_question.get(question) or self.fix_by_category.get(category, self.fix)

    def adds_for(self, question: str, category: str) -> str:
        """What a short answer to `question` (of `category`) should add for this check."""
        return (
            self.adds_by_question.get(question) or self.adds_by_category.get(category) or self.adds
        )


class Thresholds(Sourced):
    """The numbers each check turns on."""

    note: str = ""
    status_values: dict[Literal["pass", "warn", "fail"], float]
    max_fixes: int = Field(ge=1, le=5)
    length_margin: float = Field(ge=0, le=1)  # outside the band by up to this share: warn
    min_words: int = Field(ge=1)  # fewer words: fillers_hedges is n/a
    fillers_pass_per_100: float = Field(ge=0)
    fillers_warn_per_100: float = Field(ge=0)
    specifics_pass_sentences: int = Field(ge=1)
    # One long sentence written with commas ("I graduated in 2016, worked as a medical officer
    # until 2021, passed Step 2 CK in 2023 ...") counts its clauses of at least this many words
    # (shorter pieces join the clause before them, so "Ohio, 2024, Mercy" is one) as sentences
    # for the specifics check.
    specifics_clause_min_words: int = Field(default=5, ge=1)
    local_activity_pass_sentences: int = Field(ge=1)
    closing_sentences: int = Field(ge=1, le=3)
    # A year named in a readiness sentence says how recent it is when at most this many years
    # before the current one.
    recent_years: int = Field(default=2, ge=0, le=10)
    # Sentences of stock self-praise alone ([stock_phrases]) from which the check fails (fewer:
    # it warns).
    stock_fail_sentences: int = Field(default=2, ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> "Thresholds":
        if self.fillers_warn_per_100 < self.fillers_pass_per_100:
            raise ValueError("fillers_warn_per_100 must be at least fillers_pass_per_100")
        return self


class PaddingRule(Sourced):
    """What counts as padding in an answer: it earns nothing and is named (lexicon [padding])."""

    note: str = ""
    repeat_min_words: int = Field(ge=1)  # a sentence said again with this many words or more
    number_run: int = Field(ge=2)  # this many bare numbers in a row make a list of numbers
    salad_min_words: int = Field(ge=2)  # sentences this long are checked for word salad
    salad_max_function_share: float = Field(ge=0, le=1)  # fewer function words: word salad
    function_words: list[str] = Field(min_length=1)
    cap_share: float = Field(ge=0, le=1)  # padding above this share of the words caps the score
    score_cap: int = Field(ge=0, le=100)
    # Near repeats: sentences of at least near_repeat_min_words words whose content words
    # (every number read as one word) overlap at least near_repeat_similarity (Jaccard) are
    # alike; near_repeat_min_count alike sentences or more are a template, and only the first
    # of them counts. The defaults are the shipped lexicon's, so a data folder written before
    # these fields still loads.
    near_repeat_similarity: float = Field(default=0.7, gt=0, le=1)
    near_repeat_min_words: int = Field(default=5, ge=1)
    near_repeat_min_count: int = Field(default=4, ge=2)
    # A word said over and over in one sentence ("Chicago Chicago Chicago."): a sentence of at
    # least stutter_min_words words, more than half of them one and the same word, is said
    # again.
    stutter_min_words: int = Field(default=3, ge=2)
    # Bare claims strung together ("I own it. My fault. I learned. I changed. I grew."):
    # claims_run or more sentences in a row of at most claims_max_words words each.
    claims_max_words: int = Field(default=3, ge=1)
    claims_run: int = Field(default=5, ge=2)
    # A sentence said again inside a longer one ("I graduated in 2015." then "I graduated in
    # 2015 from medical school."): a sentence of at least contained_min_words words whose words
    # all come, in a row, in another longer sentence of the answer says nothing that one does
    # not.
    contained_min_words: int = Field(default=4, ge=2)


StoryKind = Literal["why_home", "why_now", "plan_b"]
STORY_KINDS: tuple[StoryKind, ...] = ("why_home", "why_now", "plan_b")


class StoryBlame(Strict):
    """What a story's verdict says when the story puts its outcome on luck, the system or other
    people, as the interview practice's no_blame check reads it (the same `blame` phrases and
    `blame_negators`: Analysed.blame_sentences): `said` before the phrases quoted, `advice`
    after the verdict."""

    said: str = Field(min_length=1)
    advice: str = Field(min_length=1)


class StoryRule(Sourced):
    """How one of the profile's stories is judged (lexicon.toml [stories.*])."""

    label: str
    signals: list[str] = Field(min_length=1)
    required: list[str] = Field(default_factory=empty_list)
    # At least one of these signals as well (a plan B names a role or place, or the clinical
    # work that goes on: "I will finish my surgery residency"); empty: no such rule.
    required_any: list[str] = Field(default_factory=empty_list)
    min_signals: int = Field(ge=1)
    long_words: int = Field(ge=1)
    # The phrase list quoted when the story is not concrete; a sentence with one of its
    # phrases and none of the other signals' adds no length toward long_words.
    generic: str | None = None
    wanted: str  # what a concrete story names, for the advice
    # What to add for each signal a generic story lacks ("long" needs none: length alone
    # never makes a story concrete).
    advice: dict[str, str] = Field(default_factory=dict)
    # A story about the target region (why home): one that names places, none of them in the
    # target region, is about somewhere else and is not counted as concrete for it.
    names_target_region: bool = False
    # Read for blame (None: not read): a story that would be concrete but puts its outcome on
    # luck, the system or others is judged "blames"; a generic one says so as well.
    blame: StoryBlame | None = None
    # For an applicant with no past to tell (no earlier Match cycle, no years out or time away
    # from patients: engine.assess): the wording of the only signals asked of them (the others
    # are neither asked for nor listed as missing), and what a concrete story names. Empty:
    # everyone is asked the same.
    first_time_advice: dict[str, str] = Field(default_factory=dict)
    first_time_wanted: str = ""

    @model_validator(mode="after")
    def _required_are_signals(self) -> "StoryRule":
        unknown = [r for r in [*self.required, *self.required_any] if r not in self.signals]
        if unknown:
            raise ValueError(f"required names signals not listed: {unknown}")
        if self.min_signals > len(self.signals):
            raise ValueError("min_signals is more than the signals listed")
        lacking = [s for s in self.signals if s != "long" and s not in self.advice]
        if lacking:
            raise ValueError(f"advice has no wording for signals: {lacking}")
        stray = [s for s in self.advice if s not in self.signals]
        if stray:
            raise ValueError(f"advice names signals not listed: {stray}")
        stray = [s for s in self.first_time_advice if s not in self.signals or s == "long"]
        if stray:
            raise ValueError(f"first_time_advice names signals not listed: {stray}")
        first = self.first_time_advice
        unasked = [r for r in self.required if first and r not in first]
        if unasked:
            raise ValueError(f"first_time_advice leaves out required signals: {unasked}")
        if bool(self.first_time_advice) != bool(self.first_time_wanted):
            raise ValueError("first_time_advice and first_time_wanted go together")
        return self


class RunOn(Sourced):
    """A sentence of at least `min_words` words, with fewer than `max_marks_per_100` commas,
    semicolons and colons per 100 words, is cut before each joiner that opens a new clause: a
    joiner ("and", "but", "so") followed by a clause opener ("I", "we", "since") ("... i forgot
    to check the potassium and i told the attending ..."). A piece is kept at least
    `min_piece` words long."""

    note: str = ""
    min_words: int = Field(ge=2)
    max_marks_per_100: float = Field(gt=0)
    min_piece: int = Field(ge=1)
    joiners: list[str] = Field(min_length=1)
    openers: list[str] = Field(min_length=1)


class LexiconFile(Strict):
    speaking: SpeakingRate
    abbreviations: list[str] = Field(default_factory=empty_list)
    # Adverbs read past between "I" and its verb ("I also learned to" as "I learned to");
    # empty in a data folder written before it.
    adverbs: list[str] = Field(default_factory=empty_list)
    # Words after "I" (or "I" contracted with them) after which an "I ..." phrase reads past
    # one adverb ("I am also presenting" as "I am presenting"); empty in an older data folder.
    adverbs_after: list[str] = Field(default_factory=empty_list)
    # Optional, so a data folder written before it still loads (its "didnt" matches nothing).
    unmarked: Unmarked | None = None
    # Optional as well (a long unpunctuated sentence is then read as one).
    run_on: RunOn | None = None
    fillers: PhraseList
    hedges: PhraseList
    blame: PhraseList
    blame_negators: PhraseList
    ownership: PhraseList
    specifics: Specifics
    readiness: PhraseList
    recency: PhraseList
    forward: PhraseList
    # A last sentence that leaves the plan open ("I'm not sure yet where I want to be long
    # term") does not look ahead, whatever forward phrase it holds. Optional, so a data folder
    # written before it still loads (such a sentence looks ahead).
    undecided: PhraseList | None = None
    # Someone else as the subject of a clause ("my wife took a job at a tech company there"): the
    # work or the rotation after it in that clause is theirs. Optional, like undecided.
    someone_else: PhraseList | None = None
    # A close that looks ahead at nothing it names ("I'm working on it.", "I will do my best."):
    # a last sentence whose look ahead is only this, with no concrete detail, is a weak close.
    # Optional, like undecided.
    vague_forward: PhraseList | None = None
    regret: PhraseList
    ties: PhraseList
    # A tie phrase in a sentence about a visit (holiday_visits) counts only when the sentence
    # also says someone lives, grew up, studied or works there (lives_there). Optional, so a
    # data folder written before these lists still loads (its ties count wherever they are).
    holiday_visits: PhraseList | None = None
    lives_there: PhraseList | None = None
    # ...or when the next sentence opens with a pronoun for them (tie_pronouns: "They live in
    # La Jolla.") and holds a lives_there phrase. Optional as well.
    tie_pronouns: PhraseList | None = None
    # A sentence that tells a return ("After medical school in Philadelphia I came back to work
    # at UAB") is about the place come back to: the places it names before the return are where
    # one came from. Optional, so an older data folder still loads.
    returns: PhraseList | None = None
    # A plan to stay after one of these in its sentence ("I do not plan to stay") counts for
    # nothing. Optional, so a data folder written before it still loads.
    stay_negators: PhraseList | None = None
    # A tie phrase with one of these within two words ("My parents do not live there") names
    # no tie. Optional as well.
    tie_negators: PhraseList | None = None
    # Proof of readiness or of local activity right after one of these, in its clause ("I have
    # not seen patients since 2019", "I never rotated there") proves nothing. Optional as well.
    proof_negators: PhraseList | None = None
    generic_praise: PhraseList
    local_activity: PhraseList
    repetition: PhraseList
    # Two different local activities in one sentence with one of these between them ("a
    # clerkship in Iowa City and a sub-I in Des Moines") are repeated activity. Optional, so a
    # data folder written before it still loads (such a sentence is one activity).
    activity_joiners: PhraseList | None = None
    plan_to_stay: PhraseList
    disguised_strength: PhraseList
    # Optional, so a data folder written before it still loads (its answers are not read for
    # stock self-praise).
    stock_phrases: PhraseList | None = None
    # Saying there is nothing to tell ("I can't think of a mistake", "I never had a conflict").
    # Optional as well (such a data folder's answers are not read for it).
    no_example: PhraseList | None = None
    arc: Arc
    padding: PaddingRule
    stories: dict[StoryKind, StoryRule]
    thresholds: Thresholds
    checks: list[CheckSpec]

    @model_validator(mode="after")
    def _every_check_once(self) -> "LexiconFile":
        ids = [c.id for c in self.checks]
        missing = [c for c in CHECK_IDS if c not in ids and c not in OPTIONAL_CHECKS]
        if missing:
            raise ValueError(f"checks is missing {', '.join(missing)}")
        return self

    @model_validator(mode="after")
    def _story_signals_exist(self) -> "LexiconFile":
        lists = {name for name, _ in self.phrase_lists()} | set(ARC_PARTS)
        known = lists | {"specifics", "long"}
        for kind in STORY_KINDS:
            rule = self.stories.get(kind)
            if rule is None:
                raise ValueError(f"stories is missing {kind}")
            unknown = [s for s in rule.signals if s not in known]
            if rule.generic is not None and rule.generic not in lists:
                unknown.append(rule.generic)
            if unknown:
                raise ValueError(f"stories.{kind} names unknown lists: {unknown}")
        return self

    def check_or_none(self, check_id: str) -> CheckSpec | None:
        return next((spec for spec in self.checks if spec.id == check_id), None)

    def check(self, check_id: str) -> CheckSpec:
        spec = self.check_or_none(check_id)
        if spec is None:
            raise KeyError(check_id)
        return spec

    def phrase_lists(self) -> Iterable[tuple[str, PhraseList]]:
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, PhraseList):
                yield name, value


def lexicon(catalog: "Catalog") -> LexiconFile:
    return catalog.get("lexicon.toml", LexiconFile)
