"""Chart inputs computed by engine.charts from the catalog and the profile."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.charts import (
    FILL_SERIES,
    by_competitiveness,
    chart_inputs,
    chart_tabs,
    default_selection,
    selection_for,
)
from matchtui.errors import FileProblems
from matchtui.locations import bundled_data_dir
from matchtui.models.figures import CHART_IDS, load_figures
from matchtui.models.profile import Profile

DEMO_DEFAULT = (
    "dermatology",
    "orthopaedic_surgery",
    "general_surgery",
    "psychiatry",
    "emergency_medicine",
    "internal_medicine",
    "family_medicine",
    "pediatrics",
)


def with_changes(profile: Profile, **changes: Any) -> Profile:
    """A modified copy of the profile (validated)."""
    data = profile.model_dump()
    for dotted, value in changes.items():
        target = data
        *path, last = dotted.split("__")
        for part in path:
            target = target[part]
        target[last] = value
    return Profile.model_validate(data)


# -- ordering and selection ----------------------------------------------------------------


def test_competitiveness_order_runs_from_tightest_to_most_open(catalog: Catalog) -> None:
    ordered = [s.id for s in by_competitiveness(catalog)]
    assert len(ordered) == len(catalog.specialties)
    levels = [catalog.specialties[s].competitiveness.level for s in ordered]
    rank = {"very_high": 0, "high": 1, "moderate": 2, "low": 3}
    assert [rank[level] for level in levels] == sorted(rank[level] for level in levels)
    # Within a band the lower US MD match rate comes first: neurosurgery 69% before derm 71%.
    assert ordered.index("neurological_surgery") < ordered.index("dermatology")
    assert ordered.index("dermatology") < ordered.index("orthopaedic_surgery")
    assert ordered.index("internal_medicine") < ordered.index("family_medicine")
    assert ordered.index("family_medicine") < ordered.index("pediatrics")


def test_default_selection_is_targets_plus_comparison_set(
    catalog: Catalog, demo_profile: Profile
) -> None:
    assert default_selection(demo_profile, catalog) == DEMO_DEFAULT
    compare = load_figures(catalog).selection.compare
    mine = with_changes(demo_profile, targets__specialties=["neurological_surgery"])
    chosen = default_selection(mine, catalog)
    assert "neurological_surgery" in chosen and set(compare) <= set(chosen)
    assert chosen[0] == "neurological_surgery"  # the tightest market leads
    assert selection_for("targets", mine, catalog) == ("neurological_surgery",)
    assert len(selection_for("all", mine, catalog)) == len(catalog.specialties)
    assert selection_for("none", mine, catalog) == ()


def test_an_img_also_sees_where_imgs_fill_positions(
    catalog: Catalog, demo_profile: Profile
) -> None:
    img = with_changes(demo_profile, applicant__degree="us_img")
    chosen = default_selection(img, catalog)
    assert {"neurology", "pathology"} <= set(chosen) and set(DEMO_DEFAULT) <= set(chosen)
    assert "neurology" not in default_selection(demo_profile, catalog)
    fill = chart_inputs("fill", catalog, img, chosen)
    shares = {row.id: row.you for row in fill.table if not row.missing}
    assert shares["neurology"] == "4.9%" and shares["pathology"] == "9.2%"


def test_tabs_cover_every_chart_in_order(catalog: Catalog) -> None:
    tabs = chart_tabs(catalog)
    assert [chart for chart, _ in tabs] == list(CHART_IDS)
    assert all(label for _, label in tabs)


# -- 1. score distributions ----------------------------------------------------------------


def test_scores_draw_the_four_distributions_and_the_applicants_step2(
    catalog: Catalog, demo_profile: Profile
) -> None:
    inputs = chart_inputs("scores", catalog, demo_profile, DEMO_DEFAULT)
    assert inputs.kind == "box"
    assert inputs.ids == ("dermatology", "orthopaedic_surgery", "internal_medicine", "pediatrics")
    values = {bar.id: bar.values for bar in inputs.bars}
    assert values["dermatology"] == (240, 250, 255, 260, 270)
    assert values["internal_medicine"] == (215, 225, 232, 240, 250)
    assert inputs.marker == 238 == demo_profile.exams.step2_score
    assert inputs.highlighted == ("internal_medicine",)
    assert inputs.x_min <= 210 and inputs.x_max >= 270
    # The selected specialties without a distribution are named, with those that have one.
    (message,) = inputs.messages
    for name in ("General Surgery", "Psychiatry", "Emergency Medicine", "Family Medicine"):
        assert name in message
    assert "Dermatology" in message.split("only for")[1]
    # The table lists every selected specialty, the missing ones marked as such.
    rows = {row.id: row for row in inputs.table}
    assert list(rows) == list(DEMO_DEFAULT)
    assert rows["family_medicine"].missing and rows["family_medicine"].values[0] == "—"
    im = rows["internal_medicine"]
    assert im.values == ("215", "225", "232", "240", "250")
    assert im.you == "+6 vs median, median-Q3"
    assert im.reliability == "illustrative" and im.year == "undated"
    assert im.source == catalog.cite("article_match_back_home")
    assert "illustrative" in im.note
    assert rows["dermatology"].you == "-17 vs median, below min"
    assert inputs.illustrative


def test_score_marker_moves_with_the_profile(catalog: Catalog, demo_profile: Profile) -> None:
    high = with_changes(demo_profile, exams__step2_score=262)
    inputs = chart_inputs("scores", catalog, high, DEMO_DEFAULT)
    assert inputs.marker == 262
    rows = {row.id: row for row in inputs.table}
    assert rows["dermatology"].you == "+7 vs median, Q3-max"
    assert rows["pediatrics"].you == "+34 vs median, above max"
    low = with_changes(demo_profile, exams__step2_score=190)
    assert chart_inputs("scores", catalog, low, DEMO_DEFAULT).x_min <= 190


def test_no_step2_score_means_no_marker_and_a_message(
    catalog: Catalog, demo_profile: Profile
) -> None:
    blank = with_changes(demo_profile, exams__step2_score=None)
    for chart in ("scores", "means"):
        inputs = chart_inputs(chart, catalog, blank, DEMO_DEFAULT)
        assert inputs.marker is None
        assert any("no Step 2 CK score" in m for m in inputs.messages)
        assert inputs.you_header == ""


# -- 2. matched vs unmatched means -----------------------------------------------------------


def test_means_per_specialty_with_the_applicant_marked(
    catalog: Catalog, demo_profile: Profile
) -> None:
    inputs = chart_inputs("means", catalog, demo_profile, DEMO_DEFAULT)
    assert inputs.kind == "dumbbell"
    assert inputs.ids == DEMO_DEFAULT  # every one of them has a Charting Outcomes row
    for bar in inputs.bars:
        means = catalog.specialties[bar.id].step2_means
        assert means is not None and bar.values == (means.matched, means.unmatched)
    assert inputs.marker == 238
    assert inputs.x_min <= 231 and inputs.x_max >= 257
    assert inputs.highlighted == ("internal_medicine", "family_medicine")
    im = {row.id: row for row in inputs.table}["internal_medicine"]
    assert im.values == ("251", "234", "3,024", "64", "98%")
    assert im.you == "-13 vs matched, between"
    assert im.year == "2024" and im.reliability == "third party"
    assert "transcription" in im.note
    assert inputs.messages == ()


def test_means_report_specialties_without_a_row(catalog: Catalog, demo_profile: Profile) -> None:
    inputs = chart_inputs(
        "means", catalog, demo_profile, ["transitional_year", "internal_medicine"]
    )
    assert inputs.ids == ("internal_medicine",)
    assert any("Transitional" in m for m in inputs.messages)


# -- 3. re-entry feasibility ---------------------------------------------------------------


def test_reentry_bars_highlight_the_targets(catalog: Catalog, demo_profile: Profile) -> None:
    inputs = chart_inputs("reentry", catalog, demo_profile, DEMO_DEFAULT)
    assert inputs.kind == "bar"
    scores = {bar.id: bar.values[0] for bar in inputs.bars}
    assert scores == {
        "dermatology": 5,
        "orthopaedic_surgery": 5,
        "general_surgery": 30,
        "psychiatry": 65,
        "emergency_medicine": 20,
        "internal_medicine": 80,
        "family_medicine": 75,
        "pediatrics": 50,
    }
    assert inputs.highlighted == ("internal_medicine", "family_medicine")
    assert (inputs.x_min, inputs.x_max) == (0, 100)
    assert inputs.messages == ()  # the demo applicant is a re-entry graduate
    student = with_changes(
        demo_profile, applicant__situation="in_school", applicant__graduation_year=2027
    )
    assert any("not one" in m for m in chart_inputs("reentry", catalog, student, []).messages)


def test_reentry_highlight_follows_new_targets(catalog: Catalog, demo_profile: Profile) -> None:
    mine = with_changes(demo_profile, targets__specialties=["psychiatry"])
    inputs = chart_inputs("reentry", catalog, mine, DEMO_DEFAULT)
    assert inputs.highlighted == ("psychiatry",)
    assert {row.id for row in inputs.table if row.you == "your target"} == {"psychiatry"}


# -- 4. program director factors -----------------------------------------------------------


def test_pd_factor_ratings_come_from_figures_toml(catalog: Catalog, demo_profile: Profile) -> None:
    inputs = chart_inputs("pd_factors", catalog, demo_profile, [])
    assert [(bar.id, bar.values[0]) for bar in inputs.bars] == [
        ("exam_scores", 4.5),
        ("letters", 4.3),
        ("audition", 3.8),
        ("ties", 3.2),
        ("school_reputation", 3.0),
    ]
    assert not inputs.uses_selection and inputs.messages == ()
    assert inputs.illustrative
    row = inputs.table[0]
    assert row.source == catalog.cite("article_match_back_home")
    assert "Program Director Survey" in row.note
    assert row.reliability == "illustrative"


# -- 5. fill and who fills -------------------------------------------------------------------


def test_fill_bars_cover_every_position_offered(catalog: Catalog, demo_profile: Profile) -> None:
    inputs = chart_inputs("fill", catalog, demo_profile, DEMO_DEFAULT)
    assert inputs.kind == "stacked"
    assert "dermatology" not in inputs.ids  # no 2025 fill row in the data
    assert any("Dermatology" in m for m in inputs.messages)
    for bar in inputs.bars:
        assert sum(bar.values) == pytest.approx(100, abs=0.01)
        assert len(bar.values) == len(FILL_SERIES)
    im = {bar.id: bar.values for bar in inputs.bars}["internal_medicine"]
    md, _do, _us_img, non_us_img, _other, no_split, unfilled = im
    assert md == pytest.approx(34.6 * 0.967, abs=0.01)
    assert non_us_img == pytest.approx(32.7 * 0.967, abs=0.01)
    assert unfilled == pytest.approx(3.3)
    assert no_split == 0
    row = {r.id: r for r in inputs.table}["internal_medicine"]
    assert row.values == ("10,941", "10,584", "96.7%", "34.6%", "17.2%", "10.5%", "32.7%", "758")
    # The demo applicant graduated in 2021: a prior US MD graduate, not in the seniors' share.
    assert row.you == "—"


def test_fill_names_a_prior_graduate_as_such(catalog: Catalog, demo_profile: Profile) -> None:
    inputs = chart_inputs("fill", catalog, demo_profile, DEMO_DEFAULT)
    assert inputs.you_header == "You (US MD prior graduate)"
    assert not any(series.mine for series in inputs.series)  # no "US MD seniors (you)"
    senior = with_changes(demo_profile, applicant__stage="student", applicant__graduation_year=2027)
    inputs = chart_inputs("fill", catalog, senior, DEMO_DEFAULT)
    assert [s.key for s in inputs.series if s.mine] == ["us_md"]
    assert inputs.you_header == "You (US MD senior)"


def test_fill_shows_an_img_their_own_group(catalog: Catalog, demo_profile: Profile) -> None:
    img = with_changes(demo_profile, applicant__degree="non_us_img")
    inputs = chart_inputs("fill", catalog, img, DEMO_DEFAULT)
    assert inputs.you_header == "You (Non-US-citizen IMG)"
    assert [s.key for s in inputs.series if s.mine] == ["non_us_img"]
    shares = {row.id: row.you for row in inputs.table if not row.missing}
    assert shares["internal_medicine"] == "32.7%"
    assert shares["orthopaedic_surgery"] == "1.5%"
    assert any("Non-US-citizen IMG" in note for note in inputs.notes)


def test_fill_without_shares_is_drawn_as_fill_rate_only(
    catalog: Catalog, demo_profile: Profile
) -> None:
    inputs = chart_inputs("fill", catalog, demo_profile, ["otolaryngology", "internal_medicine"])
    ent = {bar.id: bar.values for bar in inputs.bars}["otolaryngology"]
    assert ent[:5] == (0, 0, 0, 0, 0)
    assert ent[5] == pytest.approx(99.7) and ent[6] == pytest.approx(0.3)
    assert any("Only the fill rate" in m and "Otolaryngology" in m for m in inputs.messages)
    row = {r.id: r for r in inputs.table}["otolaryngology"]
    assert row.reliability == "secondary"


# -- 6. regional volume ------------------------------------------------------------------------


def test_regional_volume_is_illustrative_and_marks_the_target_region(
    catalog: Catalog, demo_profile: Profile
) -> None:
    inputs = chart_inputs("regions", catalog, demo_profile, [])
    assert [(bar.id, bar.values[0]) for bar in inputs.bars] == [
        ("northeast", 180),
        ("midwest", 230),
        ("south", 220),
        ("west", 190),
    ]
    assert inputs.highlighted == ("midwest",)
    assert inputs.illustrative
    rows = {row.id: row for row in inputs.table}
    assert rows["midwest"].you == "target, home"
    assert rows["south"].you == "lives"
    assert "ictional" in rows["west"].note
    west = with_changes(demo_profile, targets__region="west")
    assert chart_inputs("regions", catalog, west, []).highlighted == ("west",)


# -- general ---------------------------------------------------------------------------------


@pytest.mark.parametrize("chart", CHART_IDS)
def test_inputs_are_hashable_and_deterministic(
    catalog: Catalog, demo_profile: Profile, chart: Any
) -> None:
    first = chart_inputs(chart, catalog, demo_profile, DEMO_DEFAULT)
    second = chart_inputs(chart, catalog, demo_profile, reversed(DEMO_DEFAULT))
    assert first == second and hash(first) == hash(second)
    assert all(row.source or row.missing for row in first.table)
    assert all(row.year or row.missing for row in first.table)


def test_empty_selection_asks_for_one(catalog: Catalog, demo_profile: Profile) -> None:
    inputs = chart_inputs("means", catalog, demo_profile, ["no_such_specialty"])
    assert inputs.bars == () and inputs.table == ()
    assert any("No specialty is selected" in m for m in inputs.messages)
    with pytest.raises(ValueError):
        chart_inputs("pie", catalog, demo_profile, [])  # type: ignore[arg-type]


# -- figures.toml cross-references -------------------------------------------------------------


def _broken(tmp_path: Path, pattern: str, replacement: str) -> list[Any]:
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    path = target / "figures.toml"
    text, count = re.subn(pattern, replacement, path.read_text(), count=1, flags=re.M)
    assert count == 1
    path.write_text(text)
    with pytest.raises(FileProblems) as caught:
        Catalog.load(target)
    return caught.value.problems


def test_unknown_region_in_figures_is_reported(tmp_path: Path) -> None:
    problems = _broken(tmp_path, r'^region = "west"', 'region = "atlantis"')
    (problem,) = problems
    assert problem.file.name == "figures.toml"
    assert "atlantis" in problem.message and problem.line is not None
    assert problem.key.startswith("regional_volume.regions")


def test_unknown_comparison_specialty_is_reported(tmp_path: Path) -> None:
    problems = _broken(tmp_path, r'^  "psychiatry",', '  "psychology",')
    assert any("psychology" in p.message and p.key.startswith("selection") for p in problems)


def test_rating_outside_the_scale_is_reported(tmp_path: Path) -> None:
    problems = _broken(tmp_path, r"^rating = 4.5", "rating = 7")
    assert any("outside" in p.message for p in problems)
