"""The Reality check: where a profile stands, rule by rule, and what to do next.

Pure and deterministic: `assess(profile, catalog, mix, today)` reads only its arguments. Every
threshold comes from the rule files (risk.toml, back_home.toml, archetypes.toml, readiness.toml,
actions.toml); derived lookups are cached per catalog so a call costs well under a millisecond.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from matchtui.catalog import Catalog
from matchtui.engine.clinical import rate_weak, read_clinical
from matchtui.engine.exams import below_spread
from matchtui.engine.text import (
    TargetRegion,
    elsewhere_note,
    judge_for_region,
    judge_story,
    names_any,
    places_elsewhere,
)
from matchtui.engine.wording import place, plural
from matchtui.models.base import ABROAD, SOFT_RELIABILITY, Reliability
from matchtui.models.plan import MixPlan
from matchtui.models.profile import (
    DECISION_LABELS,
    ROLE_LABELS,
    STAGE_LABELS,
    STEP3_LABELS,
    History,
    Letter,
    Profile,
)
from matchtui.models.reference import Specialty
from matchtui.models.results import StoryVerdict
from matchtui.models.risk_rules import (
    BackHomeFile,
    Band,
    FeasibilityRule,
    ReadinessFile,
    RiskFile,
    Rule,
)
from matchtui.models.verdict import (
    LIKELIHOOD_LABELS,
    BackHome,
    Level,
    RiskFactor,
    RiskSheet,
    Tier,
    TieStrength,
)

# The rest of the assessment's models and rule files are imported where they are made or read:
# the Program mix needs only the risk sheet and the back-home verdict (risk_and_back_home), and
# leaves the other result and rule models undefined.
if TYPE_CHECKING:
    from matchtui.engine.calendar import SeasonDate
    from matchtui.models.assessment import (
        Action,
        Archetype,
        Assessment,
        CyclesCheck,
        LettersCheck,
        ScoreNote,
        SpecialtyFeasibility,
        Step3Check,
    )
    from matchtui.models.plan import PlanFile
    from matchtui.models.programs import Program
    from matchtui.models.rules import ActionsFile, ArchetypesFile

LEVEL_ORDER: dict[str, int] = {"lower": 0, "middle": 1, "higher": 2}
TIER_ORDER: dict[str, int] = {"low": 0, "moderate": 1, "high": 2}

RULE_FILES: dict[str, str] = {
    "risk": "risk.toml",
    "back_home": "back_home.toml",
    "archetypes": "archetypes.toml",
    "readiness": "readiness.toml",
    "actions": "actions.toml",
}

ROLE_PHRASES = {
    "clinical_job": "in a clinical job",
    "transitional": "in a transitional clinical role",
    "observership": "as an observer",
    "clinical_research": "in clinical research",
    "nonclinical": "in non-clinical work",
    "none": "without a role",
}

_WORD = re.compile(r"[A-Za-z0-9']+")
LIVES_THERE = "lives_there"  # the tie kind recorded when the applicant lives in the target region


# --- rules, loaded once per catalog ----------------------------------------------------------


@dataclass(frozen=True)
class VerdictRules:
    """risk.toml, back_home.toml and readiness.toml: all the risk sheet and the back-home
    verdict read (the risk sheet's specialty row is rated from readiness.toml's feasibility
    band, the one the Target specialties section shows)."""

    risk: RiskFile
    back_home: BackHomeFile
    readiness: ReadinessFile


@dataclass(frozen=True)
class Rules(VerdictRules):
    """The five typed rule files of a catalog, with derived lookups."""

    archetypes: ArchetypesFile
    actions: ActionsFile
    by_score: tuple[tuple[str, int], ...]  # (specialty id, re-entry score), most open first


_RULES: weakref.WeakKeyDictionary[Catalog, Rules] = weakref.WeakKeyDictionary()


def rules_of(catalog: Catalog) -> Rules:
    """The typed rule files of a catalog, with derived lookups, built once."""
    found = _RULES.get(catalog)
    if found is None:
        from matchtui.models.rules import ActionsFile, ArchetypesFile

        back_home = catalog.get("back_home.toml", BackHomeFile)
        scored = [
            (s.id, s.reentry_feasibility.score)
            for s in catalog.specialties.values()
            if s.reentry_feasibility is not None
        ]
        found = Rules(
            risk=catalog.get("risk.toml", RiskFile),
            back_home=back_home,
            archetypes=catalog.get("archetypes.toml", ArchetypesFile),
            readiness=catalog.get("readiness.toml", ReadinessFile),
            actions=catalog.get("actions.toml", ActionsFile),
            by_score=tuple(sorted(scored, key=lambda item: (-item[1], item[0]))),
        )
        _RULES[catalog] = found
    return found


# --- helpers ---------------------------------------------------------------------------------


@dataclass
class _Findings:
    """Finding ids that fired, in order, each with its description in words."""

    items: dict[str, str] = field(default_factory=dict)

    def add(self, finding_id: str, text: str) -> None:
        self.items.setdefault(finding_id, text)


def _ruled(rule_id: str, record: Rule, used: Sequence[str] = ()) -> dict[str, Any]:
    """Provenance fields for a finding decided by `record`; `used` are keys it relied on."""
    values = record.params()
    assumed = [f"{key} = {_show(values.get(key))}" for key in used if key in record.assumed]
    return {
        "rule": rule_id,
        "source": record.source,
        "reliability": record.reliability,
        "assumptions": assumed,
    }


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _max_level(levels: Sequence[Level]) -> Level:
    return max(levels, key=lambda level: LEVEL_ORDER[level])


# --- risk sheet ------------------------------------------------------------------------------


def _years(profile: Profile, rules: RiskFile) -> RiskFactor:
    rule = rules.years_since_graduation
    years = profile.years_since_graduation
    grad = profile.applicant.graduation_year
    value = f"{plural(years, 'year')} ({grad} to {profile.cycle_year})"
    level: Level
    if years <= rule.lower_max:
        level = "lower"
        reason = (
            f"Graduated {grad}, {plural(years, 'year')} before the {profile.cycle_year} Match: "
            f"{rule.lower_max} years or fewer rates lower"
        )
    elif years >= rule.higher_min:
        level = "higher"
        reason = (
            f"Graduated {grad}, {plural(years, 'year')} before the {profile.cycle_year} Match: "
            f"{rule.higher_min} years or more rates higher"
        )
    else:
        level = "middle"
        reason = (
            f"Graduated {grad}, {plural(years, 'year')} out: past the lower band "
            f"(up to {rule.lower_max}) but short of the higher one ({rule.higher_min}+)"
        )
    return RiskFactor(
        id="years_since_graduation",
        label=rule.label,
        value=value,
        level=level,
        reason=reason,
        **_ruled("risk.years_since_graduation", rule),
    )


def _exams(profile: Profile, rules: RiskFile) -> RiskFactor:
    rule = rules.exam_status
    exams = profile.exams
    failures = exams.failures
    parts: list[tuple[Level, str]] = []
    used: list[str] = []
    if failures >= rule.higher_failures_min:
        parts.append(
            (
                "higher",
                f"{plural(failures, 'failed attempt')} "
                f"({rule.higher_failures_min} or more rates higher)",
            )
        )
    elif failures >= rule.middle_failures_min:
        used.append("middle_failures_min")
        parts.append(("middle", f"{plural(failures, 'failed attempt')}"))
    if exams.first_unrecorded:
        used.append("step1_missing")
        parts.append((rule.step1_missing, "Step 1 result not recorded"))
    elif not exams.first_passed:
        parts.append((rule.step1_not_passed, exams.first_open))
    if not exams.step2_on_record:
        used.append("step2_missing")
        missing = "no Step 2 CK or Level 2-CE score" if exams.takes_comlex else "no Step 2 CK score"
        parts.append((rule.step2_missing, missing))
    third = exams.third
    step3_level = rule.step3[third.status]
    if step3_level != "lower":
        when = f" ({third.date.isoformat()})" if third.date else ""
        parts.append((step3_level, f"{third.name} {STEP3_LABELS[third.status].lower()}{when}"))
    level = _max_level([p[0] for p in parts]) if parts else "lower"
    step3 = STEP3_LABELS[third.status].lower()
    if third.status == "passed" and third.year:
        step3 = f"passed {third.year}"
    value = f"{plural(failures, 'failure')}; {third.name} {step3}"
    if level == "lower":
        reason = "Every step passed at the first attempt"
        if third.status == "passed":
            reason += f", {third.name} included ({third.year})"
    else:
        decisive = [text for lvl, text in parts if lvl == level]
        reason = "; ".join(decisive) + f": rates {level}"
    return RiskFactor(
        id="exam_status",
        label=rule.label,
        value=value,
        level=level,
        reason=reason[0].upper() + reason[1:],
        **_ruled("risk.exam_status", rule, used),
    )


def _target(profile: Profile, catalog: Catalog, rules: VerdictRules) -> RiskFactor:
    """The first target's level: its feasibility band (the one the Target specialties section
    gives it, from `feasibility_band`) read through risk.toml's by_feasibility."""
    rule = rules.risk.specialty_target
    targets = profile.targets.specialties
    spec = catalog.specialties.get(targets[0]) if targets else None
    if spec is None:
        return RiskFactor(
            id="specialty_target",
            label=rule.label,
            value=catalog.specialty_name(targets[0]) if targets else "none chosen",
            level="middle",
            reason="No target specialty yet: choose one in the Profile to rate this factor",
            **_ruled("risk.specialty_target", rule),
        )
    found = feasibility_band(profile, spec, rules.readiness.feasibility)
    level = rule.by_feasibility[found.band]
    if found.score is not None and profile.is_reentry:
        why = (
            f"{spec.name} is {_a(found.band)} for a returning graduate ({found.score}/100, as "
            "under Target specialties)"
        )
    else:
        comp = spec.competitiveness.level.replace("_", " ")
        unscored = "; no re-entry score" if profile.is_reentry else ""
        why = (
            f"{spec.name} is {_a(found.band)} by its competitiveness ({comp}{unscored}), as "
            "under Target specialties"
        )
    return RiskFactor(
        id="specialty_target",
        label=rule.label,
        value=spec.name,
        level=level,
        reason=f"{why}: rates {level}",
        rule="risk.specialty_target",
        source=found.source,
        reliability=found.reliability,
        assumptions=[*found.assumptions, f"by_feasibility = a {found.band} target rates {level}"],
    )


def _a(band: str) -> str:
    """'a reach', 'a stretch', 'realistic': the band as a sentence names it."""
    return band if band == "realistic" else f"a {band}"


def _clinical(profile: Profile, rules: RiskFile) -> RiskFactor:
    rule = rules.clinical_gap
    reading = read_clinical(profile, rule)  # the one reading, the Program mix's too
    role, months, since, gap = reading.role, reading.months, reading.since, reading.gap
    role_label = ROLE_LABELS[role].lower()
    # "none in 24 months (none)" says nothing twice: a role of none is left out.
    of_role = f" ({role_label})" if role != "none" else ""
    value = f"{months} of the last 24 months{of_role}" if months else f"none in 24 months{of_role}"
    used: list[str] = []
    level: Level
    if gap >= rule.higher_gap_months:
        level = "higher"
        if months == 0 and since <= 24:
            reason = "No clinical work in the last 24 months"
            if role != "none":
                reason += f" (current role: {role_label})"
        else:
            reason = f"Last clinical work ended {plural(since, 'month')} ago"
        reason += f": {rule.higher_gap_months} months or more without it rates higher"
    elif reading.weak:
        level, reason, keys = rate_weak(reading, rule)
        used += keys
    elif months >= rule.lower_min_months and since <= rule.lower_max_since:
        used.append("lower_max_since")
        level = "lower"
        ongoing = "and ongoing" if since == 0 else f"ending {plural(since, 'month')} ago"
        reason = (
            f"{plural(months, 'month')} {ROLE_PHRASES[role]} in the last 24, {ongoing}: "
            f"{rule.lower_min_months}+ recent months rates lower"
        )
    else:
        used.append("lower_max_since")
        level = "middle"
        short: list[str] = []
        if months < rule.lower_min_months:
            short.append(
                f"only {plural(months, 'month')} in the last 24 "
                f"(lower needs {rule.lower_min_months})"
            )
        if since > rule.lower_max_since:
            short.append(
                f"last clinical work {plural(since, 'month')} ago (lower needs "
                f"{rule.lower_max_since} or fewer)"
            )
        reason = "Some recent clinical work, but " + " and ".join(short)
    return RiskFactor(
        id="clinical_gap",
        label=rule.label,
        value=value,
        level=level,
        reason=reason,
        **_ruled("risk.clinical_gap", rule, used),
    )


def _visa(profile: Profile, rules: RiskFile) -> RiskFactor:
    rule = rules.visa
    visa = profile.applicant.visa
    level = rule.levels[visa]
    if visa == "needs_sponsorship":
        value, reason = (
            "needs sponsorship",
            "Needs visa sponsorship, which many programs do not offer",
        )
    else:
        value, reason = "no sponsorship needed", "No visa sponsorship needed"
    return RiskFactor(
        id="visa",
        label=rule.label,
        value=value,
        level=level,
        reason=f"{reason}: rates {level}",
        **_ruled("risk.visa", rule),
    )


def _risk(profile: Profile, catalog: Catalog, rules: VerdictRules, found: _Findings) -> RiskSheet:
    risk = rules.risk
    stage = profile.applicant.stage
    if stage not in risk.applies_to_stages:
        from matchtui.engine.mix import graduated_by_note

        # A student graduating before the Match is in school now: no time away to weigh, but
        # a prior graduate in that Match, as the estimate reads them.
        graduated = graduated_by_note(profile, catalog)
        return RiskSheet(
            applicable=False,
            tier="not_applicable",
            reason=(
                "The re-entry risk sheet is for graduates who are out of training; this profile "
                f"is a {STAGE_LABELS[stage].lower()}." + (f" {graduated}" if graduated else "")
            ),
            factors=[],
            **_ruled("risk.tier", risk.tier),
        )
    factors = [
        _years(profile, risk),
        _exams(profile, risk),
        _target(profile, catalog, rules),
        _clinical(profile, risk),
        _visa(profile, risk),
    ]
    for factor in factors:
        if factor.level != "lower":
            found.add(
                f"risk.{factor.id}.{factor.level}",
                f"{factor.label}: {factor.value} ({factor.level} risk)",
            )
    higher = [f for f in factors if f.level == "higher"]
    middle = [f for f in factors if f.level == "middle"]
    rule = risk.tier
    tier: Tier
    names_h = ", ".join(f.label.lower() for f in higher)
    names_m = ", ".join(f.label.lower() for f in middle)
    if len(higher) >= rule.high_min_higher:
        tier = "high"
        reason = (
            f"{plural(len(higher), 'factor')} rate{'s' if len(higher) == 1 else ''} higher "
            f"({names_h}); "
            f"{rule.high_min_higher} or more make the tier high"
        )
    elif len(higher) >= rule.moderate_min_higher:
        tier = "moderate"
        reason = f"{plural(len(higher), 'factor')} rates higher ({names_h})"
        if middle:
            reason += f" and {len(middle)} middle ({names_m})"
    elif len(middle) >= rule.moderate_min_middle:
        tier = "moderate"
        reason = (
            f"{plural(len(middle), 'factor')} rate{'s' if len(middle) == 1 else ''} middle "
            f"({names_m}), none higher"
        )
    else:
        tier = "low"
        reason = "No factor rates higher" + (f"; one middle ({names_m})" if middle else "")
    provenance = _ruled("risk.tier", rule)
    statement = None
    by_id = {f.id: f for f in factors}
    exams = profile.exams
    for override in risk.overrides:
        if (
            profile.years_since_graduation >= override.years_min
            and exams.failures >= override.failures_min
            and (not override.step3_in or exams.third.status in override.step3_in)
            and all(by_id[f].level == "higher" for f in override.require_higher if f in by_id)
        ):
            tier = override.tier
            reason = f"Hard rule '{override.id}' applies: {reason}"
            statement = override.statement
            provenance = _ruled(f"risk.overrides.{override.id}", override)
            found.add("risk.override", statement)
            break
    if tier in ("high", "moderate"):
        found.add(f"risk.tier.{tier}", f"Re-entry risk tier {tier}: {reason}")
    return RiskSheet(
        applicable=True,
        tier=tier,
        reason=reason,
        factors=factors,
        statement=statement,
        **provenance,
    )


# --- back home ---------------------------------------------------------------------------------


def target_region(profile: Profile, catalog: Catalog) -> TargetRegion:
    """The profile's target region, as a why-home story or answer is read against it."""
    target = profile.targets.region
    return TargetRegion(target, place(catalog.region_name(target)))


def narrative_quality(text: str, catalog: Catalog, region: str | None = None) -> StoryVerdict:
    """How concrete a why-home story is, judged by the one text analyser (engine/text.py);
    with `region`, its ties to places outside that region do not count."""
    return judge_story("why_home", text, catalog, region)


# Engine records are named tuples where they can be (the same fields, equality and hash, and
# read-only): a command defines each at import, ~0.1 ms, where a frozen dataclass generates
# and compiles its methods, ~0.6 ms.
class _Region(NamedTuple):
    """What the profile shows about the target region."""

    name: str
    ties: TieStrength
    kinds: tuple[str, ...]
    tie_count: int
    away: str  # done | planned | none
    away_counts: bool
    local_letters: int  # letters from the region recent enough to count (_recent_letter)
    local_ok: bool
    story: StoryVerdict
    lives_there: bool
    works_there: bool = False  # the "rotation" is the graduate's clinical work where they live
    # a tie, rotation or letter listed under the target whose text names only places
    # elsewhere: (what, which text, its verdict on its places: "family tie", "note", "names
    # 'Houston', no state or region in the Midwest")
    listed_elsewhere: tuple[tuple[str, str, str], ...] = ()
    # a specialty among the tightest in a sought-after market the applicant's own words name:
    # (the specialty's name, the market's name), back_home.toml [hard_market]
    hard_market: tuple[str, str] | None = None
    # letters listed from the region but older than the Letters check's window: not counted
    stale_letters: int = 0
    stale_age: int = 0  # months since the most recent of them was written
    window_months: int = 0  # that window (readiness.toml [letters] window_months)

    @property
    def levers(self) -> int:
        return int(self.away_counts) + int(self.local_ok) + int(self.story.quality == "concrete")


def _works_in_region(profile: Profile, rules: VerdictRules) -> bool:
    """A graduate out of training living in the target region with clinical work now (the
    presence a rotation gives a student; back_home.toml [away] local_clinical_work_counts)."""
    if not (rules.back_home.away.local_clinical_work_counts and profile.is_reentry):
        return False
    clinical, gap = profile.clinical, rules.risk.clinical_gap
    return (
        profile.lives_in_target
        and clinical.role in rules.back_home.away.local_roles
        and clinical.months_last_24 > 0
        and clinical.months_since_last <= gap.lower_max_since
    )


def _region_facts(profile: Profile, catalog: Catalog, rules: VerdictRules) -> _Region:
    bh = rules.back_home
    region = target_region(profile, catalog)
    target = region.id
    ties_in: list[str] = [t.kind for t in profile.ties if t.region == target]
    if profile.lives_in_target:
        ties_in.append(LIVES_THERE)  # living in the target region counts as a tie
    kinds = tuple(dict.fromkeys(ties_in))
    ties: TieStrength
    if not ties_in:
        ties = "none"
    elif any(k in bh.ties.strong_kinds for k in kinds) or len(ties_in) >= bh.ties.strong_min_count:
        ties = "strong"
    else:
        ties = "weak"
    statuses = {r.status for r in profile.rotations if r.region == target}
    away = "done" if "done" in statuses else ("planned" if "planned" in statuses else "none")
    works_there = away != "done" and _works_in_region(profile, rules)
    if works_there:
        away = "done"
    window = rules.readiness.letters.window_months
    from_there = [letter for letter in profile.letters if letter.region == target]
    local = sum(1 for letter in from_there if _recent_letter(letter, rules))
    return _Region(
        name=region.name,
        ties=ties,
        kinds=kinds,
        tie_count=len(ties_in),
        away=away,
        works_there=works_there,
        away_counts=away == "done" or (away == "planned" and bh.away.count_planned),
        local_letters=local,
        local_ok=local >= bh.local_letters.min_count,
        story=_story_named(
            judge_for_region(
                narrative_quality(profile.narrative.why_home, catalog, target),
                places_elsewhere(profile.narrative.why_home, target, catalog),
                region,
                catalog,
            ),
            profile,
            rules,
        ),
        lives_there=profile.lives_in_target,
        listed_elsewhere=_listed_elsewhere(profile, region, catalog),
        hard_market=_hard_market(profile, target, rules, catalog),
        stale_letters=len(from_there) - local,
        stale_age=min(
            (x.months_ago for x in from_there if not _recent_letter(x, rules)), default=0
        ),
        window_months=window,
    )


def _recent_letter(letter: Letter, rules: VerdictRules) -> bool:
    """Whether a letter is recent enough to count: written within the Letters check's window
    (readiness.toml [letters] window_months). The one recency rule, for the Letters check and
    for the letters from the target region that the back-home rating counts."""
    return letter.months_ago <= rules.readiness.letters.window_months


def _story_named(story: StoryVerdict, profile: Profile, rules: VerdictRules) -> StoryVerdict:
    """The why-home story under the name it has for this profile: for one aiming at a region
    that is not home, back_home.toml [narrative] new_region_label ("Why-this-region story")."""
    label = rules.back_home.narrative.new_region_label
    if label and profile.holds("new_region"):
        return story.model_copy(update={"label": label})
    return story


def _hard_market(
    profile: Profile, target: str, rules: VerdictRules, catalog: Catalog
) -> tuple[str, str] | None:
    """The target specialty among the tightest and the sought-after market in the target
    region that the why-home story or a tie's note names, if both (back_home.toml
    [hard_market])."""
    rule = rules.back_home.hard_market
    if rule is None:
        return None
    specialty = next((s for s in profile.targets.specialties if s in rule.specialties), None)
    if specialty is None:
        return None
    texts = [profile.narrative.why_home, *(t.note for t in profile.ties if t.region == target)]
    for market in rule.markets:
        if market.region == target and any(names_any(text, market.words) for text in texts):
            return catalog.specialty_name(specialty), market.name
    return None


def _listed_elsewhere(
    profile: Profile, region: TargetRegion, catalog: Catalog
) -> tuple[tuple[str, str, str], ...]:
    """The ties, rotations and letters listed under the target region whose own words name
    only places elsewhere (a tie under the Midwest noted "My parents live in Houston")."""
    texts = [
        *(
            (f"{tie.kind.replace('_', ' ')} tie", "note", tie.region, tie.note)
            for tie in profile.ties
        ),
        *(("rotation", "place", r.region, r.place) for r in profile.rotations),
        *(("letter", "author", letter.region, letter.author) for letter in profile.letters),
    ]
    return tuple(
        (what, field, elsewhere_note(places, region))
        for what, field, listed, text in texts
        if listed == region.id and text and (places := places_elsewhere(text, region.id, catalog))
    )


def _back_home(profile: Profile, facts: _Region, rules: VerdictRules, found: _Findings) -> BackHome:
    bh = rules.back_home
    name = facts.name
    kinds = ", ".join(k.replace("_", " ") for k in facts.kinds)
    home = profile.applicant.home_region == profile.targets.region
    story = facts.story
    listed = f" ({kinds})" if kinds else " (none listed)"
    # Living there is worked out from the profile; the ties list is what the applicant wrote.
    from_list = any(kind != LIVES_THERE for kind in facts.kinds)
    if not from_list and "ties" in story.signals:
        # The ties count from the profile's list; a story that names them is not that list (a
        # generic story's ties are real too: it lacks other things).
        listed = (
            f" ({kinds}; your why-home story names more: add them under Ties in the Profile so "
            "they count)"
            if kinds
            else " (none listed, though your why-home story names some: add them under Ties in "
            "the Profile so they count)"
        )
    elif not kinds and home:  # home by the profile's word, with nothing named to show it
        listed = f" (none listed, though you call {name} home: list who or what ties you there)"
    reasons = [f"Ties to {name}: {facts.ties}{listed}"]
    reasons.extend(
        f"Your {what} is listed under {name}, but its {field} {note}: check the region you gave it"
        for what, field, note in facts.listed_elsewhere
    )
    # Away rotations are for students and residents; a graduate's is clinical work there.
    away = "Rotation or clinical work" if profile.is_reentry else "Away rotation"
    if facts.works_there:
        role = ROLE_LABELS[profile.clinical.role].lower()
        reasons.append(f"{away} in {name}: yes ({role}, where you live)")
    elif facts.away == "done":
        reasons.append(f"{away} in {name}: done")
    elif facts.away == "planned":
        counted = "counts" if facts.away_counts else "counts once it is done"
        reasons.append(f"{away} in {name}: planned, not yet done ({counted})")
    else:
        reasons.append(f"{away} in {name}: none")
    letters = (
        f"Letters from {name}: {facts.local_letters} (at least {bh.local_letters.min_count} wanted)"
    )
    if facts.stale_letters:
        # Listed from the region, but too old for the Letters check: not counted here either.
        one = facts.stale_letters == 1
        more = "more " if facts.local_letters else ""
        letters += (
            f"; {facts.stale_letters} {more}listed from {name} "
            + (
                f"was written {facts.stale_age} months ago"
                if one
                else f"were written {facts.stale_age} or more months ago"
            )
            + f", past the {facts.window_months} months the Letters check counts, so "
            + ("it is" if one else "they are")
            + " not counted here either"
            + ("" if facts.local_ok else ": a fresh letter from someone there would count")
        )
    # A letter written outside the US is a letter (the letters check counts it) but vouches for
    # no US region: say why the count here is short of the letters listed.
    abroad = sum(1 for letter in profile.letters if letter.region == ABROAD)
    if abroad:
        were, they = ("was", "it counts") if abroad == 1 else ("were", "they count")
        letters += (
            f"; {abroad} of the {len(profile.letters)} you listed {were} written outside the "
            f"US: {they} under Letters, not as from {name}"
        )
    reasons.append(letters)
    reasons.append(f"{story.label}: {story_shown(story)}")
    if (
        from_list
        and facts.ties != "strong"
        and story.quality == "concrete"
        and "ties" in story.signals
    ):
        reasons.append(
            f"Ties in your story: it names ties to {name} that your list of ties may not "
            "hold; add any missing under Ties in the Profile so they count"
        )
    if facts.hard_market is not None:
        specialty, market = facts.hard_market
        reasons.append(
            f"{specialty} in {market}: one of the tightest specialties in one of the most "
            "sought-after places to train, which is hard from anywhere, ties or not; apply well "
            f"beyond {market}"
        )
        found.add("back_home.hard_market", reasons[-1])
    heading = f"Back home to {name}" if home else f"Matching in {name}"
    common: dict[str, Any] = {
        "heading": heading,
        "new_region": not home,
        "ties": facts.ties,
        "tie_kinds": list(facts.kinds),
        "away_rotation": facts.away,
        "local_letters": facts.local_letters,
        "narrative": story.quality,
        "hard_market": facts.hard_market[1] if facts.hard_market else "",
    }
    if not profile.is_returner:
        verb = "study" if profile.applicant.situation == "in_school" else "train"
        return BackHome(
            applicable=False,
            likelihood="not_applicable",
            scenario="",
            scenario_label="Already in the target region",
            reasons=[f"You already {verb} in {name}, the region you are aiming for", *reasons],
            **common,
            **_ruled("back_home.scenarios", bh.scenarios[-1]),
        )
    chosen = bh.scenarios[-1]
    for scenario in bh.scenarios:
        if (
            (not scenario.ties or facts.ties in scenario.ties)
            and (scenario.away_rotation is None or scenario.away_rotation == facts.away_counts)
            and (scenario.local_letters is None or scenario.local_letters == facts.local_ok)
            and (not scenario.narrative or story.quality in scenario.narrative)
            and (scenario.min_levers is None or facts.levers >= scenario.min_levers)
        ):
            chosen = scenario
            break
    likelihood = chosen.likelihood
    label = chosen.graduate_label if profile.is_reentry and chosen.graduate_label else chosen.label
    reasons.insert(0, f"Scenario: {label}: likelihood {LIKELIHOOD_LABELS[likelihood]}")
    if likelihood in ("moderate_to_low", "very_low"):
        found.add("back_home.low", f"{heading}: {LIKELIHOOD_LABELS[likelihood]}")
    if facts.away == "none":
        found.add("back_home.no_away", f"No {away.lower()} in {name}")
    elif facts.away == "planned":
        found.add("back_home.away_planned", f"Rotation in {name} planned but not yet done")
    if not facts.local_ok:
        found.add(
            "back_home.no_local_letters",
            f"{plural(facts.local_letters, 'recent letter')} from {name} "
            f"({facts.stale_letters} older than {facts.window_months} months)"
            if facts.stale_letters
            else f"{plural(facts.local_letters, 'letter')} from {name}",
        )
    if story.quality == "missing":
        found.add("back_home.narrative_missing", f"No {story.label.lower()} written")
    elif story.quality == "generic":
        found.add("back_home.narrative_generic", reasons[-1])
    return BackHome(
        applicable=True,
        likelihood=likelihood,
        scenario=chosen.id,
        scenario_label=label,
        reasons=reasons,
        **common,
        **_ruled(f"back_home.scenarios.{chosen.id}", chosen),
    )


# --- archetypes --------------------------------------------------------------------------------


def _archetypes(
    profile: Profile,
    catalog: Catalog,
    facts: _Region,
    mix: MixPlan | None,
    rules: Rules,
    found: _Findings,
) -> list[Archetype]:
    from matchtui.models.assessment import Archetype

    arch = rules.archetypes
    out: list[Archetype] = []
    name = facts.name
    returner = profile.is_returner

    ghost = arch.ghost_applicant
    # The source's ghost goes back to where they come from; one aiming at a region that is
    # not home has nothing there to have stayed away from (going_home_only).
    if (returner or not ghost.returners_only) and (
        profile.is_going_home or not ghost.going_home_only
    ):
        levers = int(facts.away != "none") + int(facts.local_ok)
        levers += int(facts.story.quality == "concrete") + int(facts.lives_there)
        if levers <= ghost.max_levers:
            evidence = []
            if facts.away == "none":
                evidence.append(f"No rotation in {name}, done or planned")
            if not facts.local_ok:
                evidence.append(
                    f"No letter from anyone in {name} in the last {facts.window_months} months"
                    if facts.stale_letters
                    else f"No letter from anyone in {name}"
                )
            if facts.story.quality != "concrete":
                evidence.append(f"{facts.story.label} is {facts.story.quality}")
            if facts.story.generic and facts.story.quality != "concrete":
                evidence.append(f"The story leans on a stock phrase: '{facts.story.generic[0]}'")
            out.append(
                Archetype(
                    id="ghost_applicant",
                    name=ghost.name,
                    reason=f"Aiming at {name} with nothing there that shows you mean to come",
                    evidence=evidence,
                    **_ruled("archetypes.ghost_applicant", ghost, ["max_levers"]),
                )
            )

    gambler = arch.prestige_gambler
    if returner or not gambler.returners_only:
        evidence = []
        used: list[str] = []
        if mix is not None:
            if mix.academic_pct >= gambler.academic_pct_min:
                used.append("academic_pct_min")
                evidence.append(
                    f"Saved program mix: {mix.academic_pct}% academic programs "
                    f"(flagged at {gambler.academic_pct_min}% or more)"
                )
            if mix.community_pct <= gambler.community_pct_max:
                used.append("community_pct_max")
                evidence.append(
                    f"Saved program mix: {mix.community_pct}% community programs "
                    f"(flagged at {gambler.community_pct_max}% or less)"
                )
        targets = [
            catalog.specialties[s] for s in profile.targets.specialties if s in catalog.specialties
        ]
        if (
            gambler.profile_all_targets
            and targets
            and all(t.competitiveness.level in gambler.profile_all_targets for t in targets)
        ):
            used.append("profile_all_targets")
            listed = ", ".join(t.name for t in targets)
            evidence.append(f"Every target specialty is among the most selective: {listed}")
        if evidence:
            out.append(
                Archetype(
                    id="prestige_gambler",
                    name=gambler.name,
                    reason=(
                        f"A top-heavy plan for getting back to {name}"
                        if profile.is_going_home
                        else f"A top-heavy plan for a place in {name}"
                    ),
                    evidence=evidence,
                    **_ruled("archetypes.prestige_gambler", gambler, used),
                )
            )

    switcher = arch.last_second_switcher
    late = _decided_late(profile, catalog, switcher.late_decisions, switcher.late_months)
    trains = profile.applicant.training_region
    # A switcher built everything somewhere else: one who trains or lives in the target region
    # already did not switch to it, however late the choice was written down.
    elsewhere = profile.applicant.current_region != profile.targets.region
    if (returner or not switcher.returners_only) and late is not None and elsewhere:
        evidence = [f"Decided on {name} {late}"]
        current = place(catalog.region_name(profile.applicant.current_region))
        if profile.rotations and facts.away == "none":
            evidence.append(f"All {plural(len(profile.rotations), 'rotation')} outside {name}")
        if profile.letters and facts.local_letters + facts.stale_letters == 0:
            evidence.append(f"All {plural(len(profile.letters), 'letter')} from outside {name}")
        evidence.append(f"Current training region: {current}" if trains else f"Lives in: {current}")
        out.append(
            Archetype(
                id="last_second_switcher",
                name=switcher.name,
                reason=f"Chose {name} late, after building everything in {current}",
                evidence=evidence,
                **_ruled("archetypes.last_second_switcher", switcher),
            )
        )
    for item in out:
        found.add(f"archetype.{item.id}", f"{item.name}: {item.reason}")
    return out


def _decided_late(
    profile: Profile, catalog: Catalog, stages: Sequence[str], months: int
) -> str | None:
    """How the decision on the region reads when it came late ("late in M4", "in Mar 2026, 6
    months before applications open (2 Sep 2026)"), else None. A year/month is late within
    `months` of the day applications can go to programs (dates.toml submit_opens), or after it."""
    a = profile.applicant
    if a.region_decided is not None:
        return DECISION_LABELS[a.region_decided] if a.region_decided in stages else None
    if a.decided_year is None:
        return None
    decided = a.decided_year * 12 + (a.decided_month or 12)
    # Applications open in the year before the Match (every season dates.toml places): a
    # decision `months` before that year began was not late, and the calendar is not read.
    if (profile.cycle_year - 1) * 12 + 1 - decided >= months:
        return None
    from matchtui.engine.calendar import day_label, month_year, season_date

    day = season_date(catalog, profile.cycle_year, "submit_opens").date
    opens = day.year * 12 + day.month
    gap = opens - decided
    if gap >= months:
        return None
    when = month_year(a.decided_year, a.decided_month)
    if gap > 0:
        return f"in {when}, {plural(gap, 'month')} before applications open ({day_label(day)})"
    if gap == 0:
        return f"in {when}, the month applications opened ({day_label(day)})"
    return f"in {when}, {plural(-gap, 'month')} after applications opened ({day_label(day)})"


# --- letters, Step 3, feasibility, cycles --------------------------------------------------------


def _letters(profile: Profile, catalog: Catalog, rules: Rules, found: _Findings) -> LettersCheck:
    from matchtui.models.assessment import LettersCheck

    rule = rules.readiness.letters
    targets = set(profile.targets.specialties)
    adjacent = set(rule.adjacent) if targets & set(rule.adjacent) else set()
    recent = [x for x in profile.letters if _recent_letter(x, rules)]
    in_spec = [x for x in recent if x.specialty in targets or x.specialty in adjacent]
    real = [
        x
        for x in recent
        if x.saw_real_work and (rule.real_work_abroad_counts or x.region != ABROAD)
    ]
    # Supervised real work, but outside the US: a letter all the same, not the US word on it.
    abroad = sum(
        1
        for x in recent
        if x.saw_real_work and x.region == ABROAD and not rule.real_work_abroad_counts
    )
    names = ", ".join(catalog.specialty_name(s) for s in profile.targets.specialties[:2])
    first = (
        f"{len(recent)} of {plural(len(profile.letters), 'letter')} written in the last "
        f"{rule.window_months} months (want {rule.needed_recent})"
        if profile.letters
        else f"No letters listed yet (want {rule.needed_recent} from the last "
        f"{rule.window_months} months)"
    )
    reasons = [
        first,
        f"{len(in_spec)} recent from {names or 'your target specialty'}"
        + (" or primary care" if adjacent else "")
        + f" (want {rule.needed_in_specialty})",
        f"{len(real)} recent from someone who supervised your real work "
        f"(want {rule.needed_real_work})"
        + (
            (
                "; 1 other by someone who supervised your work was written outside the US: it "
                "counts"
                if abroad == 1
                else f"; {abroad} others by people who supervised your work were written "
                "outside the US: they count"
            )
            + " above, not here, since programs look for someone in US healthcare to "
            "vouch for your current work"
            if abroad
            else ""
        ),
    ]
    short = False
    if len(real) < rule.needed_real_work:
        short = True
        found.add("letters.short_real_work", reasons[2])
    if len(recent) < rule.needed_recent:
        short = True
        found.add("letters.short_recent", reasons[0])
    if len(in_spec) < rule.needed_in_specialty:
        short = True
        found.add("letters.short_specialty", reasons[1])
    return LettersCheck(
        verdict="short" if short else "ready",
        total=len(profile.letters),
        recent=len(recent),
        in_specialty=len(in_spec),
        saw_real_work=len(real),
        window_months=rule.window_months,
        needed_recent=rule.needed_recent,
        needed_in_specialty=rule.needed_in_specialty,
        needed_real_work=rule.needed_real_work,
        reasons=reasons,
        **_ruled("readiness.letters", rule),
    )


def _step3(
    profile: Profile, catalog: Catalog, rules: Rules, found: _Findings, today: dt.date | None
) -> Step3Check:
    """Step 3, or COMLEX Level 3 for a DO whose record is COMLEX's (Exams.third): whichever is
    further along is judged, by the same rule, and named as it is."""
    from matchtui.models.assessment import Step3Check

    rule = rules.readiness.step3
    third = profile.exams.third
    name = third.name
    stage = profile.applicant.stage
    provenance = _ruled("readiness.step3", rule)
    booking = step3_booking(profile, catalog, today)
    if booking is not None and booking.gone_by:
        # A booked date gone by: the profile still says "scheduled", whatever came of it.
        found.add(
            "step3.date_passed", f"{name} was booked for {booking.sitting.isoformat()}, now past"
        )
    if not step3_expected(profile, catalog):
        expected = f"not expected before this application for a {STAGE_LABELS[stage].lower()}"
        if third.status == "passed" and stage != "student":  # not asked of them, yet on record
            return Step3Check(
                applicable=False,
                exam=name,
                status="passed",
                verdict="passed",
                reason=f"Passed in {third.year}, though {expected}",
                **provenance,
            )
        return Step3Check(
            applicable=False,
            exam=name,
            status=third.status,
            verdict="not_applicable",
            reason=expected[0].upper() + expected[1:],
            **provenance,
        )
    if third.status == "passed":
        return Step3Check(
            applicable=True,
            exam=name,
            status="passed",
            verdict="passed",
            reason=f"Passed in {third.year}: programs see a graduate who can sit boards",
            **provenance,
        )
    if booking is not None:
        # That Match's own rank order list deadline, from the season calendar (dates.toml)
        from matchtui.engine.calendar import RELIABILITY_WORDS

        rank_deadline = booking.rank_deadline
        deadline = rank_deadline.date
        ready = booking.result_day
        provenance = _ruled("readiness.step3", rule, ["results_weeks"])
        provenance["assumptions"] = [
            f"rank lists close {deadline.isoformat()} "
            f"({RELIABILITY_WORDS[rank_deadline.reliability]}, {rank_deadline.source})",
            f"results take about {rule.results_weeks} weeks",
        ]
        if not booking.late and booking.gone_by:
            due = (
                f"the result would be out by now (about {ready.isoformat()})"
                if today is not None and ready <= today
                else f"the result should be in by about {ready.isoformat()}"
            )
            return Step3Check(
                applicable=True,
                exam=name,
                status="scheduled",
                verdict="date_passed",
                reason=(
                    f"Booked for {booking.sitting.isoformat()}, a date now past, and {due}: "
                    "record it in the Profile (passed, with the year), or a new date if you did "
                    "not sit it"
                ),
                **provenance,
            )
        if not booking.late:
            return Step3Check(
                applicable=True,
                exam=name,
                status="scheduled",
                verdict="scheduled",
                reason=(
                    f"Scheduled {booking.sitting.isoformat()}: the result should be in by about "
                    f"{ready.isoformat()}, before rank lists close ({deadline.isoformat()})"
                ),
                **provenance,
            )
        text = (
            f"Scheduled {booking.sitting.isoformat()}: the result would arrive about "
            f"{ready.isoformat()}, after rank lists close ({deadline.isoformat()})"
        )
        found.add("step3.late", text)
        return Step3Check(
            applicable=True,
            exam=name,
            status="scheduled",
            verdict="late",
            reason=text,
            **provenance,
        )
    text = f"Not taken: a graduate out of training without {name} looks like a risky hire"
    if profile.graduates_before_match:  # in school now, out of it by the Match
        text = (
            f"Not taken: by the {profile.cycle_year} Match you will have graduated, and a "
            f"graduate out of training without {name} looks like a risky hire; it can be sat "
            "once you have your degree"
        )
    found.add("step3.missing", f"{name} not taken")
    return Step3Check(
        applicable=True,
        exam=name,
        status=third.status,
        verdict="missing",
        reason=text,
        **provenance,
    )


def step3_expected(profile: Profile, catalog: Catalog) -> bool:
    """Step 3 (or Level 3) is expected of the applicant by their Match (readiness.toml [step3]
    applies_to_stages), the stage read at that Match: a student who graduates before it is a
    graduate out of training by then (Profile.graduates_before_match), as the estimate's
    applicant group reads them. The one rule for the Reality check's Step 3 verdict and the
    Program mix's no_step3 adjustment (engine.mix.missing_step3)."""
    stage = "graduate" if profile.graduates_before_match else profile.applicant.stage
    return stage in catalog.get("readiness.toml", ReadinessFile).step3.applies_to_stages


def step3_result_day(sitting: dt.date, results_weeks: int) -> dt.date:
    """When a Step 3 (or Level 3) sat on `sitting` has its result (readiness.toml
    results_weeks)."""
    return sitting + dt.timedelta(weeks=results_weeks)


class Step3Booking(NamedTuple):
    """A Step 3 (or Level 3, Exams.third) booked for a day, read against the profile's Match
    and the caller's today: the one reading of a booked sitting, for the Reality check's Step 3
    verdict and the Program mix's estimate alike (engine.mix.missing_step3)."""

    sitting: dt.date
    result_day: dt.date  # about when its result is out (readiness.toml results_weeks)
    rank_deadline: SeasonDate  # when the profile's Match closes its rank lists
    # Booked for a day before today (never without a today): the profile still says
    # "scheduled", with no result recorded, whatever came of the sitting.
    gone_by: bool

    @property
    def late(self) -> bool:
        """Its result comes after rank lists close: for this Match it is as good as not taken
        (the Reality check's 'late')."""
        return self.result_day > self.rank_deadline.date

    @property
    def counts_as_booked(self) -> bool:
        """Booked ahead, with its result in before rank lists close: the re-entry article's
        acceptable case. A day gone by is no pass until its result is recorded in the profile
        (the Reality check's 'date_passed' asks for it); a result after rank lists close is
        too late for this Match."""
        return not (self.gone_by or self.late)


def step3_booking(profile: Profile, catalog: Catalog, today: dt.date | None) -> Step3Booking | None:
    """The profile's booked Step 3 (or Level 3) read against its Match and `today` (the
    caller's day: the CLI's --today, the app's; None reads no day as gone by); None when
    neither exam is booked with a date."""
    third = profile.exams.third
    if third.status != "scheduled" or third.date is None:
        return None
    # The season calendar (dates.toml) is imported here: a profile with no booking skips it.
    from matchtui.engine.calendar import season_date

    # readiness.toml alone, as the Program mix reads it (rules_of reads all five rule files)
    weeks = catalog.get("readiness.toml", ReadinessFile).step3.results_weeks
    return Step3Booking(
        sitting=third.date,
        result_day=step3_result_day(third.date, weeks),
        rank_deadline=season_date(catalog, profile.cycle_year, "rank_deadline"),
        gone_by=today is not None and third.date < today,
    )


def _pivots(
    profile: Profile, catalog: Catalog, rules: Rules, group: str | None = None
) -> list[str]:
    rule = rules.readiness.feasibility
    targets = set(profile.targets.specialties)
    if profile.is_reentry:
        return [
            sid
            for sid, score in rules.by_score
            if score >= rule.pivot_min_score and sid not in targets
        ][: rule.pivot_count]
    # Everyone else: realistic specialties by competitiveness, the same group first.
    candidates = [
        s
        for s in catalog.specialties.values()
        if s.id not in targets
        and rule.by_competitiveness[s.competitiveness.level] == "realistic"
        and s.group != "other"
    ]
    candidates.sort(
        key=lambda s: (
            s.group != group,
            -(s.reentry_feasibility.score if s.reentry_feasibility else -1),
            s.name,
        )
    )
    return [s.id for s in candidates[: rule.pivot_count]]


class FoundBand(NamedTuple):
    """A specialty's feasibility band for a profile and what it rests on (feasibility_band)."""

    band: Band
    score: int | None  # the specialty's re-entry score, where specialties.toml has one
    reason: str
    source: str
    reliability: Reliability
    assumptions: list[str]


def feasibility_band(profile: Profile, spec: Specialty, rule: FeasibilityRule) -> FoundBand:
    """How open `spec` is to this applicant (readiness.toml [feasibility]): a graduate out of
    training by the specialty's re-entry score, everyone else (and a specialty without a score)
    by its competitiveness band. The one rule behind both the Target specialties section and
    the risk sheet's specialty row."""
    comp = spec.competitiveness.level
    feas = spec.reentry_feasibility
    score = feas.score if feas else None
    if profile.is_reentry and feas is not None:
        band: Band
        if feas.score >= rule.realistic_min_score:
            band = "realistic"
        elif feas.score <= rule.reach_max_score:
            band = "reach"
        else:
            band = "stretch"
        # The score rates the specialty, not the applicant: said so, so that "realistic"
        # beside a high re-entry risk and a low estimate does not read as a promise.
        reason = (
            f"How open the specialty is to graduates coming back: {feas.score}/100 (realistic "
            f"from {rule.realistic_min_score}, a reach at {rule.reach_max_score} or below). "
            "It rates the specialty, not you: your own chance is the Mix estimate"
        )
        assumptions = [
            f"realistic_min_score = {rule.realistic_min_score}",
            f"reach_max_score = {rule.reach_max_score}",
        ]
        return FoundBand(band, score, reason, feas.source, feas.reliability, assumptions)
    band = rule.by_competitiveness[comp]
    reason = f"Competitiveness {comp.replace('_', ' ')}: banded {band}"
    if profile.is_reentry:
        reason += " (no re-entry feasibility figure for this specialty)"
    return FoundBand(
        band,
        score,
        reason,
        spec.competitiveness.source,
        spec.competitiveness.reliability,
        [f"by_competitiveness {comp} = {band}"],
    )


def _feasibility(
    profile: Profile, catalog: Catalog, rules: Rules, found: _Findings
) -> list[SpecialtyFeasibility]:
    from matchtui.models.assessment import SpecialtyFeasibility

    rule = rules.readiness.feasibility
    out: list[SpecialtyFeasibility] = []
    for rank, sid in enumerate(profile.targets.specialties, start=1):
        spec = catalog.specialties.get(sid)
        if spec is None:
            continue
        comp = spec.competitiveness.level
        band, score, reason, source, reliability, assumptions = feasibility_band(
            profile, spec, rule
        )
        pivots = _pivots(profile, catalog, rules, spec.group) if band == "reach" else []
        if (spread := below_spread(profile, catalog, sid)) is not None:
            # The same rule as the Program mix's warning: a score below the chart's spread.
            reason += (
                f". Your Step 2 CK ({profile.exams.step2_score}) is below the lowest {spec.name} "
                f"score ({spread.min}) in the spread the Specialties chart draws "
                f"({spread.reliability}, {spread.source})"
            )
        if band == "reach":
            if profile.is_reentry:
                found.add(
                    "feasibility.reach",
                    f"{spec.name} is a reach for a returning graduate"
                    + (f" (feasibility {score}/100)" if score is not None else ""),
                )
            else:
                found.add("feasibility.competitive", f"{spec.name} is among the most selective")
        out.append(
            SpecialtyFeasibility(
                id=sid,
                name=spec.name,
                rank=rank,
                feasibility=band,
                score=score,
                competitiveness=comp,
                reason=reason,
                pivots=pivots,
                rule="readiness.feasibility",
                source=source,
                reliability=reliability,
                assumptions=assumptions,
            )
        )
    return out


def _cycles(
    profile: Profile, catalog: Catalog, tier: Tier, rules: Rules, found: _Findings
) -> CyclesCheck:
    from matchtui.models.assessment import CyclesCheck

    rule = rules.readiness.cycles
    applied = profile.cycles_attempted
    serious = profile.history.serious
    this = serious + 1
    limit = rule.serious_limit
    written = bool(profile.narrative.plan_b.strip())
    plan_b = _plan_b_written(profile, catalog)
    fallback = fallback_text(profile, rules)
    verdict: Any
    if this > limit:
        verdict = "past_limit"
        reason = (
            f"This would be cycle {this}, past {limit} serious attempts: unless the application "
            "is truly different, another cycle mostly costs time and money"
        )
        found.add("cycles.past_limit", f"Cycle {this}, past the limit of {limit}")
    elif this == limit:
        verdict = "last_serious"
        reason = f"Cycle {this} of {limit} serious attempts"
        if not fallback:  # one in a residency has theirs: the program they are in
            reason += ": the parallel plan is due now"
        found.add("cycles.last_serious", f"Cycle {this} of {limit}: the last serious attempt")
    elif serious == 0:
        verdict = "first"
        reason = f"First cycle ({limit} serious attempts is the usual limit)"
    else:
        verdict = "within_limit"
        reason = f"Cycle {this} of at most {limit} serious attempts"
    placed = profile.history.placed
    withdrawn = profile.history.withdrawn
    left_out = []
    if placed:
        left_out.append(f"{plural(placed, 'cycle')} that ended in a position")
    if withdrawn:
        left_out.append(plural(withdrawn, "withdrawn cycle"))
    if left_out:
        skipped = f"not counted: {' and '.join(left_out)}"
        # inside the parenthesis the first cycle's reason already has, else in one of its own
        reason = f"{reason[:-1]}; {skipped})" if reason.endswith(")") else f"{reason} ({skipped})"
    due = this >= limit or tier == "high"
    if fallback:
        reason += f"; {fallback}"
    elif due and not plan_b and written:
        # A plan B in general words does not count; the line says it is there but too vague.
        found.add("cycles.no_plan_b", "A parallel plan is due and the one written is too vague")
        reason += "; the plan B written is too vague to count yet"
    elif due and not plan_b:
        found.add("cycles.no_plan_b", "A parallel plan is due and none is written")
        reason += "; no plan B is written yet"
    elif due:
        reason += "; a plan B is written"
    return CyclesCheck(
        cycles_applied=applied,
        this_cycle=this,
        serious_limit=limit,
        verdict=verdict,
        parallel_plan_due=due,
        plan_b_present=plan_b,
        reason=reason,
        **_ruled("readiness.cycles", rule, []),
    )


# --- actions -----------------------------------------------------------------------------------


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Season(NamedTuple):
    """Where the applicant's Match stands on the day the actions are for: "before" its
    applications go to programs (dates.toml submit_opens; also when no day is given), "under
    way" from then to its Match Day, "over" after it; and the next Match whose applications
    have not opened yet."""

    state: Literal["before", "under way", "over"]
    next_match: int


def _season(profile: Profile, catalog: Catalog, today: dt.date | None) -> _Season:
    from matchtui.engine.calendar import season_date

    year = profile.cycle_year
    if today is None or today < season_date(catalog, year, "submit_opens").date:
        return _Season("before", year)
    following = year + 1
    while season_date(catalog, following, "submit_opens").date <= today:
        following += 1
    over = today > season_date(catalog, year, "match_day").date
    return _Season("over" if over else "under way", following)


def records_matter(profile: Profile, catalog: Catalog, today: dt.date | None) -> bool:
    """The next actions follow the applicant's records (`Records`) on `today`: the season of
    their Match is under way (its applications have gone to programs, its Match Day is ahead).
    Before and after it, no record changes a word of them."""
    return _season(profile, catalog, today).state == "under way"


class Records(NamedTuple):
    """What the applicant's own files record of the applications of their Match, which the
    next actions follow while its season is under way (`applications_gone`): the saved plan
    (None: not known), and of the program list the applications it shows sent
    (engine.plan.applications_count) and what it records of the application
    (engine.plan.sent_on_list: True, False, or None when nothing is listed); None: not known."""

    plan: PlanFile | None = None
    sent_count: int | None = None
    sent: bool | None = None


def records_of(plan: PlanFile | None, programs: Sequence[Program] | None) -> Records:
    """`Records` from the saved plan and the program list (None: not known). An empty list
    records nothing either way (engine.plan.sent_on_list), so it is taken as none."""
    if not programs:
        return Records(plan)
    from matchtui.engine.plan import applications_count, listed_sent

    count = applications_count(programs)
    return Records(plan, count, listed_sent(count, len(programs)))


def applications_gone(
    profile: Profile, catalog: Catalog, assessment: Assessment, records: Records, today: dt.date
) -> bool | None:
    """What the applicant's records say of the applications of their Match on `today`, read
    by the rule behind the late-season note of the Plan pane, the report and the commands
    (engine.plan.late_check, on the plan built from `records` and `assessment`): False when
    it finds the season went on without them; True when a record shows them gone (the program
    list shows one sent, or the plan's item for sending them is done or under way); None when
    neither: nothing is recorded, or it is too early to tell."""
    if records.sent:
        return True
    plan = records.plan
    if (plan is None or plan.timeline is None) and records.sent is None:
        return None  # no plan saved and no program listed: nothing recorded
    from matchtui.engine.plan import build_plan, late_check, migrate_plan
    from matchtui.models.plan_data import timeline_data

    plan = migrate_plan(plan, profile, catalog)  # as engine.plan.plan_for reads it
    timeline = plan.timeline if plan is not None else None
    view = build_plan(profile, catalog, timeline, today, assessment, records.sent_count)
    if late_check(view, catalog, records.sent) is not None:
        return False
    row = view.row(timeline_data(catalog).late.item)
    return True if row is not None and row.status in ("done", "doing") else None


def _actions(
    profile: Profile,
    catalog: Catalog,
    rules: Rules,
    found: _Findings,
    specialties: list[SpecialtyFeasibility],
    season: _Season,
    gone: bool | None = None,
) -> list[Action]:
    """The next actions, in the order of actions.toml, worded for this profile. An action that
    only makes sense before applications go to programs (before_applications) is, once those
    of the profile's Match have gone (`season`), what still helps this season (in_season,
    until Match Day), or else the action for the next Match (next_cycle_text), or, for a
    student, left out. In season, `gone` is what the applicant's records say of their
    applications (`applications_gone`): False (none went) gives the next Match's wording;
    None (nothing says) the in-season one, followed by what it assumes (actions.toml
    [season_assumed])."""
    from matchtui.models.assessment import Action

    pivots = next((s.pivots for s in specialties if s.pivots), None)
    if pivots is None:
        pivots = _pivots(profile, catalog, rules)
    targets = profile.targets.specialties
    context = _Blank(
        region=place(catalog.region_name(profile.targets.region)),
        home_region=place(catalog.region_name(profile.applicant.home_region)),
        current_region=place(catalog.region_name(profile.applicant.current_region)),
        lives_in=place(catalog.region_name(profile.applicant.lives_in)),
        specialty=catalog.specialty_name(targets[0]) if targets else "your target specialty",
        pivots=_join_or([catalog.specialty_name(p).lower() for p in pivots])
        or "a specialty more open to you",
        step3=profile.exams.third.name,  # "Level 3" for a DO whose record is COMLEX's
    )
    graduate = profile.is_reentry
    context["next_match"] = str(season.next_match)
    assumed = rules.actions.season_assumed if gone is None else None
    student = profile.applicant.stage == "student"
    out: list[Action] = []
    for rule in rules.actions.actions:
        fired = next((f for f in rule.when if f in found.items), None)
        if fired is None or any(f in found.items for f in rule.unless):
            continue
        title = rule.graduate_title if graduate and rule.graduate_title else rule.title
        text = rule.graduate_text if graduate and rule.graduate_text else rule.text
        if rule.plan_b_text and _plan_b_written(profile, catalog):
            title, text = rule.plan_b_title or title, rule.plan_b_text
        variant = next(
            (v for v in rule.variants if all(profile.holds(fact) for fact in v.when)), None
        )
        if variant is not None:
            title, text = variant.title or title, variant.text
        record: Rule = rule
        rule_id = f"actions.{rule.id}"
        taken: list[str] = []  # what the wording assumes of the applicant's records
        if rule.before_applications and season.state != "before":
            this_season = season.state == "under way" and gone is not False
            if this_season and rule.in_season is not None:
                record, rule_id = rule.in_season, f"{rule_id}.in_season"
                title, text = rule.in_season.title, rule.in_season.text
                if assumed is not None:
                    text = f"{text} {assumed.text}"
                    taken = [
                        "applications sent = assumed (neither the plan nor the program list says)"
                    ]
            elif student:
                continue  # a student's cycle is under way or over: no next one as a student
            else:
                title, text = rule.next_cycle_title or title, rule.next_cycle_text
        provenance = _ruled(rule_id, record)
        provenance["assumptions"] += taken
        out.append(
            Action(
                id=rule.id,
                title=title.format_map(context),
                text=text.format_map(context),
                finding=found.items[fired],
                finding_id=fired,
                priority=len(out) + 1,
                **provenance,
            )
        )
        if rule.id == "pivot_specialty":  # the steps after it are for the specialty moved to
            context["specialty"] = "the specialty you move to"
    return out


def fallback_text(profile: Profile, rules: Rules) -> str:
    """The fallback the profile already has, in words ("" for none): in a residency now, no
    new position leaves them in the one they hold, said in place of asking for a written plan
    B (readiness.toml [cycles] in_training_fallback). Students and graduates out of training
    have none but the plan B they write."""
    return rules.readiness.cycles.in_training_fallback if profile.in_training else ""


def _plan_b_story(profile: Profile, catalog: Catalog, rules: Rules) -> StoryVerdict:
    """The plan B story's verdict; for one who wrote none but has a fallback already
    (fallback_text), 'covered' with the row's own words (readiness.toml [cycles]
    in_training_plan_b) rather than 'missing': the gap it reports is not there."""
    verdict = judge_story("plan_b", profile.narrative.plan_b, catalog)
    covered = rules.readiness.cycles.in_training_plan_b
    if verdict.quality != "missing" or not covered or not fallback_text(profile, rules):
        return verdict
    return verdict.model_copy(update={"quality": "covered", "reason": covered, "missing": []})


NOT_WRITTEN = "not written yet"  # how a story nobody wrote reads, wherever it is listed


def story_shown(story: StoryVerdict) -> str:
    """What a story's verdict says where the stories are listed (the Reality pane, the report,
    `matchtui assess`, the back-home reasons): its reason, or for one nobody wrote
    `NOT_WRITTEN`, unless the profile needs none ('covered': its reason says why)."""
    return story.reason if story.words or story.quality == "covered" else NOT_WRITTEN


def _plan_b_written(profile: Profile, catalog: Catalog) -> bool:
    """The profile's plan B is written and concrete (the Cycles check and the actions)."""
    return judge_story("plan_b", profile.narrative.plan_b, catalog).names_enough


def _join_or(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


# --- entry point -------------------------------------------------------------------------------


def risk_and_back_home(profile: Profile, catalog: Catalog) -> tuple[RiskSheet, BackHome]:
    """The risk sheet and the back-home verdict alone, exactly as `assess` finds them (neither
    reads the mix nor another section): what the Program mix needs of the Reality check, without
    the archetypes, letters, feasibility, cycles, the other two stories and the actions (nor
    their models and rule files, readiness.toml aside: the specialty row reads its band)."""
    rules: VerdictRules | None = _RULES.get(catalog)  # all five files, once assess has run
    if rules is None:  # the three files read here (the catalog keeps each file it read)
        rules = VerdictRules(
            risk=catalog.get("risk.toml", RiskFile),
            back_home=catalog.get("back_home.toml", BackHomeFile),
            readiness=catalog.get("readiness.toml", ReadinessFile),
        )
    found = _Findings()  # what fired only shapes the actions, not made here
    risk = _risk(profile, catalog, rules, found)
    return risk, _back_home(profile, _region_facts(profile, catalog, rules), rules, found)


def student_graduation_note(profile: Profile, catalog: Catalog) -> str | None:
    """Why a student's graduation year reads as a slip (actions.toml [student_graduation]), or
    None: a student graduating after the Match applied for is a year early (students apply in
    their final year). A year well before it does not load at all: a student cannot have
    graduated years before the Match (Profile._timeline)."""
    applicant = profile.applicant
    # (years_after_match is never negative: a year no later than the Match is no slip, and the
    # rule file is not read for it)
    if applicant.situation != "in_school" or applicant.graduation_year <= profile.cycle_year:
        return None
    from matchtui.models.rules import ActionsFile

    rule = catalog.get("actions.toml", ActionsFile).student_graduation
    if rule is None:
        return None
    year, match = applicant.graduation_year, profile.cycle_year
    if year > match + rule.years_after_match:
        return (
            f"Down as a medical student graduating in {year}, after the {match} Match: students "
            "apply in their final year"
        )
    return None


def _has_past(profile: Profile, risk: RiskSheet) -> bool:
    """The applicant has a past for the why-now story to tell: an earlier Match cycle (missed,
    left, or given up), or, out of training, years since graduation or a clinical gap that the
    risk sheet rates higher (risk.toml: years out, time away from patients). A first
    application from school, a residency or soon after graduation has none, and is not asked
    what happened or why they stepped away (lexicon.toml [stories.why_now] first_time_advice).
    Nor is a resident for the cycle that placed them in the residency they hold (History.placed:
    a lasting match, not a preliminary year alone): switching from it, they have no miss, no
    time away and no "last cycle" to explain; out of training, that cycle is one they left."""
    history = profile.history
    if profile.in_training and len(history.cycles) > history.placed:
        return True
    if not profile.in_training and profile.cycles_attempted:
        return True
    away = ("years_since_graduation", "clinical_gap")
    return any(f.id in away and f.level == "higher" for f in risk.factors)


def _misses(history: History) -> str:
    """'2 cycles, 1 of them placed through SOAP afterwards': a SOAP place follows a miss in
    the Match itself."""
    text = plural(history.unmatched, "cycle")
    if history.soap_placed and history.unmatched > 1:
        text += f", {history.soap_placed} of them placed through SOAP afterwards"
    elif history.soap_placed:
        text += ", placed through SOAP afterwards"
    return text


def assess(
    profile: Profile,
    catalog: Catalog,
    mix: MixPlan | None = None,
    today: dt.date | None = None,
    records: Records | None = None,
) -> Assessment:
    """The Reality check for `profile`; `mix` is the saved program mix, if any. With `today`,
    what the profile dates ahead but is already past (a Step 3 booked for a day gone by) is
    said so, and the next actions are worded for where the season of its Match stands
    (_actions); without it, as before that Match's applications go to programs. In that
    season they follow what `records` (the applicant's saved plan and program list) say of
    the applications (`applications_gone`); without records, nothing says it."""
    from matchtui.models.assessment import Assessment

    rules = rules_of(catalog)
    found = _Findings()
    if (slip := student_graduation_note(profile, catalog)) is not None:
        found.add("profile.student_graduation", slip)
    if profile.needs_visa:
        found.add("visa.needs_sponsorship", "Needs visa sponsorship")
    if (failed := profile.exams.failures) > 0:
        found.add("exams.failures", f"{plural(failed, 'failed exam attempt')} on record")
    if profile.exams.first_unrecorded:
        found.add("exams.step1_unrecorded", "Step 1 result not recorded in the profile")
    elif not profile.exams.first_passed:
        opened = profile.exams.first_open
        found.add(
            "exams.step1_open",
            f"{opened} and not yet passed" if opened.endswith("failed") else f"{opened} yet",
        )
    last = profile.history.last
    if last is not None and last.outcome == "unmatched":
        found.add(
            "history.unmatched",
            f"Went unmatched before ({_misses(profile.history)})",
        )
    risk = _risk(profile, catalog, rules, found)
    facts = _region_facts(profile, catalog, rules)
    back_home = _back_home(profile, facts, rules, found)
    archetypes = _archetypes(profile, catalog, facts, mix, rules, found)
    letters = _letters(profile, catalog, rules, found)
    step3 = _step3(profile, catalog, rules, found, today)
    specialties = _feasibility(profile, catalog, rules, found)
    cycles = _cycles(profile, catalog, risk.tier, rules, found)
    stories = [
        facts.story,
        judge_story("why_now", profile.narrative.why_now, catalog, past=_has_past(profile, risk)),
        _plan_b_story(profile, catalog, rules),
    ]
    season = _season(profile, catalog, today)
    actions = _actions(profile, catalog, rules, found, specialties, season)
    scores = _score_note(profile, catalog)
    ruled: list[Any] = [
        risk,
        *risk.factors,
        back_home,
        *archetypes,
        letters,
        step3,
        *specialties,
        cycles,
        *([scores] if scores is not None else []),
    ]
    illustrative = any(r.reliability in SOFT_RELIABILITY or r.assumptions for r in ruled)
    result = Assessment(
        cycle_year=profile.cycle_year,
        reentry=profile.is_reentry,
        returner=profile.is_returner,
        risk=risk,
        back_home=back_home,
        archetypes=archetypes,
        letters=letters,
        step3=step3,
        specialties=specialties,
        cycles=cycles,
        actions=actions,
        stories=stories,
        score_note=scores,
        illustrative=illustrative,
    )
    if records is None or today is None or season.state != "under way":
        return result
    # The plan the records make is built from this result (its actions only mark its items);
    # what it finds words the actions again.
    gone = applications_gone(profile, catalog, result, records, today)
    if gone is None:
        return result
    actions = _actions(profile, catalog, rules, found, specialties, season, gone)
    return result.model_copy(update={"actions": actions})


def _score_note(profile: Profile, catalog: Catalog) -> ScoreNote | None:
    """A COMLEX Level 2-CE score on record: what the Program mix estimate does with it (never
    converted; engine.exams.score_note), with the provenance of that choice (mix.toml
    [comlex]) and the NBOME figures it quotes (readiness.toml [comlex])."""
    if profile.exams.level2_score is None:
        return None
    from matchtui.engine.exams import comlex_rule, score_note
    from matchtui.models.assessment import ScoreNote
    from matchtui.models.mix import mix_data

    treatment = mix_data(catalog).comlex
    figures = comlex_rule(catalog)
    return ScoreNote(
        text=score_note(profile, catalog),
        rule="readiness.comlex",
        source=treatment.source,
        reliability=treatment.reliability,
        assumptions=[
            "no published COMLEX-to-Step 2 CK conversion is used (mix.toml [comlex])",
            f"pass mark and mean: {catalog.cite(figures.source)} ({figures.reliability})",
        ],
    )


# --- rule details (for "show the rule" in the app and the report) ------------------------------


class RuleDetail(NamedTuple):
    """Where a finding's rule lives and what it says (rule_detail)."""

    rule: str
    file: str
    key: str
    params: dict[str, Any]
    source: str
    citation: str
    reliability: str
    assumed: list[str]
    note: str


def rule_detail(catalog: Catalog, rule_id: str) -> RuleDetail | None:
    """Where a finding's rule lives and what it says, or None for an unknown id."""
    head, _, rest = rule_id.partition(".")
    name = RULE_FILES.get(head)
    if name is None or not rest:
        return None
    rules = rules_of(catalog)
    node: Any = getattr(rules, head)
    for part in rest.split("."):
        if isinstance(node, list):
            node = next((item for item in node if getattr(item, "id", None) == part), None)
        elif hasattr(node, part):
            node = getattr(node, part)
        else:  # "actions.away_rotation": an id inside the file's top-level list
            lists = [v for v in vars(node).values() if isinstance(v, list)]
            node = next(
                (item for items in lists for item in items if getattr(item, "id", None) == part),
                None,
            )
        if node is None:
            return None
    if not isinstance(node, Rule):
        return None
    return RuleDetail(
        rule=rule_id,
        file=name,
        key=rest,
        params=node.params(),
        source=node.source,
        citation=catalog.cite(node.source),
        reliability=node.reliability,
        assumed=list(node.assumed),
        note=node.note,
    )
