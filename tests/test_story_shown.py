"""How a story nobody wrote reads is one rule (engine.assess.story_shown), and every place that
lists the stories says it alike: "not written yet".

Found by the review of this session's work (item 6a): `matchtui assess` listed such a story as
"missing", the Reality pane and the report as "not written yet", each deciding it with its own
copy of `story.words or story.quality == "covered"`; the back-home reasons said "missing" too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import NOT_WRITTEN, assess, story_shown
from matchtui.engine.reality_view import build_reality_view
from matchtui.engine.report import build_report, to_text
from matchtui.engine.text import judge_story
from matchtui.models.profile import Profile
from tests.test_season_records import GRADUATE_TOML

TODAY = dt.date(2026, 8, 1)


def profile() -> Profile:
    """The review's home h3: a graduate out of training who wrote none of the three stories."""
    import tomllib

    return Profile.model_validate(tomllib.loads(GRADUATE_TOML))  # no story written


def test_the_one_rule(catalog: Catalog) -> None:
    written = judge_story("why_now", "I left in 2019 to care for my father.", catalog)
    assert story_shown(written) == written.reason
    assert story_shown(judge_story("plan_b", "", catalog)) == NOT_WRITTEN
    covered = judge_story("plan_b", "", catalog).model_copy(
        update={"quality": "covered", "reason": "covered by the residency you are in"}
    )
    assert story_shown(covered) == "covered by the residency you are in"


def test_the_command_the_pane_and_the_report_say_it_alike(
    catalog: Catalog, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = assess(profile(), catalog, None, TODAY)
    expected = [f"{s.label}: {NOT_WRITTEN}" for s in result.stories]
    assert all(s.quality == "missing" for s in result.stories)
    # the back-home reasons (the why-home story is judged there)
    assert expected[0] in result.back_home.reasons
    # the command
    path = tmp_path / "graduate.toml"
    path.write_text(GRADUATE_TOML)
    assert main(["--today", TODAY.isoformat(), "assess", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    stories = out[out.index("Your stories") : out.index("Next actions")]
    for line in expected:
        assert f"- {line}" in stories
    assert "missing" not in stories
    # the pane (the why-now story and the plan B; the why-home one under Back home)
    view = build_reality_view(profile(), catalog, None, TODAY)
    for story in result.stories[1:]:
        row = next(r for r in view.ready.rows if r.key == f"ready-table:story:{story.kind}")
        assert "".join(text for text, _ in row.cells[2]) == NOT_WRITTEN
    home_rows = ["".join(text for text, _ in row.cells[1]) for row in view.home.rows]
    assert NOT_WRITTEN in home_rows
    # the report
    text = to_text(build_report(profile(), catalog, today=TODAY, plan=None, practice=None))
    for line in expected[1:]:
        assert line in text
