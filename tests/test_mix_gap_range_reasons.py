"""Three places where the estimate disagreed with the Reality check or explained itself wrongly,
found by an auditor trying personas on the CLI.

1. The clinical gap. The estimate read only the months since the last clinical activity: a
   graduate in a non-clinical job for 24 months, still going on, had "Time since last clinical
   work 0 years: -0.00" while the Reality check said "none in 24 months (non-clinical work),
   higher"; a DO graduate ten years out whose two-month observership ended a month ago was read
   as having no gap at all (78%; 19% without it), though the Reality check rates an observership
   middle at best. Both now read the gap by one rule (engine/clinical.py over risk.toml
   [clinical_gap]); the estimate credits an observership's months only in part (mix.toml
   [weak_clinical], an assumption the Assumptions list names).
2. The range sentence. It always said the low end takes the steep reading of the adjustments and
   that their assumed cost makes the range, while for a non-US IMG with a visa the shallow
   reading was the lowest (the group's offset is refitted for each reading) and almost all the
   width was the 0.3 margin. It now says what the terms show.
3. What weighs on the chance. A prior graduate who entered 234 in internal medicine (the
   unmatched seniors' mean, the group's typical score, already in its baseline) was told their
   score weighed on the chance; the same graduate with no score and the same 17% was told the
   clinical gap did. Each factor is now weighed against the group's baseline.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.mix import (
    applicant_term,
    clinical_gap_years,
    clinical_reading,
    estimate,
    inputs_of,
    range_parts,
    recommended_mix,
    verdict_for,
)
from matchtui.models.mix import SETTINGS, mix_data
from matchtui.models.profile import Profile
from matchtui.models.risk_rules import RiskFile

# A US MD graduate six years out, unmatched twice in surgery, in a non-clinical job for two years.
NONCLINICAL = """
schema_version = 2
cycle_year = 2027
[applicant]
name = "Non-clinical job"
situation = "not_in_training"
degree = "us_md"
graduation_year = 2021
visa = "none"
home_region = "south"
lives_in = "south"
decided_year = 2026
decided_month = 3
[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 228
step2_attempts = 1
step3 = "not_taken"
[[history.cycles]]
year = 2021
specialty = "general_surgery"
outcome = "unmatched"
soap = true
[[history.cycles]]
year = 2022
specialty = "general_surgery"
outcome = "unmatched"
soap = true
[targets]
specialties = ["internal_medicine", "family_medicine"]
region = "south"
divisions = ["south_atlantic"]
[clinical]
role = "nonclinical"
months_last_24 = 24
months_since_last = 0
"""

# A US DO graduate ten years out after caring for a parent, two months into an observership.
OBSERVER = """
schema_version = 2
cycle_year = 2027
[applicant]
name = "DO graduate, caregiver, observer"
situation = "not_in_training"
degree = "us_do"
graduation_year = 2017
visa = "none"
home_region = "midwest"
lives_in = "midwest"
decided_year = 2026
decided_month = 1
[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 236
step2_attempts = 1
step3 = "scheduled"
step3_date = 2027-01-20
[targets]
specialties = ["family_medicine"]
region = "midwest"
divisions = ["west_north_central"]
setting = "rural"
[clinical]
role = "observership"
months_last_24 = 2
months_since_last = 1
[[ties]]
kind = "family"
region = "midwest"
"""

# A non-US IMG five years out who needs a visa, with Step 3 passed, working clinically now.
IMG_VISA = """
schema_version = 2
cycle_year = 2027
[applicant]
name = "Non-US IMG with a visa"
situation = "not_in_training"
degree = "non_us_img"
graduation_year = 2022
visa = "needs_sponsorship"
home_region = "south"
lives_in = "midwest"
[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 245
step2_attempts = 1
step3 = "passed"
step3_year = 2026
[targets]
specialties = ["internal_medicine"]
region = "midwest"
[clinical]
role = "clinical_job"
months_last_24 = 12
months_since_last = 0
"""


def read(text: str, **clinical: Any) -> Profile:
    data = tomllib.loads(text)
    data["clinical"].update(clinical)
    return Profile.model_validate(data)


def chance(profile: Profile, catalog: Catalog) -> float:
    return estimate(profile, catalog, recommended_mix(profile, catalog)).p_match


def gap_term(profile: Profile, catalog: Catalog) -> float:
    result = estimate(profile, catalog, recommended_mix(profile, catalog))
    line = next(a for a in result.assumptions if a.name.startswith("Time since last clinical"))
    return float(str(line.value).rsplit(": ", 1)[1])


# --- 1. the clinical gap, read by one rule ---------------------------------------------------


def test_a_non_clinical_job_leaves_the_gap_open_in_the_estimate_as_in_the_reality_check(
    catalog: Catalog,
) -> None:
    working = read(NONCLINICAL)
    factor = assess(working, catalog).factor("clinical_gap")
    assert factor is not None and factor.level == "higher"
    assert factor.value == "none in 24 months (non-clinical work)"
    # The estimate reads it as the Reality check does: as no role at all, not as a job.
    idle = read(NONCLINICAL, role="none", months_last_24=0, months_since_last=0)
    job = read(NONCLINICAL, role="clinical_job")
    assert clinical_gap_years(working, catalog) == clinical_gap_years(idle, catalog) >= 2
    assert clinical_gap_years(job, catalog) == 0
    assert gap_term(working, catalog) < 0
    assert chance(working, catalog) == chance(idle, catalog) < chance(job, catalog)


def test_an_observership_closes_the_gap_only_in_part(catalog: Catalog) -> None:
    observer = read(OBSERVER)
    factor = assess(observer, catalog).factor("clinical_gap")
    assert factor is not None and factor.level == "middle"
    job = read(OBSERVER, role="clinical_job")
    idle = read(OBSERVER, role="none", months_last_24=0, months_since_last=1)
    gaps = [clinical_gap_years(p, catalog) for p in (job, observer, idle)]
    assert gaps[0] < gaps[1] < gaps[2]
    assert gap_term(observer, catalog) < gap_term(job, catalog) == 0
    assert chance(observer, catalog) < chance(job, catalog)
    # The credit is the data's: each month observed takes month_credit months off the gap the
    # estimate would read without it.
    credit = mix_data(catalog).weak_clinical.month_credit
    reading = clinical_reading(observer, catalog)
    assert gaps[1] * 12 == pytest.approx(reading.without - credit * reading.months)
    # ... and the screen says it is an assumption.
    result = estimate(observer, catalog, recommended_mix(observer, catalog))
    (line,) = [a for a in result.assumptions if a.name.startswith("Observership months")]
    assert (line.source, line.reliability) == ("matchtui_assumption", "assumption")
    assert "2 months, ended 1 month ago" in str(line.value)


@pytest.mark.parametrize("months", [1, 6, 24])
@pytest.mark.parametrize("since", [0, 3, 23])
def test_an_observership_reads_between_a_job_and_nothing(
    catalog: Catalog, months: int, since: int
) -> None:
    """Whatever its length, an observership the Reality check rates middle is never read by the
    estimate as a shorter gap than a clinical job of the same months, nor as long a gap as no
    clinical work at all."""
    rule = catalog.get("risk.toml", RiskFile).clinical_gap
    observer = read(OBSERVER, months_last_24=months, months_since_last=since)
    job = read(OBSERVER, role="clinical_job", months_last_24=months, months_since_last=since)
    idle = read(OBSERVER, role="none", months_last_24=0, months_since_last=since)
    assert assess(observer, catalog).factor("clinical_gap").level == "middle"  # type: ignore[union-attr]
    read_as = clinical_gap_years(observer, catalog) * 12
    assert clinical_gap_years(job, catalog) * 12 <= read_as < clinical_gap_years(idle, catalog) * 12
    assert read_as < rule.higher_gap_months


def test_cli_mix_and_assess_agree_on_a_non_clinical_job(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "nonclinical.toml"
    path.write_text(NONCLINICAL, encoding="utf-8")
    assert main(["--today", "2026-12-05", "assess", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.strip().startswith("Clinical gap"))
    assert "none in 24 months (non-clinical work)" in line and line.rstrip().endswith("higher")
    assert main(["--today", "2026-12-05", "mix", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "Time since last clinical work" in x)
    expected = gap_term(read(NONCLINICAL), catalog)
    assert expected < 0
    assert f"2 years: {expected:+.2f} (assumption" in line


def test_cli_mix_lists_how_an_observership_was_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "observer.toml"
    path.write_text(OBSERVER, encoding="utf-8")
    assert main(["--today", "2026-12-05", "mix", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    gap = next(x for x in out.splitlines() if "Time since last clinical work" in x)
    assert ": -0.00" not in gap
    line = next(x for x in out.splitlines() if "Observership months against the clinical gap" in x)
    assert "read as 23 months without clinical work" in line
    assert line.rstrip().endswith("(assumption, matchtui_assumption)")
    assert main(["--today", "2026-12-05", "mix", "--json", "--profile", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [a["name"] for a in data["assumptions"]]
    assert any(n.startswith("Observership months against the clinical gap") for n in names)


# --- 2. the sentence that explains the range -----------------------------------------------------


def _parts(profile: Profile, catalog: Catalog) -> Any:
    mix = recommended_mix(profile, catalog)
    inputs = inputs_of(profile, catalog)
    terms = [applicant_term(catalog, mix.specialty, inputs, s) for s in SETTINGS]
    verdict = verdict_for(profile, catalog)
    return terms, range_parts(catalog, verdict, mix.region_share_pct, terms)


def test_a_range_made_by_the_margin_says_so_and_names_the_lowest_reading(
    catalog: Catalog,
) -> None:
    """A non-US IMG five years out who needs a visa: the refitted offsets put the shallow
    reading lowest, and the readings spread far less than the margin. The sentence said the
    steep reading gave the low end and the assumed costs made the range."""
    img = read(IMG_VISA)
    result = estimate(img, catalog, recommended_mix(img, catalog))
    assert result.risk_tier == "high"
    terms, parts = _parts(img, catalog)
    assert min(terms) == terms[SETTINGS.index("shallow")] and parts.lowest == "shallow"
    assert parts.margin > parts.readings + parts.back_home
    note = result.range_note
    assert "Most of its width is the model's margin (0.3 either way" in note
    assert "The low end takes the shallow reading of each cost, the high end the steep one" in note
    assert "steep reading of each cost, the high end the shallow" not in note


def test_a_range_made_by_the_readings_says_so(catalog: Catalog) -> None:
    """The same IMG twelve years out: now the years and the visa readings spread more than the
    margin and the back-home factor together, and the steep reading is the lowest."""
    img = read(IMG_VISA.replace("graduation_year = 2022", "graduation_year = 2015"))
    result = estimate(img, catalog, recommended_mix(img, catalog))
    assert result.risk_tier == "high"
    terms, parts = _parts(img, catalog)
    assert parts.readings > parts.margin + parts.back_home
    assert parts.lowest == "steep" and min(terms) == terms[SETTINGS.index("steep")]
    note = result.range_note
    assert "Most of its width is the assumed cost of years out and a visa" in note
    assert "The low end takes the steep reading of each cost, the high end the shallow one" in note


def test_cli_range_sentence_follows_the_terms(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "img.toml"
    path.write_text(IMG_VISA, encoding="utf-8")
    assert main(["--today", "2026-12-05", "mix", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    (line,) = [x for x in out.splitlines() if x.startswith("The Reality check rates")]
    assert "Most of its width is the model's margin" in line
    assert "The low end takes the shallow reading" in line


# --- 3. what weighs on the chance --------------------------------------------------------------


def _weighs(text: str) -> str:
    return text.split("What weighs on it most: ", 1)[1].split(". ", 1)[0]


def test_a_score_the_groups_baseline_already_holds_is_not_named(catalog: Catalog) -> None:
    """234 in internal medicine is the unmatched seniors' mean, where a prior graduate who
    enters no score already sits: the same chance, the same reasons."""
    gap = {"role": "nonclinical", "months_last_24": 0, "months_since_last": 48}
    typical = read(NONCLINICAL.replace("step2_score = 228", "step2_score = 234"), **gap)
    unknown = read(NONCLINICAL.replace("step2_score = 228\n", ""), **gap)
    assert unknown.exams.step2_score is None
    found = [estimate(p, catalog, recommended_mix(p, catalog)) for p in (typical, unknown)]
    assert found[0].p_match == found[1].p_match < 0.5
    texts = [next(w.text for w in f.warnings if w.id == "low_p_match") for f in found]
    assert "Step 2 CK" not in texts[0]
    assert _weighs(texts[0]) == _weighs(texts[1])
    # A score well below the group's typical one does weigh, and is named.
    low = read(NONCLINICAL.replace("step2_score = 228", "step2_score = 212"), **gap)
    text = next(
        w.text
        for w in estimate(low, catalog, recommended_mix(low, catalog)).warnings
        if w.id == "low_p_match"
    )
    assert "your Step 2 CK score (212)" in _weighs(text)


def test_cli_the_same_estimate_gets_the_same_reasons(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outs = []
    for name, text in (
        ("typical.toml", NONCLINICAL.replace("step2_score = 228", "step2_score = 234")),
        ("none.toml", NONCLINICAL.replace("step2_score = 228\n", "")),
    ):
        path = tmp_path / name
        path.write_text(
            text.replace("months_last_24 = 24", "months_last_24 = 0").replace(
                "months_since_last = 0", "months_since_last = 48"
            ),
            encoding="utf-8",
        )
        assert main(["--today", "2026-12-05", "mix", "--profile", str(path)]) == 0
        out = capsys.readouterr().out
        outs.append(
            (
                next(x for x in out.splitlines() if x.startswith("Chance of matching anywhere")),
                next(x for x in out.splitlines() if "What weighs on it most" in x),
            )
        )
    assert outs[0] == outs[1]
    assert "Step 2 CK" not in outs[0][1]
