"""Engine results that more than one check makes: their base and the verdict on a story the
applicant wrote. Kept apart from practice.py (which re-exports them), so the Reality check
imports these three classes, not the practice feedback and log models it never uses."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from matchtui.models.base import empty_list


class _Result(BaseModel):
    """Engine results: plain, immutable, JSON-ready. The validator is built on first use, so a
    command that never makes one (e.g. `assess`) does not pay for building it."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Span(_Result):
    """Character offsets [start, end) of a quoted sentence in the answer text."""

    start: int
    end: int


class StoryVerdict(_Result):
    """How concrete a piece of the applicant's own writing is (engine/text.judge), with the
    phrases that decided it: the same verdict wherever the text is judged."""

    kind: Literal["why_home", "why_now", "plan_b"]
    label: str
    # "covered": none written, and none needed (a plan B for one whose fallback is the residency
    # they hold: engine.assess, readiness.toml [cycles] in_training_plan_b). "blames": concrete,
    # but it puts the outcome on luck, the system or others (lexicon.toml [stories.*] blame).
    quality: Literal["concrete", "blames", "generic", "missing", "covered"]
    words: int
    signals: list[str] = Field(default_factory=empty_list)  # the kinds of signal it shows
    concrete: list[str] = Field(default_factory=empty_list)  # phrases that made it concrete, quoted
    generic: list[str] = Field(default_factory=empty_list)  # stock phrases it leans on
    missing: list[str] = Field(default_factory=empty_list)  # kinds of signal it lacks
    # the phrases that put the outcome on luck, the system or others (a story read for blame)
    blame: list[str] = Field(default_factory=empty_list)
    reason: str

    @property
    def names_enough(self) -> bool:
        """It names what a concrete story names, whether or not it also blames."""
        return self.quality in ("concrete", "blames")
