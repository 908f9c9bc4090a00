"""Reality check pane: the applicant's position, rule by rule, with the rule and source of each
row one keypress away. Everything here is bound to `engine.assess.assess`; nothing is decided in
the screen."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.events import DescendantFocus, Resize
from textual.widgets import DataTable, Static

from matchtui.engine.assess import LIKELIHOOD_LABELS, assess, place, rules_of
from matchtui.models.assessment import Assessment
from matchtui.models.plan import PlanFile
from matchtui.models.profile import Profile
from matchtui.models.rules import Rule
from matchtui.screens.base import PaneScreen
from matchtui.widgets.rule_detail import Finding, RulePanel

NARROW = 100  # below this width the "your value" column is dropped

LEVEL_STYLE = {"lower": "green", "middle": "yellow", "higher": "bold red"}
TIER_STYLE = {"low": "green", "moderate": "yellow", "high": "bold red", "not_applicable": "dim"}
LIKELIHOOD_STYLE = {
    "very_high": "green",
    "high": "green",
    "moderate_to_low": "yellow",
    "very_low": "bold red",
    "not_applicable": "dim",
}
BAND_STYLE = {"realistic": "green", "stretch": "yellow", "reach": "bold red"}
HOME_ITEMS = ("Scenario", "Ties", "Away rotation", "Local letters", "Why-home story")
GOOD = {"ready", "passed", "scheduled", "first", "within_limit", "not_applicable"}


FOOT = Text(
    "Rows marked illustrative or assumption rest on rough article figures or on "
    "matchtui's own thresholds. Select any row for its rule and source; advisors can "
    "change the rules in the data folder (matchtui paths).",
    style="dim",
)

STORY_STYLE = {"concrete": "green", "generic": "yellow", "missing": "bold red"}


def _verdict_style(verdict: str) -> str:
    return "green" if verdict in GOOD else ("yellow" if verdict == "last_serious" else "bold red")


def _words(value: str) -> str:
    return value.replace("_", " ")


class RealityScreen(PaneScreen):
    PANE_ID = "reality"
    LAYOUT_ONCE = True  # see PaneScreen: drawn the same without Textual's second layout
    AUTO_FOCUS = ""  # open at the top (summary first); Tab, r or a move into the tables
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "focus_table('actions-table')",
            "Actions",
            id="reality.actions",
            tooltip="Jump to the list of next actions",
        ),
        Binding(
            "r",
            "focus_table('risk-table')",
            "Risk",
            id="reality.risk",
            tooltip="Jump to the re-entry risk table",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.assessment: Assessment | None = None
        self._findings: dict[str, Finding] = {}
        self._narrow: bool | None = None
        self._built = False  # the lower sections were filled once (see refresh_view)
        self._lower_pending = False

    def compose_body(self) -> ComposeResult:
        # Focusable, so PageDown reaches the summary and notes between the tables at 80x24.
        with VerticalScroll(id="reality-scroll", can_focus=True):
            yield Static(id="reality-summary", markup=False)
            yield Static(id="risk-title", classes="section-title", markup=False)
            yield Static(id="risk-reason", classes="section-note", markup=False)
            yield Static(id="risk-statement", markup=False)
            yield DataTable(id="risk-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="home-title", classes="section-title", markup=False)
            yield DataTable(id="home-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="arch-title", classes="section-title", markup=False)
            yield Static(id="arch-none", classes="section-note", markup=False)
            yield DataTable(id="arch-table", cursor_type="row", zebra_stripes=True)
            yield Static(
                "Letters, Step 3, specialties, cycles", classes="section-title", markup=False
            )
            yield DataTable(id="ready-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="actions-title", classes="section-title", markup=False)
            yield DataTable(id="actions-table", cursor_type="row", zebra_stripes=True)
            yield Static(FOOT.copy(), id="reality-foot", markup=False)
        with VerticalScroll(id="reality-detail"):
            yield RulePanel(self.catalog, id="rule-panel")

    # -- lifecycle -------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.watch(self.matchapp, "plan", self._plan_changed, init=False)
        self.refresh_view()

    def on_profile(self, profile: Profile) -> None:
        self.refresh_view()

    def _plan_changed(self, plan: PlanFile | None) -> None:
        self.refresh_view()

    def on_theme(self) -> None:
        self.refresh_view()  # the verdict colours come from the theme

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self._narrow:
            self.refresh_view()

    def action_focus_table(self, table_id: str) -> None:
        self.query_one(f"#{table_id}", DataTable).focus()

    # -- binding ---------------------------------------------------------------------------
    def refresh_view(self) -> None:
        """Re-run the engine for the current profile and saved mix and redraw every section.

        The first time, the sections below the first screen (readiness and next actions) are
        filled just after the pane's first frame: at 120x40 the first frame
        ends at the returner warnings, and those two tables were ~a fifth of the pane's build
        and first render. Every later refresh redraws all of it at once."""
        self.assessment = assess(self.profile, self.catalog, self.plan.mix)
        width = self.size.width or 80
        self._narrow = width < NARROW
        self.set_class(self._narrow, "-narrow")
        self._findings = {}
        avail = max(40, width - 4)
        result = self.assessment
        self._summary(result)
        self._risk(result, avail)
        self._home(result, avail)
        self._archetypes(result, avail)
        if self._built:
            self._lower_sections()
        elif not self._lower_pending:
            self._lower_pending = True
            self.call_after_refresh(self._lower_sections)
        panel = self.query_one("#rule-panel", RulePanel)
        panel.show(self._findings.get("risk-table:tier"))

    def _lower_sections(self) -> None:
        """Readiness and next actions, for the current assessment."""
        self._lower_pending = False
        self._built = True
        result = self.assessment
        if result is None:
            return
        avail = max(40, (self.size.width or 80) - 4)
        self._readiness(result, avail)
        self._actions(result, avail)
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id in ("ready-table", "actions-table"):
            self._show_row(focused)  # a key held while the pane opened focused it already

    def _tone(self, style: str) -> str:
        """Map the neutral tone names used above onto the current theme's colours."""
        theme = self.app.current_theme
        colours = {
            "green": theme.success or "green",
            "yellow": theme.warning or "yellow",
            "red": theme.error or "red",
        }
        words = style.split()
        return " ".join(colours.get(word, word) for word in words)

    def _finding(self, key: str, title: str, item: Rule | object, text: str = "") -> str:
        rule = getattr(item, "rule", "")
        self._findings[key] = Finding(
            title=title,
            rule=rule,
            source=getattr(item, "source", ""),
            reliability=getattr(item, "reliability", ""),
            assumptions=list(getattr(item, "assumptions", []) or []),
            text=text,
        )
        return key

    def _summary(self, result: Assessment) -> None:
        out = Text()

        def badge(label: str, value: str, style: str) -> None:
            if out:
                out.append("  ")
            out.append(f"{label} ", style="dim")
            out.append(value.upper(), style=style)

        badge("Risk", _words(result.risk.tier), self._tone(TIER_STYLE[result.risk.tier]))
        bh = result.back_home
        badge("Home", LIKELIHOOD_LABELS[bh.likelihood], self._tone(LIKELIHOOD_STYLE[bh.likelihood]))
        badge("Letters", result.letters.verdict, self._tone(_verdict_style(result.letters.verdict)))
        badge(
            "Step 3", _words(result.step3.verdict), self._tone(_verdict_style(result.step3.verdict))
        )
        cycles = result.cycles
        out.append("  ")
        out.append(cycles.label, style=self._tone(_verdict_style(cycles.verdict)))
        if result.archetypes:
            badge("Warnings", str(len(result.archetypes)), self._tone("bold red"))
        self.query_one("#reality-summary", Static).update(out)

    def _table(self, table_id: str) -> DataTable[Text]:
        table: DataTable[Text] = self.query_one(f"#{table_id}", DataTable)
        table.clear(columns=True)
        return table

    def _risk(self, result: Assessment, avail: int) -> None:
        risk = result.risk
        title = Text("Re-entry risk  ")
        title.append(_words(risk.tier).upper(), style=self._tone(TIER_STYLE[risk.tier]))
        self.query_one("#risk-title", Static).update(title)
        self.query_one("#risk-reason", Static).update(risk.reason)
        statement = self.query_one("#risk-statement", Static)
        statement.display = risk.statement is not None
        statement.update(risk.statement or "")
        table = self._table("risk-table")
        table.display = bool(risk.factors)
        if not risk.factors:
            self._finding("risk-table:tier", "Re-entry risk: not applicable", risk, risk.reason)
            return
        factor_w, value_w, level_w = 22, 26, 6
        if self._narrow:
            why_w = avail - factor_w - level_w - 6
            table.add_column(Text("Factor"), width=factor_w, key="factor")
            table.add_column(Text("Level"), width=level_w, key="level")
        else:
            why_w = avail - factor_w - value_w - level_w - 8
            table.add_column(Text("Factor"), width=factor_w, key="factor")
            table.add_column(Text("Your value"), width=value_w, key="value")
            table.add_column(Text("Level"), width=level_w, key="level")
        table.add_column(Text("Why"), width=max(20, why_w), key="why")
        self._finding(
            "risk-table:tier", f"Re-entry risk tier: {_words(risk.tier)}", risk, risk.reason
        )
        for factor in risk.factors:
            key = self._finding(
                f"risk-table:{factor.id}",
                f"{factor.label}: {factor.level}",
                factor,
                f"Your value: {factor.value}. {factor.reason}",
            )
            level = Text(factor.level, style=self._tone(LEVEL_STYLE[factor.level]), justify="left")
            cells = [Text(factor.label)]
            if not self._narrow:
                cells.append(Text(factor.value))
            cells += [level, Text(factor.reason)]
            table.add_row(*cells, key=key, height=None)

    def _home(self, result: Assessment, avail: int) -> None:
        bh = result.back_home
        region = place(self.catalog.region_name(self.profile.targets.region))
        title = Text(f"Back home to {region}  ")
        title.append(
            LIKELIHOOD_LABELS[bh.likelihood].upper(),
            style=self._tone(LIKELIHOOD_STYLE[bh.likelihood]),
        )
        self.query_one("#home-title", Static).update(title)
        table = self._table("home-table")
        item_w = 24
        table.add_column(Text("Item"), width=item_w, key="item")
        table.add_column(Text("Finding"), width=max(20, avail - item_w - 4), key="finding")
        rules = rules_of(self.catalog).back_home
        # The reasons come in a fixed order after the scenario line: ties, away, letters, story.
        parts: list[object] = [bh, rules.ties, rules.away, rules.local_letters, rules.narrative]
        rule_ids = [
            bh.rule,
            "back_home.ties",
            "back_home.away",
            "back_home.local_letters",
            "back_home.narrative",
        ]
        for index, reason in enumerate(bh.reasons):
            item, sep, rest = reason.partition(": ")
            if not sep:  # a sentence with no "Item: " head: name the item, say it once
                item, rest = HOME_ITEMS[min(index, len(HOME_ITEMS) - 1)], reason
            part = parts[min(index, len(parts) - 1)]
            provenance = Finding(
                title=item,
                rule=rule_ids[min(index, len(rule_ids) - 1)],
                source=getattr(part, "source", ""),
                reliability=getattr(part, "reliability", ""),
                assumptions=list(getattr(part, "assumptions", []) or []),
                text=reason,
            )
            key = f"home-table:{index}"
            self._findings[key] = provenance
            table.add_row(Text(item), Text(rest or reason), key=key, height=None)

    def _archetypes(self, result: Assessment, avail: int) -> None:
        count = len(result.archetypes)
        title = Text("Returner warnings  ")
        title.append(
            f"{count} FLAGGED" if count else "NONE",
            style=self._tone("bold red" if count else "green"),
        )
        self.query_one("#arch-title", Static).update(title)
        none = self.query_one("#arch-none", Static)
        none.display = count == 0
        none.update(
            "None of the three returner archetypes (ghost applicant, prestige gambler, "
            "last-second switcher) fits this profile."
        )
        table = self._table("arch-table")
        table.display = count > 0
        name_w = 24
        table.add_column(Text("Warning"), width=name_w, key="name")
        table.add_column(Text("Evidence"), width=max(20, avail - name_w - 4), key="evidence")
        for arch in result.archetypes:
            text = Text(arch.reason, style="bold")
            for item in arch.evidence:
                text.append("\n- " + item, style="")
            key = self._finding(
                f"arch-table:{arch.id}",
                arch.name,
                arch,
                arch.reason + ". " + "; ".join(arch.evidence),
            )
            table.add_row(Text(arch.name, style=self._tone("bold red")), text, key=key, height=None)

    def _readiness(self, result: Assessment, avail: int) -> None:
        table = self._table("ready-table")
        item_w, verdict_w = 22, 11
        table.add_column(Text("Item"), width=item_w, key="item")
        table.add_column(Text("Verdict"), width=verdict_w, key="verdict")
        table.add_column(Text("Why"), width=max(20, avail - item_w - verdict_w - 6), key="why")
        letters = result.letters
        key = self._finding(
            "ready-table:letters",
            f"Letters: {letters.verdict}",
            letters,
            "; ".join(letters.reasons),
        )
        table.add_row(
            Text("Letters"),
            Text(letters.verdict, style=self._tone(_verdict_style(letters.verdict))),
            Text("\n".join(letters.reasons)),
            key=key,
            height=None,
        )
        step3 = result.step3
        key = self._finding(
            "ready-table:step3", f"Step 3: {_words(step3.verdict)}", step3, step3.reason
        )
        table.add_row(
            Text("Step 3"),
            Text(_words(step3.verdict), style=self._tone(_verdict_style(step3.verdict))),
            Text(step3.reason),
            key=key,
            height=None,
        )
        for spec in result.specialties:
            why = Text(spec.reason)
            if spec.pivots:
                names = ", ".join(self.catalog.specialty_name(p) for p in spec.pivots)
                why.append(f"\nMore open: {names}", style="bold")
            key = self._finding(
                f"ready-table:spec:{spec.id}", f"{spec.name}: {spec.feasibility}", spec, spec.reason
            )
            table.add_row(
                Text(f"{spec.rank}. {spec.name}"),
                Text(spec.feasibility, style=self._tone(BAND_STYLE[spec.feasibility])),
                why,
                key=key,
                height=None,
            )
        if not result.specialties:
            table.add_row(
                Text("Specialties"), Text("none"), Text("No target specialty chosen yet.")
            )
        cycles = result.cycles
        key = self._finding(
            "ready-table:cycles", f"Cycles: {_words(cycles.verdict)}", cycles, cycles.reason
        )
        table.add_row(
            Text("Cycles"),
            Text(_words(cycles.verdict), style=self._tone(_verdict_style(cycles.verdict))),
            Text(cycles.reason),
            key=key,
            height=None,
        )
        # The why-home story is judged under Back home; the other two stories here.
        for story in result.stories[1:]:
            reason = story.reason if story.words else "not written yet"
            key = self._finding(
                f"ready-table:story:{story.kind}", f"{story.label}: {story.quality}", story, reason
            )
            table.add_row(
                Text(story.label),
                Text(story.quality, style=self._tone(STORY_STYLE[story.quality])),
                Text(reason),
                key=key,
                height=None,
            )

    def _actions(self, result: Assessment, avail: int) -> None:
        self.query_one("#actions-title", Static).update(
            Text(f"Next actions  {len(result.actions)}, most important first")
        )
        table = self._table("actions-table")
        table.add_column(Text("#"), width=2, key="n")
        table.add_column(Text("Next step"), width=max(20, avail - 6), key="step")
        for action in result.actions:
            text = Text(action.title, style="bold")
            text.append("\n" + action.text, style="")
            text.append("\nbecause: " + action.finding, style="italic")
            key = self._finding(
                f"actions-table:{action.id}",
                f"{action.priority}. {action.title}",
                action,
                f"Raised by: {action.finding} ({action.finding_id})",
            )
            table.add_row(Text(str(action.priority)), text, key=key, height=None)
        if not result.actions:
            table.add_row(Text(""), Text("Nothing pressing: keep the plan going."))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Every table reports its first row when filled; only the focused one speaks.
        if event.data_table.has_focus:
            self._show_row(event.data_table)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if isinstance(event.widget, DataTable):
            self._show_row(event.widget)

    def _show_row(self, table: DataTable[Text]) -> None:
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None and key in self._findings:
            self.query_one("#rule-panel", RulePanel).show(self._findings[key])
