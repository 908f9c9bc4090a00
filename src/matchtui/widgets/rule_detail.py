"""A panel that shows the rule behind a finding: rule id, file and key, its settings, the source
citation and how far to trust it. Shared by any pane that shows Reality-check findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual.widgets import Static

from matchtui.catalog import Catalog
from matchtui.engine.assess import rule_detail
from matchtui.models.base import SOFT_RELIABILITY


@dataclass(frozen=True)
class Finding:
    """What the detail panel needs about one row: the finding and its provenance."""

    title: str
    rule: str
    source: str
    reliability: str
    assumptions: list[str] = field(default_factory=list)
    text: str = ""


# Record keys that hold wording rather than settings: not repeated in the panel.
_WORDING = frozenset({"label", "title", "text", "statement", "summary", "name"})


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return str(value)


def describe(catalog: Catalog, finding: Finding, warn: str = "yellow", good: str = "green") -> Text:
    """Rich text for the panel (user text never passes through markup)."""
    out = Text()
    out.append(finding.title, style="bold")
    if finding.text:
        out.append("\n" + finding.text)
    out.append("\nRule ", style="dim")
    out.append(finding.rule, style="bold")
    detail = rule_detail(catalog, finding.rule)
    if detail is not None:
        out.append(f"  ({detail.file} [{detail.key}])", style="dim")
    out.append("\nSource ", style="dim")
    out.append(catalog.cite(finding.source))
    soft = finding.reliability in SOFT_RELIABILITY
    out.append("\nReliability ", style="dim")
    out.append(finding.reliability, style=f"bold {warn}" if soft else f"bold {good}")
    if finding.reliability == "illustrative":
        out.append(" (a rough figure from an advice article)", style="dim")
    elif finding.reliability == "assumption":
        out.append(" (matchtui's own choice, not a published figure)", style="dim")
    if detail is not None:
        # The rule's thresholds, keys in words ("high min higher: 2"), not as the file spells them.
        settings = [
            _plain(f"{k}: {_show(v)}", catalog)
            for k, v in detail.params.items()
            if k not in _WORDING
        ]
        settings = [s for s in settings if len(s) <= 160]
        if settings:
            out.append("\nSettings ", style="dim")
            out.append("; ".join(settings))
        if detail.source != finding.source:
            out.append("\nRule source ", style="dim")
            out.append(f"{detail.citation} ({detail.reliability})")
    if finding.assumptions:
        out.append("\nAssumed by matchtui ", style="dim")
        out.append("; ".join(_key_words(a) for a in finding.assumptions), style=warn)
    if detail is not None and detail.note:
        out.append("\n" + detail.note, style="italic dim")
    return out


class RulePanel(Static):
    """Shows one finding's rule and source; `show(finding)` to change it. (No default styles:
    the pane's stylesheet places it; a widget class with its own DEFAULT_CSS makes Textual
    re-parse the whole stylesheet when it first mounts.)"""

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(
            Text("Select a row to see its rule and source.", style="dim"), id=id, markup=False
        )
        self._catalog = catalog
        self.finding: Finding | None = None

    def show(self, finding: Finding | None) -> None:
        self.finding = finding
        if finding is None:
            self.update(Text("Select a row to see its rule and source.", style="dim"))
        else:
            theme = self.app.current_theme
            self.update(
                describe(
                    self._catalog,
                    finding,
                    warn=theme.warning or "yellow",
                    good=theme.success or "green",
                )
            )


def _key_words(text: str) -> str:
    """ "lower_max_since = 3" -> "lower max since: 3": a setting's key in words."""
    import re

    return re.sub(
        r"\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\s*=\s*",
        lambda m: m.group(1).replace("_", " ") + ": ",
        text,
    )


def _plain(text: str, catalog: Catalog) -> str:
    """Ids in a rule's settings in words: a specialty id becomes its name, any other
    snake_case id its words ("needs_sponsorship" -> "needs sponsorship")."""
    import re

    def word(match: re.Match[str]) -> str:
        found = match.group(0)
        if found in catalog.specialties:
            return catalog.specialty_name(found)
        return found.replace("_", " ")

    return re.sub(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b", word, text)
