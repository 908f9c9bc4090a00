"""SVG snapshots of the Specialties pane (pinned today, demo profile; deterministic)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from matchtui.app import MatchApp
from matchtui.models.profile import Profile

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="specialties", today=TODAY)


def test_scores_chart_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(120, 40))


def test_means_chart_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["2"], terminal_size=(120, 40))


def test_reentry_chart_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["3"], terminal_size=(120, 40))


def test_fill_chart_for_an_img_120x40(
    snap_compare: Any, workspace: Any, demo_profile: Profile
) -> None:
    img = demo_profile.model_copy(deep=True)
    img.applicant.degree = "us_img"
    img.exams.step2_score = 244
    workspace.save_profile(img)
    assert snap_compare(make_app(workspace), press=["5"], terminal_size=(120, 40))


def test_means_chart_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["2"], terminal_size=(80, 24))


def test_regions_chart_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["6"], terminal_size=(80, 24))
