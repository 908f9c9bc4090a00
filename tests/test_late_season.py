"""A Match whose season went on without the applicant's application (timeline.toml `[late]`).

Found trying a returner in December 2026 whose profile aimed at the 2027 Match: nothing on the
program list, no plan item done, and the Plan pane showed fifteen overdue items and no word
that the applications had gone out in September; the Match-year banner only spoke once ranking
opened. Now the plan, the report and the pane say so and offer the next Match.

Then an audit (C, defect 1) found the banner told a DO senior whose plan was never saved, and
whose program list was empty, that their season had gone on without them: a default plan's
unticked item is no record. It now rests on what the applicant recorded (the saved plan's
item, a list of programs none sent): said when both agree, asked when one does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.widgets import Static

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.engine.plan import applications_sent, plan_for, with_item, year_check
from matchtui.engine.report import build_report, to_text
from matchtui.models.plan import PlanFile
from matchtui.models.profile import Profile
from matchtui.models.programs import Program, ProgramList
from tests.test_plan_snapshots import sent_application
from tests.test_ranklist_warm import _gc_as_before as _gc_as_before  # autouse: a real session

DECEMBER = dt.date(2026, 12, 4)


def program(**changes: Any) -> Program:
    base: dict[str, Any] = {
        "name": "Desert Community Family Medicine (fictional)",
        "state": "AZ",
        "specialty": "family_medicine",
        "tier": "community",
    }
    return Program.model_validate({**base, **changes})


def check(profile: Profile, catalog: Catalog, today: dt.date, sent: bool | None, **items: str):
    timeline = None
    for item, status in items.items():
        timeline = with_item(timeline, item, status=status)  # type: ignore[arg-type]
    plan = PlanFile(timeline=timeline) if timeline is not None else None
    return year_check(plan_for(profile, catalog, plan, today), catalog, sent)


def test_said_when_the_plan_and_the_list_both_record_nothing_sent(
    demo_profile: Profile, catalog: Catalog
) -> None:
    """The applicant's own saved plan holds the item still to do, and their program list lists
    programs none of which is sent: both records agree, so it is said."""
    found = check(demo_profile, catalog, DECEMBER, False, submit_eras="todo")
    assert found is not None and found.state == "late"
    assert (found.match_year, found.suggested) == (2027, 2028)
    message = found.message
    assert message.startswith("The 2027 season went on without your application")
    assert "programs review from 23 Sep 2026, expected" in message
    assert "your plan's 'Submit ERAS early with a broad list' is still to do" in message
    assert "none of the programs on your list is marked sent" in message
    assert "until ranking opens (1 Feb 2027, expected)" in message
    assert "the 2028 Match gives the plan its twelve months" in message


def test_asked_when_one_record_says_nothing_was_sent(
    demo_profile: Profile, catalog: Catalog
) -> None:
    """One record alone (the saved plan's item with no list known or listed, or a list with
    nothing sent beside a plan never saved) is asked about, not asserted."""
    plan_only = check(demo_profile, catalog, DECEMBER, None, submit_eras="todo")
    assert plan_only is not None and plan_only.state == "late" and plan_only.suggested == 2028
    assert plan_only.message.startswith("Did the 2027 season go on without your application?")
    assert "since 23 Sep 2026 (expected)" in plan_only.message
    assert "'Submit ERAS early with a broad list' is still to do" in plan_only.message
    assert "If you have applied, mark that item done." in plan_only.message
    assert "your list" not in plan_only.message
    list_only = check(demo_profile, catalog, DECEMBER, False)
    assert list_only is not None and list_only.state == "late"
    assert list_only.message.startswith("Did the 2027 season go on without your application?")
    assert "none of the programs on your list is marked sent" in list_only.message
    assert "your plan's" not in list_only.message
    for found in (plan_only, list_only):
        assert "the 2028 Match gives the plan its twelve months" in found.message


def test_not_from_a_plan_nobody_filled_in(demo_profile: Profile, catalog: Catalog) -> None:
    """The audit's DO senior (and a couple's partner): their plan was never saved, so its item
    for sending the application was "to do" by default, and no program was listed; the pane
    said their season went on without them and offered the next Match. Nothing the applicant
    recorded says so: nothing is said."""
    assert check(demo_profile, catalog, DECEMBER, None) is None
    # A saved plan that holds other items but not this one records nothing of it either.
    assert check(demo_profile, catalog, DECEMBER, None, reality_sheet="done") is None


def test_no_late_banner_once_applied_or_under_way(demo_profile: Profile, catalog: Catalog) -> None:
    assert check(demo_profile, catalog, DECEMBER, True) is None
    assert check(demo_profile, catalog, DECEMBER, False, submit_eras="done") is None
    assert check(demo_profile, catalog, DECEMBER, False, submit_eras="doing") is None


@pytest.mark.parametrize(
    "today",
    [dt.date(2026, 9, 10), dt.date(2026, 9, 30)],
    ids=["before-programs-review", "item-not-past-yet"],
)
def test_not_late_while_the_plan_still_has_time(
    demo_profile: Profile, catalog: Catalog, today: dt.date
) -> None:
    """Before programs review, or while the plan's item is still in its months (Aug-Sep for a
    plan starting in February), nothing is said."""
    assert check(demo_profile, catalog, today, False) is None


def test_a_closed_match_is_said_as_before(demo_profile: Profile, catalog: Catalog) -> None:
    """Once ranking opens the Match takes no newcomers: that banner, not the late one."""
    found = check(demo_profile, catalog, dt.date(2027, 2, 2), False)
    assert found is not None and found.state == "closed" and found.suggested == 2028


def test_what_counts_as_an_application_sent() -> None:
    assert not applications_sent([])
    assert not applications_sent([program()])
    assert not applications_sent([program(status="withdrawn")])  # dropped before applying
    assert applications_sent([program(status="withdrawn", applied_on=dt.date(2026, 9, 3))])
    for status in ("applied", "invited", "interviewed", "rejected", "ranked"):
        assert applications_sent([program(), program(name="Other (fictional)", status=status)])


def test_the_report_says_it_too(demo_profile: Profile, catalog: Catalog) -> None:
    def plan_text(programs: ProgramList | None) -> str:
        report = build_report(
            demo_profile, catalog, today=DECEMBER, plan=None, practice=None, programs=programs
        )
        text = to_text(report)
        return text[text.index("Plan status") :]

    asked = "Did the 2027 season go on without your application?"
    assert asked in plan_text(ProgramList(programs=[program()]))
    assert "without your application" not in plan_text(ProgramList(programs=[sent_application()]))
    # Nothing listed (an empty list, or none at all), and no plan saved: nothing is said.
    assert "without your application" not in plan_text(ProgramList(programs=[]))
    assert "without your application" not in plan_text(None)


def listed_not_sent(workspace: Any) -> None:
    """A program list that lists a program and sends none (a record that nothing went out)."""
    workspace.save_programs(ProgramList(programs=[program()]))


async def test_the_plan_pane_banner_and_its_key(workspace: Any) -> None:
    listed_not_sent(workspace)
    app = MatchApp(workspace, first_pane="plan", today=DECEMBER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#plan-banner", Static)
        assert banner.display
        text = str(banner.content)
        assert "Did the 2027 season go on without" in text and "Press y" in text
        await pilot.press("y")
        await pilot.pause()
        assert app.profile is not None and app.profile.cycle_year == 2028
        assert workspace.load_profile().cycle_year == 2028
        assert not app.screen.query_one("#plan-banner", Static).display
        screen: Any = app.screen
        assert str(screen.view.start) == "2027-02"  # the plan now starts after today


async def test_an_application_recorded_in_another_pane_clears_the_banner(workspace: Any) -> None:
    listed_not_sent(workspace)
    app = MatchApp(workspace, first_pane="plan", today=DECEMBER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#plan-banner", Static).display
        app.programs_changed(ProgramList(programs=[sent_application()]))  # as Applications does
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert not app.screen.query_one("#plan-banner", Static).display
        await pilot.press("y")  # nothing to fix now
        await pilot.pause()
        assert app.profile is not None and app.profile.cycle_year == 2027


async def test_a_real_session_reads_the_list_in_a_thread_before_saying_it(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a real session the list is read in a worker thread when the preload has not read it:
    no late-season banner meanwhile (one that would be taken back), then the banner."""
    import threading

    go = threading.Event()
    find = MatchApp.find_applications_sent

    def slow_find(self: MatchApp) -> bool | None:
        go.wait(10)
        return find(self)

    monkeypatch.setattr(MatchApp, "find_applications_sent", slow_find)
    listed_not_sent(workspace)
    monkeypatch.setattr(MatchApp, "_warm_data", lambda self: False)  # no preload read
    app = MatchApp(workspace, first_pane="plan", today=DECEMBER, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#plan-banner", Static)
        assert not banner.display
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert banner.display and "2027 season go on without" in str(banner.content)
