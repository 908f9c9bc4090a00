"""The program-mix pane driven with Pilot: sliders by keyboard and mouse, live numbers, linked
shares, the recommended preset, saving to and restoring from plan.toml, the program list."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from matchtui.app import MatchApp
from matchtui.engine.mix import apportion, estimate
from matchtui.engine.wording import percent
from matchtui.models.plan import PlanFile, TimelineState
from matchtui.screens.mix import MixScreen
from matchtui.widgets.confirm import Confirm
from matchtui.widgets.mix_bars import MixBars
from matchtui.widgets.mix_estimate import EstimatePanel
from matchtui.widgets.mix_warnings import WarningList
from matchtui.widgets.slider import Slider

TODAY = dt.date(2026, 11, 23)
LIST_CSV = (
    "name,city,state,specialty,tier,signal,yog_limit_years,visa_sponsor,status,notes\n"
    "[bold]x[/],Madison,WI,internal_medicine,community,yes,,no,planned,\n"
    "Lakeshore Community IM,Milwaukee,WI,internal_medicine,community,no,3,no,applied,\n"
    "Prairie University IM,Iowa City,IA,internal_medicine,academic,no,,yes,planned,\n"
    "Gulf Regional,Houston,TX,internal_medicine,mid_tier,no,,,interview,\n"
    "Desert FM,Phoenix,AZ,family_medicine,community,no,,,planned,\n"
)


def app_for(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="mix", today=TODAY)


def mix_screen(app: MatchApp) -> MixScreen:
    screen = app.screen
    assert isinstance(screen, MixScreen)
    return screen


def import_sample_list(folder: Path) -> None:
    """Import LIST_CSV into the home folder's programs.toml through the CLI."""
    from matchtui.cli import main

    path = folder / "list.csv"
    path.write_text(LIST_CSV)
    assert main(["programs", "import", str(path)]) == 0


async def open_program_list(app: MatchApp, pilot: Any) -> tuple[MixScreen, Any]:
    """The mix screen with its program-list tab open, and the list's table."""
    from matchtui.widgets.program_table import ProgramTable

    await pilot.pause()
    screen = mix_screen(app)
    await pilot.press("l")
    await pilot.pause()
    return screen, screen.query_one("#programs-table", ProgramTable)


def values(screen: MixScreen) -> dict[str, int]:
    return {slider.id or "": slider.value for slider in screen.query(Slider)}


def shown(screen: MixScreen) -> str:
    return "\n".join(
        screen.query_one(MixBars).plain_lines + screen.query_one(EstimatePanel).plain_lines
    )


async def test_opens_on_the_recommended_mix_with_live_numbers(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        assert values(screen) == {
            "slider-apps": 80,
            "slider-academic": 5,
            "slider-mid": 25,
            "slider-community": 70,
            "slider-region": 40,
            "slider-signals": 15,
        }
        result = screen.result
        assert result is not None and result.counts.as_tuple() == (4, 20, 56)
        text = shown(screen)
        assert "P(match)" in text and percent(result.p_match) in text
        assert f"${result.fees_usd:,}" in text
        assert "Recommended for you" in str(screen.query_one("#mix-preset").render())
        assert "mix" not in app.unsaved  # nothing changed yet


async def test_keyboard_steps_update_counts_interviews_and_fees(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        assert screen.focused is screen.query_one("#slider-apps")
        before = screen.result
        await pilot.press("right")
        assert values(screen)["slider-apps"] == 85
        await pilot.press("shift+left", "shift+left")
        assert values(screen)["slider-apps"] == 83
        await pilot.pause()
        after = screen.result
        assert before is not None and after is not None
        assert after.total == 83 and sum(after.counts.as_tuple()) == 83
        assert after.fees_usd == 330 + 30 * 53
        assert after.expected_interviews > before.expected_interviews
        assert f"${after.fees_usd:,}" in shown(screen)
        assert " 83" in screen.query_one(MixBars).plain_lines[-1]
        await pilot.press("end")
        assert values(screen)["slider-apps"] == 200
        await pilot.press("home")
        assert values(screen)["slider-apps"] == 1
        assert "mix" in app.unsaved


async def test_share_sliders_are_linked_and_always_sum_to_100(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        screen.query_one("#slider-academic").focus()
        await pilot.press("right")
        v = values(screen)
        assert (v["slider-academic"], v["slider-mid"], v["slider-community"]) == (10, 24, 66)
        keys = ["right", "shift+left", "tab", "right", "right", "tab", "end", "shift+tab"]
        keys += ["home", "tab", "left", "left", "shift+tab", "shift+tab", "right"]
        for key in keys:
            await pilot.press(key)
            v = values(screen)
            assert v["slider-academic"] + v["slider-mid"] + v["slider-community"] == 100
        result = screen.result
        assert result is not None
        shares = (v["slider-academic"], v["slider-mid"], v["slider-community"])
        assert result.shares.as_tuple() == shares
        assert result.counts.as_tuple() == apportion(v["slider-apps"], shares)


async def test_mouse_click_and_drag_move_sliders(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        community = screen.query_one("#slider-community", Slider)
        track = community._track_width()
        # Each slider draws its label first: its track starts after the label's column.
        start = community._label_cells
        await pilot.click("#slider-community", offset=(start + track - 1, 0))
        v = values(screen)
        assert (v["slider-academic"], v["slider-mid"], v["slider-community"]) == (0, 0, 100)
        apps = screen.query_one("#slider-apps", Slider)
        width = apps._track_width()
        await pilot.mouse_down("#slider-apps", offset=(start, 0))
        assert apps.value == 1
        await pilot.hover("#slider-apps", offset=(start + (width - 1) // 2, 0))
        middle = apps.value
        assert 90 <= middle <= 110
        await pilot.mouse_up("#slider-apps", offset=(start + (width - 1) // 2, 0))
        await pilot.pause()
        result = screen.result
        assert result is not None and result.total == middle
        assert result.counts.as_tuple() == (0, 0, middle)


async def test_save_writes_only_the_mix_and_restores_on_start(workspace: Any, home: Path) -> None:
    workspace.load_profile()
    workspace.save_plan(PlanFile(timeline=TimelineState(start_month="2026-12")))
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        await pilot.press("right", "right", "tab", "right")
        assert "mix" in app.unsaved
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "mix" not in app.unsaved
        assert app.plan is not None and app.plan.mix is not None
        assert app.plan.mix.applications == 90 and app.plan.mix.academic_pct == 10
        assert app.plan.timeline is not None
        saved_values = values(screen)
    data = tomllib.loads((home / "plan.toml").read_text())
    assert data["timeline"]["start_month"] == "2026-12"
    assert data["mix"]["applications"] == 90
    assert (data["mix"]["academic_pct"], data["mix"]["mid_tier_pct"]) == (10, 24)

    again = app_for(workspace)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert values(mix_screen(again)) == saved_values
        assert "Saved in plan.toml" in str(mix_screen(again).query_one("#mix-status").render())


async def test_preset_key_applies_the_recommended_mix(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        await pilot.press("home", "tab", "end")
        assert values(screen)["slider-academic"] == 100
        await pilot.press("p")
        await pilot.pause()
        v = values(screen)
        assert (v["slider-apps"], v["slider-academic"], v["slider-community"]) == (80, 5, 70)
        assert "mix" not in app.unsaved  # back where it started


async def test_the_pane_and_the_cli_show_the_same_numbers(workspace: Any, capsys: Any) -> None:
    import json

    from matchtui.cli import main

    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right", "tab", "right", "ctrl+s")
        await pilot.pause()
        result = mix_screen(app).result
    assert result is not None
    assert main(["mix", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["p_match"] == result.p_match
    assert data["counts"] == result.counts.model_dump()


async def test_specialty_choice_sets_the_signal_range(workspace: Any) -> None:
    from textual.widgets import Select

    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        select = screen.query_one("#mix-specialty", Select)
        select.value = "obgyn"  # no signals in the data
        await pilot.pause()
        signals = screen.query_one("#slider-signals", Slider)
        assert signals.disabled and signals.value == 0
        result = screen.result
        assert result is not None and result.specialty == "obgyn" and result.signals_used == 0
        select.value = "orthopaedic_surgery"
        await pilot.pause()
        assert not signals.disabled and signals.maximum == 30


async def test_warnings_are_shown(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        screen.query_one("#slider-academic").focus()
        await pilot.press("end")
        await pilot.pause()
        text = screen.query_one(WarningList).text
        assert "top-heavy" in text and "[top_heavy]" not in text  # words, not the rule id
        assert text.startswith("▲ ")


async def test_program_list_tab_shows_names_as_text(
    workspace: Any, tmp_path: Path, capsys: Any
) -> None:
    from matchtui.widgets.cycle_select import CycleSelect

    import_sample_list(tmp_path)
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_program_list(app, pilot)
        assert table.row_count == 5
        names = [str(table.cells_at(i)[0]) for i in range(table.row_count)]
        assert "[bold]x[/]" in names  # shown literally, never as markup
        assert names == sorted(names, key=str.lower)
        compare = str(screen.query_one("#programs-compare").render())
        assert "target" in compare and "Community" in compare
        advice = str(screen.query_one("#programs-advice").render())
        assert "Add" in advice and "years-since-graduation" in advice

        screen.query_one("#filter-tier", CycleSelect).value = "community"
        await pilot.pause()
        assert table.row_count == 3
        screen.query_one("#filter-region", CycleSelect).value = "west"
        await pilot.pause()
        assert table.row_count == 1 and str(table.cells_at(0)[0]) == "Desert FM"
        screen.query_one("#filter-tier", CycleSelect).value = "all"
        screen.query_one("#filter-region", CycleSelect).value = "all"
        # schema 1 "interview" imports as "invited"
        screen.query_one("#filter-status", CycleSelect).value = "invited"
        await pilot.pause()
        assert [str(table.cells_at(i)[0]) for i in range(table.row_count)] == ["Gulf Regional"]
        screen.query_one("#filter-status", CycleSelect).value = "all"
        screen.query_one("#filter-sort", CycleSelect).value = "state"
        await pilot.pause()
        states = [str(table.cells_at(i)[3]) for i in range(table.row_count)]
        assert states == sorted(states)

        bars = "\n".join(screen.query_one(MixBars).plain_lines)
        assert "list" in bars  # the actual list beside the target


async def test_header_click_sorts_and_status_key_saves(
    workspace: Any, tmp_path: Path, home: Path
) -> None:

    import_sample_list(tmp_path)
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        _, table = await open_program_list(app, pilot)
        table.focus()
        await pilot.pause()
        await pilot.click("#programs-table", offset=(2, 0))  # the Program header
        await pilot.pause()
        names = [str(table.cells_at(i)[0]) for i in range(table.row_count)]
        assert names == sorted(names, key=str.lower, reverse=True)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("s")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the list is saved by a worker thread
        saved = tomllib.loads((home / "programs.toml").read_text())
        first = next(p for p in saved["programs"] if p["name"] == names[0])
        assert first["status"] != "planned" or names[0] == "Gulf Regional"
        table.focus()
        planned = next(i for i in range(table.row_count) if str(table.cells_at(i)[1]) == "Planned")
        table.move_cursor(row=planned)
        await pilot.press("delete")  # asked first: kept
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert len(tomllib.loads((home / "programs.toml").read_text())["programs"]) == 5
        await pilot.press("delete", "y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        saved = tomllib.loads((home / "programs.toml").read_text())
        assert len(saved["programs"]) == 4
        assert names[0] in {p["name"] for p in saved["programs"]}  # the one sent stays


async def test_a_program_applied_to_is_removed_in_applications_not_here(
    workspace: Any, tmp_path: Path, home: Path
) -> None:
    """The Mix pane's Delete took an applied program off the list at once, its ERAS fee with
    it; the Applications pane's Delete says what goes with a program (its ranks, its fee) and
    offers to withdraw it instead (engine.removal). Here such a program is left to that one."""
    import_sample_list(tmp_path)
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        _, table = await open_program_list(app, pilot)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("s")  # planned -> applied
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert str(table.cells_at(0)[1]) != "Planned"
        await pilot.press("delete")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)  # nothing asked: nothing to confirm here
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert len(tomllib.loads((home / "programs.toml").read_text())["programs"]) == 5


async def test_import_in_the_pane_reports_bad_rows(
    workspace: Any, tmp_path: Path, home: Path
) -> None:
    from textual.widgets import Checkbox, Input

    bad = tmp_path / "bad.csv"
    bad.write_text(LIST_CSV + "Nowhere,X,ZZ,internal_medicine,community,no,,,planned,\n")
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        await pilot.press("l")
        await pilot.pause()
        field = screen.query_one("#import-path", Input)
        field.value = str(bad)
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        message = str(screen.query_one("#import-result").render())
        assert "Nothing imported" in message and "line 7" in message
        assert not (home / "programs.toml").exists()
        screen.query_one("#import-skip-bad", Checkbox).value = True
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        message = str(screen.query_one("#import-result").render())
        assert "Imported 5 programs" in message and "1 bad rows skipped" in message
        await app.workers.wait_for_complete()
        assert (home / "programs.toml").exists()
        result = screen.result
        assert result is not None and any(w.id == "yog_cutoff" for w in result.warnings)


async def test_works_at_80x24(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        assert screen.has_class("-narrow")
        await pilot.press("right")
        result = screen.result
        assert result is not None and result.total == 85
        # everything is reachable by scrolling inside the pane
        results = screen.query_one("#mix-results")
        assert results.max_scroll_y > 0
        await pilot.press("a")
        await pilot.pause()
        assert str(screen.query_one("#mix-tabs").active) == "tab-assumptions"


def test_engine_and_pane_share_the_estimate(workspace: Any, catalog: Any) -> None:
    # the pane calls the same function with the risk tier it looked up once
    profile = workspace.load_profile()
    from matchtui.engine.mix import recommended_mix, risk_tier_for

    plan = recommended_mix(profile, catalog)
    assert estimate(profile, catalog, plan) == estimate(
        profile, catalog, plan, risk_tier=risk_tier_for(profile, catalog)
    )


async def test_a_profile_change_updates_the_recommendation_and_risk(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        result = screen.result
        assert result is not None and result.preset.id == "reentry"
        profile = app.profile
        assert profile is not None
        app.profile = profile.model_copy(
            update={
                "applicant": profile.applicant.model_copy(
                    update={
                        "situation": "in_school",
                        "student_year": "m4",
                        "graduation_year": profile.cycle_year,  # a senior of this Match
                    }
                )
            }
        )
        await pilot.pause()
        result = screen.result
        assert result is not None
        assert result.preset.id == "standard" and result.risk_tier == "not_applicable"
        assert "Standard" in str(screen.query_one("#mix-preset").render())
        await pilot.press("p")
        # the preset's 40, or the shorter list its note gives (never past the warning's line)
        assert values(screen)["slider-apps"] == result.preset.applications <= 40


async def test_tab_keys_switch_panes_and_focus_follows(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = mix_screen(app)
        tabs = screen.query_one("#mix-tabs")
        steps = [
            ("l", "tab-programs", "programs-table"),
            ("tab", "tab-programs", "import-path"),
            ("tab", "tab-programs", "import-skip-bad"),
            ("a", "tab-assumptions", "assumptions-scroll"),
            ("m", "tab-mix", "slider-apps"),
            ("right", "tab-mix", "slider-apps"),
            ("l", "tab-programs", "programs-table"),
        ]
        for key, pane, focused in steps:
            await pilot.press(key)
            await pilot.pause()
            assert str(tabs.active) == pane, key
            assert app.focused is not None and app.focused.id == focused, key


async def test_the_status_column_is_on_screen_at_80_columns(workspace: Any, tmp_path: Path) -> None:
    """`s` changes a program's status: at 80x24 that column must be on screen without
    scrolling sideways (it was the last column, past the right edge)."""
    import_sample_list(tmp_path)
    app = app_for(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, table = await open_program_list(app, pilot)
        keys = [key for key, _label, _width in table.columns]
        through_status = keys.index("status") + 1
        used = sum(width + 2 for _key, _label, width in table.columns[:through_status])
        assert used <= table.size.width
