"""Every text/background pair the panes draw, in every theme matchtui offers, reaches WCAG AA:
4.5:1 (3:1 for bold headings). Each visible widget renders its lines through Textual's public
`Widget.render_lines`; every segment with visible text is measured with its own colours (dim
text is blended the way Textual dims it). A failure names the pane, the widget and the colours.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.constants import DIM_FACTOR
from textual.geometry import Region
from textual.widgets import TabbedContent

from matchtui.app import MatchApp
from matchtui.models.programs import Program
from matchtui.panes import PANES
from matchtui.themes import CURATED_THEMES
from tests.test_applications_pane import seed as seed_applications
from tests.test_ranklist_pane import write_tracker

TODAY = dt.date(2026, 11, 23)
RGB = tuple[int, int, int]

# Glyphs that draw lines, bars and borders rather than words (WCAG's text rule does not cover
# them); a segment made only of these is skipped.
DRAWING = set("▔▁▎▊▏▕─━╸╺│┃┆┊╭╮╰╯┤├┬┴┼┌┐└┘▄▀█░▒▓▂▃▅▆▇▐▌•·●◆★▲▼⭘ ")
# Widgets whose text is, by design, the state of a control rather than words: the X of a
# checkbox or a selection list item is drawn faint when off. Disabled controls are exempt from
# the contrast rule (WCAG 1.4.3: "part of an inactive user interface component").
STATE_GLYPHS = {"X"}


def _linear(channel: int) -> float:
    v = channel / 255
    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(color: Any) -> RGB:
    true = color.get_truecolor()
    return (true.red, true.green, true.blue)


def drawn_pairs(app: MatchApp) -> list[tuple[str, str, RGB, RGB, bool]]:
    """(widget, text, foreground, background, bold) for every run of words on the screen."""
    found: list[tuple[str, str, RGB, RGB, bool]] = []
    for widget in app.screen.query("*"):
        if not widget.display or not widget.region or widget.disabled:
            continue
        name = f"{type(widget).__name__}#{widget.id}"
        # A line that draws a bar's buttons until it is reached (Profile's BarLine): the labels
        # of its disabled buttons are exempt, as the disabled buttons themselves are.
        inactive = {b.label.plain for b in getattr(widget, "buttons", ()) if b.disabled}
        width, height = widget.size
        for strip in widget.render_lines(Region(0, 0, width, height)):
            for segment in strip:
                text, style = segment.text.strip(), segment.style
                if not text or style is None or style.color is None or style.bgcolor is None:
                    continue
                if set(text) <= DRAWING or text in STATE_GLYPHS or text in inactive:
                    continue
                fg, bg = _rgb(style.color), _rgb(style.bgcolor)
                if style.dim:
                    fg = tuple(  # type: ignore[assignment]
                        round(f * DIM_FACTOR + b * (1 - DIM_FACTOR))
                        for f, b in zip(fg, bg, strict=True)
                    )
                found.append((name, text, fg, bg, bool(style.bold)))
    return found


def _hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


@pytest.mark.parametrize("theme", CURATED_THEMES)
@pytest.mark.parametrize("pane", [p.id for p in PANES])
async def test_every_drawn_pair_reaches_aa(
    workspace: Any, home: Any, pane: str, theme: str
) -> None:
    # Start in the theme, as a user who chose it would (panes colour some text when built).
    workspace.save_settings({"theme": theme})
    app = MatchApp(workspace, first_pane=pane, today=TODAY)
    failures: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        built = getattr(app.screen, "form_built", None)
        if built is not None:
            await built()  # Profile builds what is below its first screen just after it
            await pilot.pause()
        assert app.theme == theme
        seen: set[tuple[str, RGB, RGB]] = set()
        for name, text, fg, bg, bold in drawn_pairs(app):
            ratio = contrast(fg, bg)
            if ratio >= (3.0 if bold and name.endswith("title") else 4.5):
                continue
            if (name, fg, bg) in seen:
                continue
            seen.add((name, fg, bg))
            failures.append(
                f"{theme} {pane} {name}: {text[:30]!r} {_hex(fg)} on {_hex(bg)} = {ratio:.2f}"
            )
    assert not failures, "\n".join(failures)


def _low_pairs(app: MatchApp, where: str) -> list[str]:
    low: list[str] = []
    for name, text, fg, bg, bold in drawn_pairs(app):
        ratio = contrast(fg, bg)
        if ratio < (3.0 if bold and name.endswith("title") else 4.5):
            low.append(f"{where} {name}: {text[:30]!r} {_hex(fg)} on {_hex(bg)} = {ratio:.2f}")
    return sorted(set(low))


TABS = {
    "applications": ("apps-list", "apps-today", "apps-yields", "apps-costs"),
    "ranklist": ("tab-list", "tab-criteria", "tab-compare", "tab-soap"),
    "plan": ("tab-timeline", "tab-routes", "tab-planb", "tab-dates"),
}


@pytest.mark.parametrize("theme", CURATED_THEMES)
@pytest.mark.parametrize("pane", list(TABS))
async def test_every_tab_with_data_reaches_aa_and_follows_a_theme_switch(
    workspace: Any, home: Any, pane: str, theme: str
) -> None:
    """Every tab, with programs in the tracker: the Today view's alerts (fixed red, 4.5:1 in
    dark), the rank list's warnings (fixed yellow, 2.1:1 in light), the plan's muted text on the
    key-dates cursor (dim, 3.2:1) and its overdue marks on the timeline cursor (1.3:1). Then the
    other theme, switched to while the pane is open."""
    if pane == "applications":
        seed_applications(workspace)  # two interviews on one day: a clash
        programs = workspace.load_programs()
        programs.programs.append(
            Program(
                name="Waiting Invite",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                status="invited",
                invited_on=dt.date(2026, 11, 20),
                respond_by=dt.date(2026, 11, 24),
            )
        )
        workspace.save_programs(programs)
    elif pane == "ranklist":
        write_tracker(home)
    workspace.save_settings({"theme": theme})
    app = MatchApp(workspace, first_pane=pane, today=TODAY)
    other = next(t for t in CURATED_THEMES if t != theme)
    failures: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if pane == "ranklist":  # a program the tracker does not know: a warning line
            await pilot.press("a", *"Nowhere General", "enter")
            await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        for current in (theme, other):
            app.theme = current
            for tab in TABS[pane]:
                tabs.active = tab
                await pilot.pause()
                failures += _low_pairs(app, f"{current} {pane}/{tab}")
    assert not failures, "\n".join(failures)


def test_contrast_formula() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


async def test_switching_theme_recolours_the_reality_check(workspace: Any) -> None:
    """The Reality check colours its verdicts from the theme: a switch must redraw them (they
    stayed dark-theme green and amber on light grey, about 1.5:1)."""
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        low = [
            (name, text, round(contrast(fg, bg), 2))
            for name, text, fg, bg, _ in drawn_pairs(app)
            if contrast(fg, bg) < 4.5
        ]
        assert not low


@pytest.mark.parametrize("theme", CURATED_THEMES)
async def test_a_high_risk_returners_red_verdicts_reach_aa(
    workspace: Any, demo_profile: Any, theme: str
) -> None:
    """The Reality check's red verdicts ("HIGH", "higher", "missing") for a graduate twelve
    years out with two unmatched cycles, no Step 3 and an observership: in the dark theme they
    were drawn in its error colour (#A8334F, made for fills) at 2.2-2.7:1."""
    update = {
        "applicant": demo_profile.applicant.model_copy(
            update={"situation": "not_in_training", "graduation_year": 2015}
        ),
        "exams": demo_profile.exams.model_copy(
            update={"step3": "not_taken", "step3_date": None, "total_failures": 1}
        ),
        "clinical": demo_profile.clinical.model_copy(
            update={"role": "observership", "months_last_24": 2, "months_since_last": 1}
        ),
        "letters": [],
    }
    workspace.save_profile(demo_profile.model_copy(update=update))
    workspace.save_settings({"theme": theme})
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        drawn = drawn_pairs(app)
        assert any(text in ("HIGH", "higher") for _, text, *_ in drawn)  # the red verdicts
        assert not _low_pairs(app, theme)
