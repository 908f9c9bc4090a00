"""The Mix bars' target-region row names the region only when the whole name fits its label
column: a returner to the Northeast read "In Northea" at every terminal width."""

from __future__ import annotations

from typing import Any

from matchtui.app import MatchApp
from matchtui.store import PROFILE
from matchtui.widgets.mix_bars import LABEL_WIDTH, MixBars, region_label


def test_region_label_is_the_name_or_in_region() -> None:
    assert region_label("Midwest") == "In Midwest"
    assert region_label("West") == "In West"
    assert region_label("Northeast") == "In region"
    assert region_label("Middle Atlantic") == "In region"
    assert all(len(region_label(n)) <= LABEL_WIDTH for n in ("Northeast", "South", "Pacific"))


async def test_a_returner_to_the_northeast_sees_no_cut_name(
    workspace: Any, demo_profile: Any
) -> None:
    profile = demo_profile.model_copy(deep=True)
    profile.targets.region = "northeast"
    profile.targets.divisions = []
    profile.applicant.home_region = "northeast"
    workspace.store.save(PROFILE, profile)
    app = MatchApp(workspace, first_pane="mix")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bars = app.screen.query_one(MixBars)
        text = "\n".join(bars.plain_lines)
        assert "In region" in text
        assert "In Northea " not in text
