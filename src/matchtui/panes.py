"""The panes: id, title, key and where the screen class lives (imported only when opened)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PaneSpec:
    id: str
    title: str
    short: str
    key: str
    module: str
    screen: str
    help: str


PANES: tuple[PaneSpec, ...] = (
    PaneSpec(
        "profile",
        "Profile",
        "Profile",
        "f1",
        "matchtui.screens.profile",
        "ProfileScreen",
        "Who you are on paper: exams, history, targets, ties, letters, narrative",
    ),
    PaneSpec(
        "reality",
        "Reality check",
        "Reality",
        "f2",
        "matchtui.screens.reality",
        "RealityScreen",
        "Your position rule by rule: risk sheet, back home, archetypes, next actions",
    ),
    PaneSpec(
        "specialties",
        "Specialties",
        "Specialties",
        "f3",
        "matchtui.screens.specialties",
        "SpecialtiesScreen",
        "Competitiveness charts with you drawn on them",
    ),
    PaneSpec(
        "mix",
        "Program mix",
        "Mix",
        "f4",
        "matchtui.screens.mix",
        "MixScreen",
        "How many applications, where, and an honest estimate of what they buy",
    ),
    PaneSpec(
        "practice",
        "Interview practice",
        "Practice",
        "f5",
        "matchtui.screens.practice",
        "PracticeScreen",
        "Timed typed answers with feedback on your own words",
    ),
    PaneSpec(
        "plan",
        "Plan",
        "Plan",
        "f6",
        "matchtui.screens.plan",
        "PlanScreen",
        "Timeline, checklists, entry routes, plan B and key dates",
    ),
    PaneSpec(
        "applications",
        "Applications",
        "Apps",
        "f7",
        "matchtui.screens.applications",
        "ApplicationsScreen",
        "Every program from application to interview: stages, today, yields and costs",
    ),
    PaneSpec(
        "ranklist",
        "Rank list",
        "Rank",
        "f8",
        "matchtui.screens.ranklist",
        "RanklistScreen",
        "Your rank order list: NRMP rules, odds rank by rank, couples and the SOAP kit",
    ),
)

PANE_BY_ID: dict[str, PaneSpec] = {pane.id: pane for pane in PANES}
FIRST_PANE = "reality"
