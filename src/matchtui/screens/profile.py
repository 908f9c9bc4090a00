"""Profile pane: every field of profile.toml as a form, checked field by field as the applicant
leaves it and as a whole on save. Saving publishes the new profile to every other pane."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.events import DescendantBlur, DescendantFocus
from textual.timer import Timer
from textual.widget import AwaitMount, Widget
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from matchtui.catalog import Catalog
from matchtui.engine.refs import profile_ref_problems
from matchtui.errors import FileProblems
from matchtui.models.base import ABROAD
from matchtui.models.profile import (
    ABROAD_LABEL,
    DECISION_LABELS,
    DEGREE_LABELS,
    EXAM_RESULT_LABELS,
    HANDS_ON_HELP,
    HANDS_ON_LABEL,
    HANDS_ON_ROLES,
    MAX_DIVISIONS,
    OUTCOME_LABELS,
    ROLE_HELP,
    ROLE_LABELS,
    ROTATION_LABELS,
    SETTING_LABELS,
    SITUATION_LABELS,
    STEP3_LABELS,
    STUDENT_YEAR_LABELS,
    TIE_LABELS,
    USMLE_STEP2_MAX,
    VISA_LABELS,
    Profile,
    options,
)
from matchtui.screens.base import PaneScreen
from matchtui.tomlio import placed_rule
from matchtui.widgets.conflict import guarded_save
from matchtui.widgets.profile_fields import (
    TOP_BUTTON_MIN,
    BarLine,
    FieldLine,
    FieldLooks,
    FieldRow,
    FieldSpec,
    FormButton,
    FormScroll,
    ItemLine,
    ItemRow,
    ListEditor,
    Options,
    PartsLine,
    Section,
    StandIn,
    dom_id,
    make_row,
)

Loc = tuple[str | int, ...]

# Fields shown (and saved) only while their parent holds one of the listed values: a hidden
# field's value is dropped from the form, so "Step 3 not taken" never keeps "passed in 2024".
DEPENDS: dict[Loc, tuple[Loc, frozenset[Any]]] = {
    ("applicant", "student_year"): (("applicant", "situation"), frozenset({"in_school"})),
    ("applicant", "training_region"): (
        ("applicant", "situation"),
        frozenset({"in_school", "in_training"}),
    ),
    ("applicant", "region_decided"): (
        ("applicant", "situation"),
        frozenset({"in_school", "in_training"}),
    ),
    ("applicant", "decided_year"): (
        ("applicant", "situation"),
        frozenset({"in_training", "not_in_training"}),
    ),
    ("applicant", "decided_month"): (
        ("applicant", "situation"),
        frozenset({"in_training", "not_in_training"}),
    ),
    ("exams", "step3_year"): (("exams", "step3"), frozenset({"passed"})),
    ("exams", "step3_date"): (("exams", "step3"), frozenset({"scheduled"})),
    # COMLEX is the osteopathic series: offered to a US DO only (a field hidden with its
    # parent is hidden too, so Level 3's year goes with the degree).
    **{
        ("exams", name): (("applicant", "degree"), frozenset({"us_do"}))
        for name in ("level1", "level1_attempts", "level2_score", "level2_attempts", "level3")
    },
    ("exams", "level3_year"): (("exams", "level3"), frozenset({"passed"})),
    ("exams", "level3_date"): (("exams", "level3"), frozenset({"scheduled"})),
    # Months since hands-on work: for a role that is not hands-on work itself (an observership,
    # non-clinical work, none); a hands-on role is its own last hands-on work.
    ("clinical", "months_since_hands_on"): (
        ("clinical", "role"),
        frozenset(ROLE_LABELS) - HANDS_ON_ROLES,
    ),
}
# Dependent fields that stay shown while they hold a value (a school-stage decision migrated
# from an older file is kept for a graduate rather than silently dropped on save).
KEEP_IF_SET: frozenset[tuple[str, ...]] = frozenset({("applicant", "region_decided")})
# Where each list editor's items go in the profile.
LIST_LOCS: dict[str, Loc] = {
    "targets": ("targets", "specialties"),
    "divisions": ("targets", "divisions"),
    "cycles": ("history", "cycles"),
}


def _dependents(parent: Loc) -> tuple[Loc, ...]:
    """The fields shown or hidden with `parent`: its DEPENDS children and theirs."""
    children = tuple(child for child, (p, _) in DEPENDS.items() if p == parent)
    return children + tuple(grand for child in children for grand in _dependents(child))


# The fields whose shown value depends on each field (its DEPENDS children and theirs).
DEPENDENTS: dict[Loc, tuple[Loc, ...]] = {
    parent: _dependents(parent) for parent, _ in DEPENDS.values()
}


def friendly(error: dict[str, Any]) -> str:
    """A short message for one pydantic error, fit to show under a field."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "Enter a whole number"
    if kind.startswith("date"):
        return "Enter a date as YYYY-MM-DD"
    if kind == "missing" or (kind == "string_type" and error.get("input") is None):
        return "Required: choose or enter a value"
    if kind == "greater_than_equal":
        return f"Must be {ctx.get('ge')} or more"
    if kind == "less_than_equal":
        return f"Must be {ctx.get('le')} or less"
    if kind == "string_too_long":
        return f"Too long: at most {ctx.get('max_length')} characters"
    if kind == "too_long":
        return f"At most {ctx.get('max_length')} items"
    if kind == "literal_error":
        return "Choose one of the listed options"
    return str(error.get("msg", "Not valid")).removeprefix("Value error, ")


def items(models: Sequence[BaseModel]) -> list[dict[str, Any]]:
    """A list's items as field -> value (their fields are all plain values, so this is what
    `model_dump` gives, without building each item class's serializer: the models build it
    on first use, ~10 ms of the pane's first visit for four classes)."""
    return [dict(model) for model in models]


def validate_profile(
    data: dict[str, Any], catalog: Catalog
) -> tuple[Profile | None, list[tuple[Loc, str]]]:
    """Build the Profile from form data; every problem as (key path, message)."""
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        problems: list[tuple[Loc, str]] = []
        for error in exc.errors(include_url=False):
            loc = tuple(
                p
                for p in error["loc"]
                if isinstance(p, int) or not ("[" in p or p.startswith("function-"))
            )
            problems.append(placed_rule(loc, friendly(dict(error))))
        return None, problems
    refs = list(profile_ref_problems(profile, catalog))
    return (None, refs) if refs else (profile, [])


class ProfileScreen(PaneScreen):
    PANE_ID = "profile"
    AUTO_FOCUS = "#f-applicant-name"  # a field, never the Save button (Enter would save)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="profile.save",
            tooltip="Check every field and save the profile; the other panes update at once",
        ),
    ]

    @classmethod
    def style_samples(cls) -> list[Widget]:
        from textual.containers import Vertical
        from textual.widgets import Label

        from matchtui.widgets.profile_fields import FormCheckbox, FormInput

        return [
            FormInput("x"),
            FormCheckbox("x"),
            Label("x"),
            Vertical(),
            TextArea(),
        ]

    def __init__(self) -> None:
        super().__init__()
        self._published: Profile | None = None
        self._shown: set[Widget] = set()  # widgets currently showing an error
        self._sections_now: list[Section] = []
        self._rows: dict[tuple[str, ...], FieldRow | FieldLine] = {}
        self._looks = FieldLooks(id="profile-looks")  # the looks FieldLines draw their controls in
        self._editors: dict[Loc, ListEditor] = {}
        self._baseline: dict[Loc, Any] | None = None  # each part's value as last saved
        self._now: dict[Loc, Any] = {}  # each part's value as last read
        self._changed: set[Loc] = set()  # parts that differ from the baseline
        self._complete = asyncio.Event()  # set once every part of the form is mounted
        self._in_flight: AwaitMount | None = None  # the section being mounted in the background
        self._settling = False  # the app is about to exit: build nothing more
        self._unsaved: Static | None = None  # "● unsaved changes", once there have been some
        self._focus_at_show: Widget | None = None  # focused as the pane was last shown
        self._noted = False  # _focus_at_show is known
        self._moved = False  # the focus has moved since (see _heading_down)
        self._focus_trail: list[Widget] = []  # the last two widgets focused, the latest last
        self._ahead: Timer | None = None  # makes the next field real at a pause (see AHEAD_QUIET)

    # -- layout ----------------------------------------------------------------------------
    def compose_body(self) -> ComposeResult:
        # The title and demo bars are one line each with their buttons until reached (BarLine).
        # "● unsaved changes" joins the title bar at the first edit (see _mark).
        revert = FormButton("Revert", id="profile-revert", disabled=True)
        revert.tooltip = "Throw away unsaved edits and show the saved profile"
        self._revert = revert
        save = FormButton("Save", "primary", id="profile-save")
        save.tooltip = "Save (ctrl+s): checks every field first"
        self._bar = BarLine(
            "Your profile",
            [revert, save],
            self._looks,
            bold=True,
            min_width=TOP_BUTTON_MIN,
            gap=1,
            id="profile-bar",
            classes="profile-bar",
            before=self._focused_before,
        )
        yield self._bar
        new = FormButton("New profile", id="profile-new")
        new.tooltip = "Start a blank profile of your own (also in the command palette)"
        self._demo = BarLine(
            "Demo profile: the people in it are fictional.",
            [new],
            self._looks,
            id="profile-demo",
            classes="profile-demo",
            before=self._focused_before,
        )
        self._demo.display = self.profile.demo
        yield self._demo
        sections = self._sections(self.profile)
        self._index(sections)
        self._plan_build(sections)
        # Sections below the first screen join the form as they are built (see _build_next).
        self._form = FormScroll(*(s for s in sections if s.built), id="profile-form")
        yield self._looks
        yield self._form

    def _sections(self, p: Profile) -> list[Section]:
        catalog = self.catalog
        regions: Options = tuple((r.name, r.id) for r in catalog.regions.values())
        # where they are from, live or study, or a letter was written, may be outside the US; a
        # target, a tie or a rotation may not
        places: Options = (*regions, (ABROAD_LABEL, ABROAD))
        specialties: Options = tuple(
            sorted(((s.name, s.id) for s in catalog.specialties.values()), key=lambda o: o[0])
        )
        divisions: Options = tuple((d.name, d.id) for d in catalog.divisions.values())
        a, e, h, c, n = p.applicant, p.exams, p.history, p.clinical, p.narrative

        def row(path: tuple[str, ...], spec: FieldSpec, value: Any) -> FieldRow | FieldLine:
            # The field focused as the pane opens is its Input from the start (its cursor
            # shows in the first frame); the others are drawn as one line until reached.
            made = make_row(
                path, spec, value, self._looks, light=f"#{dom_id(path)}" != self.AUTO_FOCUS
            )
            if isinstance(made, FieldLine):
                made.replaced = self._replaced
            return made

        # A list's items are drawn as one line each until reached (see ItemLine).
        lines: dict[str, Any] = {"looks": self._looks, "before": self._focused_before}

        applicant = Section(
            "applicant",
            "Applicant",
            row(("applicant", "name"), FieldSpec("name", "Name", placeholder="optional"), a.name),
            row(
                ("applicant", "situation"),
                FieldSpec("situation", "Situation now", "select", options(SITUATION_LABELS)),
                a.situation,
            ),
            row(
                ("applicant", "student_year"),
                FieldSpec(
                    "student_year",
                    "Student year",
                    "opt_select",
                    options(STUDENT_YEAR_LABELS),
                    width="-w-short",
                ),
                a.student_year,
            ),
            row(
                ("applicant", "degree"),
                FieldSpec("degree", "Degree", "select", options(DEGREE_LABELS)),
                a.degree,
            ),
            row(
                ("applicant", "graduation_year"),
                FieldSpec(
                    "graduation_year",
                    "Graduation year",
                    "int",
                    placeholder="e.g. 2021",
                    width="-w-num",
                    tooltip="Year of medical school graduation (expected year for students)",
                ),
                a.graduation_year,
            ),
            row(
                ("cycle_year",),
                FieldSpec(
                    "cycle_year",
                    "Match year",
                    "int",
                    placeholder="e.g. 2027",
                    width="-w-num",
                    tooltip="The Match you are applying to (March of this year)",
                ),
                p.cycle_year,
            ),
            row(
                ("applicant", "visa"),
                FieldSpec("visa", "Visa", "select", options(VISA_LABELS)),
                a.visa,
            ),
        )
        exams = Section(
            "exams",
            "Exams",
            row(
                ("exams", "step1"),
                FieldSpec(
                    "step1",
                    "Step 1",
                    "select",
                    options(EXAM_RESULT_LABELS),
                    tooltip="USMLE Step 1 (a DO who took only COMLEX can leave it blank)",
                ),
                e.step1,
            ),
            row(
                ("exams", "step1_attempts"),
                FieldSpec("step1_attempts", "Step 1 attempts", "int", width="-w-num"),
                e.step1_attempts,
            ),
            row(
                ("exams", "step2_score"),
                FieldSpec(
                    "step2_score",
                    "Step 2 CK score",
                    "opt_int",
                    placeholder="none yet",
                    width="-w-num",
                    tooltip=f"USMLE Step 2 CK, 1-{USMLE_STEP2_MAX} (COMLEX has its own field)",
                ),
                e.step2_score,
            ),
            row(
                ("exams", "step2_attempts"),
                FieldSpec("step2_attempts", "Step 2 attempts", "int", width="-w-num"),
                e.step2_attempts,
            ),
            row(
                ("exams", "step3"),
                FieldSpec("step3", "Step 3", "select", options(STEP3_LABELS)),
                e.step3,
            ),
            row(
                ("exams", "step3_year"),
                FieldSpec(
                    "step3_year", "Step 3 passed in", "opt_int", placeholder="year", width="-w-num"
                ),
                e.step3_year,
            ),
            row(
                ("exams", "step3_date"),
                FieldSpec(
                    "step3_date",
                    "Step 3 exam date",
                    "date",
                    placeholder="YYYY-MM-DD",
                    width="-w-short",
                ),
                e.step3_date.isoformat() if e.step3_date else None,
            ),
            # COMLEX-USA, shown for a US DO only (DEPENDS); blank: not on record.
            row(
                ("exams", "level1"),
                FieldSpec(
                    "level1",
                    "COMLEX Level 1",
                    "opt_select",
                    options(EXAM_RESULT_LABELS),
                    tooltip="COMLEX-USA Level 1; leave it blank if you took USMLE only",
                ),
                e.level1,
            ),
            row(
                ("exams", "level1_attempts"),
                FieldSpec(
                    "level1_attempts",
                    "Level 1 attempts",
                    "opt_int",
                    placeholder="1",
                    width="-w-num",
                ),
                e.level1_attempts,
            ),
            row(
                ("exams", "level2_score"),
                FieldSpec(
                    "level2_score",
                    "Level 2-CE score",
                    "opt_int",
                    placeholder="none yet",
                    width="-w-num",
                    tooltip="COMLEX-USA Level 2-CE, its own three-digit scale (never converted)",
                ),
                e.level2_score,
            ),
            row(
                ("exams", "level2_attempts"),
                FieldSpec(
                    "level2_attempts",
                    "Level 2-CE attempts",
                    "opt_int",
                    placeholder="1",
                    width="-w-num",
                ),
                e.level2_attempts,
            ),
            row(
                ("exams", "level3"),
                FieldSpec(
                    "level3",
                    "COMLEX Level 3",
                    "opt_select",
                    options(STEP3_LABELS),
                    tooltip="COMLEX-USA Level 3; leave it blank if you take Step 3 instead",
                ),
                e.level3,
            ),
            row(
                ("exams", "level3_year"),
                FieldSpec(
                    "level3_year",
                    "Level 3 passed in",
                    "opt_int",
                    placeholder="year",
                    width="-w-num",
                ),
                e.level3_year,
            ),
            row(
                ("exams", "level3_date"),
                FieldSpec(
                    "level3_date",
                    "Level 3 exam date",
                    "date",
                    placeholder="YYYY-MM-DD",
                    width="-w-short",
                ),
                e.level3_date.isoformat() if e.level3_date else None,
            ),
            row(
                ("exams", "total_failures"),
                FieldSpec(
                    "total_failures",
                    "Failed attempts, all",
                    "opt_int",
                    placeholder="blank: from attempts",
                    width="-w-short",
                    tooltip="Failed attempts across all exams; blank counts them from the attempts",
                ),
                e.total_failures,
            ),
        )
        history = Section(
            "history",
            "Match history",
            ListEditor(
                "cycles",
                "Past Match cycles",
                [
                    FieldSpec("year", "Year", "opt_int", placeholder="year", width="-w-num"),
                    FieldSpec("specialty", "Specialty", "opt_select", specialties),
                    FieldSpec("outcome", "Outcome", "select", options(OUTCOME_LABELS)),
                    FieldSpec("soap", "SOAP", "bool", tooltip="Took part in SOAP that cycle"),
                    FieldSpec(
                        "preliminary",
                        "Prelim",
                        "bool",
                        tooltip="The match was to a one-year preliminary position",
                    ),
                ],
                items(h.cycles),
                {"year": p.cycle_year - 1, "outcome": "unmatched", "soap": False},
                max_items=20,
                help_text="One line per cycle you applied in; leave empty if this is your first.",
                **lines,
            ),
        )
        targets = Section(
            "targets",
            "Targets and region",
            ListEditor(
                "targets",
                "Target specialties (ranked)",
                [FieldSpec("specialty", "Specialty", "select", specialties)],
                [{"specialty": s} for s in p.targets.specialties],
                {"specialty": None},
                max_items=5,
                orderable=True,
                scalar=True,
                help_text="Up to five; ▲ moves one up the ranking.",
                **lines,
            ),
            row(
                ("targets", "region"),
                FieldSpec("region", "Target region", "select", regions),
                p.targets.region,
            ),
            ListEditor(
                "divisions",
                "Census divisions (ERAS, optional)",
                [FieldSpec("division", "Division", "select", divisions)],
                [{"division": d} for d in p.targets.divisions],
                {"division": None},
                max_items=MAX_DIVISIONS,
                scalar=True,
                help_text=(
                    "Up to three, in any region, as ERAS allows. Back home is the target region."
                ),
                **lines,
            ),
            row(
                ("targets", "setting"),
                FieldSpec("setting", "Setting", "select", options(SETTING_LABELS)),
                p.targets.setting,
            ),
            row(
                ("applicant", "home_region"),
                FieldSpec("home_region", "Home region", "select", places),
                a.home_region,
            ),
            row(
                ("applicant", "lives_in"),
                FieldSpec("lives_in", "Lives in now", "select", places),
                a.lives_in,
            ),
            row(
                ("applicant", "training_region"),
                FieldSpec(
                    "training_region",
                    "Studies / trains in",
                    "opt_select",
                    places,
                    tooltip="Your school's or residency's region (left blank: where you live)",
                ),
                a.training_region,
            ),
            row(
                ("applicant", "region_decided"),
                FieldSpec(
                    "region_decided",
                    "Region decided",
                    "opt_select",
                    options(DECISION_LABELS),
                    tooltip="When you decided on the target region",
                ),
                a.region_decided,
            ),
            row(
                ("applicant", "decided_year"),
                FieldSpec(
                    "decided_year",
                    "Region decided in",
                    "opt_int",
                    placeholder="year",
                    width="-w-num",
                    tooltip="The year you decided on the target region",
                ),
                a.decided_year,
            ),
            row(
                ("applicant", "decided_month"),
                FieldSpec(
                    "decided_month",
                    "  month (1-12)",
                    "opt_int",
                    placeholder="month",
                    width="-w-num",
                ),
                a.decided_month,
            ),
            ListEditor(
                "ties",
                "Ties to a region",
                [
                    FieldSpec("kind", "Kind", "select", options(TIE_LABELS)),
                    FieldSpec("region", "Region", "select", regions),
                    FieldSpec("note", "Note", placeholder="who or what, briefly"),
                ],
                items(p.ties),
                {"kind": "family", "region": p.targets.region},
                **lines,
            ),
            ListEditor(
                "rotations",
                "Away / audition rotations",
                [
                    FieldSpec("region", "Region", "select", regions),
                    FieldSpec("status", "Status", "select", options(ROTATION_LABELS)),
                    FieldSpec("specialty", "Specialty", "opt_select", specialties),
                    FieldSpec("place", "Place", placeholder="where"),
                ],
                items(p.rotations),
                {"region": p.targets.region, "status": "planned"},
                **lines,
            ),
        )
        clinical = Section(
            "clinical",
            "Recent clinical activity",
            row(
                ("clinical", "role"),
                FieldSpec(
                    "role",
                    "Kind of role",
                    "select",
                    options(ROLE_LABELS),
                    tooltip=ROLE_HELP,
                ),
                c.role,
            ),
            row(
                ("clinical", "months_last_24"),
                FieldSpec(
                    "months_last_24",
                    "Months, last 24",
                    "int",
                    width="-w-num",
                    tooltip="Months of clinical work in the last 24 months (0-24)",
                ),
                c.months_last_24,
            ),
            row(
                ("clinical", "months_since_last"),
                FieldSpec(
                    "months_since_last",
                    "Months since last",
                    "int",
                    width="-w-num",
                    tooltip="0 if it is still going on",
                ),
                c.months_since_last,
            ),
            row(
                ("clinical", "months_since_hands_on"),
                FieldSpec(
                    "months_since_hands_on",
                    HANDS_ON_LABEL,
                    "opt_int",
                    placeholder="unknown",
                    width="-w-num",
                    tooltip=HANDS_ON_HELP,
                ),
                c.months_since_hands_on,
            ),
        )
        letters = Section(
            "letters",
            "Letters of recommendation",
            ListEditor(
                "letters",
                "Letters",
                [
                    FieldSpec("specialty", "Specialty", "select", specialties),
                    # a letter may come from abroad (an IMG's writers at home): it counts as a
                    # letter, never as one from a US region
                    FieldSpec("region", "Region", "select", places),
                    FieldSpec(
                        "months_ago",
                        "Months",
                        "int",
                        placeholder="months",
                        width="-w-num",
                        tooltip="Months since the letter was written",
                    ),
                    FieldSpec(
                        "saw_real_work",
                        "Real work",
                        "bool",
                        tooltip="Did the author supervise your real work, not just observe you?",
                    ),
                    FieldSpec("author", "Author", placeholder="author"),
                ],
                items(p.letters),
                {
                    "specialty": p.targets.specialties[0] if p.targets.specialties else None,
                    "region": p.targets.region,
                    "months_ago": 0,
                    "saw_real_work": False,
                },
                **lines,
            ),
        )
        narrative = Section(
            "narrative",
            "Your story",
            row(
                ("narrative", "why_home"),
                FieldSpec("why_home", "Why this region (why home)", "area"),
                n.why_home,
            ),
            row(
                ("narrative", "why_now"),
                FieldSpec("why_now", "Why now (what happened, what changed)", "area"),
                n.why_now,
            ),
            row(
                ("narrative", "plan_b"),
                FieldSpec("plan_b", "Plan B if this cycle fails", "area"),
                n.plan_b,
            ),
        )
        return [applicant, exams, history, targets, clinical, letters, narrative]

    # -- reading the form ------------------------------------------------------------------
    # The form's parts are kept by key (a field's path, a list's location in the profile) as
    # they are built, so reading the form never searches the DOM, and parts not mounted yet
    # read as built (see FieldRow.value): a save writes every field, opened or not.
    def _index(self, sections: list[Section]) -> None:
        self._sections_now = sections
        self._rows = {}
        self._editors = {}
        for section in sections:
            for unit in section.units:
                if isinstance(unit, FieldRow | FieldLine):
                    self._rows[unit.path] = unit
                elif isinstance(unit, ListEditor):
                    self._editors[LIST_LOCS.get(unit.list_id, (unit.list_id,))] = unit
        self._sync_dependents()

    def _part(self, key: Loc) -> Any:
        """One part's contribution to the form data: a list's items, a field's raw value, or
        None for a field that does not apply (see DEPENDS) or is left blank."""
        editor = self._editors.get(key)
        if editor is not None:
            return editor.values()
        path = tuple(map(str, key))
        if path in DEPENDS and not self._wanted(path):
            return None
        return self._rows[path].read()

    def _parts(self) -> dict[Loc, Any]:
        return {key: self._part(key) for key in (*self._rows, *self._editors)}

    def form_data(self) -> dict[str, Any]:
        """The raw form values, shaped like profile.toml (pydantic parses and checks them)."""
        data: dict[str, Any] = {
            "schema_version": self.profile.schema_version,
            "demo": self.profile.demo,
        }
        for key, value in self._parts().items():
            if value is None:
                continue
            target = data
            for step in key[:-1]:
                target = target.setdefault(str(step), {})
            target[str(key[-1])] = value
        return data

    def _wanted(self, path: tuple[str, ...]) -> bool:
        """Whether a field applies given its parent's value (see DEPENDS)."""
        depends = DEPENDS.get(path)
        if depends is None or (path in KEEP_IF_SET and self._rows[path].read() is not None):
            return True
        parent = self._rows.get(tuple(map(str, depends[0])))
        # A parent that is itself hidden hides its children (COMLEX Level 3's year, for an MD).
        return parent is not None and self._wanted(parent.path) and parent.read() in depends[1]

    def _sync_dependents(self) -> None:
        """Show only the fields that apply to the values chosen now."""
        for path in DEPENDS:
            row = self._rows.get(tuple(map(str, path)))
            if row is not None:
                shown = self._wanted(row.path)
                if row.display != shown:
                    row.display = shown

    # -- errors ----------------------------------------------------------------------------
    def _route(self, loc: Loc) -> Widget:
        """The widget that should show an error at `loc` (pydantic's error location)."""
        fields = self._rows
        for prefix, editor in self._editors.items():
            if loc[: len(prefix)] == prefix:
                rest = loc[len(prefix) :]
                rows = editor.rows()
                if rest and isinstance(rest[0], int) and rest[0] < len(rows):
                    return rows[rest[0]]
                return editor
        # (a check over the whole profile names its field: tomlio.placed_rule)
        found = fields.get(tuple(str(p) for p in loc))
        if found is not None:
            return found
        section = str(loc[0]) if loc else "applicant"
        sections = self._sections_now
        return next((s for s in sections if s.section_id == section), sections[0])

    def _errors(self) -> tuple[Profile | None, dict[Widget, str]]:
        profile, problems = validate_profile(self.form_data(), self.catalog)
        routed: dict[Widget, str] = {}
        for loc, message in problems:
            widget = self._route(loc)
            if widget not in routed:
                detail = ""
                item = isinstance(widget, ItemRow | ItemLine)
                if item and len(loc) >= 3 and isinstance(loc[-1], str):
                    detail = f"{loc[-1].replace('_', ' ')}: "
                routed[widget] = detail + message
        return profile, routed

    def _replaced(self, line: FieldLine, row: FieldRow) -> None:
        """`row` takes `line`'s place in the form (reached, or showing an error)."""
        if self._rows.get(line.path) is line:
            self._rows[line.path] = row
        for section in self._sections_now:
            if line in section.units:
                section.units[section.units.index(line)] = row
        if line in self._shown:
            self._shown.discard(line)
            self._shown.add(row)

    def _live(self, widget: Widget) -> Widget:
        """`widget`, or the row that has taken its place if it is a line replaced since."""
        if isinstance(widget, FieldLine):
            return self._rows.get(widget.path, widget)
        if isinstance(widget, ItemLine) and widget.real is not None:
            return widget.real
        return widget

    def _show(self, widget: Widget, message: str | None) -> None:
        widget = self._live(widget)
        if not widget.is_attached:  # a list item removed since its error was shown
            self._shown.discard(widget)
            return
        show = getattr(widget, "show_error", None)
        if callable(show):
            show(message)
            widget = self._live(widget)  # a line shows an error as its row
        if message:
            self._shown.add(widget)
        else:
            self._shown.discard(widget)

    def _check_part(self, owner: Widget) -> None:
        """Validate as the applicant leaves `owner`: show its message, refresh shown ones."""
        _, routed = self._errors()
        for widget in list(self._shown):
            if widget is not owner:
                self._show(widget, routed.get(widget))
        self._show(owner, routed.get(owner))
        section = next((a for a in owner.ancestors if isinstance(a, Section)), None)
        if section is not None and section in routed:
            self._show(section, routed[section])

    def _owner(self, widget: Widget) -> Widget | None:
        for node in (widget, *widget.ancestors):
            if isinstance(node, FieldRow | ItemRow):
                return node
        return None

    # -- building -------------------------------------------------------------------------
    # The parts the first screen shows are built with the pane; the others after its first
    # frame, while the pane is shown: once the applicant has paused (no key or mouse event for
    # QUIET seconds), a slice at a time (a field row, an empty section, a list's item) with a
    # timer in between; as soon as they move through the form (Tab, a click, scrolling), many
    # slices a turn. A slice costs its mounting and a layout of the form; while keys keep
    # coming otherwise (typing in the field shown focused, or passing through the pane to
    # another) nothing is built, so no key waits for it, and a pane left before it is
    # complete resumes when shown again. A save or an error in a part not built yet builds the
    # rest at once.
    BUILD_GAP: ClassVar[float] = 0.01  # seconds between two slices
    QUIET: ClassVar[float] = 0.2  # seconds without input before a slice is built
    SCROLLED_SLICES: ClassVar[int] = 50  # slices a turn while heading down the form

    def _plan_build(self, sections: list[Section]) -> None:
        """Build with the pane the parts that fill the first screen: the terminal's height less
        the header, pane bar, title bar and footer (a line over with the demo bar)."""
        budget = self.app.size.height - 4
        used = 0
        for section in sections:
            used += 2  # the section's border
            section.built = 0
            for unit in section.units:
                if used >= budget:
                    if isinstance(unit, ListEditor):
                        unit.rows_built = 0  # its items come one by one
                    continue
                section.built += 1
                if isinstance(unit, FieldRow | FieldLine | ListEditor):
                    used += unit.lines()
        self._complete.clear()

    def _build_next(self) -> AwaitMount | None:
        """Mount the next slice of the form not built yet, in order: a section not in the form
        joins it empty, then its parts one by one, a list's items one by one (None when the
        whole form is built)."""
        for section in self._sections_now:
            if section.parent is None:
                return self._form.mount(section)
            for unit in section.units[: section.built]:
                if isinstance(unit, ListEditor) and not unit.complete:
                    return unit.build_next()
            pending = section.build_next(1)
            if pending is not None:
                return pending
        return None

    def _start_building(self) -> None:
        self.run_worker(self._build_rest(), group="profile-build", exclusive=True)

    async def _build_rest(self) -> None:
        sections = self._sections_now
        while True:
            # A timer between slices: keys and frames are handled in between.
            await asyncio.sleep(max(self.BUILD_GAP, self._wait_for_pause()))
            if sections is not self._sections_now or not self.app.is_running or self._settling:
                return  # rebuilt, or quitting
            if not self.is_current:
                # Left for another pane: the rest waits for the pane to be shown again (parts
                # mounted into a screen not shown are laid out all at once as it comes back).
                self.when_shown_again(self._start_building)
                return
            if self._wait_for_pause() > 0:
                continue  # keys are coming: later
            # Heading down, the next parts are wanted now: several slices a turn.
            complete = False
            for _ in range(self.SCROLLED_SLICES if self._heading_down() else 1):
                if sections is not self._sections_now or self._settling or not self.is_current:
                    break  # seen at the top of the loop
                pending = self._build_next()
                if pending is None:
                    complete = True
                    break
                self._in_flight = pending
                try:
                    await pending
                finally:
                    self._in_flight = None
                await asyncio.sleep(0)  # keys and frames between slices
            if complete:
                break
        await self.wait_for_refresh()  # laid out too
        if sections is self._sections_now:
            self._complete.set()

    def _note_focus(self) -> None:
        self._focus_at_show = self.focused
        self._noted = True

    def _heading_down(self) -> bool:
        """Whether the applicant is moving through the form (the focus has moved from where
        it was when the pane was shown, by Tab or a click) or has scrolled it down: each key
        may then need the next part."""
        return self._moved or self._form.scroll_y > 0

    def _wait_for_pause(self) -> float:
        """Seconds until the next slice may be built: 0 once keys have paused or while the
        applicant is heading down the form."""
        if self._heading_down():
            return 0.0
        return max(0.0, self.QUIET - self.matchapp.input_idle())

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if self._noted and event.widget is not self._focus_at_show:
            self._moved = True
        if not self._focus_trail or self._focus_trail[-1] is not event.widget:
            self._focus_trail = [*self._focus_trail[-1:], event.widget]
        if not isinstance(event.widget, StandIn):
            if self._ahead is not None:
                self._ahead.stop()
            self._ahead = self.set_timer(self.AHEAD_QUIET, self._make_next_real)

    # A field not reached yet is a stand-in, and Tab onto one makes it its control then and
    # there: a mount and two layouts of the form, ~110 ms from the key to the frame, where Tab
    # between controls takes ~45. Someone filling the form in stops at each field: once keys
    # have paused for AHEAD_QUIET on a control, the field after it is made real, so the next
    # Tab finds a control. (Not sooner: a key pressed while it is made waits for it.)
    AHEAD_QUIET: ClassVar[float] = 0.5

    def _make_next_real(self) -> None:
        self._ahead = None
        if not self.is_current or self._settling or not self.app.is_running:
            return
        idle = self.matchapp.input_idle()
        if idle < self.AHEAD_QUIET:
            self._ahead = self.set_timer(self.AHEAD_QUIET - idle, self._make_next_real)
            return
        focused = self.focused
        if focused is None or isinstance(focused, StandIn):
            return
        if any(isinstance(a, Select) for a in focused.ancestors):
            return  # a Select's choices are open: the applicant is choosing
        chain = self.focus_chain
        at = chain.index(focused) if focused in chain else len(chain)
        following = chain[at + 1] if at + 1 < len(chain) else None
        # One control only: a list's item becomes its whole row (five to eight widgets, a few
        # hundred ms), which a key pressed meanwhile would wait for.
        if isinstance(following, StandIn) and not isinstance(following, PartsLine):
            following.start_making()

    def _focused_before(self, widget: Widget) -> Widget | None:
        """The widget focused before `widget` was (an item's line asks as it is focused)."""
        trail = [w for w in self._focus_trail if w is not widget]
        return trail[-1] if trail else None

    async def _build_all(self) -> None:
        """Build every part not built yet, now."""
        self.workers.cancel_group(self, "profile-build")
        sections = self._sections_now
        while (pending := self._build_next()) is not None:
            await pending
        if sections is self._sections_now:
            self._complete.set()

    async def settle(self) -> None:
        """Before the app exits: start no more slices and let the one mounting finish (a
        Select torn down mid-mount fails)."""
        self._settling = True
        if (pending := self._in_flight) is not None:
            await pending
        for field in self.query(StandIn):  # a stand-in becoming its control
            await field.made()

    async def form_built(self) -> None:
        """Wait until every part of the form is mounted and laid out (the parts below the
        first screen are built while it is shown, once keys pause)."""
        await self._complete.wait()

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self._note_focus)

    # -- change tracking -------------------------------------------------------------------
    def on_mount(self) -> None:
        self._set_baseline()
        self.call_after_refresh(self._start_building)

    def _set_baseline(self) -> None:
        self._baseline = self._parts()
        self._now = dict(self._baseline)
        self._changed.clear()
        self._mark()

    @property
    def dirty(self) -> bool:
        return bool(self._changed)

    def _key(self, widget: Widget) -> Loc | None:
        """The part of the form (a field's path, a list's place) `widget` belongs to."""
        for node in (widget, *widget.ancestors):
            if isinstance(node, FieldRow | FieldLine):
                return node.path
            if isinstance(node, ListEditor):
                return LIST_LOCS.get(node.list_id, (node.list_id,))
        return None

    def _reread(self, widget: Widget) -> bool:
        """Re-read the part `widget` belongs to and the fields that depend on it (never the
        whole form: this runs on every key); whether any of them changed."""
        key = self._key(widget)
        if key is None or self._baseline is None:
            return False
        changed = False
        for part in (key, *DEPENDENTS.get(key, ())):
            value = self._part(part)
            if value != self._now.get(part):
                self._now[part] = value
                changed = True
            if value == self._baseline.get(part):
                self._changed.discard(part)
            else:
                self._changed.add(part)
        return changed

    def _mark(self) -> None:
        dirty = self.dirty
        if dirty:
            self.matchapp.unsaved.add("profile")
        else:
            self.matchapp.unsaved.discard("profile")
        if self._unsaved is None and dirty:
            self._unsaved = Static("● unsaved changes", id="profile-unsaved", markup=False)
            self.run_worker(self._show_unsaved(self._unsaved), group="profile-unsaved")
        if self._unsaved is not None:
            self._unsaved.display = dirty
        self._revert.disabled = not dirty
        self._bar.refresh()  # drawn by its line until reached

    async def _show_unsaved(self, unsaved: Static) -> None:
        """Put "● unsaved changes" in the title bar, before its buttons (the bar becomes real
        first if it is still its line)."""
        await self._bar.make_real()
        bar = self._bar.real
        if bar is not None and bar.is_attached and unsaved.parent is None:
            await bar.mount(unsaved, before=self._revert)

    def _show_demo(self, demo: bool) -> None:
        """Show the demo bar (or its line, until reached) if the profile is the demo."""
        self._demo.display = demo
        if self._demo.real is not None:
            self._demo.real.display = demo

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._reread(event.input):
            self._mark()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._reread(event.text_area):
            self._mark()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if self._reread(event.checkbox):
            self._mark()

    def on_select_changed(self, event: Select.Changed) -> None:
        # Every Select reports its first value as it mounts: nothing changed then.
        if not self._reread(event.select):
            return
        self._sync_dependents()
        self._mark()
        owner = self._owner(event.select)
        if owner is not None:
            self._check_part(owner)

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        if self._baseline is None:
            return
        widget = event.widget
        if isinstance(widget, Input | TextArea):
            owner = self._owner(widget)
            if owner is not None:
                self._check_part(owner)

    async def on_form_button_pressed(self, event: FormButton.Pressed) -> None:
        button = event.button
        event.stop()
        if button.id == "profile-save":
            await self.action_save()
            return
        if button.id == "profile-revert":
            await self.action_revert()
            return
        if button.id == "profile-new":
            self.matchapp.action_new_profile()
            return
        editor = next((a for a in button.ancestors if isinstance(a, ListEditor)), None)
        if editor is None:
            return
        if button.has_class("item-add"):
            row = await editor.add_item()
            row.query(".field-control, Select, Input").first().focus()
        elif button.has_class("item-remove"):
            row = next(a for a in button.ancestors if isinstance(a, ItemRow))
            self._shown.discard(row)
            await editor.remove_item(row)
            (await editor.add_button()).focus()
        elif button.has_class("item-up"):
            row = next(a for a in button.ancestors if isinstance(a, ItemRow))
            editor.move_up(row)
        self._reread(editor)
        self._mark()

    # -- actions ---------------------------------------------------------------------------
    async def action_save(self) -> None:
        profile, routed = self._errors()
        if any(not widget.is_attached for widget in routed):
            await self._build_all()  # show each message where it belongs
        for widget in list(self._shown):
            if widget not in routed:
                self._show(widget, None)
        for widget, message in routed.items():
            self._show(widget, message)
        if profile is None or routed:
            first = next(iter(routed.items()), None)
            count = len(routed)
            text = f"Not saved: {count} problem{'s' if count != 1 else ''} to fix"
            if first is not None:
                label = getattr(getattr(first[0], "spec", None), "label", "")
                text += f" (first: {label + ': ' if label else ''}{first[1]})"
                if isinstance(first[0], FieldLine | ItemLine) and first[0].row_mount is not None:
                    await first[0].row_mount  # a line shows its error as its row
                shown = self._live(first[0])
                focus = (
                    shown.query(".field-control, Select, Input, TextArea").first()
                    if shown.children
                    else None
                )
                if focus is not None:
                    focus.focus()
                    focus.scroll_visible()
            self.notify(text, severity="error", markup=False)
            return
        workspace = self.matchapp.workspace

        def saved(path: Path) -> None:
            self._published = profile
            self._set_baseline()
            self.matchapp.profile = profile  # every pane watching the profile updates now
            self.notify(f"Saved {path.name}; the other panes are up to date.", markup=False)

        def reload() -> None:
            try:
                fresh = workspace.reload_profile()
            except FileProblems as exc:
                self.notify(exc.summary(), severity="error", markup=False)
                return
            self.matchapp.profile = fresh
            self.run_worker(self._rebuild(fresh), exclusive=True, group="profile-rebuild")

        guarded_save(
            self,
            lambda how: workspace.save_profile(profile, keep_mine=how == "keep"),
            saved=saved,
            reload=reload,
            what="profile.toml",
        )

    async def action_revert(self) -> None:
        await self._rebuild(self.profile)
        self.notify("Unsaved edits thrown away.", markup=False)

    async def _rebuild(self, profile: Profile) -> None:
        self.workers.cancel_group(self, "profile-build")
        form = self.query_one("#profile-form", VerticalScroll)
        self._shown.clear()
        await form.remove_children()
        sections = self._sections(profile)
        self._index(sections)
        self._plan_build(sections)
        await form.mount_all([s for s in sections if s.built])
        self._show_demo(profile.demo)
        self._set_baseline()
        self.call_after_refresh(self._start_building)

    def on_profile(self, profile: Profile) -> None:
        # Our own save already shows this profile; a change from elsewhere refreshes the form
        # unless the applicant is in the middle of editing.
        self._show_demo(profile.demo)
        if profile is self._published or self.dirty:
            return
        self.run_worker(self._rebuild(profile), exclusive=True, group="profile-rebuild")
