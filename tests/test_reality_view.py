"""The Reality check as a plain view: the pane's module imports no models, a view pickles, a pane
given a view draws what the pane computes itself (with no profile), and the builder's rows say
what the pane has always said, for a student, a graduate years out, an IMG and returners."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import subprocess
import sys
from typing import Any

import pytest
from textual.geometry import Region
from textual.widgets import DataTable, Static

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from matchtui.engine.reality_types import Cell, RealityView
from matchtui.engine.reality_view import build_reality_view
from matchtui.models.assessment import Assessment
from matchtui.models.plan import MixPlan
from matchtui.models.profile import Profile
from matchtui.screens.reality import RealityScreen
from tests.test_assess_engine import CONCRETE_STORY, make

TODAY = dt.date(2026, 11, 23)


def plain(cell: Cell) -> str:
    return "".join(text for text, _ in cell)


# --- (a) what the pane's module imports -------------------------------------------------------


def test_the_pane_and_the_view_types_import_no_models() -> None:
    code = (
        "import json, sys\n"
        "import matchtui.screens.reality, matchtui.engine.reality_types\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert "matchtui.screens.reality" in loaded and "matchtui.widgets.rule_detail" in loaded
    heavy = {
        name
        for name in loaded
        if name.split(".")[0] in ("pydantic", "pydantic_core")
        or name.startswith(("matchtui.models", "matchtui.catalog", "matchtui.engine.assess"))
        or name == "matchtui.engine.reality_view"
    }
    assert heavy == set()


# --- (b) a view pickles -----------------------------------------------------------------------


def test_a_view_pickles_and_unpickles_equal(catalog: Catalog, demo_profile: Profile) -> None:
    view = build_reality_view(demo_profile, catalog, None)
    data = pickle.dumps(view)
    assert pickle.loads(data) == view
    assert build_reality_view(demo_profile, catalog, None) == view  # deterministic
    # Unpickled where nothing but the view types is imported: no pydantic, no models.
    code = (
        "import json, pickle, sys\n"
        "view = pickle.loads(sys.stdin.buffer.read())\n"
        "print(json.dumps([type(view).__name__, len(view.findings), sorted(sys.modules)]))"
    )
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True)
    name, count, loaded = json.loads(out.stdout)
    assert (name, count) == ("RealityView", len(view.findings))
    assert not [m for m in loaded if m.startswith(("pydantic", "matchtui.models", "rich"))]


# --- (c) a given view draws what the pane computes --------------------------------------------


def drawn(screen: Any) -> dict[str, Any]:
    """Every section of the pane as drawn: each line's text and style, and the tables' columns."""

    def lines(widget: Any) -> Any:
        if not widget.display:
            return "hidden"
        region = Region(0, 0, widget.size.width, widget.size.height)
        return [[(s.text, str(s.style)) for s in strip] for strip in widget.render_lines(region)]

    out: dict[str, Any] = {
        f"{index}:{widget.id}": lines(widget)
        for index, widget in enumerate(screen.query("#reality-scroll > *"))
    }
    for table in screen.query(DataTable):
        out[f"{table.id}:columns"] = [(str(c.label), c.width) for c in table.ordered_columns]
    out["panel"] = lines(screen.query_one("#rule-panel"))
    return out


async def test_a_given_view_draws_what_the_pane_computes_without_a_profile(
    workspace: Any, demo_profile: Profile
) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        computed = app.screen
        assert isinstance(computed, RealityScreen) and computed.view is not None
        view = computed.view
        expected = drawn(computed)
        await pilot.press("r", "down")
        await pilot.pause()
        expected_panel = drawn(computed)["panel"]
        profile = app.profile
        assert profile is not None
        app.profile = None  # drawing a view needs no profile (the pane would fail to compute one)
        given = RealityScreen(view=pickle.loads(pickle.dumps(view)))
        await app.push_screen(given)
        await pilot.pause()
        await pilot.pause()
        assert given.view == view and given.assessment is None  # drawn, not computed
        assert drawn(given) == expected
        await pilot.press("r", "down")
        await pilot.pause()
        assert drawn(given)["panel"] == expected_panel
        # A resize or a theme change redraws the same view, still with no profile.
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        risk = given.query_one("#risk-table", DataTable)
        assert [str(c.label) for c in risk.ordered_columns] == ["Factor", "Level", "Why"]
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        assert given.view == view and given.assessment is None
        # The profile arrives: the pane computes the same view and leaves the drawing alone.
        draws: list[RealityView] = []
        show_view = given.show_view

        def counted(new: RealityView) -> None:
            draws.append(new)
            show_view(new)

        given.show_view = counted  # type: ignore[method-assign]
        app.profile = profile
        await pilot.pause()
        assert given.assessment is not None and given.view == view and draws == []
        # A different profile is drawn.
        changed = profile.model_copy(deep=True)
        changed.targets.specialties = ["dermatology"]
        app.profile = changed
        await pilot.pause()
        assert len(draws) == 1 and given.view == draws[0] != view
        first = str(given.query_one("#actions-table", DataTable).get_row_at(0)[1])
        assert "Change the target specialty" in first


async def test_a_given_view_is_drawn_as_the_first_pane_computes_it(workspace: Any) -> None:
    # At 80x24 too (the "your value" column dropped) and the lower sections filled after the
    # first frame, as when the pane computes its own view.
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        computed = app.screen
        assert isinstance(computed, RealityScreen) and computed.view is not None
        expected = drawn(computed)
        given = RealityScreen(view=computed.view)
        await app.push_screen(given)
        await pilot.pause()
        assert given.has_class("-narrow")
        assert drawn(given) == expected
        assert "MODERATE" in str(given.query_one("#risk-title", Static).render())


# --- (d) the builder's rows for different profiles --------------------------------------------

GAMBLER_MIX = MixPlan(
    specialty="internal_medicine",
    applications=40,
    academic_pct=60,
    mid_tier_pct=30,
    community_pct=10,
    region_share_pct=70,
)

PROFILES: dict[str, tuple[dict[str, Any], MixPlan | None]] = {
    "student": ({"applicant__stage": "student", "applicant__graduation_year": 2027}, None),
    "years_out": (
        {
            "applicant__graduation_year": 2019,
            "exams__step1_attempts": 2,
            "exams__step3": "not_taken",
            "exams__step3_year": None,
            "targets__specialties": ["dermatology"],
            "clinical": {"role": "nonclinical", "months_last_24": 0, "months_since_last": 60},
            "history": {"cycles_applied": 2, "last_outcome": "unmatched", "soap": False},
        },
        None,
    ),
    "img": ({"applicant__degree": "non_us_img", "applicant__visa": "needs_sponsorship"}, None),
    "returner_flagged": (
        {
            "applicant__current_region": "south",
            "applicant__region_decided": "m4_late",
            "letters": [{"specialty": "internal_medicine", "region": "south", "months_ago": 3}],
            "rotations": [{"region": "south", "status": "done"}],
            "ties": [{"kind": "grew_up", "region": "midwest"}],
            "narrative__why_home": "I just really like your city.",
        },
        GAMBLER_MIX,
    ),
    "returner_ready": (
        {
            "applicant__current_region": "south",
            "ties": [
                {"kind": "family", "region": "midwest"},
                {"kind": "grew_up", "region": "midwest"},
            ],
            "rotations": [{"region": "midwest", "status": "done"}],
            "narrative__why_home": CONCRETE_STORY,
        },
        None,
    ),
}


def expected_findings(result: Assessment) -> dict[str, str]:
    """Row key -> finding title, as the pane has always keyed and titled its rows."""
    risk = result.risk
    out = {
        "risk-table:tier": f"Re-entry risk tier: {risk.tier.replace('_', ' ')}"
        if risk.factors
        else "Re-entry risk: not applicable"
    }
    out |= {f"risk-table:{f.id}": f"{f.label}: {f.level}" for f in risk.factors}
    for index, reason in enumerate(result.back_home.reasons):
        head, sep, _ = reason.partition(": ")
        out[f"home-table:{index}"] = head if sep else "?"  # a sentence: named by position
    out |= {f"arch-table:{a.id}": a.name for a in result.archetypes}
    out["ready-table:letters"] = f"Letters: {result.letters.verdict}"
    out["ready-table:step3"] = f"Step 3: {result.step3.verdict.replace('_', ' ')}"
    out |= {f"ready-table:spec:{s.id}": f"{s.name}: {s.feasibility}" for s in result.specialties}
    out["ready-table:cycles"] = f"Cycles: {result.cycles.verdict.replace('_', ' ')}"
    out |= {f"ready-table:story:{s.kind}": f"{s.label}: {s.quality}" for s in result.stories[1:]}
    out |= {f"actions-table:{a.id}": f"{a.priority}. {a.title}" for a in result.actions}
    return out


@pytest.mark.parametrize("name", list(PROFILES))
def test_rows_say_what_the_pane_said(catalog: Catalog, name: str) -> None:
    changes, mix = PROFILES[name]
    profile = make(**changes)
    result = assess(profile, catalog, mix)
    view = build_reality_view(profile, catalog, mix)
    titles = expected_findings(result)
    sentences = {k for k, title in titles.items() if title == "?"}
    assert list(view.findings) == list(titles)
    assert {k: f.title for k, f in view.findings.items() if k not in sentences} == {
        k: t for k, t in titles.items() if k not in sentences
    }
    # Every row is keyed by its finding (but the placeholder rows), every finding has its rule's
    # text for the panel, headed by its title and naming its rule.
    keys = [
        row.key
        for table in (view.risk, view.home, view.arch, view.ready, view.actions)
        for row in table.rows
        if row.key is not None
    ]
    assert keys == [k for k in titles if k != "risk-table:tier"]
    assert view.first_key == "risk-table:tier"
    for key, finding in view.findings.items():
        detail = view.details[key]
        assert detail[0] == (finding.title, "bold")
        assert ("\nRule ", "dim") in detail and (finding.rule, "bold") in detail
    # The risk rows: label, the applicant's value, level (in its tone), why.
    for row, factor in zip(view.risk.rows, result.risk.factors, strict=True):
        assert [plain(cell) for cell in row.cells] == [
            factor.label,
            factor.value,
            factor.level,
            factor.reason,
        ]
    assert [key for key, _ in view.risk.columns] == (
        ["factor", "value", "level", "why"] if result.risk.factors else []
    )
    assert plain(view.risk_title) == f"Re-entry risk  {result.risk.tier.replace('_', ' ').upper()}"
    assert view.risk_reason == result.risk.reason
    assert view.risk_statement == result.risk.statement
    assert plain(view.home_title).startswith("Back home to the Midwest  ")
    assert view.arch_none == (not result.archetypes)
    summary = plain(view.summary)
    assert summary.startswith(f"Risk {result.risk.tier.replace('_', ' ').upper()}  Home ")
    assert ("Warnings ", "dim") in view.summary if result.archetypes else "Warnings" not in summary
    assert plain(view.actions_title) == f"Next actions  {len(result.actions)}, most important first"


def test_each_profile_reads_as_before(catalog: Catalog) -> None:
    def view_of(name: str) -> RealityView:
        changes, mix = PROFILES[name]
        profile = make(**changes)
        return build_reality_view(profile, catalog, mix)

    student = view_of("student")
    assert student.risk.rows == () and student.risk_title[1] == ("NOT APPLICABLE", "dim")
    assert "graduates" in student.risk_reason
    assert student.home.rows[0].cells[0] == (("Scenario", ""),)
    assert "You already study in the Midwest" in plain(student.home.rows[0].cells[1])
    assert [plain(c) for c in student.actions.rows[0].cells] == [
        "",
        "Nothing pressing: keep the plan going.",
    ]

    years = view_of("years_out")
    assert years.risk_title[1] == ("HIGH", "bold red")
    assert years.risk_statement is not None and "essay" in years.risk_statement
    derm = years.ready.rows[2]
    assert derm.key == "ready-table:spec:dermatology"
    assert derm.cells[:2] == ((("1. Dermatology", ""),), (("reach", "bold red"),))
    assert derm.cells[2][1] == (
        "\nMore open: Internal Medicine, Family Medicine, Psychiatry",
        "bold",
    )
    first = years.actions.rows[0]
    assert first.key == "actions-table:pivot_specialty"
    assert first.cells[0] == (("1", ""),)
    assert first.cells[1][0][1] == "bold" and first.cells[1][-1][1] == "bold italic"
    assert first.cells[1][-1][0].startswith("\nbecause: ")

    img = view_of("img")
    visa = img.risk.rows[-1]
    assert visa.key == "risk-table:visa"
    assert visa.cells[1:3] == ((("needs sponsorship", ""),), (("higher", "bold red"),))
    assert "actions-table:visa_programs" in img.findings
    assert img.findings["risk-table:visa"].rule == "risk.visa"

    flagged = view_of("returner_flagged")
    assert flagged.arch_title == (("Returner warnings  ", ""), ("3 FLAGGED", "bold red"))
    names = [row.cells[0] for row in flagged.arch.rows]
    assert names == [
        (("The ghost applicant", "bold red"),),
        (("The prestige gambler", "bold red"),),
        (("The last-second switcher", "bold red"),),
    ]
    gambler = flagged.arch.rows[1].cells[1]
    assert all(tone == "bold" for _, tone in gambler)  # the evidence is bold, as its reason
    assert any(text.startswith("\n- Saved program mix") for text, _ in gambler)
    assert flagged.summary[-2:] == (("Warnings ", "dim"), ("3", "bold red"))
    assert "your city" in plain(flagged.home.rows[-1].cells[1])

    ready = view_of("returner_ready")
    assert ready.arch_none and ready.arch.rows == ()
    assert ready.arch_title == (("Returner warnings  ", ""), ("NONE", "green"))
    assert ready.home_title[1] == ("VERY HIGH", "green")
    detail = ready.details["home-table:0"]
    assert ("\nReliability ", "dim") in detail


async def test_a_plan_change_that_keeps_the_mix_does_not_work_the_check_out_again(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Rank list sets the app's plan on every change (its list is in plan.toml); the check
    reads only the mix, so a built Reality pane works it out again only when the mix changes."""
    import matchtui.engine.assess as assess_module

    app = MatchApp(workspace, first_pane="reality", today=dt.date(2026, 11, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        calls: list[int] = []
        real = assess_module.assess

        def counted(*args: Any, **kwargs: Any) -> Any:
            calls.append(1)
            return real(*args, **kwargs)

        monkeypatch.setattr(assess_module, "assess", counted)
        plan = app.plan
        assert plan is not None
        app.plan = plan.model_copy(update={"ranklist": None})  # the mix as it was
        await pilot.pause()
        assert calls == []
        from tests.test_assess_engine import mix as a_mix

        mix = a_mix(20, 30, 50)
        app.plan = plan.model_copy(update={"mix": mix})
        await pilot.pause()
        assert calls == [1]
