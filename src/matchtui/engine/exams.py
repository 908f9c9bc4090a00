"""COMLEX-USA beside USMLE: how a US DO's Level 2-CE score is checked and what the estimate
does with it. Its figures are readiness.toml [comlex] (NBOME's pass mark and mean, the range a
score is checked against); how the estimate treats it is mix.toml [comlex]: no published
conversion to Step 2 CK points exists that matchtui could use, so none is made, and every output
that shows the estimate says so with the one sentence made here (`score_note`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.models.profile import Exams, Profile
    from matchtui.models.reference import ScoreDistribution, Specialty
    from matchtui.models.risk_rules import ComlexRule

# Where the estimate places a DO with only a COMLEX score when no specialty is in view (the
# Reality check): the Program mix names the score for its specialty (engine.mix.no_score_detail,
# comlex_note).
GROUP_PLACE = "your group's typical score"


def comlex_rule(catalog: Catalog) -> ComlexRule:
    """readiness.toml [comlex] (read alone: a profile load checks a score against it)."""
    from matchtui.models.risk_rules import ReadinessFile

    return catalog.get("readiness.toml", ReadinessFile).comlex


def level2_problem(exams: Exams, catalog: Catalog) -> str | None:
    """Why a Level 2-CE score cannot be right (outside the range readiness.toml checks), else
    None. A Step 2 CK score typed here (300 or less) is named as one."""
    score = exams.level2_score
    if score is None:
        return None
    rule = comlex_rule(catalog)
    if rule.level2_min <= score <= rule.level2_max:
        return None
    text = (
        f"a COMLEX Level 2-CE score is a three-digit score from {rule.level2_min} to "
        f"{rule.level2_max} (the pass mark is {rule.level2_pass})"
    )
    if score < rule.level2_min:
        text += "; a USMLE Step 2 CK score goes in step2_score"
    return text


def score_note(profile: Profile, catalog: Catalog, place: str = GROUP_PLACE) -> str:
    """What the estimate does with a COMLEX Level 2-CE score, in words ("" without one): it is
    never read as Step 2 CK points. With no Step 2 CK score beside it, the estimate places the
    applicant at `place` (their group's typical score), as it does someone who enters none."""
    exams = profile.exams
    score = exams.level2_score
    if score is None:
        return ""
    rule = comlex_rule(catalog)
    about = (
        f"COMLEX Level 2-CE {score} (NBOME: pass mark {rule.level2_pass}, first-time takers "
        f"average about {rule.level2_mean})"
    )
    if exams.step2_score is not None:
        return (
            f"{about}. The estimate's score curve is in USMLE Step 2 CK points, so it reads your "
            f"Step 2 CK {exams.step2_score}; the Level 2-CE score is not converted (no "
            "published conversion is used) and does not move it."
        )
    return (
        f"{about}. The estimate's score curve is in USMLE Step 2 CK points and no published "
        f"conversion from COMLEX is used, so {score} is not read as a Step 2 CK score. "
        f"Assumption: the estimate places you at {place}, as it does someone in your group "
        "who enters no score, so a high or low Level 2-CE score does not move it."
    )


def score_spread(spec: Specialty) -> ScoreDistribution | None:
    """The specialty's spread of Step 2 CK scores (specialties.toml step2_distribution): the
    box the Specialties chart draws, and the one the Program mix and the Reality check set the
    applicant's score against (below_spread)."""
    return spec.step2_distribution


def below_spread(profile: Profile, catalog: Catalog, specialty: str) -> ScoreDistribution | None:
    """The specialty's score spread when the applicant's Step 2 CK lies below its lowest score
    (the chart's "below min"), else None (no score, no spread, or a score within it)."""
    score = profile.exams.step2_score
    spec = catalog.specialties.get(specialty)
    if score is None or spec is None:
        return None
    spread = score_spread(spec)
    return spread if spread is not None and spread.below(score) else None
