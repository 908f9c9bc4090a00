"""Interview practice reference data: the question bank (questions.toml), and the names of the
analysis lexicon (lexicon.toml: phrase lists, the speaking rate, each check's rule, fix and
weight), which lives in models/lexicon.py."""

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator

from matchtui.models.base import Sourced, Strict

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.models.profile import Profile

from matchtui.engine.wording import and_list
from matchtui.models.lexicon import ARC_PARTS as ARC_PARTS
from matchtui.models.lexicon import AUTOMATIC_CHECKS
from matchtui.models.lexicon import CHECK_IDS as CHECK_IDS
from matchtui.models.lexicon import STORY_KINDS as STORY_KINDS
from matchtui.models.lexicon import Arc as Arc
from matchtui.models.lexicon import ArcPart as ArcPart
from matchtui.models.lexicon import ArcPartSpec as ArcPartSpec
from matchtui.models.lexicon import CheckId as CheckId
from matchtui.models.lexicon import CheckSpec as CheckSpec
from matchtui.models.lexicon import LexiconFile as LexiconFile
from matchtui.models.lexicon import PaddingRule as PaddingRule
from matchtui.models.lexicon import Phrase as Phrase
from matchtui.models.lexicon import PhraseEntry as PhraseEntry
from matchtui.models.lexicon import PhraseList as PhraseList
from matchtui.models.lexicon import SpeakingRate as SpeakingRate
from matchtui.models.lexicon import Specifics as Specifics
from matchtui.models.lexicon import StoryKind as StoryKind
from matchtui.models.lexicon import StoryRule as StoryRule
from matchtui.models.lexicon import Thresholds as Thresholds
from matchtui.models.lexicon import lexicon as lexicon
from matchtui.models.lexicon import phrase_text as phrase_text

# Who a question is for. "everyone" questions are always offered; the others when the profile
# fits (see audiences()).
Audience = Literal[
    "everyone",
    "reentry",
    "returner",
    "going_home",
    "reapplicant",
    "applied_before",
    "switching",
    "soap",
    "img",
    "visa",
    "exam_failure",
]
AUDIENCE_LABELS: dict[str, str] = {
    "everyone": "everyone",
    "reentry": "re-entry applicants",
    "returner": "applicants aiming at another region",
    "going_home": "returners going home",
    "reapplicant": "reapplicants",
    "applied_before": "applicants who applied before",
    "switching": "applicants changing specialty",
    "soap": "applicants who went through SOAP",
    "img": "IMGs",
    "visa": "applicants needing a visa",
    "exam_failure": "applicants with an exam failure",
}

_ID = r"^[a-z0-9_]+$"


# -- questions.toml -----------------------------------------------------------------------------
class Category(Strict):
    id: str = Field(pattern=_ID)
    name: str = Field(min_length=1)
    description: str = ""


class BandBasis(Sourced):
    """Where the target speaking bands come from (they are our own working figures)."""

    note: str = ""


class Question(Sourced):
    id: str = Field(pattern=_ID)
    category: str
    prompt: str = Field(min_length=5)
    band: tuple[int, int]  # target speaking time in seconds, [low, high]
    checks: list[CheckId] = Field(min_length=1)
    applies_to: list[Audience] = Field(min_length=1)
    tips: list[str] = Field(min_length=1)
    example: str = Field(min_length=40)

    @field_validator("band")
    @classmethod
    def _band_ordered(cls, value: tuple[int, int]) -> tuple[int, int]:
        low, high = value
        if not 5 <= low < high <= 600:
            raise ValueError("band must be [low, high] seconds with 5 <= low < high <= 600")
        return value

    @field_validator("checks")
    @classmethod
    def _unique_checks(cls, value: list[CheckId]) -> list[CheckId]:
        if len(set(value)) != len(value):
            raise ValueError("a check is listed twice")
        if automatic := sorted(AUTOMATIC_CHECKS.intersection(value)):
            them = "it" if len(automatic) == 1 else "them"
            raise ValueError(
                f"every answer gets {and_list(automatic)} on its own: leave {them} out of a "
                "question's checks"
            )
        return value

    @property
    def for_everyone(self) -> bool:
        return "everyone" in self.applies_to


class QuestionsFile(Strict):
    bands: BandBasis
    categories: list[Category] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)

    def check_refs(self, catalog: "Catalog") -> Iterator[tuple[tuple[str | int, ...], str]]:
        known = {c.id for c in self.categories}
        for index, question in enumerate(self.questions):
            if question.category not in known:
                yield (
                    ("questions", index, "category"),
                    f"unknown category {question.category!r} (not in [[categories]])",
                )

    def by_id(self, question_id: str) -> Question | None:
        for question in self.questions:
            if question.id == question_id:
                return question
        return None

    def category_name(self, category_id: str) -> str:
        for category in self.categories:
            if category.id == category_id:
                return category.name
        return category_id


def audiences(profile: "Profile") -> set[str]:
    """The audiences a profile belongs to (always includes "everyone")."""
    found = {"everyone"}
    if profile.is_reentry:
        found.add("reentry")
    if profile.is_returner:
        found.add("returner")
    if profile.is_going_home:
        found.add("going_home")
    if profile.is_img:
        found.add("img")
    history = profile.history
    if len(history.cycles) > history.placed:
        found.add("reapplicant")  # an earlier cycle that did not end in a position for good
    if history.cycles:
        found.add("applied_before")  # any earlier cycle, however it ended
    if history.soap:
        found.add("soap")
    if profile.needs_visa:
        found.add("visa")
    targets = set(profile.targets.specialties)
    if any(c.specialty and c.specialty not in targets for c in history.cycles):
        found.add("switching")
    if profile.exams.failures > 0:
        found.add("exam_failure")
    return found


def questions_for(bank: QuestionsFile, profile: "Profile | None") -> list[Question]:
    """The bank filtered to a profile, in bank order (no profile: everything)."""
    if profile is None:
        return list(bank.questions)
    mine = audiences(profile)
    return [q for q in bank.questions if mine.intersection(q.applies_to)]


def question_bank(catalog: "Catalog") -> QuestionsFile:
    return catalog.get("questions.toml", QuestionsFile)
