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
    # For the help screen (`?`): what the pane is for, and where its numbers come from.
    about: str = ""
    numbers: str = ""
    # The pane's action that saves its unsaved edits ("" when it saves as you go).
    save_action: str = ""


PANES: tuple[PaneSpec, ...] = (
    PaneSpec(
        "profile",
        "Profile",
        "Profile",
        "f1",
        "matchtui.screens.profile",
        "ProfileScreen",
        "Who you are on paper: exams, history, targets, ties, letters, narrative",
        about=(
            "Everything the other panes reason about: your degree, exams, match history, clinical "
            "work, target specialties and regions, ties, letters and narrative. Edit a field, then"
            " save with ctrl+s; the other panes update at once."
        ),
        numbers=(
            "Only from you. The profile is saved as profile.toml in your matchtui folder; nothing "
            "is sent anywhere. A field is checked when you leave it and again on save."
        ),
        save_action="save",
    ),
    PaneSpec(
        "reality",
        "Reality check",
        "Reality",
        "f2",
        "matchtui.screens.reality",
        "RealityScreen",
        "Your position rule by rule: risk sheet, back home, archetypes, next actions",
        about=(
            "Where you stand, rule by rule: the re-entry risk sheet, whether going back home "
            "helps, applicants like you, readiness (letters, Step 3, specialties, cycles) and the "
            "next actions. Select a row to see why it applies."
        ),
        numbers=(
            "From rules in the reference data (risk, back home, archetypes, readiness, actions). "
            "Each rule names its source and how reliable it is (published figure, secondary "
            "source, or the project's own assumption) in the detail panel."
        ),
    ),
    PaneSpec(
        "specialties",
        "Specialties",
        "Specialties",
        "f3",
        "matchtui.screens.specialties",
        "SpecialtiesScreen",
        "Competitiveness charts with you drawn on them",
        about=(
            "How competitive each specialty is, on charts with your own numbers drawn on them. "
            "Keys 1-9 pick a chart; t shows only your targets, a shows every specialty."
        ),
        numbers=(
            "From the specialty figures in the reference data (NRMP match outcomes and program "
            "director surveys, with their years). Each chart names its source; figures marked "
            "illustrative are not published numbers."
        ),
    ),
    PaneSpec(
        "mix",
        "Program mix",
        "Mix",
        "f4",
        "matchtui.screens.mix",
        "MixScreen",
        "How many applications, where, and an honest estimate of what they buy",
        about=(
            "How many programs to apply to, and of which kind: set the sliders and see the "
            "expected interviews, the chance of matching, the fees and the warnings. The other "
            "tabs hold your own program list and the assumptions."
        ),
        numbers=(
            "From an estimating model in the reference data (interview curves and mix weights) and"
            " the published application fees. The model is a rough guide, not a prediction: the "
            "Assumptions tab lists every figure it uses with its source."
        ),
        save_action="save",
    ),
    PaneSpec(
        "practice",
        "Interview practice",
        "Practice",
        "f5",
        "matchtui.screens.practice",
        "PracticeScreen",
        "Timed typed answers with feedback on your own words",
        about=(
            "Practise interview answers: pick a question, type an answer against the clock, submit"
            " it, and read the feedback. Earlier attempts are kept so you can compare them."
        ),
        numbers=(
            "The questions and the feedback rules come from the reference data. Feedback is "
            "computed on your own words (length, structure, filler, specifics); nothing is sent "
            "anywhere."
        ),
        save_action="submit",
    ),
    PaneSpec(
        "plan",
        "Plan",
        "Plan",
        "f6",
        "matchtui.screens.plan",
        "PlanScreen",
        "Timeline, checklists, entry routes, plan B and key dates",
        about=(
            "Your cycle month by month: the timeline with checklists, the entry routes open to "
            "you, plan B and further cycles, and the key dates. Space cycles an item through to "
            "do, doing and done; n adds a note."
        ),
        numbers=(
            "The dates and the timeline come from the reference data (ERAS and NRMP calendars, "
            "with sources); the plan is built from your profile. Your progress is saved in "
            "plan.toml."
        ),
    ),
    PaneSpec(
        "applications",
        "Applications",
        "Apps",
        "f7",
        "matchtui.screens.applications",
        "ApplicationsScreen",
        "Every program from application to interview: stages, today, yields and costs",
        about=(
            "Follow each program you applied to from application to rank list: filter and sort "
            "the table, move a program to its next stage with one key, and open its notes and "
            "costs with Enter. Keys 1-4 switch to Today (invites to answer, interviews ahead, "
            "clashes, thank-you notes), Yields and Costs."
        ),
        numbers=(
            "From your own program list, programs.toml in your matchtui folder (the Program mix "
            "pane edits the same list), saved after each change. Yields count invitations per "
            "application by signal, tier and region. Costs take the ERAS fees from the season's "
            "published fee schedule and the NRMP registration and extra rank-code fees from the "
            "fee data, and add the costs you enter yourself."
        ),
    ),
    PaneSpec(
        "ranklist",
        "Rank list",
        "Rank",
        "f8",
        "matchtui.screens.ranklist",
        "RanklistScreen",
        "Your rank order list: NRMP rules, odds rank by rank, couples and the SOAP kit",
        about=(
            "Build your rank order list from the programs you interviewed at: move them up and "
            "down, mark a program you would never take as a hard stop, score programs on your own"
            " criteria and let s order the list, compare two side by side, rank a couple's "
            "pairs with your partner on the Couples tab, and keep a SOAP kit ready for Match "
            "Week. The lists are checked against the NRMP rules as you edit them."
        ),
        numbers=(
            "The odds combine each program's chance of ranking you high enough, taken as "
            "independent of the others: your own chance if you set one with [ and ], otherwise a "
            "default by the program's tier, which is the project's assumption and marked *. A "
            "program counts once: the add line refuses one the list holds already, and a list "
            "that names one twice counts it at its first rank only (the repeat marked !). The "
            "NRMP list rules and fees and the SOAP facts come from the reference data with their "
            "sources. A couple matches at the first pair both sides would take: exact over every "
            "outcome for a few programs, a seeded Monte Carlo for more (its error shown). Both "
            "lists are saved in plan.toml after each change."
        ),
    ),
)

PANE_BY_ID: dict[str, PaneSpec] = {pane.id: pane for pane in PANES}
FIRST_PANE = "reality"
