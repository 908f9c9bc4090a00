"""One NRMP program code, one program.

Found by an auditor: `programs add "NY Derm Adv other" ... --code 1234081A0` was accepted
although "NY Derm Advanced" had that code; `programs set 1234081A0` then said "no program on
your list matches" when two did, and a rank file naming the code went to the first of them.
Now a repeated code is refused on add, edit and import (naming the other program, and for a
file its line and field), and a look-up by a code two listed programs share says so.

(A code's track letter is not checked against the track: nothing in the repository documents
what each letter means with a source, so matchtui does not judge it.)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Select, Static

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.programs import against_list, edited_program, new_program, parse_csv
from matchtui.engine.ranklist import Tracker, ranklist_data, resolve, simulate
from matchtui.models.programs import Program, ProgramList
from matchtui.models.ranklist import RankItem
from matchtui.widgets.tracker_dialogs import AddProgram

ADVANCED = Program(
    name="NY Derm Advanced",
    state="NY",
    specialty="dermatology",
    tier="academic",
    nrmp_code="1234081A0",
    track="advanced",
    status="interviewed",
    interviewed_on=dt.date(2026, 11, 10),
)
BOSTON = Program(
    name="Boston Derm Advanced",
    state="MA",
    specialty="dermatology",
    tier="academic",
    nrmp_code="1234080A0",
    track="advanced",
)
OTHER = {
    "name": "NY Derm Adv other",
    "state": "NY",
    "specialty": "dermatology",
    "tier": "academic",
    "track": "advanced",
    "nrmp_code": "1234081a0",
}


def test_add_and_edit_refuse_a_code_another_program_holds(catalog: Catalog) -> None:
    with pytest.raises(ValueError) as caught:
        new_program(OTHER, catalog, [ADVANCED, BOSTON])
    assert str(caught.value).startswith(
        "nrmp_code: 1234081A0 is the code of 'NY Derm Advanced' on your list already"
    )
    # Boston corrected to NY Derm Advanced's code: refused; keeping its own: fine
    typed = {**OTHER, "name": "Boston Derm Advanced", "state": "MA"}
    with pytest.raises(ValueError, match=r"^nrmp_code: 1234081A0 is the code of 'NY Derm"):
        edited_program(BOSTON, typed, catalog, [ADVANCED])
    kept = edited_program(
        BOSTON, {**typed, "nrmp_code": "1234080A0", "tier": "mid_tier"}, catalog, [ADVANCED]
    )
    assert (kept.nrmp_code, kept.tier) == ("1234080A0", "mid_tier")


def test_an_import_names_the_line_and_the_field(catalog: Catalog) -> None:
    text = (
        "name,state,specialty,tier,nrmp_code\n"
        "Boston Derm Advanced,MA,dermatology,academic,1234080A0\n"
        "Albany Derm,NY,dermatology,academic,1234080A0\n"
        "NY Derm Adv other,NY,dermatology,academic,1234081A0\n"
        "NY Derm Advanced,NY,dermatology,academic,\n"
    )
    result = parse_csv(text, catalog)
    assert [(p.line, p.message) for p in result.problems] == [
        (
            3,
            "nrmp_code: 1234080A0 is the code of 'Boston Derm Advanced' on line 2 already (a "
            "code names one program: check which one is right)",
        )
    ]
    # against the list: NY Derm Adv other takes a listed program's code; NY Derm Advanced is
    # the listed one itself (a repeat, left out by the merge as before); Boston's is its own
    against_list(result, [ADVANCED])
    assert [p.name for p in result.programs] == ["Boston Derm Advanced", "NY Derm Advanced"]
    assert [(p.line, p.message.split(" (")[0]) for p in result.problems] == [
        (3, "nrmp_code: 1234080A0 is the code of 'Boston Derm Advanced' on line 2 already"),
        (4, "nrmp_code: 1234081A0 is the code of 'NY Derm Advanced' on your list already"),
    ]


def test_the_commands_refuse_a_repeated_code_and_name_both(
    workspace: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.save_programs(ProgramList(programs=[ADVANCED, BOSTON]))
    add = ["programs", "add", "NY Derm Adv other", "--state", "NY", "--specialty"]
    add += ["dermatology", "--tier", "academic", "--track", "advanced", "--code", "1234081A0"]
    assert main(add) == 2
    err = capsys.readouterr().err
    assert "nrmp_code: 1234081A0 is the code of 'NY Derm Advanced' on your list already" in err
    assert len(workspace.load_programs().programs) == 2
    csv = tmp_path / "more.csv"
    csv.write_text(
        "name,state,specialty,tier,nrmp_code\n"
        "Albany Derm,NY,dermatology,academic,1234082A0\n"
        "NY Derm Adv other,NY,dermatology,academic,1234081A0\n"
    )
    assert main(["programs", "import", str(csv)]) == 2
    err = capsys.readouterr().err
    assert f"{csv}:3: nrmp_code: 1234081A0 is the code of 'NY Derm Advanced'" in err
    assert "nothing imported" in err
    assert len(workspace.load_programs().programs) == 2
    assert main(["programs", "import", str(csv), "--skip-bad"]) == 0
    names = [p.name for p in workspace.load_programs().programs]
    assert names == ["NY Derm Advanced", "Boston Derm Advanced", "Albany Derm"]


def test_a_look_up_by_a_shared_code_says_which_programs_share_it(
    workspace: Any, catalog: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A list saved before the check (or edited by hand) may hold a code twice."""
    twice = Program.model_validate({**OTHER, "nrmp_code": "1234081A0"})
    workspace.save_programs(ProgramList(programs=[ADVANCED, twice, BOSTON]))
    assert main(["programs", "set", "1234081A0", "--stage", "applied"]) == 2
    err = capsys.readouterr().err
    assert "2 programs on your list have NRMP code '1234081A0': 'NY Derm Advanced' and " in err
    assert "'NY Derm Adv other'" in err and "no program on your list matches" not in err
    # the rank list: the code is matched to neither, and the warning names both
    tracker = Tracker.of([ADVANCED, twice, BOSTON])
    assert (
        tracker.find("1234081A0") is None
        and tracker.find("NY Derm Advanced") == (tracker.programs[0])
    )
    data = ranklist_data(catalog)
    ranks = [RankItem(program="1234081A0"), RankItem(program="Boston Derm Advanced")]
    texts = [w.text for w in simulate(resolve(ranks, tracker, data), data, tracker).warnings]
    shared = next(t for t in texts if t.startswith("NRMP code on more than one program"))
    assert "rank 1 '1234081A0' is the code of 'NY Derm Advanced' and 'NY Derm Adv other'" in shared
    assert not any(t.startswith("Not in your program list") for t in texts)
    rank_file = tmp_path / "ranks.toml"
    rank_file.write_text('[[ranks]]\nprogram = "1234081A0"\n')
    assert main(["ranklist", "check", str(rank_file)]) == 0
    assert "warning: NRMP code on more than one program: rank 1 '1234081A0'" in (
        capsys.readouterr().out
    )


async def test_the_add_dialog_names_the_program_holding_the_code(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=[ADVANCED]))
    app = MatchApp(workspace, first_pane="applications", today=dt.date(2026, 11, 30))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddProgram)
        dialog.query_one("#add-name", Input).value = "NY Derm Adv other"
        dialog.query_one("#add-state", Input).value = "NY"
        dialog.query_one("#add-specialty", Select).value = "dermatology"
        dialog.query_one("#add-nrmp_code", Input).value = "1234081A0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AddProgram)
        error = str(dialog.query_one("#add-error", Static).render())
        assert error.startswith("nrmp_code: 1234081A0 is the code of 'NY Derm Advanced'")
        await pilot.press("escape")
        await pilot.pause()
    assert len(workspace.load_programs().programs) == 1
