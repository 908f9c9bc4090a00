"""Interview practice: the analysis result (Feedback) and the applicant's log (practice.toml)."""

import datetime as dt
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from matchtui.engine.wording import beside
from matchtui.limits import MAX_ANSWER_CHARS as MAX_ANSWER_CHARS
from matchtui.models.base import UserFile, UserText, empty_list
from matchtui.models.results import Span as Span
from matchtui.models.results import StoryVerdict as StoryVerdict
from matchtui.models.results import _Result

if TYPE_CHECKING:
    from matchtui.store import Store

PRACTICE_SCHEMA_VERSION = 1
# MAX_ANSWER_CHARS (limits.py, re-exported here): far beyond any spoken answer; the CLI and the
# app both cap a typed answer at it.

Status = Literal["pass", "warn", "fail", "n/a"]
Mode = Literal["practice", "rehearse"]


class CheckResult(_Result):
    id: str
    name: str
    status: Status
    rule: str  # the rule, in words, as the data states it
    detail: str  # what decided it for this answer
    evidence: list[str] = Field(default_factory=empty_list)  # the sentences that decided it, quoted
    spans: list[Span] = Field(default_factory=empty_list)  # where those sentences are in the text
    matches: list[str] = Field(default_factory=empty_list)  # the words or phrases that fired
    weight: float = 0.0


class Fix(_Result):
    check: str
    text: str


class Feedback(_Result):
    question: str
    category: str
    words: int
    # The words the speaking time is estimated from: keyword strings and repeated sentences are
    # left out (a 25-word list of virtues says nothing, so it is no time spoken).
    counted_words: int
    sentences: int
    words_per_minute: int
    spoken_seconds: float  # estimated speaking time, from counted_words
    target_seconds: tuple[int, int]
    seconds: float | None = None  # the time the applicant actually took, if known
    score: int
    checks: list[CheckResult]
    top_fixes: list[Fix]
    fillers: list[str] = Field(default_factory=empty_list)
    hedges: list[str] = Field(default_factory=empty_list)  # only the flagged ones
    # Inputs that are matchtui's working assumptions rather than published figures.
    assumptions: list[str] = Field(default_factory=empty_list)
    # For region questions: the verdict on the answer as a why-home story (as the Reality check
    # would judge it).
    story: StoryVerdict | None = None

    def words_text(self) -> str:
        """How long the answer is in words, saying how many count when some were left out."""
        text = f"{self.words} word" + ("" if self.words == 1 else "s")
        if self.counted_words < self.words:
            text += (
                f" ({self.counted_words} counted: repeats, keyword strings and bare claims "
                "left out)"
            )
        return text

    def spoken_text(self) -> str:
        """The estimated speaking time in seconds, kept on its side of the target's edges as the
        length check compares it (44.6 s is short of 45-90 s: not "45")."""
        return beside(self.spoken_seconds, self.target_seconds)

    def check(self, check_id: str) -> CheckResult | None:
        for result in self.checks:
            if result.id == check_id:
                return result
        return None

    def status(self, check_id: str) -> Status | None:
        found = self.check(check_id)
        return found.status if found else None


class QuestionProgress(_Result):
    question_id: str
    prompt: str
    category: str
    attempts: int
    best: int
    average: float
    last: int
    trend: list[int]  # scores in the order they were made
    first_time: dt.datetime
    last_time: dt.datetime


# -- practice.toml ------------------------------------------------------------------------------
class AttemptCheck(UserFile):
    id: str
    status: Status


class Attempt(UserFile):
    question: str = Field(pattern=r"^[a-z0-9_]+$")
    time: dt.datetime
    mode: Mode = "practice"
    seconds: float | None = Field(default=None, ge=0, le=36_000)  # time taken to answer
    words: int = Field(default=0, ge=0)
    score: int = Field(ge=0, le=100)
    checks: list[AttemptCheck] = Field(default_factory=empty_list)
    text: UserText = Field(max_length=MAX_ANSWER_CHARS)


class PracticeLog(UserFile):
    schema_version: int = PRACTICE_SCHEMA_VERSION
    attempts: list[Attempt] = Field(default_factory=empty_list)

    def for_question(self, question_id: str) -> list[Attempt]:
        return [a for a in self.attempts if a.question == question_id]

    def best(self, question_id: str) -> Attempt | None:
        """The highest-scoring attempt (the latest of equals)."""
        found: Attempt | None = None
        for attempt in self.for_question(question_id):
            if found is None or attempt.score >= found.score:
                found = attempt
        return found


def attempt_from(
    feedback: Feedback,
    text: str,
    time: dt.datetime,
    seconds: float | None = None,
    mode: Mode = "practice",
) -> Attempt:
    """The record kept for one submitted answer."""
    return Attempt(
        question=feedback.question,
        time=time.replace(microsecond=0),
        mode=mode,
        seconds=None if seconds is None else round(seconds, 1),
        words=feedback.words,
        score=feedback.score,
        checks=[AttemptCheck(id=c.id, status=c.status) for c in feedback.checks],
        text=text,
    )


def load_log(store: "Store") -> PracticeLog:
    """practice.toml, or an empty log when there is none yet (a bad file raises FileProblems)."""
    from matchtui.store import PRACTICE

    return store.load_or(PRACTICE, PracticeLog, PracticeLog)


def save_log(store: "Store", log: PracticeLog) -> None:
    from matchtui.store import PRACTICE

    store.save(PRACTICE, log)
