"""The practice pane, driven with Pilot: answer, submit, feedback and highlight, history that
survives a restart, the timer (on a pinned clock), example, rehearse and compare."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import Checkbox, OptionList, TextArea

from matchtui.app import MatchApp
from matchtui.models.practice import PracticeLog
from matchtui.screens.practice import PracticeClock, PracticeScreen
from matchtui.store import PRACTICE, Store
from matchtui.widgets.practice_answer import real_answer
from matchtui.widgets.practice_compare import CompareScreen
from matchtui.widgets.practice_feedback import AnswerReview, FeedbackPanel
from matchtui.widgets.practice_history import HistoryPanel
from matchtui.widgets.practice_timer import PracticeTimer
from matchtui.widgets.profile_fields import FormButton

TODAY = dt.date(2026, 11, 23)

REGION_ANSWER = (
    "I grew up in Milwaukee and my parents still live there. I did an away rotation there in "
    "2025, and I went back each summer to volunteer at a free clinic. Um, the weather is great "
    "too. I plan to stay for good."
)


class FixedClock(PracticeClock):
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.seconds = 1000.0
        self.when = dt.datetime(2026, 11, 23, 9, 30)

    def monotonic(self) -> float:
        return self.seconds

    def now(self) -> dt.datetime:
        return self.when


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FixedClock:
    fixed = FixedClock()
    monkeypatch.setattr(PracticeScreen, "clock", fixed)
    return fixed


def make_app(workspace: Any, size: tuple[int, int] = (120, 40)) -> MatchApp:
    return MatchApp(workspace, first_pane="practice", today=TODAY)


async def choose(pilot: Any, question_id: str) -> PracticeScreen:
    screen = pilot.app.screen
    assert isinstance(screen, PracticeScreen)
    listing = screen.query_one("#questions", OptionList)
    listing.highlighted = listing.get_option_index(question_id)
    await pilot.pause()
    assert screen.current is not None and screen.current.id == question_id
    return screen


async def type_answer(pilot: Any, screen: PracticeScreen, text: str) -> None:
    area = await real_answer(screen)
    area.focus()
    await pilot.pause()
    await pilot.press(*text[:1])  # a real keystroke starts the timer
    area.insert(text[1:])
    await pilot.pause()


async def test_type_submit_and_see_checks_and_highlight(
    workspace: Any, home: Path, clock: FixedClock
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        timer = screen.query_one(PracticeTimer)
        assert not timer.started and "starts with your first keystroke" in str(timer.content)

        await type_answer(pilot, screen, REGION_ANSWER)
        assert timer.running
        assert "practice" in app.unsaved  # a draft in progress
        clock.seconds += 95  # past the 90 s top of the band
        timer.tick()
        assert timer.has_class("-over") and "1:35" in str(timer.content)
        assert "Keep going" in str(timer.content)  # a nudge, never a lock
        assert not screen.query_one("#answer", TextArea).read_only

        await pilot.press("ctrl+s")
        await pilot.pause()

        assert screen.view == "review" and "practice" not in app.unsaved
        feedback = screen.query_one(FeedbackPanel).feedback
        assert feedback is not None
        checks = screen.query_one("#fb-checks", OptionList)
        ids = [checks.get_option_at_index(i).id for i in range(checks.option_count)]
        # Failures first, then warnings, then passes.
        assert ids == [
            "length",
            "fillers_hedges",
            "ties",
            "local_activity",
            "plan_to_stay",
            "specifics",
            "forward_close",
        ]
        assert feedback.status("ties") == "pass" and feedback.status("length") == "fail"
        assert feedback.seconds == 95.0

        # The answer is shown read-only with the quoted sentences styled.
        review = screen.query_one(AnswerReview)
        rendered = review.content
        assert isinstance(rendered, Text) and rendered.plain == REGION_ANSWER
        styled = {REGION_ANSWER[span.start : span.end] for span in rendered.spans}
        assert "I grew up in Milwaukee and my parents still live there." in styled
        assert "Um, the weather is great too." in styled  # the filler sentence

        # Moving to one check highlights only its sentences.
        checks.focus()
        await pilot.press("down", "down", "down")  # the third check: ties
        await pilot.pause()
        assert review.focus_check == "ties"
        rendered = review.content
        assert isinstance(rendered, Text)
        assert [REGION_ANSWER[s.start : s.end] for s in rendered.spans] == [
            "I grew up in Milwaukee and my parents still live there."
        ]

    saved = Store(home).load(PRACTICE, PracticeLog)
    assert saved.schema_version == 1
    assert len(saved.attempts) == 1
    attempt = saved.attempts[0]
    assert attempt.question == "why_region" and attempt.text == REGION_ANSWER
    assert attempt.seconds == 95.0 and attempt.score == feedback.score
    assert attempt.time == dt.datetime(2026, 11, 23, 9, 30)
    assert {c.id: c.status for c in attempt.checks}["ties"] == "pass"
    assert (home / PRACTICE).stat().st_mode & 0o777 == 0o600


async def test_history_persists_across_restarts(
    workspace: Any, home: Path, clock: FixedClock
) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        await type_answer(pilot, screen, REGION_ANSWER)
        await pilot.press("ctrl+s")
        await pilot.pause()
        first_score = screen.practice_log.attempts[0].score

    clock.when = dt.datetime(2026, 11, 24, 8, 0)
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        history = screen.query_one(HistoryPanel)
        assert history.log_indexes == [0]
        stats = str(history.query_one("#hist-stats").content)
        assert f"1 attempt · best {first_score}" in stats
        listing = screen.query_one("#questions", OptionList)
        prompt = listing.get_option("why_region").prompt
        assert f"best {first_score}" in str(prompt)
        assert not screen.query_one("#btn-example", FormButton).disabled

        # A second attempt adds to the same file and the trend.
        await type_answer(pilot, screen, REGION_ANSWER + " My partner works here as well.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert history.log_indexes == [0, 1]
    saved = Store(home).load(PRACTICE, PracticeLog)
    assert [a.time.day for a in saved.attempts] == [23, 24]


async def test_example_only_after_a_first_attempt_and_labelled(
    workspace: Any, clock: FixedClock
) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_now")
        assert screen.query_one("#btn-example", FormButton).disabled
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert screen.view == "answer"  # still locked
        await type_answer(pilot, screen, "It got hard. I took a break. Now I miss patients.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert screen.view == "example"
        label = str(screen.query_one("#answer-label").content)
        assert label.startswith("EXAMPLE ANSWER")
        assert screen.query_one(AnswerReview).text_shown == screen.current.example  # type: ignore[union-attr]


async def test_rehearse_shows_best_then_hides_it_and_times_a_retry(
    workspace: Any, home: Path, clock: FixedClock
) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        await pilot.press("ctrl+b")  # nothing saved yet
        await pilot.pause()
        assert screen.view == "answer"
        await type_answer(pilot, screen, REGION_ANSWER)
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("ctrl+b")
        await pilot.pause()
        assert screen.view == "best"
        assert screen.query_one(AnswerReview).text_shown == REGION_ANSWER
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert screen.view == "answer" and screen.rehearsing
        assert screen.query_one("#answer", TextArea).text == ""  # hidden
        timer = screen.query_one(PracticeTimer)
        assert not timer.started
        await type_answer(pilot, screen, "I grew up in Milwaukee. I plan to stay.")
        clock.seconds += 30
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = Store(home).load(PRACTICE, PracticeLog)
    assert [a.mode for a in saved.attempts] == ["practice", "rehearse"]
    assert saved.attempts[1].seconds == 30.0


async def test_compare_two_attempts_side_by_side(workspace: Any, clock: FixedClock) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        await type_answer(pilot, screen, "I love your city. The weather is great.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_answer(pilot, screen, REGION_ANSWER)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        modal = app_screen = pilot.app.screen
        assert isinstance(modal, CompareScreen)
        assert modal.left[1].text == "I love your city. The weather is great."
        assert modal.right[1].text == REGION_ANSWER
        delta = str(app_screen.query_one("#compare-delta").content)
        assert delta.startswith(f"Score {modal.left[1].score} → {modal.right[1].score}")
        assert "Concrete ties" in delta  # better
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen


async def test_questions_are_filtered_to_the_profile_with_a_browse_all_switch(
    workspace: Any, clock: FixedClock
) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PracticeScreen)
        listing = screen.query_one("#questions", OptionList)

        def ids() -> set[str]:
            found = (listing.get_option_at_index(i).id for i in range(listing.option_count))
            return {i for i in found if i and not i.startswith("cat:")}

        mine = ids()
        # The demo applicant is a re-entry graduate heading back to another region.
        assert {"what_happened", "why_region", "why_now", "tell_me_about_yourself"} <= mine
        assert "img_visa" not in mine and "exam_failure" not in mine
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert screen.query_one("#show-all", Checkbox).value
        every = ids()
        assert len(every) == len(screen.bank.questions) and "img_visa" in every

        # A plain M4 in their own region sees neither re-entry nor region questions.
        await pilot.press("ctrl+o")
        await pilot.pause()
        profile = pilot.app.profile
        plain = profile.model_copy(deep=True)
        plain.applicant.situation = "in_school"
        plain.applicant.training_region = plain.targets.region
        plain.applicant.lives_in = plain.targets.region
        plain.history.cycles = []
        pilot.app.profile = plain
        await pilot.pause()
        narrow = ids()
        assert "why_region" not in narrow and "what_happened" not in narrow
        assert "tell_me_about_yourself" in narrow


async def test_empty_submit_is_refused_and_nothing_saved(
    workspace: Any, home: Path, clock: FixedClock
) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        (await real_answer(screen)).focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.view == "answer"
    assert not (home / PRACTICE).exists()


async def test_bad_practice_file_is_reported_and_kept(
    workspace: Any, home: Path, clock: FixedClock
) -> None:
    home.mkdir(parents=True, exist_ok=True)
    bad = home / PRACTICE
    bad.write_text("schema_version = 1\nattempts = 'oops'\n")
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        assert screen.log_problem is not None and "attempts" in screen.log_problem
        assert bad.read_text() == "schema_version = 1\nattempts = 'oops'\n"
        await type_answer(pilot, screen, REGION_ANSWER)
        await pilot.press("ctrl+s")
        await pilot.pause()
    kept = [p for p in home.iterdir() if p.name.startswith("practice.toml.broken-")]
    assert len(kept) == 1 and "oops" in kept[0].read_text()
    assert len(Store(home).load(PRACTICE, PracticeLog).attempts) == 1


async def test_drafts_survive_moving_between_questions(workspace: Any, clock: FixedClock) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        await type_answer(pilot, screen, "A draft about Milwaukee")
        await choose(pilot, "why_now")
        assert screen.query_one("#answer", TextArea).text == ""
        assert not screen.query_one(PracticeTimer).started
        await choose(pilot, "why_region")
        assert screen.query_one("#answer", TextArea).text == "A draft about Milwaukee"


async def test_narrow_terminal_stacks_and_still_submits(workspace: Any, clock: FixedClock) -> None:
    async with make_app(workspace).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "what_happened")
        assert screen.has_class("-narrow")
        await type_answer(pilot, screen, "It got hard. I took a break. Now I miss patients.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        feedback = screen.query_one(FeedbackPanel).feedback
        assert feedback is not None and feedback.status("readiness") == "fail"


async def test_after_submit_keys_do_not_reach_the_hidden_editor(
    workspace: Any, clock: FixedClock
) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        await type_answer(pilot, screen, REGION_ANSWER)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.focused is screen.query_one("#review")
        await pilot.press("x", "y")
        await pilot.pause()
        assert screen.query_one("#answer", TextArea).text == REGION_ANSWER
        await pilot.press("ctrl+n")
        await pilot.pause()
        area = screen.query_one("#answer", TextArea)
        assert pilot.app.focused is area and area.text == ""


async def test_buttons_follow_the_first_question_attempts_when_the_pane_opens(
    workspace: Any, clock: FixedClock
) -> None:
    """Rehearse, Example and Compare start disabled: on a fresh log they stay so, and they
    are enabled at once when the question shown first already has attempts."""
    buttons = ("#btn-rehearse", "#btn-example", "#btn-compare")
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PracticeScreen) and screen.current is not None
        first = screen.current.id
        assert all(screen.query_one(b, FormButton).disabled for b in buttons)
        for answer in ("I want to come back to patients.", "I miss patients and teams."):
            await type_answer(pilot, screen, answer)
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PracticeScreen) and screen.current is not None
        assert screen.current.id == first
        assert not any(screen.query_one(b, FormButton).disabled for b in buttons)


async def test_an_answer_about_ties_elsewhere_is_read_against_the_target_region(
    workspace: Any, clock: FixedClock
) -> None:
    # The pane reads an answer about ties against the profile's target region, as the CLI and
    # the Reality check do (tests/test_story_region.py): Wisconsin named, the Northeast aimed at.
    profile = workspace.load_profile()
    targets = profile.targets.model_copy(update={"region": "northeast", "divisions": []})
    workspace.save_profile(profile.model_copy(update={"targets": targets}))
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        await type_answer(pilot, screen, "I grew up in Wisconsin and my parents live there. " * 2)
        await pilot.press("ctrl+s")
        await pilot.pause()
        feedback = screen.query_one(FeedbackPanel).feedback
        assert feedback is not None
        ties = {c.id: c for c in feedback.checks}["ties"]
        # Every tie it names is placed in Wisconsin: none ties the applicant to the Northeast.
        assert ties.status == "fail" and '"Wisconsin", outside the Northeast' in ties.detail


async def test_the_timer_counts_the_words_the_feedback_counts(
    workspace: Any, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A keyword string is left out of the speaking time by the feedback ("0 counted"), while
    the live timer said "20 words ≈ 9 s" for it. Once typing pauses the timer counts as the
    feedback does; words typed after that count until the next pause."""
    import matchtui.screens.practice as practice_module

    monkeypatch.setattr(practice_module, "RECOUNT_PAUSE", 0.05)
    keywords = "leadership teamwork communication empathy resilience " * 4
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        timer = screen.query_one(PracticeTimer)
        await type_answer(pilot, screen, keywords.strip())
        await pilot.pause(0.2)
        assert (timer.words, timer.counted) == (20, 0)
        assert "20 words (0 counted) ≈ 0 s" in str(timer.content)
        monkeypatch.setattr(practice_module, "RECOUNT_PAUSE", 60.0)  # still typing
        area = screen.query_one("#answer", TextArea)
        area.insert(" I grew up in Milwaukee.")
        await pilot.pause()
        assert (timer.words, timer.counted) == (25, 5)  # typing: the new words count at once
        monkeypatch.setattr(practice_module, "RECOUNT_PAUSE", 0.05)
        await pilot.press("space")  # then a pause
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        await pilot.pause()
        feedback = screen.last_feedback
        assert feedback is not None
        assert (feedback.words, feedback.counted_words) == (timer.words, timer.counted)


async def test_narrow_submit_shows_the_feedback(workspace: Any, clock: FixedClock) -> None:
    """Found practising at 80x24: after ctrl+s the answer and the tips filled the screen and
    the score, the fixes and the checks sat below, out of sight, with the focus on the answer.
    Stacked, a submit now scrolls to the feedback and puts the focus on its checks."""
    async with make_app(workspace).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "what_happened")
        await type_answer(pilot, screen, "It got hard. I took a break. Now I miss patients.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        main = screen.query_one("#practice-main")
        panel = screen.query_one(FeedbackPanel)
        score = screen.query_one("#fb-score")
        assert main.region.contains_region(score.region), (score.region, main.region)
        assert pilot.app.focused is screen.query_one("#fb-checks")
        await pilot.press("down")
        await pilot.pause()
        assert main.region.contains_region(score.region) or main.region.overlaps(panel.region)
