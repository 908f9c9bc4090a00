"""The advisor report: one document from the profile, the Reality check, the saved program mix
and its estimate, practice progress, plan status and the sources used.

Pure: `build_report(...)` takes what the caller loaded (and today's date) and calls the same
engine functions the panes call, so the report shows the panes' numbers. `to_markdown` and
`to_text` render the document; text output fits 80 columns. Anything the applicant typed is
passed through `visible()` so control characters cannot reach a terminal.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from matchtui.engine.calendar import RELIABILITY_WORDS
from matchtui.engine.clinical import read_clinical
from matchtui.engine.plan import (
    STATE_LABELS,
    STATUS_LABELS,
    PlanView,
    applications_count,
    build_plan,
    listed_sent,
    offer_text,
    year_check,
)
from matchtui.engine.wording import percent, percent_span, plural

# The applicant's own text passes through this before it is printed (one shared definition).
from matchtui.safetext import safe_text as visible

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.engine.ranklist import Estimates, Tracker
    from matchtui.engine.tracker import Yield
    from matchtui.models.assessment import Assessment
    from matchtui.models.plan import MixPlan, PlanFile
    from matchtui.models.practice import PracticeLog, QuestionProgress
    from matchtui.models.profile import Profile
    from matchtui.models.programs import ProgramList
    from matchtui.models.ranklist import RanklistFile, RanklistState

TEXT_WIDTH = 80


# --- the document ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Para:
    text: str
    quote: bool = False  # the applicant's own words, shown as a quotation


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: tuple[int, ...] = ()  # indexes of right-aligned (numeric) columns


@dataclass(frozen=True)
class Sub:
    title: str


Block = Para | Bullets | Table | Sub


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ReportFacts:
    """The key numbers, as the engines returned them (tests hold the report to these)."""

    risk_tier: str
    p_match: float | None
    expected_interviews: float | None
    practice_best: dict[str, int]
    overdue: tuple[str, ...]
    this_cycle: int
    ranklist_p_unmatched: float | None = None  # None: no rank list saved


@dataclass(frozen=True)
class Report:
    title: str
    intro: str
    sections: tuple[Section, ...]
    facts: ReportFacts
    sources: tuple[str, ...] = field(default=())


# --- building ----------------------------------------------------------------------------------


def build_report(
    profile: Profile,
    catalog: Catalog,
    *,
    today: dt.date,
    plan: PlanFile | None,
    practice: PracticeLog | None,
    programs: ProgramList | None = None,
    notes: dict[str, str] | None = None,
    profile_label: str = "",
) -> Report:
    """The whole report. `plan`, `practice` and `programs` are the applicant's saved files
    (None when there are none); `notes` maps a section id to a sentence about a file that
    could not be read; `profile_label` names where the profile came from."""
    from matchtui.engine.assess import assess, records_of

    notes = notes or {}
    mix = plan.mix if plan is not None else None
    # The next actions follow what the plan and program list record of the applications, as
    # the Plan section's late-season note reads them (engine.assess.applications_gone).
    records = records_of(plan, programs.programs if programs is not None else None)
    assessment = assess(profile, catalog, mix, today, records)
    count = applications_count(programs.programs) if programs is not None else None
    view = build_plan(
        profile, catalog, plan.timeline if plan is not None else None, today, assessment, count
    )
    used: list[str] = []

    profile_section = _profile_section(profile, catalog, profile_label)
    reality = _reality_section(assessment, catalog, used)
    mix_section, estimate = _mix_section(
        profile, catalog, mix, programs, assessment, notes.get("mix"), used, today
    )
    season_section = _season_section(programs, profile, catalog, today, used, plan)
    practice_section, progress = _practice_section(practice, catalog, notes.get("practice"))
    sent = (
        listed_sent(count, len(programs.programs))
        if programs is not None and count is not None
        else None
    )
    plan_section = _plan_section(view, catalog, notes.get("plan"), sent, profile)
    ranklist_section, ranklist_unmatched = _ranklist_section(
        profile, plan, programs, catalog, notes.get("plan"), used, today
    )
    used += list(view.sources)
    sources = tuple(dict.fromkeys(s for s in used if s))
    sources_section = Section(
        "sources",
        "Sources used",
        (
            Para(
                "Where the rules, figures and dates in this report come from. 'Illustrative' "
                "figures are an advice article's own rough numbers; 'assumption' marks "
                "matchtui's working choices where no published figure exists."
            ),
            Table(
                ("Id", "Source"),
                tuple((s, _cite_with_url(catalog, s)) for s in sources),
            ),
        ),
    )
    who = visible(profile.applicant.name) or "Applicant"
    facts = ReportFacts(
        risk_tier=assessment.risk.tier,
        p_match=estimate.get("p_match") if estimate else None,
        expected_interviews=estimate.get("expected_interviews") if estimate else None,
        practice_best={p.question_id: p.best for p in progress},
        overdue=tuple(row.id for row in view.overdue),
        this_cycle=assessment.cycles.this_cycle,
        ranklist_p_unmatched=ranklist_unmatched,
    )
    return Report(
        title=f"Advisor report: {who}, {profile.cycle_year} Match",
        intro=(
            f"Prepared with matchtui on {today.isoformat()} for an advisor. Every estimate "
            "here is an estimate; the inputs that are assumptions rather than published "
            "figures are named where they are used."
        ),
        sections=(
            profile_section,
            reality,
            mix_section,
            practice_section,
            plan_section,
            season_section,
            ranklist_section,
            sources_section,
        ),
        facts=facts,
        sources=sources,
    )


def _cite_with_url(catalog: Catalog, source_id: str) -> str:
    source = catalog.sources.get(source_id)
    cite = catalog.cite(source_id)
    return f"{cite} ({source.url})" if source is not None and source.url else cite


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _decided(profile: Profile) -> str:
    from matchtui.models.profile import DECISION_LABELS

    a = profile.applicant
    if a.region_decided is not None:
        return DECISION_LABELS[a.region_decided]
    if a.decided_year is not None:
        from matchtui.engine.calendar import month_year

        return month_year(a.decided_year, a.decided_month)
    return "not stated"


def _graduation(profile: Profile) -> str:
    """The graduation year, and how it stands to the Match year: a student's is expected."""
    year = profile.applicant.graduation_year
    if profile.graduates_before_match:
        return f"{year} (expected, before the {profile.cycle_year} Match)"
    if profile.applicant.stage == "student":
        return f"{year} (expected{', the Match year' if year == profile.cycle_year else ''})"
    return f"{year} ({plural(profile.years_since_graduation, 'year')} before the Match)"


def _profile_section(profile: Profile, catalog: Catalog, label: str) -> Section:
    from matchtui.models.profile import (
        DEGREE_LABELS,
        EXAM_RESULT_LABELS,
        OUTCOME_LABELS,
        ROLE_LABELS,
        SITUATION_LABELS,
        STEP3_LABELS,
    )

    a, e, h, c = profile.applicant, profile.exams, profile.history, profile.clinical
    # Months since hands-on work: given, or, for a returner whose last role only watched care
    # (an observership: a weak role), the months the estimate takes in their place (at least
    # the window: engine/clinical.py). Any other role's gap is its own months since.
    hands_on: list[tuple[str, str]] = []
    if c.months_since_hands_on is not None:
        hands_on.append(
            ("Last hands-on clinical work", f"{plural(c.months_since_hands_on, 'month')} ago")
        )
    elif profile.is_reentry:
        from matchtui.models.risk_rules import RiskFile

        reading = read_clinical(profile, catalog.get("risk.toml", RiskFile).clinical_gap)
        if reading.weak:
            hands_on.append(
                (
                    "Last hands-on clinical work",
                    f"not given (the estimate takes {plural(reading.without, 'month')}, an "
                    "assumption)",
                )
            )
    step2 = (
        f"{e.step2_score} ({plural(e.step2_attempts, 'attempt')})"
        if e.step2_score
        else "not reported"
    )

    def third(status: str, year: int | None, date: dt.date | None) -> str:
        text = STEP3_LABELS[status].lower()
        if status == "passed" and year:
            text += f" in {year}"
        elif status == "scheduled" and date:
            text += f" for {date.isoformat()}"
        return text

    step3 = third(e.step3, e.step3_year, e.step3_date)
    # A DO's COMLEX levels, each row only where on record.
    comlex: list[tuple[str, str]] = []
    if e.level1 is not None:
        attempts = 1 if e.level1_attempts is None else e.level1_attempts
        comlex.append(
            (
                "COMLEX Level 1",
                f"{EXAM_RESULT_LABELS[e.level1].lower()}; {plural(attempts, 'attempt')}",
            )
        )
    if e.level2_score is not None:
        attempts = e.level2_attempts or 1
        comlex.append(("COMLEX Level 2-CE", f"{e.level2_score} ({plural(attempts, 'attempt')})"))
    if e.level3 is not None:
        comlex.append(("COMLEX Level 3", third(e.level3, e.level3_year, e.level3_date)))
    kind = profile.path_labels()
    targets = ", ".join(catalog.specialty_name(s) for s in profile.targets.specialties) or "none"
    rows: list[tuple[str, str]] = [
        ("Name", visible(a.name) or "(not given)"),
        ("Applying as", ", ".join(kind) or "first-time applicant in region"),
        (
            "Stage",
            SITUATION_LABELS[a.situation]
            + (f" ({a.student_year.upper()})" if a.student_year else ""),
        ),
        ("Degree", DEGREE_LABELS[a.degree]),
        ("Graduation", _graduation(profile)),
        ("Match applied for", str(profile.cycle_year)),
        ("Visa", "needs sponsorship" if a.visa == "needs_sponsorship" else "no sponsorship needed"),
        ("Target specialties", targets),
        ("Target region", catalog.region_name(profile.targets.region)),
        ("Home region", catalog.region_name(a.home_region)),
        ("Lives in", catalog.region_name(a.lives_in)),
        *(
            [("Studies or trains in", catalog.region_name(a.training_region))]
            if a.training_region
            else []
        ),
        ("Region decided", _decided(profile)),
        (
            "Step 1",
            f"{EXAM_RESULT_LABELS[e.step1].lower()}; {plural(e.step1_attempts, 'attempt')}"
            if e.step1 is not None
            else "not recorded",
        ),
        ("Step 2 CK", step2),
        ("Step 3", step3),
        *comlex,
        ("Exam failures", str(e.failures)),
        ("Cycles applied before", str(profile.cycles_attempted)),
        *(
            (
                f"Cycle {cycle.year or '(year not given)'}",
                (catalog.specialty_name(cycle.specialty) if cycle.specialty else "specialty")
                + f": {OUTCOME_LABELS[cycle.outcome].lower()}"
                + (" (preliminary)" if cycle.preliminary else "")
                + ("; took part in SOAP" if cycle.soap else ""),
            )
            for cycle in h.cycles
        ),
        (
            "Clinical activity",
            f"{ROLE_LABELS[c.role]}; {c.months_last_24} of the last 24 months; "
            + (
                "ongoing"
                if c.months_since_last == 0
                else f"last {plural(c.months_since_last, 'month')} ago"
            ),
        ),
        *hands_on,
    ]
    blocks: list[Block] = []
    if label:
        blocks.append(Para(f"Profile: {visible(label)}"))
    blocks.append(Table(("Item", "Value"), tuple(rows)))
    if profile.ties:
        blocks.append(Sub("Ties to a region"))
        blocks.append(
            Table(
                ("Kind", "Region", "Note"),
                tuple(
                    (t.kind.replace("_", " "), catalog.region_name(t.region), visible(t.note))
                    for t in profile.ties
                ),
            )
        )
    if profile.rotations:
        blocks.append(Sub("Away and audition rotations"))
        blocks.append(
            Table(
                ("Region", "Status", "Specialty", "Where"),
                tuple(
                    (
                        catalog.region_name(r.region),
                        r.status,
                        catalog.specialty_name(r.specialty) if r.specialty else "",
                        visible(r.place),
                    )
                    for r in profile.rotations
                ),
            )
        )
    if profile.letters:
        blocks.append(Sub("Letters of recommendation"))
        blocks.append(
            Table(
                ("Specialty", "Region", "Months ago", "Saw real work", "Author"),
                tuple(
                    (
                        catalog.specialty_name(x.specialty),
                        catalog.region_name(x.region),
                        str(x.months_ago),
                        _yes(x.saw_real_work),
                        visible(x.author),
                    )
                    for x in profile.letters
                ),
                right=(2,),
            )
        )
    for title, text in (
        ("Why home (in the applicant's words)", profile.narrative.why_home),
        ("Why now (in the applicant's words)", profile.narrative.why_now),
    ):
        if text.strip():
            blocks.append(Sub(title))
            blocks.append(Para(visible(text.strip()), quote=True))
    return Section("profile", "Profile summary", tuple(blocks))


def _reality_section(assessment: Assessment, catalog: Catalog, used: list[str]) -> Section:
    from matchtui.engine.assess import story_shown
    from matchtui.models.verdict import LIKELIHOOD_LABELS

    risk = assessment.risk
    blocks: list[Block] = []
    tier = risk.tier.replace("_", " ")
    blocks.append(Para(f"Overall re-entry risk: {tier.upper()}. {risk.reason}"))
    if risk.statement:
        blocks.append(Para(f"Plainly: {risk.statement}"))
    used.append(risk.source)
    if risk.factors:
        blocks.append(
            Table(
                ("Factor", "Your value", "Level", "Why"),
                tuple((f.label, visible(f.value), f.level, f.reason) for f in risk.factors),
            )
        )
        used += [f.source for f in risk.factors]

    bh = assessment.back_home
    # The title the Reality check gives it ("Matching in the West" for a new region).
    blocks.append(Sub(bh.heading or "Matching back home"))
    if bh.applicable:
        blocks.append(
            Para(f"Likelihood: {LIKELIHOOD_LABELS[bh.likelihood]} ({bh.scenario_label}).")
        )
        blocks.append(Bullets(tuple(bh.reasons)))
        used.append(bh.source)
    else:
        blocks.append(Para("Not applicable: the target region is the current one."))

    blocks.append(Sub("Archetypes that sink returners"))
    if assessment.archetypes:
        items = []
        for arch in assessment.archetypes:
            evidence = "; ".join(arch.evidence)
            items.append(f"{arch.name}: {arch.reason}" + (f" ({evidence})" if evidence else ""))
            used.append(arch.source)
        blocks.append(Bullets(tuple(items)))
    else:
        blocks.append(Para("None flagged."))

    letters, step3, cycles = assessment.letters, assessment.step3, assessment.cycles
    blocks.append(Sub(f"Letters, {step3.exam}, cycles"))
    items = [f"Letters: {letters.verdict}. " + "; ".join(letters.reasons) + "."]
    if step3.applicable or step3.verdict == "passed":
        items.append(f"{step3.exam}: {step3.verdict.replace('_', ' ')}. {step3.reason}")
    items.append(f"Cycles: {cycles.verdict.replace('_', ' ')}. {cycles.reason}")
    if (scores := assessment.score_note) is not None:
        items.append(f"Exam scores and the estimate ({scores.reliability}): {scores.text}")
        used.append(scores.source)
    blocks.append(Bullets(tuple(items)))
    used += [letters.source, step3.source, cycles.source]

    if assessment.specialties:
        blocks.append(Sub("Target specialties"))
        blocks.append(
            Table(
                ("#", "Specialty", "Feasibility", "Score", "Why", "More open options"),
                tuple(
                    (
                        str(s.rank),
                        s.name,
                        s.feasibility,
                        "" if s.score is None else str(s.score),
                        s.reason,
                        ", ".join(catalog.specialty_name(p) for p in s.pivots),
                    )
                    for s in assessment.specialties
                ),
                right=(0, 3),
            )
        )
        used += [s.source for s in assessment.specialties]

    # The why-home story is judged under the back-home heading; the other two here, as on the
    # Reality pane.
    blocks.append(Sub("Your stories"))
    blocks.append(Bullets(tuple(f"{s.label}: {story_shown(s)}" for s in assessment.stories[1:])))

    blocks.append(Sub("Next actions, most important first"))
    if assessment.actions:
        blocks.append(
            Bullets(
                tuple(f"{a.text} (because: {a.finding})" for a in assessment.actions),
                numbered=True,
            )
        )
        used += [a.source for a in assessment.actions]
    else:
        blocks.append(Para("Nothing pressing."))
    if assessment.illustrative:
        blocks.append(
            Para(
                "Some of these rules rest on illustrative figures from advice articles or on "
                "matchtui's own assumptions (see Sources used)."
            )
        )
    return Section("reality", "Reality check", tuple(blocks))


def _mix_section(
    profile: Profile,
    catalog: Catalog,
    mix: MixPlan | None,
    programs: ProgramList | None,
    assessment: Assessment,
    note: str | None,
    used: list[str],
    today: dt.date,
) -> tuple[Section, dict[str, Any] | None]:
    from matchtui.engine.mix import estimate, placed_figure, recommended_mix

    blocks: list[Block] = []
    if note:
        blocks.append(Para(note))
    if mix is None:
        blocks.append(
            Para(
                "No program mix has been saved yet, so there is no estimate to report. Set "
                "one in the Program mix pane (F4) and save it."
            )
        )
        rec = recommended_mix(profile, catalog, today=today)
        blocks.append(
            Para(
                f"For reference, the mix recommended for this profile: {rec.applications} "
                f"applications in {catalog.specialty_name(rec.specialty)}, "
                f"{rec.academic_pct}% academic / {rec.mid_tier_pct}% mid-tier / "
                f"{rec.community_pct}% community, {rec.region_share_pct}% in the target region."
            )
        )
        return Section("mix", "Program mix", tuple(blocks)), None

    found = estimate(profile, catalog, mix, programs, risk_tier=assessment.risk.tier, today=today)
    result = found.model_dump(mode="json")
    counts = result["counts"]
    saved = f" (saved {mix.saved_at:%Y-%m-%d})" if mix.saved_at else ""
    blocks.append(
        Para(
            f"Saved mix{saved}: {mix.applications} applications in "
            f"{catalog.specialty_name(mix.specialty)}, {mix.academic_pct}% academic / "
            f"{mix.mid_tier_pct}% mid-tier / {mix.community_pct}% community, "
            f"{mix.region_share_pct}% in the target region."
        )
    )
    rows: list[tuple[str, str]] = [
        ("Specialty", catalog.specialty_name(str(result["specialty"]))),
        ("Applications", str(result["total"])),
        (
            "Academic / mid-tier / community",
            f"{counts['academic']} / {counts['mid_tier']} / {counts['community']}",
        ),
        ("In the target region", str(result["in_region"])),
        ("Expected interviews", f"{result['expected_interviews']:.1f}"),
    ]
    for k, p in sorted(result["p_interviews_at_least"].items(), key=lambda kv: int(kv[0])):
        rows.append((f"P(at least {k} interview{'' if int(k) == 1 else 's'})", percent(p)))
    rows.append(("P(match), estimated", percent(result["p_match"])))
    low, high = result["p_match_range"]
    rows.append(("P(match) anywhere in the specialty, range", percent_span(low, high)))
    if result.get("p_match_in_region_range") is not None:
        low, high = result["p_match_in_region_range"]
        rows.append(
            (
                "P(match) in the target region",
                f"{percent_span(low, high)} (point {percent(result['p_match_in_region'])})",
            )
        )
    rows.append(placed_figure(found))  # as `matchtui mix` and the pane's "With SOAP" show it
    if result.get("diminishing_returns_at") is not None:
        rows.append(("More applications add little past", str(result["diminishing_returns_at"])))
    if result["fees_usd"] is None:
        rows.append(("Application fees", f"via {result['application_service_name']}, not ERAS"))
    else:
        stand_in = result.get("fee_stand_in") or ""
        season = f"{result['fee_season']} season" + (f"; {stand_in}" if stand_in else "")
        rows.append(("ERAS fees", f"${result['fees_usd']:,} ({season})"))
    preset = result["preset"]
    shares = preset["mix"]
    rows.append(
        (
            "Recommended for this profile",
            f"{preset['name']}: {shares['academic']}/{shares['mid_tier']}/"
            f"{shares['community']}, {preset['applications']} applications",
        )
    )
    used.append(str(preset["source"]))
    blocks.append(Table(("Estimate", "Value"), tuple(rows)))
    # What the figures rest on, as the pane and `matchtui mix` say it under them.
    calibrated = "Calibrated. " if found.calibrated else "Not fully calibrated. "
    blocks.append(Para(calibrated + found.calibration_note))
    notes = (
        found.placed_note,
        found.range_note,
        found.region_note,
        found.score_note,
        found.preset.note,
    )
    blocks.extend(Para(text) for text in notes if text)
    if result.get("illustrative"):
        blocks.append(
            Para(
                "Illustrative: at least one input to this estimate is an assumption or an "
                "article's rough figure, not a published number."
            )
        )
    if result["warnings"]:
        blocks.append(Sub("Warnings"))
        blocks.append(Bullets(tuple(w["text"] for w in result["warnings"])))
    if result["assumptions"]:
        blocks.append(Sub("Inputs to the estimate"))
        blocks.append(
            Table(
                ("Input", "Value", "Reliability", "Source"),
                tuple(
                    (str(a["name"]), str(a["value"]), str(a["reliability"]), str(a["source"]))
                    for a in result["assumptions"]
                ),
            )
        )
        used += [str(a["source"]) for a in result["assumptions"]]
    return Section("mix", "Program mix", tuple(blocks)), result


MAX_SEASON_ITEMS = 15


def _season_section(
    programs: ProgramList | None,
    profile: Profile,
    catalog: Catalog,
    today: dt.date,
    used: list[str],
    plan: PlanFile | None = None,
) -> Section:
    """The applications season: programs per stage, invitation yields, the next interviews and
    clashes, and the costs so far (engine.tracker, the same numbers as the Applications pane;
    `plan`: the rank list's program codes are NRMP fees)."""
    from matchtui.engine.tracker import (
        PASSED_ADVICE,
        by_stage,
        deadline_warning,
        division_map,
        ledger,
        passed_line,
        rank_list_codes,
        season_of,
        today_view,
        yields,
    )
    from matchtui.models.mix import TIER_LABELS
    from matchtui.models.programs import SIGNAL_LABELS, STAGE_LABELS

    listed = programs.programs if programs is not None else []
    if not any(p.status != "planned" for p in listed):
        return Section(
            "season",
            "Applications season",
            (
                Para(
                    "No application tracked yet. Stages, dates and costs recorded in the "
                    "Applications pane (F7) or with `matchtui programs set` appear here."
                ),
            ),
        )
    blocks: list[Block] = [Sub("Pipeline")]
    counts = by_stage(listed)
    blocks.append(
        Table(
            ("Stage", "Programs"),
            tuple((STAGE_LABELS[s], str(n)) for s, n in counts.items() if n),
            right=(1,),
        )
    )
    got = yields(listed, catalog.region_of_state, profile.targets.region, division_map(catalog))
    region = catalog.region_name(profile.targets.region)
    rows: list[tuple[str, ...]] = [("All applications", *_yield_cells(got.overall))]
    rows += [
        (f"Signal: {SIGNAL_LABELS[k].lower()}", *_yield_cells(v))
        for k, v in got.by_signal.items()
        if v.applied
    ]
    rows += [
        (f"In {region}", *_yield_cells(got.in_target)),
        ("Elsewhere", *_yield_cells(got.outside_target)),
    ]
    rows += [
        (f"Tier: {TIER_LABELS[k].lower()}", *_yield_cells(v))
        for k, v in got.by_tier.items()
        if v.applied
    ]
    blocks += [
        Sub("Invitations per application"),
        Table(("Group", "Invited", "Applied", "Rate"), tuple(rows), right=(1, 2, 3)),
    ]
    season = season_of(catalog, profile.cycle_year)
    view = today_view(listed, dt.datetime.combine(today, dt.time(9, 0)), season=season)
    agenda = [
        f"Interview {u.on.isoformat()}: {visible(u.name)}" for u in view.upcoming[:MAX_SEASON_ITEMS]
    ]
    agenda += [
        f"Clash on {c.on.isoformat()}: {', '.join(visible(n) for n in c.names)}"
        for c in view.clashes[:MAX_SEASON_ITEMS]
    ]
    agenda += [
        f"Invitation to answer: {visible(w.name)}"
        + (f" (by {w.respond_by.isoformat()})" if w.respond_by else "")
        for w in view.waiting[:MAX_SEASON_ITEMS]
    ]
    agenda += [
        f"Thank-you not sent: {visible(name)}"
        for _, name, _ in view.thank_you_due[:MAX_SEASON_ITEMS]
    ]
    if agenda:
        blocks += [Sub("The next 14 days"), Bullets(tuple(agenda))]
    if view.passed:
        blocks += [
            Sub("Interview dates gone by, not recorded"),
            Bullets(
                tuple(
                    visible(passed_line(u.name, u.on, today))
                    for u in view.passed[:MAX_SEASON_ITEMS]
                )
            ),
            Para(f"For each: {PASSED_ADVICE}."),
        ]
    if view.too_late:
        blocks += [
            Sub("Interviews after the rank list deadline"),
            Bullets(
                tuple(
                    visible(f"{u.name}: {deadline_warning(listed[u.index], season, today)}")
                    for u in view.too_late[:MAX_SEASON_ITEMS]
                )
            ),
        ]
    if view.set_aside is not None:
        blocks.append(Para(visible(view.set_aside.text())))
    if view.season_over is not None:
        blocks.append(Para(view.season_over.text()))
    ranks = plan.ranklist.items if plan is not None and plan.ranklist is not None else []
    book = ledger(listed, catalog, profile.cycle_year, rank_list_codes(ranks, listed, catalog))
    used += [line.source for line in book.lines if line.source]
    kinds = {
        "eras": "ERAS fees",
        "nrmp": "NRMP fees",
        "travel": "Travel",
        "lodging": "Lodging",
        "other": "Other",
    }
    blocks += [
        Sub("Costs"),
        Table(
            ("Kind", "USD"),
            (
                *((kinds.get(k, k), f"{v:,.2f}") for k, v in book.by_kind().items()),
                ("Total", f"{book.total:,.2f}"),
            ),
            right=(1,),
        ),
        Para(
            f"ERAS fees follow the schedule of the {book.schedule}, per specialty, in "
            "fees.toml; NRMP registration and extra rank codes come from the same file; travel, "
            "lodging and other are the applicant's own entries."
        ),
        *(Para(visible(note)) for note in book.notes),
    ]
    return Section("season", "Applications season", tuple(blocks))


def _yield_cells(cell: Yield) -> tuple[str, str, str]:
    rate = cell.rate
    return str(cell.invited), str(cell.applied), "-" if rate is None else percent(rate)


def _practice_section(
    practice: PracticeLog | None, catalog: Catalog, note: str | None
) -> tuple[Section, list[QuestionProgress]]:
    from matchtui.engine.practice import progress

    blocks: list[Block] = []
    if note:
        blocks.append(Para(note))
    found = progress(practice, catalog) if practice is not None else []
    if not found:
        blocks.append(
            Para(
                "No interview practice saved yet. Answers typed in the Interview practice "
                "pane (F5) are scored and kept, and their progress appears here."
            )
        )
        return Section("practice", "Interview practice", tuple(blocks)), found
    blocks.append(
        Para(
            f"{plural(sum(p.attempts for p in found), 'attempt')} on "
            f"{plural(len(found), 'question')}; scores "
            "are 0-100 from the practice checks."
        )
    )
    blocks.append(
        Table(
            ("Question", "Tries", "Best", "Average", "Last", "Scores in order"),
            tuple(
                (
                    p.prompt,
                    str(p.attempts),
                    str(p.best),
                    f"{p.average:.0f}",
                    str(p.last),
                    ", ".join(str(s) for s in p.trend),
                )
                for p in found
            ),
            right=(1, 2, 3, 4),
        )
    )
    return Section("practice", "Interview practice", tuple(blocks)), found


def _plan_section(
    view: PlanView, catalog: Catalog, note: str | None, sent: bool | None, profile: Profile
) -> Section:
    """The Plan's status (a plan B none wrote and none needs, one in a residency, said as the
    Reality check says it: `view.plan_b_covered`)."""
    blocks: list[Block] = []
    if note:
        blocks.append(Para(note))
    check = year_check(view, catalog, sent)
    if check is not None:
        blocks.append(Para(offer_text(check, profile, catalog)))
    counts = view.status_counts()
    total = sum(counts.values())
    start = f"{view.start.label}" + (
        " (the default; not chosen yet)" if view.start_is_default else ""
    )
    blocks.append(
        Para(
            f"Plan starting {start}, as of {view.today.isoformat()}: {counts['done']} of {total} "
            f"items done, {counts['doing']} under way, {len(view.overdue)} overdue."
        )
    )
    if view.audience_note:
        blocks.append(Para(view.audience_note))
    for track in view.tracks:
        blocks.append(Sub(track.title))
        blocks.append(
            Table(
                ("Item", "Months", "Status", "Where it stands", "Reality check", "Note"),
                tuple(
                    (
                        row.title,
                        row.window,
                        # Ticked (or shown under way) by the profile, as the pane's box
                        # shows it ([x], [~]).
                        f"{STATUS_LABELS[row.shown_status]} ({row.done_from})"
                        if row.ticked_by_profile or row.started_by_profile
                        else STATUS_LABELS[row.status],
                        STATE_LABELS[row.state],
                        "yes" if row.marked else "",
                        visible(row.note),
                    )
                    for row in track.rows
                ),
            )
        )
    c = view.cycles
    blocks.append(Sub("Cycles"))
    blocks.append(
        Para(
            f"This is cycle {c.this_cycle} ({c.cycles_applied} before); the limit is "
            f"{c.serious_limit} serious cycles. {c.advice_title}: {c.advice_text}"
        )
    )
    blocks.append(Sub("Plan B (in the applicant's words)"))
    if view.plan_b_text.strip():
        blocks.append(Para(visible(view.plan_b_text.strip()), quote=True))
    elif view.plan_b_covered:  # none needed: the Reality check's "covered" (engine.plan)
        blocks.append(Para(view.plan_b_covered))
    else:
        blocks.append(Para("No plan B written yet."))
    upcoming = [d for d in view.key_dates if d.relation == "this_cycle"]
    if upcoming:
        blocks.append(Sub(f"Key dates for the {upcoming[0].match_year} Match"))
        blocks.append(
            Table(
                ("When", "Event", "Status", "Reliability", "Source"),
                tuple(
                    (
                        d.label,
                        d.title,
                        "passed" if d.passed else ("today" if d.current else "ahead"),
                        ("derived, " if d.derived else "")
                        + RELIABILITY_WORDS.get(d.reliability, d.reliability),
                        d.source,
                    )
                    for d in upcoming
                ),
            )
        )
    elif view.dates_note:
        blocks.append(Para(view.dates_note))
    return Section("plan", "Plan status", tuple(blocks))


# --- rendering: Markdown -----------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _ranklist_section(
    profile: Profile,
    plan: PlanFile | None,
    programs: ProgramList | None,
    catalog: Catalog,
    note: str | None,
    used: list[str],
    today: dt.date | None = None,
) -> tuple[Section, float | None]:
    """The saved rank list (plan.toml) with its odds, as the Rank list pane (F8) shows them."""
    from matchtui.engine.ranklist import (
        ASSUMPTION,
        CHANCE_FROM,
        Tracker,
        check_resolved,
        estimates_for,
        ranklist_data,
        resolve,
        simulate,
    )

    blocks: list[Block] = []
    if note:
        blocks.append(Para(note))
    state = plan.ranklist if plan is not None else None
    data = ranklist_data(catalog)
    tracker = Tracker.of(programs.programs if programs is not None else (), today)
    estimates = estimates_for(catalog, profile, plan, today)
    couple = _couples_blocks(state, tracker, data, estimates) if state is not None else []
    if state is None or not state.items:
        blocks.append(
            Para(
                "No rank list has been saved yet. Build one in the Rank list pane (F8) from "
                "the programs you interviewed at."
            )
        )
        return Section("ranklist", "Rank list", (*blocks, *couple)), None
    resolved = resolve(state.items, tracker, data)
    sim = simulate(resolved, data, tracker, estimates, hard_stops=state.hard_stops)
    blocks.append(
        Para(
            f"{plural(len(sim.ranks), 'rank')}, {plural(sim.unique_codes, 'program code')} "
            f"({sim.codes_included} "
            f"included, extra fee ${sim.extra_code_fee_usd}). P(match) {sim.match_text}, "
            f"P(unmatched) {sim.unmatched_text}; one more program at "
            f"{percent(sim.add_one_chance)} would bring P(unmatched) to "
            f"{sim.unmatched_plus_one_text}."
        )
    )

    blocks.append(
        Table(
            ("Rank", "Program", "Chance", "Chance from", "P(match here)", "Cumulative"),
            tuple(
                (
                    str(r.rank),
                    visible(r.program),
                    percent(r.chance),
                    CHANCE_FROM[r.chance_source]
                    + ("; interview not held yet" if r.pending else ""),
                    percent(r.p_match_here),
                    percent(r.p_cumulative),
                )
                for r in sim.ranks
            ),
            right=(0, 2, 4, 5),
        )
    )
    blocks.append(Para(ASSUMPTION))
    problems = [v.text for v in check_resolved(resolved, data, hard_stops=state.hard_stops)]
    alerts = [*problems, *(w.text for w in sim.warnings)]
    if alerts:
        blocks.append(Bullets(tuple(visible(a) for a in alerts)))
    used += [data.rules.codes_included.source, data.chances.unknown.source]
    if any(r.chance_source == "no interview" for r in sim.ranks):
        used.append(data.chances.no_interview.source)
    return Section("ranklist", "Rank list", (*blocks, *couple)), sim.p_unmatched


def _couples_blocks(
    state: RanklistState, tracker: Tracker, data: RanklistFile, estimates: Estimates
) -> list[Block]:
    """A couple's pairs saved in the Rank list pane's Couples tab, with the couple's odds as
    the tab and `ranklist simulate --couple` give them (nothing when there are no pairs)."""
    from matchtui.engine.ranklist import (
        COUPLES_ASSUMPTION,
        NO_MATCH_LABEL,
        couples_lines,
        couples_result,
        couples_yardstick,
    )

    if not state.pairs:
        return []
    result = couples_result(state.pairs, tracker, data, estimates, hard_stops=state.hard_stops)
    blocks: list[Block] = [Sub("Couples list")]
    rows = []
    for rank, pair in enumerate(result.pairs, start=1):
        cells = [str(rank)]
        for side in (pair.a, pair.b):
            if side.key is None:
                cells += [NO_MATCH_LABEL, ""]
            else:
                cells += [visible(side.label), percent(side.chance)]
        rows.append(tuple(cells))
    blocks.append(Table(("Rank", "You", "Chance", "Partner", "Chance"), tuple(rows), (0, 2, 4)))
    if result.odds is not None:
        blocks.append(Bullets(tuple(couples_lines(result.odds, aligned=False))))
        blocks.append(Para(COUPLES_ASSUMPTION))
        yardstick = couples_yardstick(data)
        if yardstick is not None:
            blocks.append(Para(yardstick))
    alerts = [v.text for v in result.violations] + [w.text for w in result.warnings]
    if alerts:
        blocks.append(Bullets(tuple(visible(a) for a in alerts)))
    return blocks


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", visible(text))


def _md_cell(text: str) -> str:
    return _md(" ".join(text.split())) or " "


def to_markdown(report: Report) -> str:
    out: list[str] = [f"# {_md(report.title)}", "", _md(report.intro), ""]
    for number, section in enumerate(report.sections, start=1):
        out += [f"## {number}. {_md(section.title)}", ""]
        for block in section.blocks:
            out += _md_block(block)
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Sub):
        return [f"### {_md(block.title)}"]
    if isinstance(block, Para):
        if block.quote:
            return [f"> {_md(line)}" if line.strip() else ">" for line in block.text.splitlines()]
        return [_md(" ".join(block.text.split()))]
    if isinstance(block, Bullets):
        return [
            f"{index}. {_md(item)}" if block.numbered else f"- {_md(item)}"
            for index, item in enumerate(block.items, start=1)
        ]
    lines = [
        "| " + " | ".join(_md_cell(h) for h in block.headers) + " |",
        "|"
        + "|".join("---:" if i in block.right else "---" for i in range(len(block.headers)))
        + "|",
    ]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
    return lines


# --- rendering: plain text (80 columns) --------------------------------------------------------


def to_text(report: Report, width: int = TEXT_WIDTH) -> str:
    out: list[str] = []
    out += _wrap(visible(report.title), width)
    out.append("=" * min(width, len(out[-1])))
    out += _wrap(visible(report.intro), width)
    for number, section in enumerate(report.sections, start=1):
        title = f"{number}. {visible(section.title)}"
        out += ["", title, "-" * len(title)]
        for block in section.blocks:
            out += _text_block(block, width)
    return "\n".join(line.rstrip() for line in out).rstrip() + "\n"


def _wrap(text: str, width: int, indent: str = "", hang: str = "") -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        width,
        initial_indent=indent,
        subsequent_indent=hang or indent,
        break_on_hyphens=False,
        break_long_words=True,
    ) or [indent.rstrip()]


def _text_block(block: Block, width: int) -> list[str]:
    if isinstance(block, Sub):
        title = visible(block.title)
        return ["", title.upper() if len(title) < width else title]
    if isinstance(block, Para):
        if block.quote:
            lines: list[str] = []
            for paragraph in visible(block.text).splitlines() or [""]:
                lines += _wrap(paragraph, width, "  | ")
            return lines
        return _wrap(visible(block.text), width)
    if isinstance(block, Bullets):
        lines = []
        for index, item in enumerate(block.items, start=1):
            mark = f"{index}. " if block.numbered else "- "
            lines += _wrap(visible(item), width, "  " + mark, " " * (2 + len(mark)))
        return lines
    return _text_table(block, width)


def _text_table(table: Table, width: int) -> list[str]:
    """Columns separated by two spaces; the widest columns wrap so the table fits `width`."""
    cols = len(table.headers)
    cells = [[" ".join(visible(c).split()) for c in row] for row in table.rows]
    natural = [max([len(table.headers[i]), *(len(row[i]) for row in cells)]) for i in range(cols)]
    widths = list(natural)
    gap = 2
    budget = width - gap * (cols - 1)
    # Shrink the column with the most room to give until the table fits: first down to its
    # longest cell or header word (long headers wrap before any cell does), then down to its
    # longest word (cells wrap between words: "calendar_2027_third_party" is not cut), then
    # down to the header's longest word (words are cut too), never below 4.
    head_word = [max(4, *(len(w) for w in h.split())) for h in table.headers]
    cell_max = [max([0, *(len(row[i]) for row in cells)]) for i in range(cols)]
    word_max = [max([0, *(len(w) for row in cells for w in row[i].split())]) for i in range(cols)]
    for floor in (
        [min(natural[i], max(cell_max[i], head_word[i])) for i in range(cols)],
        [min(natural[i], max(word_max[i], head_word[i])) for i in range(cols)],
        [min(natural[i], head_word[i]) for i in range(cols)],
    ):
        while sum(widths) > budget:
            roomiest = max(range(cols), key=lambda i: widths[i] - floor[i])
            if widths[roomiest] <= floor[roomiest]:
                break
            widths[roomiest] -= 1

    def render(row: list[str]) -> list[str]:
        wrapped = [
            textwrap.wrap(row[i], widths[i], break_on_hyphens=False) or [""] for i in range(cols)
        ]
        height = max(len(w) for w in wrapped)
        lines = []
        for n in range(height):
            parts = []
            for i in range(cols):
                piece = wrapped[i][n] if n < len(wrapped[i]) else ""
                parts.append(piece.rjust(widths[i]) if i in table.right else piece.ljust(widths[i]))
            lines.append((" " * gap).join(parts).rstrip())
        return lines

    lines = [""]
    lines += render(list(table.headers))
    lines.append((" " * gap).join("-" * w for w in widths))
    for row in cells:
        lines += render(row)
    return lines
