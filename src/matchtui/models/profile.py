"""The applicant's profile (profile.toml): who they are on paper."""

import datetime as dt
from typing import Any, Literal, NamedTuple

from pydantic import Field, ValidationInfo, field_validator, model_validator

from matchtui.models.base import UserFile, UserText, empty_list

PROFILE_SCHEMA_VERSION = 2

Situation = Literal["in_school", "in_training", "not_in_training"]
# Facts about a profile that pick the wording of an advice (actions.toml and steps.toml
# `variants`): out of training, in a residency now, living in the target region, aiming at a
# region that is not home (Profile.holds).
WordingFact = Literal["graduate", "in_training", "lives_in_target", "new_region"]
Stage = Literal["student", "resident", "graduate"]
StudentYear = Literal["m3", "m4"]
Degree = Literal["us_md", "us_do", "us_img", "non_us_img"]
Visa = Literal["none", "needs_sponsorship"]
# When a student (or resident) settled on the target region; graduates give a year and month.
RegionDecided = Literal["before_m3", "m3", "m4_early", "m4_late", "residency_late"]
ExamResult = Literal["pass", "fail", "not_taken"]
Step3Status = Literal["not_taken", "scheduled", "passed"]
CycleOutcome = Literal["matched", "unmatched", "soap_placed", "withdrew"]
ClinicalRole = Literal[
    "clinical_job", "transitional", "observership", "clinical_research", "nonclinical", "none"
]
TieKind = Literal["family", "partner", "grew_up", "prior_school", "prior_work", "other"]
RotationStatus = Literal["done", "planned"]
Setting = Literal["any", "urban", "suburban", "rural"]
# NRMP's six applicant groups (Results and Data, Table 4A/4B); visa need is a separate attribute.
ApplicantType = Literal[
    "us_md_senior", "us_do_senior", "us_md_graduate", "us_do_graduate", "us_img", "non_us_img"
]
APPLICANT_TYPE_LABELS: dict[str, str] = {
    "us_md_senior": "US MD senior",
    "us_do_senior": "US DO senior",
    "us_md_graduate": "US MD prior graduate",
    "us_do_graduate": "US DO prior graduate",
    "us_img": "US-citizen IMG",
    "non_us_img": "Non-US-citizen IMG",
}

STAGE_OF: dict[Situation, Stage] = {
    "in_school": "student",
    "in_training": "resident",
    "not_in_training": "graduate",
}
SITUATION_LABELS: dict[str, str] = {
    "in_school": "In medical school",
    "in_training": "In residency training",
    "not_in_training": "Graduated, not in training",
}
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
STUDENT_YEAR_LABELS: dict[str, str] = {"m3": "M3", "m4": "M4"}
VISA_LABELS: dict[str, str] = {
    "none": "No sponsorship needed (US citizen / green card)",
    "needs_sponsorship": "Needs visa sponsorship",
}
DECISION_LABELS: dict[str, str] = {
    "before_m3": "before M3",
    "m3": "during M3",
    "m4_early": "early in M4",
    "m4_late": "late in M4",
    "residency_late": "late in residency",
}
EXAM_RESULT_LABELS: dict[str, str] = {
    "pass": "Passed",
    "fail": "Failed (not yet passed)",
    "not_taken": "Not taken",
}
STEP3_LABELS: dict[str, str] = {
    "not_taken": "Not taken",
    "scheduled": "Scheduled",
    "passed": "Passed",
}
# ABROAD (models.base): where an applicant is from, lives or studies may be outside the US.
ABROAD_LABEL = "Outside the US"  # as the form offers it
ABROAD_NAME = "another country"  # as a sentence names it ("lives in another country")

OUTCOME_LABELS: dict[str, str] = {
    "matched": "Matched",
    "unmatched": "Unmatched",
    "soap_placed": "Placed through SOAP",
    "withdrew": "Withdrew",
}
ROLE_LABELS: dict[str, str] = {
    "clinical_job": "Clinical job",
    "transitional": "Transitional clinical role",
    "observership": "Observership",
    "clinical_research": "Clinical research",
    "nonclinical": "Non-clinical work",
    "none": "None",
}
# What each role covers, for the Profile pane's help on the field.
ROLE_HELP = (
    "Your main clinical activity now, or the last one. Clinical job: hands-on patient care, a "
    "physician's post abroad included. Transitional: a supervised bridge (a preliminary year, "
    "a re-entry program). Observership: watching care, not giving it. Clinical research: a "
    "study role that sees patients. Non-clinical: work away from patients."
)
TIE_LABELS: dict[str, str] = {
    "family": "Family",
    "partner": "Spouse / partner",
    "grew_up": "Grew up there",
    "prior_school": "Studied there",
    "prior_work": "Worked there",
    "other": "Other",
}
ROTATION_LABELS: dict[str, str] = {"done": "Done", "planned": "Planned"}
SETTING_LABELS: dict[str, str] = {
    "any": "No preference",
    "urban": "Urban",
    "suburban": "Suburban",
    "rural": "Rural",
}
# Every choice's labels, by the Literal they label (a test checks each value has one).
LABELS: dict[object, dict[str, str]] = {
    Situation: SITUATION_LABELS,
    Stage: STAGE_LABELS,
    Degree: DEGREE_LABELS,
    StudentYear: STUDENT_YEAR_LABELS,
    Visa: VISA_LABELS,
    RegionDecided: DECISION_LABELS,
    ExamResult: EXAM_RESULT_LABELS,
    Step3Status: STEP3_LABELS,
    CycleOutcome: OUTCOME_LABELS,
    ClinicalRole: ROLE_LABELS,
    TieKind: TIE_LABELS,
    RotationStatus: ROTATION_LABELS,
    Setting: SETTING_LABELS,
}


def options(labels: dict[str, str]) -> list[tuple[str, str]]:
    """(label, value) pairs for a choice list, in the order the labels are defined."""
    return [(label, value) for value, label in labels.items()]


# A student graduates in the year of the Match they apply to, or in the year before it when
# they aim at the Match after graduating (the next one, chosen on the Plan pane): then they are
# a prior graduate in it (Profile.graduated_by). A graduation year further back is a graduate's.
STUDENT_GRADUATES_BEFORE_MATCH = 1


class Applicant(UserFile):
    name: UserText = Field(default="", max_length=120)
    situation: Situation = "in_school"
    student_year: StudentYear | None = None
    degree: Degree = "us_md"
    graduation_year: int = Field(ge=1960, le=2100)
    visa: Visa = "none"
    home_region: str  # a region id, or ABROAD
    lives_in: str  # region id where they live now, or ABROAD
    # Where they study or train now (a region id, or ABROAD); None out of training.
    training_region: str | None = Field(default=None, validate_default=True)
    # When the target region was decided: a school stage for students, a year/month otherwise.
    region_decided: RegionDecided | None = None
    decided_year: int | None = Field(default=None, ge=1960, le=2100)
    decided_month: int | None = Field(default=None, ge=1, le=12, validate_default=True)

    # Field validators (not a model validator) so an error carries the field's own location.
    @field_validator("training_region")
    @classmethod
    def _training_region(cls, value: str | None, info: ValidationInfo) -> str | None:
        situation = info.data.get("situation")
        if situation == "not_in_training" and value is not None:
            raise ValueError("only for someone in school or in training")
        if situation == "in_training" and value is None:
            raise ValueError(
                "needed while in training: the region you train in now (such as south), or abroad"
            )
        return value

    @field_validator("visa")
    @classmethod
    def _citizen_needs_no_visa(cls, value: Visa, info: ValidationInfo) -> Visa:
        if value == "needs_sponsorship" and info.data.get("degree") == "us_img":
            raise ValueError(
                'a US-citizen IMG (degree = "us_img") needs no visa sponsorship: set visa = '
                '"none", or degree = "non_us_img" if you are not a US citizen'
            )
        return value

    @field_validator("decided_month")
    @classmethod
    def _month_needs_year(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and info.data.get("decided_year") is None:
            raise ValueError("give the year too")
        return value

    @property
    def stage(self) -> Stage:
        """student / resident / graduate, from the situation."""
        return STAGE_OF[self.situation]

    @property
    def current_region(self) -> str:
        """Where they study or train now, else where they live."""
        return self.training_region or self.lives_in


# Step 3 / Level 3 statuses from least to most done (which of the two a profile reads first).
_STEP3_ORDER: dict[str, int] = {"not_taken": 0, "scheduled": 1, "passed": 2}
USMLE_STEP2_MAX = 300  # the USMLE Step 2 CK score scale's top (a model bound, like the years')


class ThirdExam(NamedTuple):
    """Step 3 or COMLEX Level 3, whichever is further along (see Exams.third)."""

    name: str  # "Step 3", "Level 3", or "Step 3 or Level 3" while neither is taken
    status: Step3Status
    year: int | None  # the year passed
    date: dt.date | None  # the day booked


class Exams(UserFile):
    # Unset until the applicant says: a blank profile must not read as a pass nobody entered.
    step1: ExamResult | None = None
    step1_attempts: int = Field(default=1, ge=0, le=9)
    step2_score: int | None = Field(default=None, ge=1)
    step2_attempts: int = Field(default=1, ge=0, le=9)
    step3: Step3Status = "not_taken"
    step3_year: int | None = Field(default=None, ge=1960, le=2100, validate_default=True)
    step3_date: dt.date | None = Field(default=None, validate_default=True)
    total_failures: int | None = Field(default=None, ge=0, le=20)
    # COMLEX-USA, the osteopathic series: a US DO's, beside USMLE or instead of it (Profile
    # checks the degree). Left out, a level is not on record. The Level 2-CE score is on its
    # own scale, checked against readiness.toml [comlex] (engine.refs), never read as Step 2 CK.
    level1: ExamResult | None = None
    level1_attempts: int | None = Field(default=None, ge=0, le=9)
    level2_score: int | None = Field(default=None, ge=1)
    level2_attempts: int | None = Field(default=None, ge=0, le=9)
    level3: Step3Status | None = None
    level3_year: int | None = Field(default=None, ge=1960, le=2100, validate_default=True)
    level3_date: dt.date | None = Field(default=None, validate_default=True)

    # Field validators so each error is located at the field that needs fixing.
    @field_validator("step1_attempts")
    @classmethod
    def _attempts(cls, value: int, info: ValidationInfo) -> int:
        if info.data.get("step1") == "pass" and value < 1:
            raise ValueError("must be at least 1 when Step 1 is passed")
        return value

    @field_validator("step2_score")
    @classmethod
    def _usmle_scale(cls, value: int | None) -> int | None:
        if value is not None and value > USMLE_STEP2_MAX:
            raise ValueError(
                f"a Step 2 CK score is at most {USMLE_STEP2_MAX}; a COMLEX Level 2-CE score "
                "goes in its own field (level2_score, for a US DO)"
            )
        return value

    @field_validator("step3_year")
    @classmethod
    def _step3_year(cls, value: int | None, info: ValidationInfo) -> int | None:
        if info.data.get("step3") == "passed" and value is None:
            raise ValueError("needed when Step 3 is passed")
        return value

    @field_validator("step3_date")
    @classmethod
    def _step3_date(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if info.data.get("step3") == "scheduled" and value is None:
            raise ValueError("needed when Step 3 is scheduled")
        return value

    @field_validator("level1_attempts")
    @classmethod
    def _level1_attempts(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is None:
            return value
        if info.data.get("level1") is None:
            raise ValueError("give the Level 1 result too")
        if info.data.get("level1") == "pass" and value < 1:
            raise ValueError("must be at least 1 when Level 1 is passed")
        return value

    @field_validator("level2_attempts")
    @classmethod
    def _level2_attempts(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and info.data.get("level2_score") is None:
            raise ValueError("give the Level 2-CE score too")
        return value

    @field_validator("level3_year")
    @classmethod
    def _level3_year(cls, value: int | None, info: ValidationInfo) -> int | None:
        if info.data.get("level3") == "passed" and value is None:
            raise ValueError("needed when Level 3 is passed")
        return value

    @field_validator("level3_date")
    @classmethod
    def _level3_date(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if info.data.get("level3") == "scheduled" and value is None:
            raise ValueError("needed when Level 3 is scheduled")
        return value

    @property
    def comlex_fields(self) -> list[str]:
        """The COMLEX fields on record, in the file's order (none: USMLE only)."""
        return [
            name
            for name in (
                "level1",
                "level1_attempts",
                "level2_score",
                "level2_attempts",
                "level3",
                "level3_year",
                "level3_date",
            )
            if getattr(self, name) is not None
        ]

    @property
    def takes_comlex(self) -> bool:
        """A COMLEX level is on record."""
        return self.level1 is not None or self.level2_score is not None or self.level3 is not None

    @property
    def first_passed(self) -> bool:
        """Step 1 or COMLEX Level 1 passed."""
        return self.step1 == "pass" or self.level1 == "pass"

    @property
    def first_unrecorded(self) -> bool:
        """Neither Step 1 nor COMLEX Level 1 has a result on record (a blank profile)."""
        return self.step1 is None and self.level1 is None

    @property
    def first_open(self) -> str:
        """What keeps the first exam open, in words ("" once Step 1 or Level 1 is passed):
        "Step 1 failed", "Level 1 not taken", "Step 1 and Level 1 failed"."""
        if self.first_passed:
            return ""
        failed = [
            name
            for name, result in (("Step 1", self.step1), ("Level 1", self.level1))
            if result == "fail"
        ]
        if failed:
            return " and ".join(failed) + " failed"
        # Neither taken: the DO whose record is COMLEX's is asked for Level 1.
        return ("Level 1" if self.level1 is not None else "Step 1") + " not taken"

    @property
    def step2_on_record(self) -> bool:
        """A Step 2 CK or a COMLEX Level 2-CE score is on record."""
        return self.step2_score is not None or self.level2_score is not None

    @property
    def comlex_only_score(self) -> bool:
        """A COMLEX Level 2-CE score with no Step 2 CK score: the estimate has no score in its
        own points (engine.exams says what it does instead)."""
        return self.level2_score is not None and self.step2_score is None

    @property
    def third(self) -> ThirdExam:
        """Step 3 or COMLEX Level 3, whichever is further along (the one booked sooner, or
        passed first, when both are as far); while neither is taken, the name a sentence
        gives the exam still to take: Level 3 for someone whose only scores are COMLEX's."""
        step3 = ThirdExam("Step 3", self.step3, self.step3_year, self.step3_date)
        if self.level3 is None:
            if self.step3 == "not_taken" and self.comlex_only_score:
                return step3._replace(name="Level 3")
            if self.step3 == "not_taken" and self.takes_comlex:
                return step3._replace(name="Step 3 or Level 3")
            return step3
        level3 = ThirdExam("Level 3", self.level3, self.level3_year, self.level3_date)
        ahead = _STEP3_ORDER[level3.status] - _STEP3_ORDER[step3.status]
        if ahead > 0:
            return level3
        if ahead < 0:
            return step3
        if step3.status == "not_taken":
            if self.step2_score is not None:
                return step3._replace(name="Step 3 or Level 3")
            return level3
        if step3.status == "scheduled":
            sooner = (level3.date or dt.date.max) < (step3.date or dt.date.max)
            return level3 if sooner else step3
        return level3 if (level3.year or 9999) < (step3.year or 9999) else step3

    @property
    def failures(self) -> int:
        """Failed attempts: the stated total or what the attempt counts imply, whichever is
        more (Step 1 and 2 CK, and COMLEX Level 1 and 2-CE where on record)."""
        total = _failed(self.step1, self.step1_attempts) if self.step1 is not None else 0
        total += max(0, self.step2_attempts - 1) if self.step2_score is not None else 0
        if self.level1 is not None:
            attempts = self.level1_attempts
            total += _failed(self.level1, 1 if attempts is None else attempts)
        if self.level2_score is not None:
            total += max(0, (self.level2_attempts or 1) - 1)
        return max(self.total_failures or 0, total)


def _failed(result: ExamResult, attempts: int) -> int:
    """Failed attempts at a pass/fail exam: all but the last once passed, all while failed."""
    if result == "pass":
        return max(0, attempts - 1)
    return attempts if result == "fail" else 0


class Cycle(UserFile):
    """One past Match cycle: when, in what, how it ended, and whether SOAP was part of it."""

    year: int | None = Field(default=None, ge=1960, le=2100)  # None: not recorded (migrated)
    specialty: str | None = None
    outcome: CycleOutcome = "unmatched"
    soap: bool = False
    preliminary: bool = False  # the match was to a one-year preliminary position


class History(UserFile):
    cycles: list[Cycle] = Field(default_factory=empty_list, max_length=20)

    @property
    def last(self) -> Cycle | None:
        """The most recent cycle (by year; unrecorded years count as earliest)."""
        if not self.cycles:
            return None
        return max(enumerate(self.cycles), key=lambda pair: (pair[1].year or 0, pair[0]))[1]

    @property
    def serious(self) -> int:
        """Serious attempts that failed: cycles applied through to the end without a lasting
        position (unmatched, or placed in a one-year preliminary year only). A withdrawn
        application is not one, nor a cycle that ended in a match or a SOAP place: someone
        who matched and left, or is switching, starts their count again."""
        return len(self.cycles) - self.placed - self.withdrawn

    @property
    def placed(self) -> int:
        """Cycles that ended in a lasting position (matched, or placed through SOAP, and not
        to a preliminary year only)."""
        return sum(
            1 for c in self.cycles if c.outcome in ("matched", "soap_placed") and not c.preliminary
        )

    @property
    def withdrawn(self) -> int:
        return sum(1 for c in self.cycles if c.outcome == "withdrew")

    @property
    def preliminary_only(self) -> int:
        """Cycles that ended in a one-year preliminary position only (matched or placed
        through SOAP): failed attempts in `serious`, though not unmatched."""
        return sum(
            1 for c in self.cycles if c.outcome in ("matched", "soap_placed") and c.preliminary
        )

    @property
    def unmatched(self) -> int:
        """Cycles the Main Match left without a position: unmatched, or placed only afterwards
        through SOAP (a preliminary year matched in the Match itself is not one)."""
        return sum(1 for c in self.cycles if c.outcome in ("unmatched", "soap_placed"))

    @property
    def soap_placed(self) -> int:
        return sum(1 for c in self.cycles if c.outcome == "soap_placed")

    @property
    def soap(self) -> bool:
        return any(c.soap for c in self.cycles)


MAX_DIVISIONS = 3  # ERAS geographic preferences: up to three Census divisions


class Targets(UserFile):
    specialties: list[str] = Field(default_factory=empty_list, max_length=5)
    # The target region the back-home analysis reads. A profile may name divisions instead, as
    # ERAS geographic preferences do: left out, it is the first division's region (filled in
    # as the profile loads, engine.refs.settle_targets).
    region: str = ""
    # Up to three Census divisions, in any region, as ERAS geographic preferences allow.
    divisions: list[str] = Field(default_factory=empty_list, max_length=MAX_DIVISIONS)
    setting: Setting = "any"

    @field_validator("specialties", "divisions")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("an item is listed twice")
        return value


CLINICAL_WINDOW_MONTHS = 24  # months_last_24 counts clinical work in this many months
# The roles that are hands-on clinical work themselves (giving care, not watching it): for them
# the months since the last hands-on work are the months since the role (months_since_last).
HANDS_ON_ROLES: frozenset[ClinicalRole] = frozenset(
    {"clinical_job", "transitional", "clinical_research"}
)
# The Profile pane's field for Clinical.months_since_hands_on, and its help.
HANDS_ON_LABEL = "Months since hands-on"
HANDS_ON_HELP = (
    "For an observership, non-clinical work or none: months since your last hands-on clinical "
    "work (a clinical job, residency, a transitional role, clerkships), the observership not "
    f"counted. Left blank, an observership is read as following {CLINICAL_WINDOW_MONTHS} "
    "months without hands-on work, less than a longer time away"
)


class Clinical(UserFile):
    role: ClinicalRole = "none"
    months_last_24: int = Field(default=0, ge=0, le=CLINICAL_WINDOW_MONTHS)
    months_since_last: int = Field(default=0, ge=0, le=600)

    @field_validator("months_since_last")
    @classmethod
    def _ended_within_the_window(cls, value: int, info: ValidationInfo) -> int:
        """Clinical work that ended before the last 24 months began cannot have filled any of
        them: "24 of the last 24 months" beside "96 months since the last" contradict. (Whole
        months blur the edge, so only work ended more than 24 months ago is refused.)"""
        worked = info.data.get("months_last_24")
        window = CLINICAL_WINDOW_MONTHS
        if isinstance(worked, int) and worked > 0 and value > window:
            raise ValueError(
                f"{value} months since your last clinical work puts its end before the last "
                f"{window} months began, yet months_last_24 says {worked} of those months had "
                f"some. Correct one of the two: months_last_24 = 0 if it ended over {window} "
                "months ago"
            )
        return value

    # Months since the last hands-on clinical work (a clinical job, residency, a transitional
    # role, clerkships), for a role that is not hands-on itself (an observership, non-clinical
    # work, none): an observership last month says nothing of the years before it. Left out:
    # not known (the estimate then reads the 24-month window, an assumption it names).
    months_since_hands_on: int | None = Field(default=None, ge=0, le=600)

    @field_validator("months_since_hands_on")
    @classmethod
    def _hands_on_not_after_the_last(cls, value: int | None, info: ValidationInfo) -> int | None:
        """Hands-on work is clinical work: it cannot have ended after the last clinical
        activity (an observership comes after it), and for a hands-on role it is that role."""
        since, role = info.data.get("months_since_last"), info.data.get("role")
        if value is None or not isinstance(since, int):
            return value
        if role in HANDS_ON_ROLES and value != since:
            raise ValueError(
                f"{ROLE_LABELS[role]} is hands-on clinical work itself, so "
                f"months_since_hands_on ({value}) must match months_since_last ({since}); "
                "leave months_since_hands_on out for this role"
            )
        if value < since:
            raise ValueError(
                f"months_since_hands_on puts your last hands-on clinical work {value} months "
                f"ago, more recent than the last clinical activity months_since_last gives "
                f"({since} months ago): it must be {since} or more (what came after the "
                "hands-on work, such as an observership, ended later)"
            )
        return value


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

    @model_validator(mode="before")
    @classmethod
    def _accept_version_1_shape(cls, data: Any) -> Any:
        """Fields of the version-1 shape (stage, current_region, the cycle count) still validate:
        they are moved to their version-2 places with every value kept (see migrate_v1)."""
        if not isinstance(data, dict):
            return data
        raw_applicant, raw_history = data.get("applicant"), data.get("history")
        applicant: dict[str, Any] = raw_applicant if isinstance(raw_applicant, dict) else {}
        history: dict[str, Any] = raw_history if isinstance(raw_history, dict) else {}
        old_applicant = "stage" in applicant or "current_region" in applicant
        old_history = any(key in history for key in ("cycles_applied", "last_outcome", "soap"))
        if not (old_applicant or old_history):
            return data
        # Given beside new-shape fields (an edited copy of a loaded profile), the old field wins:
        # it is the one the caller just set.
        data = dict(data)
        if old_applicant:
            applicant = dict(applicant)
            if "stage" in applicant:
                applicant.pop("situation", None)
            if "current_region" in applicant:
                applicant.pop("lives_in", None)
                applicant.pop("training_region", None)
            data["applicant"] = applicant
        if old_history:
            history = dict(history)
            history.pop("cycles", None)
            data["history"] = history
        version = data.get("schema_version", PROFILE_SCHEMA_VERSION)
        migrated = migrate_v1(data)
        migrated["schema_version"] = version
        return migrated

    # True for the shipped demo (fictional): the app shows a banner until a profile of your own
    # is started (`matchtui profile new`, or "New profile" in the command palette).
    demo: bool = False
    cycle_year: int = Field(ge=2000, le=2100)
    applicant: Applicant
    exams: Exams = Field(default_factory=Exams)
    history: History = Field(default_factory=History)
    targets: Targets
    clinical: Clinical = Field(default_factory=Clinical)
    ties: list[Tie] = Field(default_factory=empty_list)
    rotations: list[Rotation] = Field(default_factory=empty_list)
    letters: list[Letter] = Field(default_factory=empty_list)
    narrative: Narrative = Field(default_factory=Narrative)

    @model_validator(mode="after")
    def _timeline(self) -> "Profile":
        """The graduation year, the situation and the past cycles agree with the Match applied
        for. Each problem names the field it is about first, "[key] ", where it is placed
        (tomlio.placed_rule): the file's line, or the Profile pane's field."""
        applicant, match = self.applicant, self.cycle_year
        year = applicant.graduation_year
        if applicant.stage != "student" and year > match:
            raise ValueError(
                f"[applicant.graduation_year] {year} is after the {match} Match (cycle_year), "
                "but the situation says you have already graduated: give the year you did, or "
                'situation = "in_school"'
            )
        if applicant.stage == "student" and year < match - STUDENT_GRADUATES_BEFORE_MATCH:
            # Left out, the situation is "in_school": a graduate who never set it is read as a
            # final-year student, and every verdict and estimate with them.
            said = (
                "the situation says you are still in medical school"
                if "situation" in applicant.model_fields_set
                else "no situation is given, and without one you are read as still in medical "
                'school (situation = "in_school")'
            )
            raise ValueError(
                f"[applicant.graduation_year] {year} is {match - year} years before the {match} "
                f"Match (cycle_year), but {said}: a student graduates in the Match year or the "
                'year before. If you have graduated, set situation = "not_in_training" (or '
                '"in_training" in a residency now); if you are a student, give the year you will '
                "graduate"
            )
        for index, cycle in enumerate(self.history.cycles):
            if cycle.year is None:
                continue
            where = f"[history.cycles.{index}.year] {cycle.year}"
            if cycle.year > match:
                raise ValueError(
                    f"{where} is after the {match} Match this profile is for (cycle_year): a past "
                    f"cycle is dated by its own Match, {match} at the latest. Correct the year, "
                    "or cycle_year if you are applying to a later Match"
                )
            if applicant.stage == "student" and cycle.year > year:
                raise ValueError(
                    f"{where} is after your graduation year ({year}), but the situation says you "
                    "are still in medical school: a cycle after graduating was a graduate's. If "
                    'you have graduated, set situation = "not_in_training" (or "in_training"); '
                    "otherwise correct the year"
                )
        return self

    @model_validator(mode="after")
    def _comlex_is_a_dos(self) -> "Profile":
        # COMLEX-USA is the osteopathic series: only a DO degree records it (the Profile pane
        # offers its fields to a US DO only).
        found = self.exams.comlex_fields
        if found and self.applicant.degree != "us_do":
            degree = DEGREE_LABELS[self.applicant.degree]
            raise ValueError(
                f"[exams.{found[0]}] COMLEX is the osteopathic licensing series: only a US DO "
                f"records it, and the degree is {degree}. Leave the COMLEX fields out, or set "
                'degree = "us_do"'
            )
        return self

    @property
    def years_since_graduation(self) -> int:
        """Whole years between graduation and the Match year applied for (0 for a student who
        graduates in the Match year; 1 for one who graduates the year before: graduated_by)."""
        return max(0, self.cycle_year - self.applicant.graduation_year)

    def graduated_by(self, match_year: int) -> bool:
        """A student (in school now) who will have graduated by `match_year`'s Match. NRMP's
        seniors are students on schedule to graduate, and start residency on 1 July, in the
        Match year itself (data/sources.toml nrmp_us_senior); schools graduate in May or June
        and the Match is in March, so a graduation year before the Match year is a graduation
        before that Match: the student applies to it as a prior graduate. (Only the year is
        known: a student graduating in the Match year is its senior.)"""
        return self.applicant.stage == "student" and self.applicant.graduation_year < match_year

    @property
    def graduates_before_match(self) -> bool:
        """A student who will have graduated by the Match applied for (graduated_by)."""
        return self.graduated_by(self.cycle_year)

    @property
    def is_reentry(self) -> bool:
        """A graduate who is not in training: the re-entry risk sheet applies."""
        return self.applicant.situation == "not_in_training"

    @property
    def lives_in_target(self) -> bool:
        return self.applicant.lives_in == self.targets.region

    @property
    def is_returner(self) -> bool:
        """The back-home analysis applies: the target differs from where they study or train
        (a student who leaves their school's region blank studies where they live), or they
        are out of training (their ties, living there among them, are what count)."""
        if self.applicant.situation == "not_in_training":
            return True
        return self.targets.region != self.applicant.current_region

    @property
    def is_going_home(self) -> bool:
        """A returner in the plain sense: the back-home analysis applies and the target is the
        home region (not a new region, nor a home outside the US)."""
        return self.is_returner and self.applicant.home_region == self.targets.region

    def holds(self, fact: WordingFact) -> bool:
        """Whether `fact` (a condition of an advice's wording) is true of this profile."""
        if fact == "graduate":
            return self.is_reentry
        if fact == "in_training":
            return self.in_training
        if fact == "lives_in_target":
            return self.lives_in_target
        if fact == "new_region":  # the back-home analysis applies, but the target is not home
            return self.is_returner and not self.is_going_home
        raise AssertionError(f"unhandled wording fact {fact!r}")

    def path_labels(self) -> list[str]:
        """How the commands and the report name the applicant's path, after the stage."""
        labels = ["re-entry applicant"] if self.is_reentry else []
        if self.graduates_before_match and self.is_prior_graduate:  # an IMG stays an IMG
            labels.append("prior graduate at this Match")
        if self.is_going_home:
            # Out of training and already living in the home region they aim at, they are not
            # coming back from anywhere: their ties are where they live.
            labels.append("applying where you live" if self.lives_in_target else "returner")
        elif self.is_returner:
            labels.append("aiming at a new region")
        return labels

    @property
    def is_img(self) -> bool:
        return self.applicant.degree in ("us_img", "non_us_img")

    @property
    def in_training(self) -> bool:
        """In a residency now (the situation issue 13 makes explicit)."""
        return self.applicant.situation == "in_training"

    @property
    def cycles_attempted(self) -> int:
        """Match cycles already applied in (before this one), whatever their outcome."""
        return len(self.history.cycles)

    @property
    def applicant_type(self) -> ApplicantType:
        """One of NRMP's six applicant groups at the Match applied for: anyone who has graduated
        by then is a prior graduate, a student graduating before it included (graduated_by)."""
        return self.applicant_type_in(self.cycle_year)

    def applicant_type_in(self, match_year: int) -> ApplicantType:
        """The applicant's NRMP group in `match_year`'s Match (applicant_type, for another
        Match than the profile's: the one the Plan pane offers)."""
        degree = self.applicant.degree
        if degree in ("us_img", "non_us_img"):
            return degree
        if self.applicant.stage == "student" and not self.graduated_by(match_year):
            return "us_md_senior" if degree == "us_md" else "us_do_senior"
        return "us_md_graduate" if degree == "us_md" else "us_do_graduate"

    @property
    def needs_visa(self) -> bool:
        return self.applicant.visa == "needs_sponsorship"

    @property
    def is_prior_graduate(self) -> bool:
        """A US MD or DO graduate: NRMP's prior graduates, a resident applying again among them."""
        return self.applicant_type in ("us_md_graduate", "us_do_graduate")


def migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 profile as version 2: every value kept, in its new place.

    stage -> situation; current_region -> lives_in (and training_region in school or training);
    region_decided "not_applicable" -> unset; the cycle count, last outcome and SOAP flag -> a
    list of cycles (the last one carries the outcome and SOAP; earlier ones were not matched).
    Only keys of the old shape are moved, so a file already in the new shape passes unchanged.
    """
    out = dict(data)
    applicant = out.get("applicant")
    if isinstance(applicant, dict):
        applicant = dict(applicant)
        situation = {
            "student": "in_school",
            "resident": "in_training",
            "graduate": "not_in_training",
        }
        if "stage" in applicant:
            stage = applicant.pop("stage")
            applicant["situation"] = situation.get(stage, stage)
        if "current_region" in applicant:
            current = applicant.pop("current_region")
            applicant.setdefault("lives_in", current)
            if applicant.get("situation", "in_school") != "not_in_training":
                applicant.setdefault("training_region", current)
        if applicant.get("region_decided") == "not_applicable":
            del applicant["region_decided"]
        out["applicant"] = applicant
    history = out.get("history")
    old_keys = ("cycles_applied", "last_outcome", "soap")
    if isinstance(history, dict) and any(key in history for key in old_keys):
        history = dict(history)
        count = history.pop("cycles_applied", 0)
        last = history.pop("last_outcome", "none")
        soap = history.pop("soap", False)
        if isinstance(count, int) and not isinstance(count, bool):
            if last != "none" or soap is True:
                count = max(count, 1)
            cycles: list[dict[str, Any]] = [{"outcome": "unmatched"} for _ in range(count)]
            if cycles:
                final = cycles[-1]
                if last == "matched_prelim":
                    final.update(outcome="matched", preliminary=True)
                elif last == "withdrew":
                    final["outcome"] = "withdrew"
                elif last not in ("none", "unmatched"):
                    final["outcome"] = last  # not a known outcome: validation names it
                final["soap"] = soap
            history.setdefault("cycles", cycles)
        else:  # not a number: keep it so validation names the field
            history["cycles_applied"] = count
        out["history"] = history
    out["schema_version"] = 2
    return out


def blank_profile(today: dt.date, region: str, cycle_year: int | None = None) -> Profile:
    """A profile to start from: nothing filled in but what validation needs.

    The Match applied for is the next one whose applications are still ahead or open (ERAS
    opens in June; the Match is the following March); every region starts at `region`.
    """
    if cycle_year is None:
        cycle_year = today.year + 1 if today.month >= 6 else today.year
    return Profile(
        cycle_year=cycle_year,
        applicant=Applicant(
            situation="in_school",
            graduation_year=cycle_year,
            home_region=region,
            lives_in=region,
            training_region=region,
        ),
        targets=Targets(region=region),
    )
