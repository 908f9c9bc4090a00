"""The clinical gap, read once for the Reality check and the Program mix estimate. Pure.

risk.toml [clinical_gap] says which roles are clinical work (`counting_roles`) and which count
only weakly (`weak_roles`: an observership shows intent but never rates better than middle).
The Reality check rates the reading; the estimate turns it into years without clinical work,
crediting a weak role's months only in part (mix.toml [weak_clinical]).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from matchtui.models.profile import CLINICAL_WINDOW_MONTHS

if TYPE_CHECKING:
    from matchtui.models.profile import ClinicalRole, Profile
    from matchtui.models.risk_rules import ClinicalGapRule

# The profile counts clinical months in the last 24 (Clinical.months_last_24): with none there,
# the last clinical work ended at least this long ago.
WINDOW_MONTHS = CLINICAL_WINDOW_MONTHS


class ClinicalReading(NamedTuple):
    """The profile's recent clinical activity as the clinical-gap rule reads it."""

    role: ClinicalRole
    weak: bool  # a weak role: its months count, but it never rates better than middle
    months: int  # months of clinical work in the last 24 (0 when the role is not clinical)
    since: int  # months since the last of it, as entered
    gap: int  # months without clinical work: `since`, or `without` when no month counts
    without: int  # the gap were the role not clinical work: since, and at least the window

    def estimate_gap_months(self, month_credit: float) -> float:
        """The months without clinical work the estimate reads. A weak role closes the gap only
        in part: each of its months takes `month_credit` months off the gap read without it,
        never below its own gap. Any other role reads the rule's gap."""
        if not self.weak:
            return float(self.gap)
        return max(float(self.gap), self.without - month_credit * self.months)


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
    without = max(since, WINDOW_MONTHS)
    return ClinicalReading(
        role=role,
        weak=weak and months > 0,
        months=months,
        since=since,
        gap=since if months > 0 else without,
        without=without,
    )


__all__ = ["WINDOW_MONTHS", "ClinicalReading", "read_clinical"]
