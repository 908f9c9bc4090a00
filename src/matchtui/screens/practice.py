"""Interview practice pane: pick a question, answer it against a timer, read feedback that
quotes your own sentences, and watch each question's scores over time.

All judgement comes from `engine.practice.analyse` (the CLI's `matchtui practice` runs the
same function); this screen only binds widgets to it and keeps practice.toml.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    OptionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from matchtui.engine.practice import analyse, count_words, progress, spoken_words
from matchtui.engine.text import TargetRegion
from matchtui.errors import FileProblems
from matchtui.models.practice import (
    MAX_ANSWER_CHARS,
    Attempt,
    Feedback,
    PracticeLog,
    attempt_from,
)
from matchtui.models.profile import Profile
from matchtui.models.questions import (
    AUDIENCE_LABELS,
    LexiconFile,
    Question,
    QuestionsFile,
    lexicon,
    question_bank,
    questions_for,
)
from matchtui.screens.base import PaneScreen
from matchtui.store import Saved
from matchtui.widgets.alike_lines import (
    PaneHorizontal,
    PaneScrollable,
    PaneVertical,
    PaneVerticalScroll,
)
from matchtui.widgets.conflict import guarded_save
from matchtui.widgets.practice_answer import AnswerStandIn
from matchtui.widgets.practice_controls import PaneCheckbox
from matchtui.widgets.practice_feedback import AnswerReview, FeedbackPanel
from matchtui.widgets.practice_history import HistoryPanel
from matchtui.widgets.practice_timer import PracticeTimer, clock_text
from matchtui.widgets.profile_fields import FormButton

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.timer import Timer

    from matchtui.app import MatchApp

View = Literal["answer", "review", "attempt", "example", "best"]


class Prompt(Content):
    """A line of the question list: Content that keeps its height at each width it is measured
    at (Content keeps only the last). The list measures every prompt, ~50 of them, at two widths
    on a first visit: for its first frame, then again once its scrollbar shows (the next frame;
    ~0.15-0.3 ms a prompt each time). Measured at both ahead, at idle (`PracticeScreen.warm_data`),
    neither frame measures one."""

    _heights: dict[tuple[int, object, object, object], int] | None = None

    def get_height(self, rules: RulesMap, width: int) -> int:
        get_rule = rules.get
        key = (
            width,
            get_rule("line_pad", 0),
            get_rule("text_overflow", "fold"),
            get_rule("text_wrap", "wrap"),
        )
        heights = self._heights
        if heights is None:
            heights = self._heights = {}
        found = heights.get(key)
        if found is None:
            found = heights[key] = super().get_height(rules, width)
        return found


# The question list's prompts, made once per text and kept (Content is immutable), so the
# heights measured ahead are the ones the list finds.
_PROMPTS: dict[tuple[str, int | None], Prompt] = {}
# The cells a prompt wraps to in the list's first frame, by the pane's width class: the list's
# width in the pick column (practice.tcss) less its options' padding. Its scrollbar comes with
# the next frame, once the list knows its height, and the list measures its prompts again then,
# SCROLLBAR cells narrower. tests/test_practice_warm.py checks neither frame measures one.
# Seconds of no typing before the timer recounts the words as the feedback will (keyword
# strings and repeats left out of the speaking time; 1-3 ms, kept off the keystroke).
RECOUNT_PAUSE = 0.3
LIST_TEXT_WIDTH = {"-wide": 27, "-narrow": 23}
SCROLLBAR = 2


def option_prompt(prompt: str, best: int | None = None) -> Prompt:
    """A question's line in the list: its prompt, and its best score in bold once tried."""
    key = (prompt, best)
    found = _PROMPTS.get(key)
    if found is None:
        made = (
            Prompt(prompt) if best is None else Prompt.assemble(prompt, (f"  best {best}", "bold"))
        )
        assert isinstance(made, Prompt)  # Content's constructors make their own class
        found = _PROMPTS[key] = made
    return found


def category_prompt(name: str) -> Prompt:
    """A category's heading in the list (a disabled option): its name in bold capitals."""
    key = (f"\0{name}", None)
    found = _PROMPTS.get(key)
    if found is None:
        made = Prompt.styled(name.upper(), "bold")
        assert isinstance(made, Prompt)
        found = _PROMPTS[key] = made
    return found


class PracticeClock:
    """Where the pane gets its time. Tests replace `PracticeScreen.clock` with a fixed one."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now()


class PracticeScreen(PaneScreen):
    PANE_ID = "practice"
    AUTO_FOCUS = "#questions"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "submit",
            "Submit",
            priority=True,
            id="practice.submit",
            tooltip="Analyse this answer and save the attempt",
        ),
        Binding(
            "ctrl+n", "new_attempt", "New try", id="practice.new", tooltip="Answer again, fresh"
        ),
        Binding(
            "ctrl+b",
            "rehearse",
            "Rehearse",
            id="practice.rehearse",
            tooltip="Rehearse from your best answer: read it, then hide it and answer again",
        ),
        Binding(
            "ctrl+g",
            "example",
            "Example",
            id="practice.example",
            tooltip="Show an example answer (after your first attempt)",
        ),
        Binding(
            "ctrl+t",
            "compare",
            "Compare",
            id="practice.compare",
            tooltip="Two attempts side by side",
        ),
        Binding(
            "ctrl+o",
            "toggle_all",
            "All questions",
            id="practice.all",
            tooltip="Switch between questions for your profile and the whole bank",
        ),
    ]

    clock: ClassVar[PracticeClock] = PracticeClock()

    @classmethod
    def style_samples(cls) -> list[Widget]:
        import time

        return [
            Vertical(),
            Checkbox("x"),
            OptionList(),
            PracticeTimer(time.monotonic),
            TextArea(),
            Button("x"),
            AnswerReview(),
            FeedbackPanel(),
            HistoryPanel(),
        ]

    @classmethod
    def warm_data(cls, app: MatchApp) -> None:
        """The practice log's model used once: pydantic builds a deferred model's validator
        on its first use, ~9 ms of the first visit otherwise (the reference data the pane
        reads is loaded at start-up). Then the question list's prompts, made and measured at
        the widths the list has at the app's size, without its scrollbar and with it
        (`Prompt`; ~7 ms of the first frame otherwise, and 12-25 ms of the next): a question
        not tried yet shows its bare prompt."""
        PracticeLog()
        bank = question_bank(app.catalog)
        wide = app.size.width >= cls.HORIZONTAL_BREAKPOINTS[-1][0]
        width = LIST_TEXT_WIDTH["-wide" if wide else "-narrow"]
        rules: RulesMap = {}  # the list's own: no line padding, wrapped, folded
        prompts = [category_prompt(category.name) for category in bank.categories]
        prompts += [option_prompt(question.prompt) for question in bank.questions]
        for prompt in prompts:
            prompt.get_height(rules, width)  # the first frame
            prompt.get_height(rules, width - SCROLLBAR)  # the next, with the scrollbar

    def __init__(self) -> None:
        super().__init__()
        self.practice_log = PracticeLog()
        self.log_problem: str | None = None
        self.current: Question | None = None
        self.view: View = "answer"
        self.rehearsing = False
        self.drafts: dict[str, str] = {}
        self.marked: list[int] = []  # log indexes picked for comparison (latest last)
        self.last_feedback: Feedback | None = None
        self._bank: QuestionsFile | None = None
        self._lexicon: LexiconFile | None = None
        self._recount: Timer | None = None

    # -- layout -----------------------------------------------------------------------------
    def compose_body(self) -> ComposeResult:
        # The columns are drawn one line for all (widgets/alike_lines.py).
        with PaneHorizontal(id="practice-body"):
            with PaneVertical(id="practice-pick"):
                yield Static(id="pick-count", markup=False)
                yield PaneCheckbox("All questions", id="show-all", compact=True)
                yield OptionList(id="questions")
            with PaneScrollable(id="practice-main", can_focus=True):
                with PaneVertical(id="practice-work"):
                    yield Static(id="q-prompt", markup=False)
                    yield Static(id="q-meta", markup=False)
                    yield PracticeTimer(self._monotonic, id="timer")
                    yield Static(id="answer-label", markup=False)
                    # The answer editor, drawn by a stand-in until reached
                    # (widgets/practice_answer.py); in its place, once an answer is shown to
                    # be read, the review (`_review`: made then, hidden while answering).
                    yield AnswerStandIn(id="answer")
                    with Horizontal(id="actions"):
                        # Light buttons drawn as compact Buttons (FormButton; looks in
                        # practice.tcss), each styled by a dozen rules, not all of Button's.
                        yield FormButton("Submit", "primary", id="btn-submit")
                        yield FormButton("New", id="btn-new")
                        # Disabled until the question has attempts (_sync_buttons): a fresh
                        # pane then styles them once.
                        yield FormButton("Rehearse", id="btn-rehearse", disabled=True)
                        yield FormButton("Example", id="btn-example", disabled=True)
                        yield FormButton("Compare", id="btn-compare", disabled=True)
                    yield Static(id="tips", markup=False)
                with PaneVertical(id="practice-side"):
                    yield FeedbackPanel(id="feedback")
                    yield HistoryPanel(id="history")

    def _monotonic(self) -> float:
        return self.clock.monotonic()

    # -- data -------------------------------------------------------------------------------
    @property
    def bank(self) -> QuestionsFile:
        if self._bank is None:
            self._bank = question_bank(self.catalog)
        return self._bank

    @property
    def lex(self) -> LexiconFile:
        if self._lexicon is None:
            self._lexicon = lexicon(self.catalog)
        return self._lexicon

    def on_mount(self) -> None:
        self._load_log()
        self._fill_questions()  # selects the first question, which shows its history
        if self.log_problem:
            self.notify(self.log_problem, title="practice.toml", severity="error", markup=False)

    def _load_log(self, fresh: bool = False) -> None:
        workspace = self.matchapp.workspace
        try:
            if fresh:
                workspace.store.forget("practice.toml")
            self.practice_log = workspace.load_practice()
        except FileProblems as exc:
            self.practice_log = PracticeLog()
            self.log_problem = (
                f"{exc.summary()}. Your past attempts are not shown. New attempts go to a new "
                "practice.toml; the unreadable file is kept aside, never overwritten."
            )

    # True while an attempt is only in memory (its save failed): quitting then asks first.
    _log_unsaved = False

    def _save_log(self) -> bool:
        workspace = self.matchapp.workspace
        log = self.practice_log

        def saved(result: Saved[PracticeLog]) -> None:
            self.practice_log = result.model  # with any attempts another matchtui added
            self._log_unsaved = False
            self._sync_unsaved("")
            self._show_history()

        def reload() -> None:
            self._load_log(fresh=True)
            self._log_unsaved = False
            self._sync_unsaved("")
            self._show_history()

        self._log_unsaved = True  # until a save succeeds
        ok = guarded_save(
            self,
            lambda how: workspace.save_practice(log, keep_mine=how == "keep"),
            saved=saved,
            reload=reload,
            what="practice.toml (the attempt is kept here until it is saved; ctrl+s saves again)",
        )
        self._sync_unsaved("")
        return ok

    def on_profile(self, profile: Profile) -> None:
        self._fill_questions()

    # -- the question list ------------------------------------------------------------------
    def _visible_questions(self) -> list[Question]:
        show_all = self.query_one("#show-all", Checkbox).value
        return list(self.bank.questions) if show_all else questions_for(self.bank, self.profile)

    def _question_prompt(self, question: Question) -> Content:
        attempts = self.practice_log.for_question(question.id)
        return option_prompt(question.prompt, max(a.score for a in attempts) if attempts else None)

    def _fill_questions(self) -> None:
        visible = self._visible_questions()
        options: list[Option] = []
        for category in self.bank.categories:
            mine = [q for q in visible if q.category == category.id]
            if not mine:
                continue
            options.append(
                Option(
                    category_prompt(category.name),
                    id=f"cat:{category.id}",
                    disabled=True,
                )
            )
            options.extend(Option(self._question_prompt(q), id=q.id) for q in mine)
        total = len(self.bank.questions)
        count = self.query_one("#pick-count", Static)
        if self.query_one("#show-all", Checkbox).value:
            count.update(f"All {total} questions")
        else:
            count.update(f"For you: {len(visible)} of {total}")
        listing = self.query_one("#questions", OptionList)
        listing.set_options(options)
        wanted = (
            self.current.id
            if self.current and any(q.id == self.current.id for q in visible)
            else None
        )
        if wanted is None and visible:
            wanted = visible[0].id
        if wanted is not None:
            listing.highlighted = listing.get_option_index(wanted)
            self._select_question(wanted)

    def _refresh_question_prompt(self, question: Question) -> None:
        listing = self.query_one("#questions", OptionList)
        try:
            listing.replace_option_prompt(question.id, self._question_prompt(question))
        except Exception:  # the question is filtered out of the list: nothing to refresh
            return

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "show-all":
            event.stop()
            self._fill_questions()

    def action_toggle_all(self) -> None:
        box = self.query_one("#show-all", Checkbox)
        box.value = not box.value

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "questions" and event.option.id:
            event.stop()
            self._select_question(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "questions" and event.option.id:
            event.stop()
            self._select_question(event.option.id)
            if self.view == "answer":
                self._answer().focus()

    def _select_question(self, question_id: str) -> None:
        if self.current is not None and self.current.id == question_id:
            return
        question = self.bank.by_id(question_id)
        if question is None:
            return
        self._keep_draft()
        self.current = question
        self.marked = []
        self.rehearsing = False
        self.query_one("#q-prompt", Static).update(Text(question.prompt, style="bold"))
        low, high = question.band
        wpm = self.lex.speaking.words_per_minute
        who = ", ".join(AUDIENCE_LABELS.get(a, a) for a in question.applies_to)
        self.query_one("#q-meta", Static).update(
            f"{self.bank.category_name(question.category)} · for {who} · about "
            f"{round(low * wpm / 60)}-{round(high * wpm / 60)} words ({low}-{high} s at "
            f"{wpm} wpm, an estimate)"
        )
        tips = Text("Tips", style="bold")
        for tip in question.tips:
            tips.append(f"\n• {tip}")
        self.query_one("#tips", Static).update(tips)
        self._start_answer(self.drafts.get(question.id, ""))
        self.query_one(FeedbackPanel).clear("Submit an answer (ctrl+s) to see how it reads.")
        self._show_history()

    def _keep_draft(self) -> None:
        if self.current is None or self.view != "answer":
            return
        text = self._answer().text
        if text.strip():
            self.drafts[self.current.id] = text
        else:
            self.drafts.pop(self.current.id, None)

    # -- answering --------------------------------------------------------------------------
    def _start_answer(self, text: str = "") -> None:
        """The editor, empty (or with a kept draft), timer reset to start on a keystroke."""
        assert self.current is not None
        self.view = "answer"
        timer = self.query_one(PracticeTimer)
        timer.reset(self.current.band, self.lex.speaking.words_per_minute)
        area = self._answer()
        with area.prevent(TextArea.Changed):
            area.load_text(text)
        total, counted = spoken_words(text, self.catalog)
        timer.set_counted(total, counted)
        self._show_area("answer")
        label = "Your answer"
        if self.rehearsing:
            label = "Rehearse: answer again from memory"
        label += ". The timer starts with your first keystroke; ctrl+s submits."
        self.query_one("#answer-label", Static).update(label)
        self._sync_unsaved(text)
        self._sync_buttons()

    def _review(self) -> VerticalScroll:
        """The read-only review of an answer (#review, holding the AnswerReview): made the first
        time an answer is shown to be read, in the editor's place (a first visit shows the
        editor, so it builds and styles neither)."""
        found = self.query("#review")
        if found:
            return found.first(VerticalScroll)
        review = PaneVerticalScroll(id="review", can_focus=True)
        self.query_one("#practice-work").mount(review, before="#actions")
        review.mount(AnswerReview(id="review-text"))  # in the DOM now, styled as it mounts
        return review

    def _show_area(self, shown: Literal["answer", "review"]) -> None:
        """The editor or the review in the answer's place, the other hidden."""
        self._answer().display = shown == "answer"
        if shown == "review":
            self._review().display = True
        elif found := self.query("#review"):
            found.first().display = False

    def _answer(self) -> TextArea | AnswerStandIn:
        """The answer editor: a TextArea once reached, its stand-in until then."""
        area = self.query_one("#answer")
        assert isinstance(area, TextArea | AnswerStandIn)
        return area

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "answer" or self.view != "answer":
            return
        text = event.text_area.text
        timer = self.query_one(PracticeTimer)
        if text and not timer.started:
            timer.start()
        timer.set_words(count_words(text))
        if self._recount is not None:
            self._recount.stop()
        self._recount = self.set_timer(RECOUNT_PAUSE, self._recount_words)
        self._sync_unsaved(text)

    def _recount_words(self) -> None:
        """Once typing pauses: the timer's words counted as the feedback will count them."""
        self._recount = None
        if self.current is None or self.view != "answer":
            return
        total, counted = spoken_words(self._answer().text, self.catalog)
        self.query_one(PracticeTimer).set_counted(total, counted)

    def _sync_unsaved(self, text: str) -> None:
        if (text.strip() and self.view == "answer") or self._log_unsaved:
            self.matchapp.unsaved.add(self.PANE_ID)
        else:
            self.matchapp.unsaved.discard(self.PANE_ID)

    def action_submit(self) -> None:
        if self.current is None:
            return
        if self.view != "answer":
            if self._log_unsaved:  # a failed save: ctrl+s tries again
                if self._save_log():
                    self.notify("Saved practice.toml.", timeout=3, markup=False)
                return
            self.notify("Press ctrl+n for a new try first.", markup=False)
            return
        text = self._answer().text
        if not text.strip():
            self.notify("Type your answer first; the timer starts with your first keystroke.")
            return
        if len(text) > MAX_ANSWER_CHARS:
            self.notify(
                f"That answer is over {MAX_ANSWER_CHARS:,} characters; shorten it to submit.",
                severity="warning",
                markup=False,
            )
            return
        seconds = self.query_one(PracticeTimer).stop()
        feedback = analyse(
            self.current,
            text,
            seconds,
            self.catalog,
            target=self._target(),
            today=self.matchapp.today,
        )
        attempt = attempt_from(
            feedback,
            text,
            self.clock.now(),
            seconds,
            mode="rehearse" if self.rehearsing else "practice",
        )
        self.practice_log.attempts.append(attempt)
        saved = self._save_log()
        self.drafts.pop(self.current.id, None)
        self.rehearsing = False
        self.last_feedback = feedback
        number = len(self.practice_log.for_question(self.current.id))
        self._show_review(
            "review",
            text,
            feedback,
            f"Attempt #{number}, scored {feedback.score}/100. Highlighted: the sentences the "
            "checks quote (red fail, yellow warn, green pass); move through the checks to see "
            "one at a time.",
        )
        self.query_one(FeedbackPanel).show(feedback, f"attempt #{number}")
        self._review().focus()  # the editor is hidden now
        if self.has_class("-narrow"):
            # Stacked, the feedback sits under the answer and the tips, out of sight: show its
            # score and first fixes, and move through its checks from the keyboard.
            self.call_after_refresh(self._show_feedback)
        self._sync_unsaved("")
        self._refresh_question_prompt(self.current)
        self._show_history()
        if saved:
            self.notify(f"Saved attempt #{number} ({feedback.score}/100).", timeout=3, markup=False)

    def _show_feedback(self) -> None:
        panel = self.query_one(FeedbackPanel)
        checks = panel.query("#fb-checks")
        if checks:
            checks.first().focus(scroll_visible=False)
        main = self.query_one("#practice-main")
        main.scroll_to_widget(panel, animate=False, top=True)

    def _show_review(self, view: View, text: str, feedback: Feedback | None, label: str) -> None:
        self.view = view
        self.query_one("#answer-label", Static).update(label)
        self._show_area("review")
        self.query_one(AnswerReview).show(text, feedback)
        self._review().scroll_home(animate=False)
        self._sync_unsaved("")
        self._sync_buttons()

    def action_new_attempt(self) -> None:
        if self.current is None:
            return
        if self.view == "answer" and self._answer().text.strip():
            self.drafts.pop(self.current.id, None)
        self.rehearsing = False
        self._start_answer("")
        self.query_one(FeedbackPanel).clear("Submit an answer (ctrl+s) to see how it reads.")
        self._answer().focus()

    # -- rehearse, example, attempts, compare ---------------------------------------------
    def _attempts(self) -> list[tuple[int, Attempt]]:
        if self.current is None:
            return []
        return [
            (index, attempt)
            for index, attempt in enumerate(self.practice_log.attempts)
            if attempt.question == self.current.id
        ]

    def action_rehearse(self) -> None:
        if self.current is None:
            return
        if self.view == "best":
            # Second press: hide the best answer and time a fresh try.
            self.rehearsing = True
            self._start_answer("")
            self.query_one(FeedbackPanel).clear(
                "Rehearsing: answer from memory, then ctrl+s to compare with your best."
            )
            self._answer().focus()
            return
        best = self.practice_log.best(self.current.id)
        if best is None:
            self.notify("Rehearse needs a saved answer: submit one first.", markup=False)
            return
        self._keep_draft()
        self.query_one(PracticeTimer).reset(self.current.band)
        self._show_review(
            "best",
            best.text,
            None,
            f"Your best answer ({best.score}/100, {best.time:%Y-%m-%d}). Read it, then press "
            "ctrl+b (or Rehearse) to hide it and answer again against the timer.",
        )
        self._review().focus()

    def action_example(self) -> None:
        if self.current is None:
            return
        if not self.practice_log.for_question(self.current.id):
            self.notify(
                "The example unlocks after your first attempt at this question.", markup=False
            )
            return
        self._keep_draft()
        self._show_review(
            "example",
            self.current.example,
            None,
            "EXAMPLE ANSWER, written by matchtui about a fictional applicant. It shows the "
            "shape, not your story: answer in your own words.",
        )

    def _target(self) -> TargetRegion:
        """The target region an answer about ties is read against (the profile's)."""
        from matchtui.engine.assess import target_region

        return target_region(self.profile, self.catalog)

    def on_history_panel_attempt_chosen(self, event: HistoryPanel.AttemptChosen) -> None:
        event.stop()
        if self.current is None or not 0 <= event.log_index < len(self.practice_log.attempts):
            return
        attempt = self.practice_log.attempts[event.log_index]
        if event.log_index in self.marked:
            self.marked.remove(event.log_index)
        self.marked = [*self.marked, event.log_index][-2:]
        feedback = analyse(
            self.current,
            attempt.text,
            attempt.seconds,
            self.catalog,
            target=self._target(),
            today=attempt.time.date(),  # a year named was recent or not when it was answered
        )
        self._keep_draft()
        number = [i for i, _ in self._attempts()].index(event.log_index) + 1
        self._show_review(
            "attempt",
            attempt.text,
            feedback,
            f"Attempt #{number} ({attempt.time:%Y-%m-%d %H:%M}), saved score {attempt.score}/100. "
            "Marked for ctrl+t compare.",
        )
        self.query_one(FeedbackPanel).show(feedback, f"attempt #{number}")
        self._show_history()

    def action_compare(self) -> None:
        attempts = self._attempts()
        if self.current is None or len(attempts) < 2:
            self.notify("Compare needs two attempts at this question.", markup=False)
            return
        numbers = {index: number for number, (index, _) in enumerate(attempts, 1)}
        chosen = [i for i in self.marked if i in numbers]
        if len(chosen) < 2:
            chosen = [index for index, _ in attempts[-2:]]
        older, newer = sorted(chosen)
        names: dict[str, str] = {check.id: check.name for check in self.lex.checks}
        from matchtui.widgets.practice_compare import CompareScreen  # only when asked for

        self.app.push_screen(
            CompareScreen(
                self.current.prompt,
                (numbers[older], self.practice_log.attempts[older]),
                (numbers[newer], self.practice_log.attempts[newer]),
                names,
            )
        )

    def _show_history(self) -> None:
        if self.current is None:
            return
        attempts = self._attempts()
        summary = None
        if attempts:
            rows = progress(PracticeLog(attempts=[a for _, a in attempts]), self.catalog)
            summary = rows[0] if rows else None
        self.query_one(HistoryPanel).show(attempts, summary, set(self.marked))
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        if self.current is None:
            return
        tried = bool(self.practice_log.for_question(self.current.id))
        example = self.query_one("#btn-example", FormButton)
        example.disabled = not tried
        example.tooltip = (
            "Show an example answer (labelled as one)"
            if tried
            else "Unlocks after your first attempt at this question"
        )
        self.query_one("#btn-rehearse", FormButton).disabled = not tried
        self.query_one("#btn-compare", FormButton).disabled = len(self._attempts()) < 2
        self.query_one("#btn-submit", FormButton).disabled = self.view != "answer"

    def on_feedback_panel_check_focused(self, event: FeedbackPanel.CheckFocused) -> None:
        event.stop()
        if review := self.query(AnswerReview):
            review.first().set_focus_check(event.check_id)

    def on_form_button_pressed(self, event: FormButton.Pressed) -> None:
        actions = {
            "btn-submit": self.action_submit,
            "btn-new": self.action_new_attempt,
            "btn-rehearse": self.action_rehearse,
            "btn-example": self.action_example,
            "btn-compare": self.action_compare,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            event.stop()
            action()


__all__ = ["PracticeClock", "PracticeScreen", "clock_text"]
