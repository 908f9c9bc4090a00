"""The part of the Reality check's result the Program mix also reads: the re-entry risk sheet and
the back-home verdict (models/assessment.py holds the rest and names these too). Kept apart so
`matchtui mix` defines only these result models, not the whole assessment's.
"""

from typing import Literal

from pydantic import Field

from matchtui.models.base import Reliability, Strict, empty_list

Level = Literal["lower", "middle", "higher"]
Tier = Literal["low", "moderate", "high", "not_applicable"]
Likelihood = Literal["very_high", "high", "moderate_to_low", "very_low", "not_applicable"]
LIKELIHOOD_LABELS: dict[str, str] = {
    "very_high": "very high",
    "high": "high",
    "moderate_to_low": "moderate to low",
    "very_low": "very low",
    "not_applicable": "not applicable",
}
FactorId = Literal[
    "years_since_graduation", "exam_status", "specialty_target", "clinical_gap", "visa"
]
TieStrength = Literal["strong", "weak", "none"]
NarrativeQuality = Literal["concrete", "generic", "missing"]


class Ruled(Strict):
    """Provenance of a finding: which rule decided it, where the rule comes from."""

    rule: str  # e.g. "risk.clinical_gap": file stem, then the key path in that file
    source: str
    reliability: Reliability
    # Thresholds this decision used that are matchtui's own choices, as "key = value".
    assumptions: list[str] = Field(default_factory=empty_list)


class RiskFactor(Ruled):
    id: FactorId
    label: str
    value: str  # the applicant's own value, as shown in the "your value" column
    level: Level
    reason: str  # names the input value and the threshold it met


class RiskSheet(Ruled):
    applicable: bool
    tier: Tier
    reason: str
    factors: list[RiskFactor] = Field(default_factory=empty_list)
    # A plain statement when a hard rule fires (e.g. the target has to change, not the essay).
    statement: str | None = None


class BackHome(Ruled):
    applicable: bool
    likelihood: Likelihood
    scenario: str  # scenario id in back_home.toml ("" when not applicable)
    scenario_label: str
    ties: TieStrength
    tie_kinds: list[str] = Field(default_factory=empty_list)
    away_rotation: Literal["done", "planned", "none"]
    local_letters: int
    narrative: NarrativeQuality
    reasons: list[str] = Field(default_factory=empty_list)
    # "Back home to the Midwest", or "Matching in the West" when the target region is not the
    # home region the applicant gave: one title for the pane, the CLI and the findings.
    heading: str = ""
    # The target region is not the applicant's home region (the title's "Matching in ...").
    new_region: bool = False
    # The sought-after market the applicant's words name, when the target specialty is among
    # the tightest (back_home.toml [hard_market]); "" otherwise.
    hard_market: str = ""
