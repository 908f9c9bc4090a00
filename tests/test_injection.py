"""Markup and escape injection: text from the applicant's files is shown literally everywhere.

Program names, answers, narratives, tie notes, letter authors, rotation places, plan notes and
file names carry Textual/Rich markup and terminal escape sequences. Wherever they are shown (the
program table, the panes, notifications, the advisor report, the CLI), the markup must appear as
the literal brackets, and no control character (ESC, BEL, CR, C1) may reach the terminal: they
are shown as U+FFFD instead. The app must not crash on any of it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual.widgets import Input, Static, TextArea

from matchtui.app import MatchApp
from matchtui.cli import main
from matchtui.models.practice import Attempt, PracticeLog
from matchtui.models.profile import Profile
from matchtui.models.programs import ProgramList
from matchtui.tomlio import without_none
from matchtui.widgets.practice_answer import real_answer
from matchtui.widgets.profile_fields import ItemLine
from matchtui.widgets.program_table import ProgramTable
from matchtui.widgets.text_standin import field_at
from matchtui.workspace import Workspace, demo_profile_path

TODAY = dt.date(2026, 11, 23)

MARKUP = (
    "[bold red]X[/]",
    "[@click=app.quit]x[/]",
    "[link=file:///etc/passwd]y[/]",
    "[/]",
    "[b",
)
# Markup for file and folder names, which cannot hold "/" (so no closing tags).
FILE_MARKUP = "[bold red]X [@click=app.quit]q [link=https:x]y [b"
ESCAPES = ("\x1b[31m", "\x1b]0;title\x07", "\x1b[2J", "\x07", "\r")
# Every control character but newline and tab: none of these may reach a terminal.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
REPLACEMENT = "\ufffd"


def evil(tag: str) -> str:
    """Hostile text, tagged so a test can find where it is shown."""
    return f"{tag} {' '.join(MARKUP)} {''.join(ESCAPES)}end"


def shown(text: str) -> str:
    """How hostile text must look on screen: markup literal, control characters replaced."""
    return CONTROL.sub(REPLACEMENT, text)


def head(tag: str) -> str:
    """The start of evil(tag) as shown: enough to prove the markup was not interpreted."""
    return f"{tag} {MARKUP[0]} {MARKUP[1]}"


# --- the applicant's files, made hostile -------------------------------------------------------
# The files are written as TOML directly, not through the models: that is how a hand-edited or
# shared file arrives, with the escapes in it (TOML spells ESC "\u001b").
def write_toml(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(tomli_w.dumps(without_none(data)), encoding="utf-8")


def hostile_profile_data(demo: Profile) -> dict[str, Any]:
    data = demo.model_dump(mode="json")
    data["applicant"]["name"] = evil("NAME")
    data["narrative"] = {
        "why_home": evil("WHYHOME") + "\nI grew up here and my family lives here.",
        "why_now": evil("WHYNOW"),
        "plan_b": evil("PLANB") + " I will apply again with a changed application.",
    }
    for i, tie in enumerate(data["ties"]):
        tie["note"] = evil(f"TIE{i}")
    for i, rotation in enumerate(data["rotations"]):
        rotation["place"] = evil(f"ROT{i}")
    for i, letter in enumerate(data["letters"]):
        letter["author"] = evil(f"LET{i}")
    return data


PROFILE_TAGS = ("NAME", "TIE0", "TIE1", "ROT0", "LET0", "LET1", "WHYHOME", "WHYNOW", "PLANB")
STATES = ("WI", "IL", "TX", "CA", "NY")
TIERS = ("community", "mid_tier", "academic", "community", "mid_tier")


def program_name(i: int) -> str:
    return f"P{i} {MARKUP[i]} {''.join(ESCAPES)}end"


def hostile_programs_data() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "programs": [
            {
                "name": program_name(i),
                "city": f"C{i} {MARKUP[i]}\x1b[2J",
                "state": STATES[i],
                "specialty": "internal_medicine",
                "tier": TIERS[i],
                "notes": evil(f"NOTE{i}"),
            }
            for i in range(len(MARKUP))
        ],
    }


ANSWER = (
    "Um, I think maybe {tag} {markup} is who I am {esc}. "
    "I grew up in Tucson and I did an away rotation there in 2025. "
    "Basically I, like, want to come home {markup}."
)
QUESTION = "tell_me_about_yourself"  # the practice pane opens on it for the demo profile


def hostile_answer(tag: str) -> str:
    return ANSWER.format(tag=tag, markup=" ".join(MARKUP), esc="".join(ESCAPES))


def hostile_practice_data() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "attempts": [
            {
                "question": QUESTION,
                "time": dt.datetime(2026, 11, day, 10, 0),
                "score": 40 + day,
                "words": 40,
                "checks": [{"id": "fillers_hedges", "status": "warn"}],
                "text": hostile_answer(f"ANS{day}"),
            }
            for day in (1, 2)
        ],
    }


def hostile_plan_data() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "timeline": {
            "start_month": "2026-02",
            "items": {"reality_sheet": {"status": "todo", "note": evil("PLANNOTE")}},
        },
    }


def fill_home(workspace: Workspace, demo: Profile) -> dict[str, bytes]:
    """Profile, programs, practice log and plan with every free-text field hostile; returns the
    files' bytes so a test can check that looking at them changed nothing."""
    home = workspace.home
    write_toml(home / "profile.toml", hostile_profile_data(demo))
    write_toml(home / "programs.toml", hostile_programs_data())
    write_toml(home / "practice.toml", hostile_practice_data())
    write_toml(home / "plan.toml", hostile_plan_data())
    return {name: (home / name).read_bytes() for name in FILES}


FILES = ("profile.toml", "programs.toml", "practice.toml", "plan.toml")


@pytest.fixture
def hostile(workspace: Workspace, demo_profile: Profile) -> dict[str, bytes]:
    return fill_home(workspace, demo_profile)


def assert_unchanged(workspace: Workspace, before: dict[str, bytes]) -> None:
    for name, content in before.items():
        assert (workspace.home / name).read_bytes() == content, name


# --- what reaches the terminal -----------------------------------------------------------------
def screen_output(app: MatchApp) -> tuple[str, list[Segment]]:
    """The screen as the terminal would get it: its text (one line per row) and every segment."""
    update: Any = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens
    )
    lines: list[str] = []
    segments: list[Segment] = []
    for row in update.strips:
        text = ""
        for strip in row:
            for segment in strip:
                segments.append(segment)
                if not segment.control:
                    text += segment.text
        lines.append(text)
    return "\n".join(lines), segments


def assert_safe(app: MatchApp) -> str:
    """No control character, no link and no click action from user text on screen; the text."""
    text, segments = screen_output(app)
    for segment in segments:
        if segment.control:
            continue
        assert not CONTROL.search(segment.text), repr(segment.text)
        style = segment.style
        if style is not None:
            assert "etc/passwd" not in (style.link or ""), segment
            assert style.meta.get("@click") != "app.quit", segment
    svg = app.export_screenshot()
    assert not CONTROL.search(svg.replace("\n", "").replace("\t", ""))
    assert app.is_running
    return text


def plain(widget: Static) -> str:
    """What a Static shows, as plain text (wide, so long lines stay whole)."""
    console = Console(width=400, record=True, file=io.StringIO())
    content = widget.content
    console.print(Text(content) if isinstance(content, str) else content)
    return console.export_text()


def toasts(app: MatchApp) -> str:
    """The notifications on screen: title and message, unwrapped."""
    from textual.widgets._toast import Toast

    return "\n".join(toast.render().plain for toast in app.screen.query(Toast))


def flat(text: str) -> str:
    return " ".join(text.split())


def make_app(workspace: Workspace, pane: str) -> MatchApp:
    return MatchApp(workspace, first_pane=pane, today=TODAY)


# --- the models ----------------------------------------------------------------------------------
def test_loaded_text_has_no_control_characters(
    workspace: Workspace, hostile: dict[str, bytes]
) -> None:
    profile = workspace.load_profile()
    assert profile.applicant.name == shown(evil("NAME"))
    assert profile.narrative.plan_b.startswith(shown(evil("PLANB")))
    assert [t.note for t in profile.ties] == [shown(evil("TIE0")), shown(evil("TIE1"))]
    programs = workspace.store.load("programs.toml", ProgramList)
    assert [p.name for p in programs.programs] == [shown(program_name(i)) for i in range(5)]
    log = workspace.store.load("practice.toml", PracticeLog)
    assert log.attempts[0].text == shown(hostile_answer("ANS1"))
    assert workspace.load_plan().timeline.items["reality_sheet"].note == shown(evil("PLANNOTE"))
    # Windows line ends in a pasted answer are line ends, not replacement characters.
    attempt = Attempt(question=QUESTION, time=dt.datetime(2026, 1, 1), score=1, text="a\r\nb\rc")
    assert attempt.text == "a\nb\ufffdc"
    # Loading is not saving: the files still hold exactly what was written.
    assert_unchanged(workspace, hostile)
    # Through the models and the Store, what is saved is what is shown.
    workspace.store.save("programs.toml", programs)
    saved = (workspace.home / "programs.toml").read_text(encoding="utf-8")
    assert "\\u001b" not in saved and "\\r" not in saved and program_name(0) not in saved
    assert workspace.store.load("programs.toml", ProgramList) == programs


# --- the panes -----------------------------------------------------------------------------------
async def test_program_table_shows_names_literally(
    workspace: Workspace, hostile: dict[str, bytes]
) -> None:
    app = make_app(workspace, "mix")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        table = app.screen.query_one("#programs-table", ProgramTable)
        assert table.row_count == 5
        names = sorted(str(table.cells_at(i)[0]) for i in range(5))
        assert names == [shown(program_name(i)) for i in range(5)]
        text = assert_safe(app)
        for i in range(5):
            assert shown(program_name(i)) in text
            assert f"C{i} {MARKUP[i]}{REPLACEMENT}[2J" in text
    assert_unchanged(workspace, hostile)


async def test_program_table_at_120x40_and_80x24(
    workspace: Workspace, hostile: dict[str, bytes]
) -> None:
    for size in ((120, 40), (80, 24)):
        app = make_app(workspace, "mix")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("l")
            await pilot.pause()
            text = assert_safe(app)
            assert f"P0 {MARKUP[0]}" in text


async def test_profile_pane_shows_every_field_literally(
    workspace: Workspace, hostile: dict[str, bytes]
) -> None:
    app = make_app(workspace, "profile")
    # Tall enough that the whole form is on screen at once.
    async with app.run_test(size=(140, 200)) as pilot:
        await pilot.pause()
        text = assert_safe(app)
        for tag in PROFILE_TAGS:
            assert head(tag) in text, tag
        values = [w.value for w in app.screen.query("Input, TextField")]
        # A list's item not reached yet is one line that holds its row's values.
        for line in app.screen.query(ItemLine):
            values += [v for v in line.value().values() if isinstance(v, str)]
        for tag in ("NAME", "TIE0", "TIE1", "ROT0", "LET0", "LET1"):
            assert shown(evil(tag)) in values, tag
        areas = [w.text for w in app.screen.query(TextArea)]
        assert any(a.startswith(shown(evil("WHYHOME"))) for a in areas)
        assert shown(evil("WHYNOW")) in areas
        assert app.is_running
    assert_unchanged(workspace, hostile)


async def test_reality_and_specialties_panes_are_safe(
    workspace: Workspace, hostile: dict[str, bytes]
) -> None:
    app = make_app(workspace, "reality")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Re-entry risk" in assert_safe(app)
        await pilot.press("f3")
        await pilot.pause()
        assert_safe(app)
    assert_unchanged(workspace, hostile)


async def test_plan_pane_shows_plan_b_and_notes_literally(
    workspace: Workspace, hostile: dict[str, bytes]
) -> None:
    app = make_app(workspace, "plan")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        note = field_at(app.screen, "#item-note")  # drawn by its stand-in until reached
        assert note.value == shown(evil("PLANNOTE"))
        text = assert_safe(app)
        assert head("PLANNOTE") in text
        await pilot.press("t", "t")  # the Plan B tab
        await pilot.pause()
        text = assert_safe(app)
        assert head("PLANB") in text
        assert shown(evil("PLANB")) in flat(plain(app.screen.query_one("#planb-text", Static)))
    assert_unchanged(workspace, hostile)


async def test_practice_pane_shows_answers_quotes_and_history_literally(
    workspace: Workspace, hostile: dict[str, bytes]
) -> None:
    from matchtui.widgets.practice_compare import CompareScreen
    from matchtui.widgets.practice_feedback import AnswerReview, FeedbackPanel
    from matchtui.widgets.practice_history import HistoryPanel

    app = make_app(workspace, "practice")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert screen.current.id == QUESTION
        assert_safe(app)
        # An attempt from the history: the answer and the feedback quoting it.
        screen.query_one(HistoryPanel).post_message(HistoryPanel.AttemptChosen(0))
        await pilot.pause()
        review = plain(screen.query_one(AnswerReview))
        assert shown(hostile_answer("ANS1")) in review
        feedback = screen.query_one(FeedbackPanel).feedback
        quotes = [q for check in feedback.checks for q in check.evidence]
        assert any(" ".join(MARKUP) in q for q in quotes), quotes
        options = screen.query_one("#fb-checks")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(f"ANS1 {' '.join(MARKUP)}" in p for p in prompts)
        text = assert_safe(app)
        for markup in MARKUP[:3]:
            assert markup in text
        # Rehearse shows the best answer; compare puts two side by side.
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert shown(hostile_answer("ANS2")) in plain(screen.query_one(AnswerReview))
        assert_safe(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = assert_safe(app)
        assert MARKUP[0] in text and "ANS1" in text and "ANS2" in text
    assert_unchanged(workspace, hostile)


async def test_practice_pasted_answer_is_submitted_literally(
    workspace: Workspace, hostile: dict[str, bytes], home: Path
) -> None:
    from textual import events

    from matchtui.widgets.practice_feedback import AnswerReview

    app = make_app(workspace, "practice")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # a fresh try, the editor focused
        await pilot.pause()
        area = await real_answer(app.screen)  # the editor, once it is in place
        assert area.has_focus
        app.post_message(events.Paste(hostile_answer("PASTED")))
        await pilot.pause()
        assert area.text == shown(hostile_answer("PASTED"))
        assert_safe(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown(hostile_answer("PASTED")) in plain(app.screen.query_one(AnswerReview))
        text = assert_safe(app)
        assert "[@click=app.quit]x[/]" in text
    saved = PracticeLog.model_validate(tomllib.loads((home / "practice.toml").read_text()))
    assert saved.attempts[-1].text == shown(hostile_answer("PASTED"))


# --- notifications -------------------------------------------------------------------------------
async def test_export_notification_names_a_hostile_folder_literally(
    tmp_path: Path, catalog: Any, demo_profile: Profile
) -> None:
    folder = tmp_path / f"{FILE_MARKUP} \x1b[2J\x07home"
    workspace = Workspace.from_options(folder)
    workspace.__dict__["catalog"] = catalog
    fill_home(workspace, demo_profile)
    app = make_app(workspace, "mix")
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        text = assert_safe(app)
        assert "Saved report-2026-11-23.md" in text and "[bold red]X" in text
        assert f"{FILE_MARKUP} {REPLACEMENT}[2J{REPLACEMENT}home" in toasts(app)
    report = (folder / "report-2026-11-23.md").read_text(encoding="utf-8")
    assert not CONTROL.search(report.replace("\n", "").replace("\t", ""))


async def test_import_in_the_pane_names_a_hostile_file_literally(
    workspace: Workspace, tmp_path: Path, home: Path
) -> None:
    from textual import events

    csv = tmp_path / f"{FILE_MARKUP}.csv"
    csv.write_text(
        "name,city,state,specialty,tier\n"
        f'"P9 {MARKUP[1]} \x1b]0;t\x07\x1b[2J",Madison,WI,internal_medicine,community\n',
        encoding="utf-8",
    )
    app = make_app(workspace, "mix")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        field = app.screen.query_one("#import-path", Input)
        field.focus()
        await pilot.pause()
        app.post_message(events.Paste(str(csv)))  # the path, pasted
        await pilot.pause()
        assert field.value == str(csv)
        await pilot.press("enter")
        await pilot.pause()
        result = plain(app.screen.query_one("#import-result", Static))
        assert f"Imported 1 program from {csv}" in result
        text = assert_safe(app)
        assert f"{FILE_MARKUP}.csv" in text
        assert f"P9 {MARKUP[1]} {REPLACEMENT}]0;t{REPLACEMENT}{REPLACEMENT}[2J" in text
        # A pasted path carrying escapes is cleaned on the way in.
        field.value = ""
        app.post_message(events.Paste("x\x1b[2J\x9b1m.csv"))
        await pilot.pause()
        assert field.value == f"x{REPLACEMENT}[2J{REPLACEMENT}1m.csv"
        assert_safe(app)
    saved = tomllib.loads((home / "programs.toml").read_text(encoding="utf-8"))
    assert saved["programs"][0]["name"] == shown(f"P9 {MARKUP[1]} \x1b]0;t\x07\x1b[2J")


async def test_load_error_notification_quotes_a_hostile_key_literally(
    workspace: Workspace, home: Path
) -> None:
    home.mkdir(parents=True, exist_ok=True)
    bad = home / "profile.toml"
    demo = demo_profile_path().read_text(encoding="utf-8")
    bad.write_text('"[bold red]K[/] [@click=app.quit]q[/] \\u001b]0;t\\u0007" = 1\n' + demo)
    before = bad.read_bytes()
    app = make_app(workspace, "reality")
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await pilot.pause()
        text = assert_safe(app)
        assert "profile.toml" in text and "[@click=app.quit]q[/]" in text
        key = f"[bold red]K[/] [@click=app.quit]q[/] {REPLACEMENT}]0;t{REPLACEMENT}"
        message = toasts(app)
        assert f"profile.toml: [{key}] unknown key\n" in message
        assert "Showing the demo profile; your file was not changed." in message
    assert bad.read_bytes() == before


async def test_a_broken_data_folder_is_named_literally_at_start(tmp_path: Path, home: Path) -> None:
    import shutil

    from matchtui.locations import bundled_data_dir

    data = tmp_path / "[b]data[/b]"
    shutil.copytree(bundled_data_dir(), data)
    fees = data / "fees.toml"
    fees.write_text(
        '"K \\u001b]0;t\\u0007" = 1\n' + fees.read_text(encoding="utf-8"), encoding="utf-8"
    )
    app = MatchApp(Workspace.from_options(home, data), today=TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        text = assert_safe(app)
        loading = plain(app.screen.query_one("#loading", Static))
        assert (
            "[b]data[/b]" in loading
            and f"[K {REPLACEMENT}]0;t{REPLACEMENT}] unknown key" in loading
        )
        assert "[b]data[/b]" in text


# --- the advisor report and the CLI ---------------------------------------------------------------
def assert_printable(text: str) -> None:
    """Nothing but newlines and tabs below space: safe to print on a terminal."""
    assert not CONTROL.search(text), repr(CONTROL.search(text))


def unescape_md(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_report_cli_markdown_and_text_show_markup_literally(
    hostile: dict[str, bytes], workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert_printable(md)
    md_plain = unescape_md(md)
    for tag in PROFILE_TAGS:
        assert f"{tag} {' '.join(MARKUP)}" in md_plain, tag
    assert shown("".join(ESCAPES)) in md_plain
    assert head("PLANNOTE") in md_plain  # the plan section quotes the note
    assert main(["report", "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert_printable(text)
    for tag in PROFILE_TAGS:
        assert f"{tag} {MARKUP[0]}" in text, tag
    assert f"{REPLACEMENT}[31m{REPLACEMENT}]0;title" in text
    assert_unchanged(workspace, hostile)


def test_report_engine_neutralises_text_that_skipped_validation(
    workspace: Workspace, demo_profile: Profile
) -> None:
    from matchtui.commands.report import report_for

    # model_copy(update=...) does not validate: the raw escapes reach the engine itself.
    narrative = demo_profile.narrative.model_copy(update={"plan_b": evil("RAWPLANB")})
    applicant = demo_profile.applicant.model_copy(update={"name": evil("RAWNAME")})
    profile = demo_profile.model_copy(update={"narrative": narrative, "applicant": applicant})
    assert "\x1b" in profile.applicant.name
    for fmt in ("md", "text"):
        text, _ = report_for(workspace, profile, TODAY, fmt=fmt)
        assert_printable(text)
        text = unescape_md(text) if fmt == "md" else text
        assert f"RAWNAME {MARKUP[0]}" in text and f"RAWPLANB {MARKUP[0]}" in text


def test_assess_sheet_and_json_are_printable(
    hostile: dict[str, bytes], workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess"]) == 0
    out = capsys.readouterr().out
    assert_printable(out)
    assert f"NAME {' '.join(MARKUP)}" in out
    assert main(["assess", "--json"]) == 0
    assert_printable(capsys.readouterr().out)
    assert main(["mix", "--json"]) == 0
    assert_printable(capsys.readouterr().out)
    assert_unchanged(workspace, hostile)


def test_practice_cli_quotes_a_hostile_answer_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(hostile_answer("CLI") + " \x9b31m C1 too.", encoding="utf-8")
    before = answer.read_bytes()
    assert main(["practice", "--question", QUESTION, "--answer-file", str(answer)]) == 0
    out = capsys.readouterr().out
    assert_printable(out)
    assert f"CLI {' '.join(MARKUP)}" in out  # quoted as evidence
    assert main(["practice", "--question", QUESTION, "--answer-file", str(answer), "--json"]) == 0
    out = capsys.readouterr().out
    assert_printable(out)
    assert "\\u001b" not in out and "\x9b" not in out
    assert answer.read_bytes() == before


def test_cli_errors_quoting_hostile_keys_and_values_stay_one_printable_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "p.toml"
    demo = demo_profile_path().read_text(encoding="utf-8")
    profile.write_text('"\\u001b]0;t\\u0007\\nsecond @click line" = 1\n' + demo)
    assert main(["assess", "--profile", str(profile)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith("\n")
    assert_printable(err)
    assert f"[{REPLACEMENT}]0;t{REPLACEMENT}{REPLACEMENT}second @click line] unknown key" in err
    csv = tmp_path / "p.csv"
    csv.write_text("name,state,specialty,tier\nA,WI,internal_medicine,\x1b[2Jtop\n")
    assert main(["programs", "import", str(csv)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert_printable(captured.err)
    assert "tier: '\\x1b[2Jtop'" in captured.err
