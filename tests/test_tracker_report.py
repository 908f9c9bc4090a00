"""The report's season section: pipeline, yields, agenda and costs, from engine.tracker."""

from __future__ import annotations

import datetime as dt
from typing import Any

from matchtui.engine.report import build_report, to_markdown, to_text
from matchtui.models.programs import CostEntry, Program, ProgramList

TODAY = dt.date(2026, 11, 30)


def _programs() -> ProgramList:
    return ProgramList(
        programs=[
            Program(
                name="Lake | IM",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                signal="gold",
                status="scheduled",
                applied_on=dt.date(2026, 9, 24),
                invited_on=dt.date(2026, 10, 2),
                interview_on=dt.date(2026, 12, 3),
            ),
            Program(
                name="River IM",
                state="IL",
                specialty="internal_medicine",
                tier="academic",
                status="scheduled",
                applied_on=dt.date(2026, 9, 24),
                invited_on=dt.date(2026, 10, 3),
                interview_on=dt.date(2026, 12, 3),
                costs=[CostEntry(kind="travel", usd=310, date=dt.date(2026, 12, 2))],
            ),
            Program(
                name="Coast IM",
                state="CA",
                specialty="internal_medicine",
                tier="mid_tier",
                status="applied",
                applied_on=dt.date(2026, 9, 24),
            ),
        ]
    )


def test_season_section_has_pipeline_yields_agenda_and_costs(
    demo_profile: Any, catalog: Any
) -> None:
    report = build_report(
        demo_profile, catalog, today=TODAY, plan=None, practice=None, programs=_programs()
    )
    md = to_markdown(report)
    season = md.split("Applications season", 1)[1].split("\n## ", 1)[0]
    assert "| Scheduled | 2 |" in season and "| Applied | 1 |" in season
    assert "| All applications | 2 | 3 | 67% |" in season
    assert "| Signal: gold | 1 | 1 | 100% |" in season
    assert "| In Midwest | 2 | 2 | 100% |" in season
    # Groups by their labels, as the pane names them ('mid\_tier' and 'none' read before).
    assert "| Tier: mid-tier | 0 | 1 | 0% |" in season
    assert "| Signal: no signal | 1 | 2 | 50% |" in season
    assert "Clash on 2026-12-03: Lake \\| IM, River IM" in season
    assert "| ERAS fees | 33.00 |" in season and "| NRMP fees | 85.00 |" in season
    assert "| Travel | 310.00 |" in season and "| Total | 428.00 |" in season
    assert "nrmp\\_fees" in md and "aamc\\_eras\\_fees\\_2026" in md
    assert all(len(line) <= 80 for line in to_text(report).splitlines())


def test_season_section_without_tracked_programs_says_how(demo_profile: Any, catalog: Any) -> None:
    report = build_report(demo_profile, catalog, today=TODAY, plan=None, practice=None)
    assert "No application tracked yet" in to_markdown(report)
