"""The Reality check pane's content, worked out: `build_reality_view(profile, catalog, mix,
today)` runs `assess` and turns its result into a plain `RealityView` (engine.reality_types)
with every text, tone, row key, finding and rule-panel text the pane shows. The only place these
texts are made; the screen only draws them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from matchtui.engine.assess import Records, assess, rule_detail, rules_of, story_shown
from matchtui.engine.reality_types import Cell, Finding, RealityView, Row, Span, Table
from matchtui.models.base import SOFT_RELIABILITY
from matchtui.models.verdict import LIKELIHOOD_LABELS

if TYPE_CHECKING:
    import datetime as dt

    from matchtui.catalog import Catalog
    from matchtui.models.assessment import Assessment, CyclesCheck, Step3Check
    from matchtui.models.plan import MixPlan
    from matchtui.models.profile import Profile

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
STORY_STYLE = {
    "concrete": "green",
    "blames": "yellow",
    "generic": "yellow",
    "missing": "bold red",
    "covered": "green",
}
HOME_ITEMS = ("Scenario", "Ties", "Away rotation", "Local letters", "Why-home story")
GOOD = {"ready", "passed", "scheduled", "first", "within_limit", "not_applicable"}
# Verdicts that ask for attention rather than alarm (a Step 3 date gone by: record the result).
HEEDED = {"last_serious", "date_passed"}
FIRST_KEY = "risk-table:tier"  # the rule panel starts on the tier's own rule

# Tones of the rule panel: a soft reliability and matchtui's assumptions warn.
WARN, GOOD_TONE = "yellow", "green"


def _verdict_style(verdict: str) -> str:
    return "green" if verdict in GOOD else ("yellow" if verdict in HEEDED else "bold red")


def _words(value: str) -> str:
    return value.replace("_", " ")


def _plain_cell(text: str, tone: str = "") -> Cell:
    return ((text, tone),)


def build_reality_view(
    profile: Profile,
    catalog: Catalog,
    mix: MixPlan | None,
    today: dt.date | None = None,
    records: Records | None = None,
) -> RealityView:
    """The Reality check pane's content for `profile` and the saved program mix (as of
    `today`; the next actions follow `records`, as `engine.assess.assess` reads them)."""
    return reality_view(assess(profile, catalog, mix, today, records), profile, catalog)


def reality_view(result: Assessment, profile: Profile, catalog: Catalog) -> RealityView:
    """The pane's content for an assessment already made (of `profile`)."""
    return _Builder(result, profile, catalog).view()


class _Builder:
    def __init__(self, result: Assessment, profile: Profile, catalog: Catalog) -> None:
        self.result = result
        self.profile = profile
        self.catalog = catalog
        self.findings: dict[str, Finding] = {}

    def view(self) -> RealityView:
        result = self.result
        risk = result.risk
        risk_table = self._risk()
        home_title, home = self._home()
        arch_title, arch = self._archetypes()
        ready = self._readiness()
        actions = self._actions()
        return RealityView(
            summary=self._summary(),
            risk_title=(
                ("Re-entry risk  ", ""),
                (_words(risk.tier).upper(), TIER_STYLE[risk.tier]),
            ),
            risk_reason=risk.reason,
            risk_statement=risk.statement,
            risk=risk_table,
            home_title=home_title,
            home=home,
            arch_title=arch_title,
            arch_none=not result.archetypes,
            arch=arch,
            ready=ready,
            actions_title=_plain_cell(f"Next actions  {len(result.actions)}, most important first"),
            actions=actions,
            findings=self.findings,
            details={key: describe(self.catalog, f) for key, f in self.findings.items()},
            first_key=FIRST_KEY,
        )

    def _finding(self, key: str, title: str, item: object, text: str = "") -> str:
        self.findings[key] = Finding(
            title=title,
            rule=getattr(item, "rule", ""),
            source=getattr(item, "source", ""),
            reliability=getattr(item, "reliability", ""),
            assumptions=tuple(getattr(item, "assumptions", []) or []),
            text=text,
        )
        return key

    def _summary(self) -> Cell:
        result = self.result
        out: list[Span] = []

        def badge(label: str, value: str, tone: str) -> None:
            if out:
                out.append(("  ", ""))
            out.append((f"{label} ", "dim"))
            out.append((value.upper(), tone))

        badge("Risk", _words(result.risk.tier), TIER_STYLE[result.risk.tier])
        bh = result.back_home
        where = "Region" if bh.new_region else "Home"
        badge(where, LIKELIHOOD_LABELS[bh.likelihood], LIKELIHOOD_STYLE[bh.likelihood])
        badge("Letters", result.letters.verdict, _verdict_style(result.letters.verdict))
        badge(result.step3.exam, _words(result.step3.verdict), _verdict_style(result.step3.verdict))
        cycles = result.cycles
        out.append(("  ", ""))
        out.append((cycles.label, _verdict_style(cycles.verdict)))
        if result.archetypes:
            badge("Warnings", str(len(result.archetypes)), "bold red")
        return tuple(out)

    def _risk(self) -> Table:
        risk = self.result.risk
        if not risk.factors:
            self._finding(FIRST_KEY, "Re-entry risk: not applicable", risk, risk.reason)
            return Table()
        self._finding(FIRST_KEY, f"Re-entry risk tier: {_words(risk.tier)}", risk, risk.reason)
        rows: list[Row] = []
        for factor in risk.factors:
            key = self._finding(
                f"risk-table:{factor.id}",
                f"{factor.label}: {factor.level}",
                factor,
                f"Your value: {factor.value}. {factor.reason}",
            )
            cells = (
                _plain_cell(factor.label),
                _plain_cell(factor.value),
                _plain_cell(factor.level, LEVEL_STYLE[factor.level]),
                _plain_cell(factor.reason),
            )
            rows.append(Row(key, cells))
        columns = (
            ("factor", "Factor"),
            ("value", "Your value"),
            ("level", "Level"),
            ("why", "Why"),
        )
        return Table(columns, tuple(rows))

    def _home(self) -> tuple[Cell, Table]:
        bh = self.result.back_home
        label = LIKELIHOOD_LABELS[bh.likelihood]
        title = ((f"{bh.heading}  ", ""), (label.upper(), LIKELIHOOD_STYLE[bh.likelihood]))
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
        rows: list[Row] = []
        for index, reason in enumerate(bh.reasons):
            item, sep, rest = reason.partition(": ")
            if not sep:  # a sentence with no "Item: " head: name the item, say it once
                item, rest = HOME_ITEMS[min(index, len(HOME_ITEMS) - 1)], reason
            part = parts[min(index, len(parts) - 1)]
            key = f"home-table:{index}"
            self.findings[key] = Finding(
                title=item,
                rule=rule_ids[min(index, len(rule_ids) - 1)],
                source=getattr(part, "source", ""),
                reliability=getattr(part, "reliability", ""),
                assumptions=tuple(getattr(part, "assumptions", []) or []),
                text=reason,
            )
            rows.append(Row(key, (_plain_cell(item), _plain_cell(rest or reason))))
        return title, Table((("item", "Item"), ("finding", "Finding")), tuple(rows))

    def _archetypes(self) -> tuple[Cell, Table]:
        archetypes = self.result.archetypes
        count = len(archetypes)
        title = (
            ("Returner warnings  ", ""),
            (f"{count} FLAGGED" if count else "NONE", "bold red" if count else "green"),
        )
        rows: list[Row] = []
        for arch in archetypes:
            # All of the evidence is bold, as the reason heading it.
            evidence: Cell = ((arch.reason, "bold"),)
            evidence += tuple(("\n- " + item, "bold") for item in arch.evidence)
            key = self._finding(
                f"arch-table:{arch.id}",
                arch.name,
                arch,
                arch.reason + ". " + "; ".join(arch.evidence),
            )
            rows.append(Row(key, (_plain_cell(arch.name, "bold red"), evidence)))
        return title, Table((("name", "Warning"), ("evidence", "Evidence")), tuple(rows))

    def _readiness(self) -> Table:
        result = self.result
        rows: list[Row] = []

        def row(key: str | None, item: str, verdict: Cell, why: Cell) -> None:
            rows.append(Row(key, (_plain_cell(item), verdict, why)))

        letters = result.letters
        key = self._finding(
            "ready-table:letters",
            f"Letters: {letters.verdict}",
            letters,
            "; ".join(letters.reasons),
        )
        row(
            key,
            "Letters",
            _plain_cell(letters.verdict, _verdict_style(letters.verdict)),
            _plain_cell("\n".join(letters.reasons)),
        )

        def verdict_row(kind: str, label: str, item: Step3Check | CyclesCheck) -> None:
            title = f"{label}: {_words(item.verdict)}"
            key = self._finding(f"ready-table:{kind}", title, item, item.reason)
            verdict = _plain_cell(_words(item.verdict), _verdict_style(item.verdict))
            row(key, label, verdict, _plain_cell(item.reason))

        verdict_row("step3", result.step3.exam, result.step3)
        if (scores := result.score_note) is not None:
            key = self._finding(
                "ready-table:scores", "Exam scores: own scale, not converted", scores, scores.text
            )
            row(key, "Exam scores", _plain_cell("own scale", "yellow"), _plain_cell(scores.text))
        for spec in result.specialties:
            why: Cell = _plain_cell(spec.reason)
            if spec.pivots:
                names = ", ".join(self.catalog.specialty_name(p) for p in spec.pivots)
                why += ((f"\nMore open: {names}", "bold"),)
            key = self._finding(
                f"ready-table:spec:{spec.id}", f"{spec.name}: {spec.feasibility}", spec, spec.reason
            )
            row(
                key,
                f"{spec.rank}. {spec.name}",
                _plain_cell(spec.feasibility, BAND_STYLE[spec.feasibility]),
                why,
            )
        if not result.specialties:
            row(
                None,
                "Specialties",
                _plain_cell("none"),
                _plain_cell("No target specialty chosen yet."),
            )
        verdict_row("cycles", "Cycles", result.cycles)
        # The why-home story is judged under Back home; the other two stories here.
        for story in result.stories[1:]:
            reason = story_shown(story)
            key = self._finding(
                f"ready-table:story:{story.kind}", f"{story.label}: {story.quality}", story, reason
            )
            row(
                key,
                story.label,
                _plain_cell(story.quality, STORY_STYLE[story.quality]),
                _plain_cell(reason),
            )
        columns = (("item", "Item"), ("verdict", "Verdict"), ("why", "Why"))
        return Table(columns, tuple(rows))

    def _actions(self) -> Table:
        rows: list[Row] = []
        for action in self.result.actions:
            # The whole step is bold, its "because" line bold italic.
            step: Cell = (
                (action.title, "bold"),
                ("\n" + action.text, "bold"),
                ("\nbecause: " + action.finding, "bold italic"),
            )
            key = self._finding(
                f"actions-table:{action.id}",
                f"{action.priority}. {action.title}",
                action,
                f"Raised by: {action.finding} ({action.finding_id})",
            )
            rows.append(Row(key, (_plain_cell(str(action.priority)), step)))
        if not self.result.actions:
            rows.append(
                Row(None, (_plain_cell(""), _plain_cell("Nothing pressing: keep the plan going.")))
            )
        return Table((("n", "#"), ("step", "Next step")), tuple(rows))


# --- the rule panel's text --------------------------------------------------------------------

# Record keys that hold wording rather than settings: not repeated in the panel.
_WORDING = frozenset({"label", "title", "text", "statement", "summary", "name", "variants"})


def describe(catalog: Catalog, finding: Finding) -> Cell:
    """The rule panel's text for a finding: its rule, file and key, settings, source and how far
    to trust it (a soft reliability and matchtui's assumptions in the warning tone)."""
    out: list[Span] = []

    def add(text: str, tone: str = "") -> None:
        out.append((text, tone))

    add(finding.title, "bold")
    if finding.text:
        add("\n" + finding.text)
    add("\nRule ", "dim")
    add(finding.rule, "bold")
    detail = rule_detail(catalog, finding.rule)
    if detail is not None:
        add(f"  ({detail.file} [{detail.key}])", "dim")
    add("\nSource ", "dim")
    add(catalog.cite(finding.source))
    soft = finding.reliability in SOFT_RELIABILITY
    add("\nReliability ", "dim")
    add(finding.reliability, f"bold {WARN}" if soft else f"bold {GOOD_TONE}")
    if finding.reliability == "illustrative":
        add(" (a rough figure from an advice article)", "dim")
    elif finding.reliability == "assumption":
        add(" (matchtui's own choice, not a published figure)", "dim")
    if detail is not None:
        # The rule's thresholds, keys in words ("high min higher: 2"), not as the file spells them.
        # Wording ("graduate_text") is not a setting, nor is one left unset ("unless: []").
        settings = [
            _plain(f"{k}: {_show(v)}", catalog)
            for k, v in detail.params.items()
            if k not in _WORDING
            and not k.endswith(("_title", "_text", "_label"))
            and v not in ("", None, [], {})
        ]
        settings = [s for s in settings if len(s) <= 160]
        if settings:
            add("\nSettings ", "dim")
            add("; ".join(settings))
        if detail.source != finding.source:
            add("\nRule source ", "dim")
            add(f"{detail.citation} ({detail.reliability})")
    if finding.assumptions:
        add("\nAssumed by matchtui ", "dim")
        add("; ".join(_key_words(a) for a in finding.assumptions), WARN)
    if detail is not None and detail.note:
        add("\n" + detail.note, "italic dim")
    return tuple(out)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return str(value)


_SETTING = re.compile(r"\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\s*=\s*")
_ID = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def _key_words(text: str) -> str:
    """ "lower_max_since = 3" -> "lower max since: 3": a setting's key in words."""
    return _SETTING.sub(lambda m: m.group(1).replace("_", " ") + ": ", text)


def _plain(text: str, catalog: Catalog) -> str:
    """Ids in a rule's settings in words: a specialty id becomes its name, any other
    snake_case id its words ("needs_sponsorship" -> "needs sponsorship")."""

    def word(match: re.Match[str]) -> str:
        found = match.group(0)
        if found in catalog.specialties:
            return catalog.specialty_name(found)
        return found.replace("_", " ")

    return _ID.sub(word, text)
