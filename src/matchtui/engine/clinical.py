"""The clinical gap, read once for the Reality check and the Program mix estimate. Pure.

risk.toml [clinical_gap] says which roles are clinical work (`counting_roles`) and which count
only weakly (`weak_roles`: an observership shows intent but never rates better than middle, and
a short one after a long time without hands-on work rates higher: `weak_min_months`).
The Reality check rates the reading; the estimate turns it into years without clinical work,
crediting a weak role's months only in part (mix.toml [weak_clinical]). How long the applicant
went without hands-on clinical work before a weak role is the profile's
clinical.months_since_hands_on; not given, it is read as the 24-month window (an assumption the
screens name).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from matchtui.engine.wording import plural
from matchtui.models.profile import CLINICAL_WINDOW_MONTHS, HANDS_ON_LABEL

if TYPE_CHECKING:
    from matchtui.models.profile import ClinicalRole, Profile
    from matchtui.models.risk_rules import ClinicalGapRule, Level

# The profile counts clinical months in the last 24 (Clinical.months_last_24): with none there,
# the last clinical work ended at least this long ago.
WINDOW_MONTHS = CLINICAL_WINDOW_MONTHS
# What to do about a hands-on gap not given (the Profile pane's field, by its label).
FILL_IN = f"fill in {HANDS_ON_LABEL} in the profile, months_since_hands_on in its file"


class ClinicalReading(NamedTuple):
    """The profile's recent clinical activity as the clinical-gap rule reads it."""

    role: ClinicalRole
    weak: bool  # a weak role: its months count, but it never rates better than middle
    months: int  # months of clinical work in the last 24 (0 when the role is not clinical)
    since: int  # months since the last of it, as entered
    gap: int  # months without clinical work: `since`, or `without` (and the window) when no
    # month counts
    without: int  # the gap were the role not clinical work: since, and at least the months
    # since the last hands-on work (the window when they are not given)
    hands_on: int | None  # months since the last hands-on clinical work, as entered (None: not)

    def estimate_gap_months(self, month_credit: float) -> float:
        """The months without clinical work the estimate reads. A weak role closes the gap only
        in part: each of its months takes `month_credit` months off the gap read without it,
        never below its own gap. Any other role reads the rule's gap."""
        if not self.weak:
            return float(self.gap)
        return max(float(self.gap), self.without - month_credit * self.months)

    def hands_on_note(self) -> str:
        """How the estimate read the time without hands-on clinical work before a weak role:
        the months the profile gives, or, not given, the window (an assumption to replace)."""
        if self.hands_on is not None:
            return f"last hands-on clinical work {plural(self.hands_on, 'month')} ago"
        return (
            "months without hands-on clinical work before it unknown, taken as the "
            f"{WINDOW_MONTHS}-month window (an assumption: {FILL_IN})"
        )


def rate_weak(reading: ClinicalReading, rule: ClinicalGapRule) -> tuple[Level, str, list[str]]:
    """The clinical-gap rule on a weak role (reading.weak): its level, the reason and the
    rule's keys it relied on. An observership never rates better than middle; a short one
    (under weak_min_months) after higher_gap_months or more without hands-on clinical work
    rates higher. With the hands-on gap not given, the observership alone is rated."""
    observed = f"{plural(reading.months, 'month')} as an observer"
    hands_on = reading.hands_on
    if hands_on is None:
        return (
            "middle",
            f"{observed}: it shows intent, but on its own never rates better than middle. "
            "Time without hands-on work before it unknown (the estimate assumes the "
            f"{WINDOW_MONTHS}-month window): {FILL_IN}",
            ["weak_roles"],
        )
    used = ["weak_roles"]
    if hands_on >= rule.higher_gap_months:
        used.append("weak_min_months")
        if reading.months < rule.weak_min_months:
            return (
                "higher",
                f"{observed} after {plural(hands_on, 'month')} without hands-on clinical work: "
                f"under {rule.weak_min_months} months observed does not close a gap of "
                f"{rule.higher_gap_months} months or more, which rates higher",
                used,
            )
    return (
        "middle",
        f"{observed}, {reading.hands_on_note()}: it shows intent, but on its own never rates "
        "better than middle",
        used,
    )


def read_clinical(profile: Profile, rule: ClinicalGapRule) -> ClinicalReading:
    """What the profile's role, months in the last 24 and months since the last come to under
    the clinical-gap rule: a role that is not clinical work (non-clinical, none) counts no
    month, and with no month in the last 24 the gap is at least those 24 months."""
    clinical = profile.clinical
    role = clinical.role
    weak = role in rule.weak_roles
    counts = weak or role in rule.counting_roles
    months = clinical.months_last_24 if counts else 0
    since = clinical.months_since_last
    hands_on = clinical.months_since_hands_on
    without = max(since, WINDOW_MONTHS if hands_on is None else hands_on)
    return ClinicalReading(
        role=role,
        weak=weak and months > 0,
        months=months,
        since=since,
        gap=since if months > 0 else max(without, WINDOW_MONTHS),
        without=without,
        hands_on=hands_on,
    )


__all__ = ["WINDOW_MONTHS", "ClinicalReading", "rate_weak", "read_clinical"]
