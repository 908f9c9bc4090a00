"""engine/report and `matchtui report`: every section, the panes' own numbers, no saved data,
Markdown and 80-column text, atomic no-clobber writes, and the app's export."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.commands.report import export_path, report_for
from matchtui.engine.assess import assess
from matchtui.engine.mix import estimate, recommended_mix
from matchtui.engine.plan import build_plan
from matchtui.engine.practice import analyse, progress
from matchtui.engine.report import build_report, to_markdown, to_text
from matchtui.engine.wording import percent
from matchtui.models.plan import ItemState, MixPlan, PlanFile, TimelineState
from matchtui.models.practice import PracticeLog, attempt_from, save_log
from matchtui.models.profile import Profile
from matchtui.safetext import safe_text as visible

TODAY = dt.date(2026, 11, 23)
SECTIONS = [
    "Profile summary",
    "Reality check",
    "Program mix",
    "Interview practice",
    "Plan status",
    "Applications season",
    "Rank list",
    "Sources used",
]

STRONG = (
    "In 2021 I went unmatched in general surgery after a narrow list, and that was my "
    "mistake: my letters were thin and I had applied to too few programs. I stepped away "
    "and worked for three years as a clinical research coordinator in a cardiology "
    "clinic, seeing patients every week. I passed Step 3 in 2024. I am applying to "
    "internal medicine now because I have tested it in daily work, and I will bring that "
    "steadiness to your program."
)
WEAK = "It got hard, I took a break, and now I kind of miss patients, you know."


def saved_mix(profile: Profile, catalog: Catalog) -> MixPlan:
    rec = recommended_mix(profile, catalog)
    return rec.model_copy(
        update={"applications": 64, "academic_pct": 10, "mid_tier_pct": 30, "community_pct": 60}
    )


def practice_log(catalog: Catalog) -> PracticeLog:
    attempts = []
    when = dt.datetime(2026, 11, 1, 9, 0)
    for n, (question, text) in enumerate(
        [("why_unmatched", WEAK), ("why_unmatched", STRONG), ("why_now", STRONG)]
    ):
        feedback = analyse(question, text, 90.0, catalog)
        attempts.append(attempt_from(feedback, text, when + dt.timedelta(days=n), 90.0))
    return PracticeLog(attempts=attempts)


@pytest.fixture
def full_home(workspace: Any, demo_profile: Profile, catalog: Catalog) -> Any:
    """A home folder with the demo profile, a saved mix, plan status and practice attempts."""
    workspace.save_profile(demo_profile)
    timeline = TimelineState(
        start_month="2026-02",
        items={
            "reality_sheet": ItemState(status="done"),
            "submit_eras": ItemState(status="doing", note="List | 64 programs *drafted*"),
        },
    )
    workspace.save_plan(PlanFile(mix=saved_mix(demo_profile, catalog), timeline=timeline))
    save_log(workspace.store, practice_log(catalog))
    return workspace


def test_report_has_every_section_with_the_demo_profile(
    full_home: Any, demo_profile: Profile
) -> None:
    md, warnings = report_for(full_home, demo_profile, TODAY, fmt="md")
    assert warnings == []
    headings = re.findall(r"^## \d+\. (.+)$", md, re.M)
    assert headings == SECTIONS
    assert md.startswith("# Advisor report: Avery Lindqvist, 2027 Match\n")
    assert "| Factor | Your value | Level | Why |" in md
    assert "P(match), estimated" in md
    assert "| Question | Tries | Best | Average | Last | Scores in order |" in md
    assert "### Re-entry plan (12 months)" in md and "### Back-home checklist" in md
    assert "nrmp\\_dates\\_2026" in md  # sources listed by id (escaped for Markdown)
    # the applicant's own words, quoted and escaped
    assert "> If this cycle ends without a match" in md
    assert "List \\| 64 programs \\*drafted\\*" in md
    # the fees name the schedule they follow, as the Mix pane and `matchtui mix` do
    fees = next(line for line in md.splitlines() if line.startswith("| ERAS fees | $"))
    assert fees.endswith(" (2026 season; no schedule for 2027 yet) |")


def test_report_reads_the_same_numbers_as_the_panes(
    full_home: Any, demo_profile: Profile, catalog: Catalog
) -> None:
    plan = full_home.load_plan()
    log = full_home.store.load("practice.toml", PracticeLog)
    report = build_report(demo_profile, catalog, today=TODAY, plan=plan, practice=log)

    assessment = assess(demo_profile, catalog, plan.mix, TODAY)  # the day the panes read too
    est = estimate(demo_profile, catalog, plan.mix)
    best = {p.question_id: p.best for p in progress(log, catalog)}
    view = build_plan(demo_profile, catalog, plan.timeline, TODAY, assessment)

    assert report.facts.risk_tier == assessment.risk.tier
    assert report.facts.p_match == est.p_match
    assert report.facts.expected_interviews == est.expected_interviews
    assert report.facts.practice_best == best and set(best) == {"why_unmatched", "why_now"}
    assert report.facts.overdue == tuple(row.id for row in view.overdue)
    assert report.facts.this_cycle == assessment.cycles.this_cycle == 2

    md, text = to_markdown(report), to_text(report)
    for rendered in (md, text):
        assert f"Overall re-entry risk: {assessment.risk.tier.upper()}" in rendered
        assert percent(est.p_match) in rendered
        assert f"{est.expected_interviews:.1f}" in rendered
        for action in assessment.actions[:2]:
            assert action.text.split()[0] in rendered
    row = next(line for line in md.splitlines() if line.startswith("| P(match), estimated"))
    assert row == f"| P(match), estimated | {percent(est.p_match)} |"
    for q, score in best.items():
        prompt = next(p.prompt for p in progress(log, catalog) if p.question_id == q)
        line = next(
            x
            for x in md.splitlines()
            if x.startswith("| " + prompt.split()[0]) and f"| {score} |" in x
        )
        assert line


def test_report_without_saved_mix_or_practice_says_so(
    workspace: Any, demo_profile: Profile
) -> None:
    workspace.save_profile(demo_profile)
    text, warnings = report_for(workspace, demo_profile, TODAY, fmt="text")
    assert warnings == []
    assert "No program mix has been saved yet" in text
    assert "No interview practice saved yet" in text
    assert "the default; not chosen yet" in text
    rec = recommended_mix(demo_profile, workspace.catalog)
    assert f"{rec.applications} applications" in text
    for number, title in enumerate(SECTIONS, start=1):
        assert f"{number}. {title}" in text


def test_report_with_a_broken_practice_file_notes_it(
    workspace: Any, demo_profile: Profile, home: Path
) -> None:
    workspace.save_profile(demo_profile)
    (home / "practice.toml").write_text("schema_version = 1\nattempts = 'many'\n")
    text, warnings = report_for(workspace, demo_profile, TODAY, fmt="md")
    assert len(warnings) == 1 and "practice.toml" in warnings[0]
    assert "practice.toml could not be read" in text
    assert "## 4. Interview practice" in text


def test_text_fits_80_columns_and_markdown_tables_are_well_formed(
    full_home: Any, demo_profile: Profile, catalog: Catalog
) -> None:
    data = demo_profile.model_dump()
    data["narrative"]["plan_b"] = "x" * 300 + " | [b]bold[/b] \x1b[2J end"
    data["ties"][0]["note"] = "a|b " * 40
    profile = Profile.model_validate(data)
    text, _ = report_for(full_home, profile, TODAY, fmt="text")
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "\x1b" not in text and "\ufffd[2J" in text
    md, _ = report_for(full_home, profile, TODAY, fmt="md")
    assert "\x1b" not in md
    lines = md.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|---") or line.startswith("|--"):
            header = lines[i - 1]
            cols = len(re.findall(r"(?<!\\)\|", header))
            j = i + 1
            while j < len(lines) and lines[j].startswith("| "):
                assert len(re.findall(r"(?<!\\)\|", lines[j])) == cols, lines[j]
                j += 1


def test_visible_replaces_control_characters() -> None:
    assert visible("a\x1b[31mb\x07c\nd\te") == "a\ufffd[31mb\ufffdc\nd\te"


# --- the command ---------------------------------------------------------------------------


def test_cli_prints_markdown_by_default_and_text_on_request(
    full_home: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Advisor report:")
    assert main(["report", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Advisor report:") and "\n1. Profile summary\n" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_cli_writes_a_file_atomically_and_never_overwrites_without_force(
    full_home: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    assert main(["report", "-o", str(target)]) == 0
    first = target.read_text()
    assert first.startswith("# Advisor report:")
    assert oct(os.stat(target).st_mode & 0o777) == "0o600"
    assert [p.name for p in target.parent.iterdir()] == ["report.md"]  # no temp, no backup
    capsys.readouterr()

    target.write_text("mine")
    assert main(["report", "-o", str(target), "--format", "text"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "exists" in err and "--force" in err
    assert target.read_text() == "mine"

    assert main(["report", "-o", str(target), "--format", "text", "--force"]) == 0
    assert target.read_text().startswith("Advisor report:")
    assert not (target.parent / "report.md.bak").exists()


def test_cli_bad_output_folder_and_bad_profile_are_one_line_exit_2(
    full_home: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "-o", str(tmp_path / "nope" / "r.md")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\ncycle_year = 'soon'\n")
    assert main(["report", "--profile", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "bad.toml" in err and "cycle_year" in err


def test_cli_with_another_profile_file_leaves_out_the_home_files(
    full_home: Any, tmp_path: Path, demo_profile: Profile, capsys: pytest.CaptureFixture[str]
) -> None:
    from matchtui.tomlio import dump_model

    other = tmp_path / "advisee.toml"
    other.write_text(dump_model(demo_profile))
    assert main(["report", "--profile", str(other)]) == 0
    out = capsys.readouterr().out
    assert "advisee.toml" in out
    assert "left out of a report for another profile file" in out
    assert "P(match), estimated" not in out


def test_export_path_never_reuses_a_name(tmp_path: Path) -> None:
    first = export_path(tmp_path, TODAY)
    assert first.name == "report-2026-11-23.md"
    first.write_text("x")
    second = export_path(tmp_path, TODAY)
    assert second.name == "report-2026-11-23-2.md"
    second.write_text("x")
    assert export_path(tmp_path, TODAY).name == "report-2026-11-23-3.md"


def test_an_item_the_profile_ticks_reads_done_as_in_the_pane(
    workspace: Any, demo_profile: Profile
) -> None:
    """The demo's clinical job ticks 'Start a clinical job' in the Plan pane ([x]); the report
    called it 'to do' beside 'done (profile)'."""
    workspace.save_profile(demo_profile)
    text, _ = report_for(workspace, demo_profile, TODAY, fmt="md")
    row = next(line for line in text.splitlines() if line.startswith("| Start a clinical job"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[2:4] == ["done (profile)", "done"]


def test_a_students_graduation_reads_as_expected(demo_profile: Profile, catalog: Catalog) -> None:
    """A final-year student's profile summary read 'Graduation 2027 (0 years before the
    Match)'; it is the year they expect to graduate."""
    data = demo_profile.model_dump()
    data["applicant"].update(situation="in_school", student_year="m4", graduation_year=2027)
    data["history"] = {"cycles": []}
    student = Profile.model_validate(data)
    text = to_text(build_report(student, catalog, today=TODAY, plan=None, practice=None))
    assert re.search(r"Graduation +2027 \(expected, the Match year\)", text), text[:1500]
    assert "0 years before the Match" not in text
    text = to_text(build_report(demo_profile, catalog, today=TODAY, plan=None, practice=None))
    assert re.search(r"Graduation +2021 \(6 years before the Match\)", text)


def test_the_month_the_region_was_decided_is_named(demo_profile: Profile, catalog: Catalog) -> None:
    """'Region decided 9/2024' read as a fraction or a day; the month is named."""
    text = to_text(build_report(demo_profile, catalog, today=TODAY, plan=None, practice=None))
    assert re.search(r"Region decided +Sep 2024\b", text), text[:1500]


def test_a_new_region_is_titled_as_the_reality_check_titles_it(
    demo_profile: Profile, catalog: Catalog
) -> None:
    """A graduate from abroad aiming at the Midwest: the report titled the section 'Matching back
    home' where the Reality check and the command say 'Matching in the Midwest'."""
    data = demo_profile.model_dump()
    data["applicant"].update(home_region="abroad")
    data["ties"] = []
    abroad = Profile.model_validate(data)
    md = to_markdown(build_report(abroad, catalog, today=TODAY, plan=None, practice=None))
    assert "### Matching in the Midwest" in md and "Matching back home" not in md
    md = to_markdown(build_report(demo_profile, catalog, today=TODAY, plan=None, practice=None))
    assert "### Back home to the Midwest" in md
