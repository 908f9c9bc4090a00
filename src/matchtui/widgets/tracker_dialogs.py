"""Dialogs of the Applications pane: a program to add, the date prompt for a stage change, and a
program's details (notes and own costs editable). Each checks through the engine and returns a
new Program."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Select, Static, TextArea

from matchtui.engine.programs import TYPED_FIELDS, edited_program, new_program, read_date
from matchtui.engine.tracker import MoveError, default_day, move
from matchtui.models.mix import TIER_LABELS, TIERS
from matchtui.models.programs import (
    COST_KINDS,
    DATE_FIELDS,
    SIGNAL_KINDS,
    SIGNAL_LABELS,
    TRACKS,
    CostEntry,
    Program,
)
from matchtui.widgets.tracker_views import stage_label

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.engine.calendar import SeasonDate

_FORMATS = [("Virtual", "virtual"), ("In person", "in_person")]


def _parse_date(text: str, what: str) -> dt.date | None:
    try:
        return read_date(text, what)
    except ValueError as exc:
        raise MoveError(str(exc)) from None


# The Add dialog's text fields: (field, label, placeholder).
_ADD_TEXTS: tuple[tuple[str, str, str], ...] = (
    ("name", "Program name", "e.g. Riverside Methodist Internal Medicine"),
    ("city", "City (optional)", "e.g. Columbus"),
    ("state", "State", "code or name: OH, Ohio"),
    ("nrmp_code", "NRMP code (optional)", "e.g. 1234140C0"),
)

_ADD_CHOICES = ("specialty", "tier", "track", "signal")
_ADD_FIELDS = frozenset(TYPED_FIELDS)  # each a text field or a choice of the dialog


class AddProgram(ModalScreen[Program | None]):
    """A program typed in by hand: name, place, specialty, tier, track and signal. It is read as
    an imported row is (engine.programs.new_program); a field at fault is named and focused,
    and a program the list holds already is refused. Enter or ctrl+s adds, Escape cancels.
    Given `program`, the same fields of that program, filled in, to correct (its stage, dates,
    notes and costs kept: engine.programs.edited_program); `existing` then lists the others."""

    DEFAULT_CSS = """
    AddProgram { align: center middle; }
    AddProgram > VerticalScroll {
        width: 76; max-width: 98%; height: auto; max-height: 96%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    AddProgram .add-pair { height: auto; }
    AddProgram .add-field { width: 1fr; height: auto; }
    AddProgram Label { margin-top: 1; }
    AddProgram #add-error { color: $error; height: auto; }
    AddProgram #add-buttons { height: auto; align: right middle; margin-top: 1; }
    AddProgram Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "add", "Add", priority=True),
    ]

    def __init__(
        self,
        catalog: Catalog,
        existing: Sequence[Program],
        specialty: str,
        program: Program | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.existing = existing
        self.specialty = program.specialty if program is not None else specialty
        self.program = program

    def compose(self) -> ComposeResult:
        specialties = sorted(
            ((s.name, s.id) for s in self.catalog.specialties.values()), key=lambda x: x[0]
        )
        if self.specialty and self.specialty not in self.catalog.specialties:
            specialties.append((self.specialty, self.specialty))  # as the list has it
        default = self.specialty or specialties[0][1]
        fields = {name: (label, hint) for name, label, hint in _ADD_TEXTS}
        p = self.program
        typed = {name: str(getattr(p, name) or "") for name, _, _ in _ADD_TEXTS} if p else {}
        title = f"Correct {p.name}" if p is not None else "Add a program to your list"
        with VerticalScroll():
            yield Static(Text(title, style="bold"))
            # Above the fields: seen with the field it names at any terminal size.
            yield Static("", id="add-error", markup=False)
            yield Label(fields["name"][0])
            yield Input(typed.get("name", ""), placeholder=fields["name"][1], id="add-name")
            with Horizontal(classes="add-pair"):
                for name in ("city", "state"):
                    with Vertical(classes="add-field"):
                        yield Label(fields[name][0])
                        yield Input(
                            typed.get(name, ""), placeholder=fields[name][1], id=f"add-{name}"
                        )
            choices: dict[str, tuple[str, list[tuple[str, str]], str]] = {
                "specialty": ("Specialty", specialties, default),
                "tier": ("Tier", [(TIER_LABELS[x], x) for x in TIERS], "community"),
                "track": ("Track", [(x.capitalize(), x) for x in TRACKS], "categorical"),
                "signal": ("Signal sent", [(SIGNAL_LABELS[x], x) for x in SIGNAL_KINDS], "none"),
            }
            if p is not None:
                for name in ("tier", "track", "signal"):
                    label, options, _ = choices[name]
                    choices[name] = (label, options, str(getattr(p, name)))
            for pair in (_ADD_CHOICES[:2], _ADD_CHOICES[2:]):
                with Horizontal(classes="add-pair"):
                    for name in pair:
                        label, options, value = choices[name]
                        with Vertical(classes="add-field"):
                            yield Label(label)
                            yield Select(options, value=value, allow_blank=False, id=f"add-{name}")
            yield Label(fields["nrmp_code"][0])
            yield Input(
                typed.get("nrmp_code", ""), placeholder=fields["nrmp_code"][1], id="add-nrmp_code"
            )
            with Horizontal(id="add-buttons"):
                yield Button(
                    "Save (ctrl+s)" if p is not None else "Add (ctrl+s)",
                    id="add-save",
                    variant="primary",
                )
                yield Button("Cancel (esc)", id="add-cancel")

    def on_mount(self) -> None:
        self.query_one("#add-name", Input).focus()

    def form(self) -> dict[str, str]:
        """What the fields hold, as an imported row's cells."""
        raw = {name: self.query_one(f"#add-{name}", Input).value for name, _, _ in _ADD_TEXTS}
        for name in _ADD_CHOICES:
            raw[name] = str(self.query_one(f"#add-{name}", Select).value)
        return raw

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_add()

    @on(Button.Pressed, "#add-save")
    def action_add(self) -> None:
        try:
            if self.program is not None:
                program = edited_program(self.program, self.form(), self.catalog, self.existing)
            else:
                program = new_program(self.form(), self.catalog, self.existing)
        except ValueError as exc:
            message = str(exc)
            self.query_one("#add-error", Static).update(message)
            field = message.split(":", 1)[0].split(",", 1)[0].strip()
            if field in _ADD_FIELDS:
                self.query_one(f"#add-{field}").focus()
            return
        self.dismiss(program)

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class StagePrompt(ModalScreen[Program | None]):
    """Ask for the date of a stage (default today); Enter moves, Escape cancels."""

    DEFAULT_CSS = """
    StagePrompt { align: center middle; }
    StagePrompt > Vertical {
        width: 64; max-width: 95%; height: auto;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    StagePrompt Label { margin-top: 1; width: 100%; }
    StagePrompt #stage-error { color: $error; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        program: Program,
        stage: str,
        today: dt.date,
        ranking: SeasonDate | None = None,
    ) -> None:
        super().__init__()
        self.program = program
        self.stage = stage
        self.today = today
        self.ranking = ranking  # ranking opens (engine.tracker.move refuses "ranked" before it)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                Text(f"{self.program.name}: {stage_label(self.stage).lower()}", style="bold")
            )
            what = "Interview date" if self.stage == "scheduled" else "Date"
            yield Label(f"{what} (YYYY-MM-DD, Enter to confirm, Esc to cancel)")
            # today, or the booked day of an interview gone by now recorded as held
            day = default_day(self.program, self.stage, self.today)
            yield Input(day.isoformat(), id="stage-date")
            if self.stage == "invited":
                yield Label("Respond by (optional)")
                yield Input("", placeholder="YYYY-MM-DD", id="stage-respond-by")
            if self.stage == "scheduled":
                yield Label("Format")
                current = self.program.interview_format or "virtual"
                yield Select(_FORMATS, value=current, allow_blank=False, id="stage-format")
            yield Static("", id="stage-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#stage-date", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            on_date = _parse_date(self.query_one("#stage-date", Input).value, "date")
            respond_by = None
            interview_format = None
            if self.stage == "invited":
                respond_by = _parse_date(
                    self.query_one("#stage-respond-by", Input).value, "respond by"
                )
            if self.stage == "scheduled":
                interview_format = str(self.query_one("#stage-format", Select).value)
            moved = move(
                self.program,
                self.stage,
                on_date,
                today=self.today,
                respond_by=respond_by,
                interview_format=interview_format,
                ranking=self.ranking,
            )
        except MoveError as exc:
            self.query_one("#stage-error", Static).update(str(exc))
            return
        self.dismiss(moved)


class ProgramDetail(ModalScreen[Program | None]):
    """Everything about one program; notes and own costs can be edited (ctrl+s keeps them)."""

    DEFAULT_CSS = """
    ProgramDetail { align: center middle; }
    ProgramDetail > VerticalScroll {
        width: 90; max-width: 98%; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ProgramDetail #detail-notes { height: 5; }
    ProgramDetail #detail-costs { height: auto; max-height: 8; }
    ProgramDetail #cost-row { height: auto; }
    ProgramDetail #cost-row Input { width: 1fr; }
    ProgramDetail #cost-row Select { width: 16; }
    ProgramDetail #detail-error { color: $error; height: auto; }
    ProgramDetail #detail-buttons { height: auto; align: right middle; }
    ProgramDetail Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close"),
        Binding("ctrl+s", "keep", "Save", priority=True),
        Binding("delete", "remove_cost", "Remove cost", show=False),
    ]

    def __init__(self, program: Program, region_name: str, specialty_name: str) -> None:
        super().__init__()
        self.program = program
        self.region_name = region_name
        self.specialty_name = specialty_name
        self.costs = list(program.costs)

    def compose(self) -> ComposeResult:
        p = self.program
        with VerticalScroll():
            yield Static(Text(p.name, style="bold"), id="detail-title")
            facts = Text()
            place = ", ".join(x for x in (p.city, p.state) if x)
            facts.append(f"{self.specialty_name} · {p.track} · {p.tier} · {place}")
            facts.append(f" ({self.region_name})\n" if self.region_name else "\n")
            facts.append(f"NRMP code {p.nrmp_code or '-'} · signal {p.signal}")
            facts.append(f" · stage {stage_label(p.status).lower()}\n")
            for name in DATE_FIELDS:
                value = getattr(p, name)
                if value is not None:
                    facts.append(f"  {name.removesuffix('_on').replace('_', ' '):<14} {value}\n")
            if p.interview_format:
                facts.append(f"  {'format':<14} {p.interview_format.replace('_', ' ')}\n")
            yield Static(facts, id="detail-facts")
            yield Label("Notes")
            yield TextArea(p.notes, id="detail-notes", soft_wrap=True)
            yield Label("Your costs for this program (Delete removes the selected one)")
            table: DataTable[str] = DataTable(id="detail-costs", cursor_type="row")
            yield table
            with Horizontal(id="cost-row"):
                yield Select(
                    [(k.capitalize(), k) for k in COST_KINDS],
                    value="travel",
                    allow_blank=False,
                    id="cost-kind",
                )
                yield Input("", placeholder="USD", id="cost-usd")
                yield Input("", placeholder="YYYY-MM-DD", id="cost-date")
                yield Input("", placeholder="note", id="cost-note")
                yield Button("Add", id="cost-add")
            yield Static("", id="detail-error", markup=False)
            with Horizontal(id="detail-buttons"):
                yield Button("Save (ctrl+s)", id="detail-save", variant="primary")
                yield Button("Close (esc)", id="detail-close")

    def on_mount(self) -> None:
        table: DataTable[str] = self.query_one("#detail-costs", DataTable)
        table.add_column("Kind", width=8)
        table.add_column("USD", width=10)
        table.add_column("Date", width=10)
        table.add_column("Note", width=30)
        self._show_costs()

    def _show_costs(self) -> None:
        table: DataTable[str] = self.query_one("#detail-costs", DataTable)
        table.clear()
        for entry in self.costs:
            table.add_row(
                entry.kind,
                f"{entry.usd:,.2f}",
                entry.date.isoformat() if entry.date else "",
                entry.note,
            )

    @on(Button.Pressed, "#cost-add")
    def _add_cost(self) -> None:
        self.add_cost()

    @on(Input.Submitted, "#cost-row Input")
    def _add_cost_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.add_cost()

    def add_cost(self) -> None:
        error = self.query_one("#detail-error", Static)
        usd_text = self.query_one("#cost-usd", Input).value.strip().removeprefix("$")
        try:
            entry = CostEntry(
                kind=str(self.query_one("#cost-kind", Select).value),
                usd=float(usd_text.replace(",", "")),
                date=_parse_date(self.query_one("#cost-date", Input).value, "date"),
                note=self.query_one("#cost-note", Input).value.strip(),
            )
        except (ValueError, ValidationError) as exc:
            message = str(exc).splitlines()[0] if isinstance(exc, MoveError) else ""
            error.update(message or "Give an amount in dollars (0 or more) and a date or none.")
            return
        error.update("")
        self.costs.append(entry)
        for name in ("#cost-usd", "#cost-date", "#cost-note"):
            self.query_one(name, Input).value = ""
        self._show_costs()

    def action_remove_cost(self) -> None:
        table: DataTable[str] = self.query_one("#detail-costs", DataTable)
        if not self.costs or not table.has_focus:
            return
        del self.costs[min(table.cursor_row, len(self.costs) - 1)]
        self._show_costs()

    @on(Button.Pressed, "#detail-save")
    def action_keep(self) -> None:
        notes = self.query_one("#detail-notes", TextArea).text
        try:
            updated = Program.model_validate(
                {**self.program.model_dump(), "notes": notes, "costs": self.costs}
            )
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            self.query_one("#detail-error", Static).update(
                f"{'.'.join(str(x) for x in first['loc'])}: {first['msg']}"
            )
            return
        self.dismiss(updated)

    @on(Button.Pressed, "#detail-close")
    def action_cancel(self) -> None:
        self.dismiss(None)


class RemoveProgram(ModalScreen[str]):
    """Delete on a program whose removal takes more with it (engine.removal): the question,
    then what goes with it (its ranks on the rank list, a paid ERAS fee). Keep (the focus,
    Escape), Withdraw instead (w, offered when its fee is paid and it can be withdrawn: the
    record and the fee stay) or Remove (y). Dismissed with "keep", "withdraw" or "remove"."""

    DEFAULT_CSS = """
    RemoveProgram { align: center middle; }
    RemoveProgram > Vertical {
        width: 72; max-width: 95%; height: auto;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    RemoveProgram #question { width: 100%; margin-bottom: 1; }
    RemoveProgram Horizontal { height: auto; align: right middle; }
    RemoveProgram Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer('keep')", "Keep"),
        Binding("y", "answer('remove')", "Remove"),
        Binding("w", "answer('withdraw')", "Withdraw instead"),
    ]

    def __init__(self, question: str, sentences: Sequence[str], withdraw: bool) -> None:
        super().__init__()
        self.text = "\n\n".join([question, *sentences])
        self.withdraw = withdraw

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.text, id="question", markup=False)
            with Horizontal():
                yield Button("Keep", id="keep")
                if self.withdraw:
                    yield Button("Withdraw instead", id="withdraw", variant="primary")
                yield Button("Remove", id="remove", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "keep")

    def action_answer(self, answer: str) -> None:
        if answer == "withdraw" and not self.withdraw:
            return
        self.dismiss(answer)
