"""The Reality check as plain data: everything the pane draws, worked out, and nothing to work out
at draw time. Built by `engine.reality_view.build_reality_view`; drawn by
`screens.reality.RealityScreen.show_view`. Standard library only (no pydantic, Textual, Rich,
models, catalog or engine), so a view can be made in another process, pickled, and drawn by a
parent that has imported none of them.

A view is theme-free: a tone is a neutral style string ("green", "yellow", "bold red", "dim",
"bold", "italic", "" ...); the screen maps green, yellow and red onto the current theme when it
draws."""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[str, str]
"""(text, tone): a piece of text and its neutral style."""

Cell = tuple[Span, ...]
"""A styled text, span after span (the text may hold line breaks)."""


@dataclass(frozen=True)
class Finding:
    """What the detail panel needs about one row: the finding and its provenance."""

    title: str
    rule: str
    source: str
    reliability: str
    assumptions: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Row:
    """One table row: its key (the finding it shows, or None for a row with no rule) and one
    cell per column of the table, in the table's column order."""

    key: str | None
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table's columns as (key, label), and its rows. Column widths are the screen's (they
    depend on the terminal's width)."""

    columns: tuple[tuple[str, str], ...] = ()
    rows: tuple[Row, ...] = ()


@dataclass(frozen=True)
class RealityView:
    """Everything the Reality check pane draws.

    The risk table carries the applicant's own values in its "value" column; the screen drops
    that column (and its cells) in a narrow terminal. `findings` and `details` are keyed by row
    key: a row's finding (its provenance) and the rule panel's text for it. Not to be mutated."""

    summary: Cell
    risk_title: Cell
    risk_reason: str
    risk_statement: str | None
    risk: Table  # no columns nor rows when the risk sheet does not apply
    home_title: Cell
    home: Table
    arch_title: Cell
    arch_none: bool  # no returner archetype fits: the pane says so in words
    arch: Table
    ready: Table
    actions_title: Cell
    actions: Table
    findings: dict[str, Finding] = field(default_factory=dict)
    details: dict[str, Cell] = field(default_factory=dict)
    first_key: str = ""  # the finding the rule panel shows when the view is drawn
