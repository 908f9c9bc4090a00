"""A letter may be written outside the US: it counts as a letter, never as one from a region.

Found in audit C with a non-US IMG (c2: internal medicine, two cycles unmatched, working as a
medical officer in Chennai): her two letters, from the head of medicine and a consultant there,
could not be recorded. `region = "abroad"` under [[letters]] was refused ("unknown region
'abroad'"), so the app fell back to the demo profile, and the Profile pane offered only the four
US regions for a letter; left out, the Reality check said "No letters listed yet", false for her.
Where they come from, live and study already take "abroad" (models.base.ABROAD).

How such a letter counts follows the letter rules (readiness.toml [letters]): by when it was
written and its specialty, wherever that was. It is not the letter from someone who supervised
real work (real_work_abroad_counts = false): the re-entry article asks for current letters "from
people in US healthcare" (article 003, l.117), and audit E found a non-US IMG whose only US
letter was from an observership rated "ready ... 2 recent from someone who supervised your real
work" on her letters from Amman. The Letters check says why ("written outside the US"). The
back-home rating counts letters from the target region (back_home.toml [local_letters]), and one
written abroad is from none: its line says so when the count there is short of the letters listed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.refs import profile_ref_problems
from matchtui.models.base import ABROAD
from matchtui.models.profile import ABROAD_LABEL, Profile
from matchtui.store import PROFILE, Store
from matchtui.tomlio import load_model
from matchtui.widgets.profile_fields import ItemLine, ListEditor, real_select
from tests.test_profile_choices import ready

TODAY = "2026-12-05"

# Audit C's c2, as she first wrote it (letters and all).
C2 = '''\
schema_version = 2
cycle_year = 2027
[applicant]
name = "C2 Priya Raghunathan, non-US IMG 2023, visa, 2 unmatched, IM"
situation = "not_in_training"
degree = "non_us_img"
graduation_year = 2023
visa = "needs_sponsorship"
home_region = "abroad"
lives_in = "abroad"
[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 241
step2_attempts = 1
step3 = "not_taken"
[[history.cycles]]
year = 2025
specialty = "internal_medicine"
outcome = "unmatched"
soap = true
[[history.cycles]]
year = 2026
specialty = "internal_medicine"
outcome = "unmatched"
soap = true
[targets]
specialties = ["internal_medicine"]
region = "northeast"
divisions = ["middle_atlantic", "east_north_central"]
setting = "any"
[clinical]
role = "clinical_job"
months_last_24 = 24
months_since_last = 0
[[letters]]
specialty = "internal_medicine"
region = "abroad"
months_ago = 4
saw_real_work = true
author = "Prof. K. Menon, head of medicine, government medical college, Chennai"
[[letters]]
specialty = "internal_medicine"
region = "abroad"
months_ago = 16
saw_real_work = true
author = "Dr. A. Iyer, consultant physician, Chennai"
[narrative]
why_now = """I am ECFMG certified and I have been working as a medical officer in internal \\
medicine since 2024. Unfortunately the match is very difficult for IMGs and I think programs \\
did not look at my application properly. I am hardworking and passionate about internal medicine \\
and I hope to get a chance this year."""
plan_b = "I will keep trying."
'''

NOTE = "written outside the US"


@pytest.fixture
def c2(home: Path) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "profile.toml"
    path.write_text(C2, encoding="utf-8")
    return path


def test_her_letters_load_and_count_as_letters_not_as_from_the_region(
    c2: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = load_model(c2, Profile)
    assert list(profile_ref_problems(profile, catalog)) == []
    result = assess(profile, catalog)
    letters = result.letters
    # both written within the window, in her specialty, by physicians who supervised her work,
    # outside the US: recent and in her specialty, not the US word on her current work
    assert (letters.total, letters.recent, letters.in_specialty, letters.saw_real_work) == (
        2,
        2,
        2,
        0,
    )
    assert letters.verdict == "short"
    assert f"2 others by people who supervised your work were {NOTE}" in letters.reasons[2]
    assert not any("No letters listed" in r for r in letters.reasons)
    # none is from the Northeast, her target
    assert result.back_home.local_letters == 0
    line = next(r for r in result.back_home.reasons if r.startswith("Letters from"))
    assert line.startswith("Letters from the Northeast: 0 ")
    assert f"2 of the 2 you listed were {NOTE}" in line
    assert any(a.finding_id == "back_home.no_local_letters" for a in result.actions)

    # the CLI reads the saved file (no fallback to the demo) and says the same
    assert main(["--today", TODAY, "assess"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Letters: short" in out and "Priya" in out
    assert " ".join(line.split()) in out
    # the report's profile summary names where the letters were written
    assert main(["--today", TODAY, "report"]) == 0
    md = capsys.readouterr().out
    assert "| Internal Medicine | another country | 4 | yes | Prof. K. Menon" in md


def test_one_letter_abroad_beside_one_from_the_region(
    demo_profile: Profile, catalog: Catalog
) -> None:
    """The demo aims at the Midwest with a letter from there and one from the South; the one
    from the South (its writer supervised real work) written abroad instead still counts as
    recent and in the specialty, no longer as the real-work one, and the notes say why."""
    assert [x.region for x in demo_profile.letters] == ["south", "midwest"]
    before = assess(demo_profile, catalog)
    first = demo_profile.letters[0].model_copy(update={"region": ABROAD})
    abroad = demo_profile.model_copy(update={"letters": [first, demo_profile.letters[1]]})
    assert list(profile_ref_problems(abroad, catalog)) == []
    after = assess(abroad, catalog)
    assert (after.letters.recent, after.letters.in_specialty) == (
        before.letters.recent,
        before.letters.in_specialty,
    )
    assert (before.letters.saw_real_work, after.letters.saw_real_work) == (1, 0)
    assert before.letters.verdict == "ready" and after.letters.verdict == "short"
    assert after.letters.reasons[2].endswith(
        f"; 1 other by someone who supervised your work was {NOTE}: it counts above, not here, "
        "since programs look for someone in US healthcare to vouch for your current work"
    )
    assert after.back_home.local_letters == before.back_home.local_letters == 1
    line = next(r for r in after.back_home.reasons if r.startswith("Letters from"))
    assert line.endswith(
        f"; 1 of the 2 you listed was {NOTE}: it counts under Letters, not as from the Midwest"
    )
    assert not any(NOTE in r for r in before.back_home.reasons)
    # a tie or a rotation still names a US region
    tie = demo_profile.ties[0].model_copy(update={"region": ABROAD})
    problems = dict(profile_ref_problems(demo_profile.model_copy(update={"ties": [tie]}), catalog))
    assert ("ties", 0, "region") in problems


async def test_the_form_offers_outside_the_us_for_a_letter(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace, first_pane="profile", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        screen: Any = await ready(pilot)
        before = app.profile
        assert before is not None
        letters = screen.query_one("#list-letters", ListEditor)
        line = letters.query(ItemLine).first()
        region = await real_select(line, ".col-region")
        region.value = ABROAD  # a Select refuses a value it does not offer
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = Store(home).load(PROFILE, Profile)
        assert saved.letters[0].region == ABROAD
        assert saved.letters[1:] == before.letters[1:]


async def test_a_letter_written_abroad_reads_so_in_the_form(
    c2: Path, workspace: Any, home: Path
) -> None:
    app = MatchApp(workspace, first_pane="profile", today=dt.date(2026, 12, 5))
    async with app.run_test(size=(120, 40)) as pilot:
        screen: Any = await ready(pilot)
        profile = app.profile
        assert profile is not None and not profile.demo
        assert [x.region for x in profile.letters] == [ABROAD, ABROAD]
        assert Profile.model_validate(screen.form_data()).letters == profile.letters
        letters = screen.query_one("#list-letters", ListEditor)
        drawn = [line.render_line(0).text for line in letters.query(ItemLine)]
        assert len(drawn) == 2 and all(ABROAD_LABEL in text for text in drawn), drawn
