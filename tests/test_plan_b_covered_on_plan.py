"""The Plan pane says of a resident's plan B what the Reality check says.

Found by a persona audit (a PGY-2 in general surgery switching to anesthesiology, no plan B
written): the Reality check reads the plan B as "covered" (the residency they hold is the
fallback: readiness.toml [cycles] in_training_plan_b), yet the Plan pane's "Plan B & cycles" tab
said, in the overdue colour, "No plan B written yet. Add one under Narrative in the Profile pane
(F1)." The tab now gives the Reality check's verdict in its words (engine/plan.py
`plan_b_covered`, the sentence the report gives too); a graduate out of training who wrote none is
still told to write one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import Static, TabbedContent

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from matchtui.engine.plan import plan_for
from matchtui.models.profile import Profile
from matchtui.models.risk_rules import ReadinessFile
from matchtui.tomlio import load_model
from tests.test_plan_engine import edit

TODAY = dt.date(2026, 12, 5)

# The auditor's persona p08 (a PGY-2 in general surgery switching to anesthesiology, no plan B).
P08_TOML = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "P08 PGY-2 gen surg switching to anesthesiology"
situation = "in_training"
degree = "us_md"
graduation_year = 2025
visa = "none"
home_region = "south"
lives_in = "south"
training_region = "south"
region_decided = "residency_late"
[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 250
step2_attempts = 1
step3 = "passed"
step3_year = 2026
[[history.cycles]]
year = 2025
specialty = "general_surgery"
outcome = "matched"
[targets]
specialties = ["anesthesiology"]
region = "south"
[clinical]
role = "clinical_job"
months_last_24 = 18
months_since_last = 0
[[letters]]
specialty = "anesthesiology"
region = "south"
months_ago = 2
saw_real_work = true
author = "Dr. F, anesthesiologist"
"""


@pytest.fixture
def p08(tmp_path: Path) -> Profile:
    path = tmp_path / "p08.toml"
    path.write_text(P08_TOML)
    return load_model(path, Profile)


def graduate(p08: Profile) -> Profile:
    """The same record out of training."""
    return edit(p08, applicant={"situation": "not_in_training", "training_region": None})


def covered_words(catalog: Catalog) -> str:
    return catalog.get("readiness.toml", ReadinessFile).cycles.in_training_plan_b


def rendered(widget: Static, width: int = 120) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(widget.content)
    return console.export_text()


def test_the_plan_gives_the_reality_checks_verdict(p08: Profile, catalog: Catalog) -> None:
    story = next(s for s in assess(p08, catalog, today=TODAY).stories if s.kind == "plan_b")
    assert story.quality == "covered" and story.reason == covered_words(catalog)
    view = plan_for(p08, catalog, None, TODAY)
    assert view.plan_b_text == "" and view.plan_b_covered == f"None written: {story.reason}."


def test_a_graduate_with_no_plan_b_is_still_told(p08: Profile, catalog: Catalog) -> None:
    out = graduate(p08)
    story = next(s for s in assess(out, catalog, today=TODAY).stories if s.kind == "plan_b")
    assert story.quality == "missing"
    assert plan_for(out, catalog, None, TODAY).plan_b_covered == ""


async def planb_tab(workspace: Any, profile: Profile) -> str:
    workspace.save_profile(profile)
    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t", "t")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "tab-planb"
        return " ".join(rendered(app.screen.query_one("#planb-text", Static)).split())


async def test_the_plan_b_tab_for_a_resident(
    workspace: Any, p08: Profile, catalog: Catalog
) -> None:
    text = await planb_tab(workspace, p08)
    assert "No plan B written yet" not in text
    assert f"Your plan B (from your profile) None written: {covered_words(catalog)}." in text


async def test_the_plan_b_tab_for_a_graduate(workspace: Any, p08: Profile) -> None:
    text = await planb_tab(workspace, graduate(p08))
    assert "Your plan B (from your profile) No plan B written yet." in text
