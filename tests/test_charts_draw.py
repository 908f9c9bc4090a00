"""The plotext drawing of chart inputs: rows top-down in competitiveness order, one band per
item, the applicant's line where the score is, and sizes that never drop an item."""

from __future__ import annotations

import itertools

import pytest
from textual_plotext import Plot

from matchtui.catalog import Catalog
from matchtui.engine.charts import ChartInputs, chart_inputs
from matchtui.models.figures import CHART_IDS
from matchtui.models.profile import Profile
from matchtui.widgets.chart_draw import (
    OVERHEAD_ROWS,
    TARGET_MARK,
    band_rows,
    draw,
    preferred_height,
)
from matchtui.widgets.chart_view import PALETTE_VARIABLES

PALETTE = {key: (100 + i, 100, 100) for i, key in enumerate(PALETTE_VARIABLES)}
SELECTED = (
    "dermatology",
    "orthopaedic_surgery",
    "general_surgery",
    "psychiatry",
    "emergency_medicine",
    "internal_medicine",
    "family_medicine",
    "pediatrics",
)


def render(inputs: ChartInputs, width: int, height: int) -> tuple[list[str], int]:
    plt = Plot()
    plt.theme("clear")
    plt.plotsize(width, height)
    drawn = draw(plt, inputs, PALETTE, width, height)
    lines = plt.uncolorize(plt.build()).splitlines()
    return lines, drawn


def label_rows(lines: list[str], inputs: ChartInputs) -> list[int]:
    rows = []
    for bar in inputs.bars:
        label = (TARGET_MARK if bar.highlight else "") + bar.label
        matches = [
            i for i, line in enumerate(lines) if "┤" in line and line.split("┤")[0].strip() == label
        ]
        assert len(matches) == 1, (label, lines)
        rows.append(matches[0])
    return rows


def test_first_item_is_drawn_at_the_top(catalog: Catalog, demo_profile: Profile) -> None:
    inputs = chart_inputs("reentry", catalog, demo_profile, SELECTED)
    lines, drawn = render(inputs, 70, preferred_height(len(inputs.bars), 30))
    assert drawn == len(inputs.bars)
    rows = label_rows(lines, inputs)
    assert rows == sorted(rows)  # dermatology (tightest) first, pediatrics last
    # Equal spacing: every item owns the same number of rows.
    gaps = {b - a for a, b in itertools.pairwise(rows)}
    assert len(gaps) == 1


def test_bar_lengths_follow_the_values(catalog: Catalog, demo_profile: Profile) -> None:
    inputs = chart_inputs("reentry", catalog, demo_profile, SELECTED)
    lines, _ = render(inputs, 80, preferred_height(len(inputs.bars), 30))
    rows = dict(zip([b.id for b in inputs.bars], label_rows(lines, inputs), strict=True))
    length = {key: lines[row].count("█") for key, row in rows.items()}
    assert length["internal_medicine"] > length["family_medicine"] > length["psychiatry"]
    assert length["psychiatry"] > length["pediatrics"] > length["general_surgery"]
    assert length["dermatology"] < length["emergency_medicine"]


def test_the_applicants_line_sits_at_their_score(catalog: Catalog, demo_profile: Profile) -> None:
    inputs = chart_inputs("scores", catalog, demo_profile, SELECTED)
    width = 2 + 60
    lines, _ = render(inputs, width, preferred_height(len(inputs.bars), 20))
    columns = {line.index("┃") for line in lines if "┃" in line}
    assert len(columns) == 1  # one vertical line, straight down the plot
    (col,) = columns
    frame = next(line for line in lines if "┌" in line)
    left, right = frame.index("┌"), frame.index("┐")
    share = (col - left) / (right - left)
    expected = (238 - inputs.x_min) / (inputs.x_max - inputs.x_min)
    assert share == pytest.approx(expected, abs=0.05)


@pytest.mark.parametrize("chart", CHART_IDS)
@pytest.mark.parametrize("size", [(56, 24), (90, 40)])
def test_every_chart_draws_all_items_at_both_sizes(
    catalog: Catalog, demo_profile: Profile, chart: str, size: tuple[int, int]
) -> None:
    everything = [s for s in catalog.specialties]
    inputs = chart_inputs(chart, catalog, demo_profile, everything)  # type: ignore[arg-type]
    width, room = size
    height = preferred_height(len(inputs.bars), room - 8)
    lines, drawn = render(inputs, width, height)
    assert drawn == len(inputs.bars)
    assert len(lines) == height
    label_rows(lines, inputs)  # each label appears exactly once


def test_preferred_height_gives_each_item_a_row() -> None:
    assert preferred_height(8, 12) == 8 + OVERHEAD_ROWS  # tight: one row each
    assert preferred_height(8, 40) == 8 * 2 + OVERHEAD_ROWS
    assert preferred_height(4, 40) == 4 * 3 + OVERHEAD_ROWS
    assert preferred_height(22, 10) == 22 + OVERHEAD_ROWS  # taller than the room: it scrolls
    assert band_rows(4, 8) == 2 and band_rows(4, 100) == 3 and band_rows(9, 8) == 1
