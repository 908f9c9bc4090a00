"""The applicant's profile (profile.toml): who they are on paper."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from matchtui.models.base import UserFile, UserText

PROFILE_SCHEMA_VERSION = 1

Stage = Literal["student", "resident", "graduate"]
StudentYear = Literal["m3", "m4"]
Degree = Literal["us_md", "us_do", "us_img", "non_us_img"]
Visa = Literal["none", "needs_sponsorship"]
RegionDecided = Literal[
    "before_m3", "m3", "m4_early", "m4_late", "residency_late", "not_applicable"
]
ExamResult = Literal["pass", "fail", "not_taken"]
Step3Status = Literal["not_taken", "scheduled", "passed"]
Outcome = Literal["none", "unmatched", "matched_prelim", "withdrew"]
ClinicalRole = Literal[
    "clinical_job", "transitional", "observership", "clinical_research", "nonclinical", "none"
]
TieKind = Literal["family", "partner", "grew_up", "prior_school", "prior_work", "other"]
RotationStatus = Literal["done", "planned"]
# NRMP's six applicant groups (Results and Data, Table 4A/4B); visa need is a separate attribute.
ApplicantType = Literal[
    "us_md_senior", "us_do_senior", "us_md_graduate", "us_do_graduate", "us_img", "non_us_img"
]

STAGE_LABELS: dict[str, str] = {
    "student": "Medical student",
    "resident": "Resident",
    "graduate": "Graduate, not in training",
}
DEGREE_LABELS: dict[str, str] = {
    "us_md": "US MD",
    "us_do": "US DO",
    "us_img": "US-citizen IMG",
    "non_us_img": "Non-US IMG",
}


class Applicant(UserFile):
    name: UserText = Field(default="", max_length=120)
    stage: Stage = "student"
    student_year: StudentYear | None = None
    degree: Degree = "us_md"
    graduation_year: int = Field(ge=1960, le=2100)
    visa: Visa = "none"
    home_region: str
    current_region: str
    region_decided: RegionDecided = "not_applicable"


class Exams(UserFile):
    step1: ExamResult = "pass"
    step1_attempts: int = Field(default=1, ge=0, le=9)
    step2_score: int | None = Field(default=None, ge=1, le=300)
    step2_attempts: int = Field(default=1, ge=0, le=9)
    step3: Step3Status = "not_taken"
    step3_year: int | None = Field(default=None, ge=1960, le=2100)
    step3_date: dt.date | None = None
    total_failures: int | None = Field(default=None, ge=0, le=20)

    @model_validator(mode="after")
    def _consistent(self) -> Exams:
        if self.step3 == "scheduled" and self.step3_date is None:
            raise ValueError("step3_date is needed when step3 is 'scheduled'")
        if self.step3 == "passed" and self.step3_year is None:
            raise ValueError("step3_year is needed when step3 is 'passed'")
        if self.step1 == "pass" and self.step1_attempts < 1:
            raise ValueError("step1_attempts must be at least 1 when step1 is 'pass'")
        return self

    @property
    def failures(self) -> int:
        """Failed attempts: the stated total or what the attempt counts imply, whichever is more."""
        step1 = (
            max(0, self.step1_attempts - 1)
            if self.step1 == "pass"
            else (self.step1_attempts if self.step1 == "fail" else 0)
        )
        step2 = max(0, self.step2_attempts - 1) if self.step2_score is not None else 0
        return max(self.total_failures or 0, step1 + step2)


class History(UserFile):
    cycles_applied: int = Field(default=0, ge=0, le=20)
    last_outcome: Outcome = "none"
    soap: bool = False


class Targets(UserFile):
    specialties: list[str] = Field(default_factory=list, max_length=5)
    region: str

    @model_validator(mode="after")
    def _unique(self) -> Targets:
        if len(set(self.specialties)) != len(self.specialties):
            raise ValueError("a specialty is listed twice")
        return self


class Clinical(UserFile):
    role: ClinicalRole = "none"
    months_last_24: int = Field(default=0, ge=0, le=24)
    months_since_last: int = Field(default=0, ge=0, le=600)


class Tie(UserFile):
    kind: TieKind
    region: str
    note: UserText = Field(default="", max_length=500)


class Rotation(UserFile):
    region: str
    status: RotationStatus
    specialty: str | None = None
    place: UserText = Field(default="", max_length=200)


class Letter(UserFile):
    specialty: str
    region: str
    months_ago: int = Field(ge=0, le=600)
    saw_real_work: bool = False
    author: UserText = Field(default="", max_length=200)


class Narrative(UserFile):
    why_home: UserText = Field(default="", max_length=5000)
    why_now: UserText = Field(default="", max_length=5000)
    plan_b: UserText = Field(default="", max_length=5000)


class Profile(UserFile):
    schema_version: int = PROFILE_SCHEMA_VERSION
    cycle_year: int = Field(ge=2000, le=2100)
    applicant: Applicant
    exams: Exams = Field(default_factory=Exams)
    history: History = Field(default_factory=History)
    targets: Targets
    clinical: Clinical = Field(default_factory=Clinical)
    ties: list[Tie] = Field(default_factory=list)
    rotations: list[Rotation] = Field(default_factory=list)
    letters: list[Letter] = Field(default_factory=list)
    narrative: Narrative = Field(default_factory=Narrative)

    @model_validator(mode="after")
    def _timeline(self) -> Profile:
        if self.applicant.stage != "student" and self.applicant.graduation_year > self.cycle_year:
            raise ValueError(
                "the graduation year is after the Match year, but the stage says you have "
                "already graduated"
            )
        return self

    @property
    def years_since_graduation(self) -> int:
        """Whole years between graduation and the Match year applied for (0 for students)."""
        if self.applicant.stage == "student":
            return 0
        return max(0, self.cycle_year - self.applicant.graduation_year)

    @property
    def is_reentry(self) -> bool:
        """A graduate who is not in training: the re-entry risk sheet applies."""
        return self.applicant.stage == "graduate"

    @property
    def is_returner(self) -> bool:
        """Wants to match in a region other than the one they train in now."""
        return self.targets.region != self.applicant.current_region

    @property
    def is_img(self) -> bool:
        return self.applicant.degree in ("us_img", "non_us_img")

    @property
    def in_training(self) -> bool:
        """In a residency now (the situation issue 13 makes explicit)."""
        return self.applicant.stage == "resident"

    @property
    def cycles_attempted(self) -> int:
        """Match cycles already applied in (before this one)."""
        return self.history.cycles_applied

    @property
    def applicant_type(self) -> ApplicantType:
        """One of NRMP's six applicant groups; anyone who has graduated is a prior graduate."""
        degree = self.applicant.degree
        if degree in ("us_img", "non_us_img"):
            return degree
        if self.applicant.stage == "student":
            return "us_md_senior" if degree == "us_md" else "us_do_senior"
        return "us_md_graduate" if degree == "us_md" else "us_do_graduate"
