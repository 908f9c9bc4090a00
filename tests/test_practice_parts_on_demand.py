"""The practice pane's hidden parts are made when first shown: the review of an answer and the
list of checks once there is feedback, the trend and the attempts' list once the question has
attempts. A first visit with no attempts builds none of them; they appear, filled and working,
after the first submit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.containers import VerticalScroll
from textual.widgets import OptionList, Sparkline

from matchtui.app import MatchApp
from matchtui.screens.practice import PracticeScreen
from matchtui.widgets.practice_answer import real_answer
from matchtui.widgets.practice_feedback import AnswerReview

ANSWER = (
    "I grew up in Tucson and my parents still live there. I did an away rotation there in "
    "2025, and I went back each summer to volunteer at a free clinic. I plan to stay for good."
)


async def test_checks_trend_and_attempts_appear_once_there_is_something_to_show(
    workspace: Any,
) -> None:
    app = MatchApp(workspace, first_pane="practice", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        for part in ("#review", "#fb-checks", "#hist-trend", "#hist-attempts"):
            assert not screen.query(part), part  # not built on the first visit
        assert not screen.query(AnswerReview)
        area = await real_answer(screen)
        area.focus()
        await pilot.press("I")
        area.insert(ANSWER[1:])
        place = area.region
        await pilot.press("ctrl+s")
        await pilot.pause()
        # the review shows the answer in the editor's place, with the focus
        review = screen.query_one("#review", VerticalScroll)
        assert review.display and not area.display and screen.focused is review
        # where the editor was (under a longer label: it starts lower, and ends where it did)
        assert (review.region.x, review.region.width) == (place.x, place.width)
        assert review.region.bottom == place.bottom and review.region.height >= 6
        shown = screen.query_one(AnswerReview)
        assert shown.parent is review and shown.text_shown == ANSWER
        assert any(span.style for span in shown.visual.spans), "evidence highlighted"  # type: ignore[union-attr]
        checks = screen.query_one("#fb-checks", OptionList)
        assert checks.display and checks.option_count > 3
        attempts = screen.query_one("#hist-attempts", OptionList)
        assert attempts.display and attempts.option_count == 1
        assert not screen.query_one("#hist-trend", Sparkline).display  # one score: no trend
        # the list of checks works: focused and moved, the answer's review follows it
        checks.focus()
        await pilot.press("down")
        await pilot.pause()
        assert checks.highlighted is not None
        assert shown.focus_check is not None  # the review follows the check
        # a second attempt draws the trend (the editor back in the review's place)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert area.display and not review.display and screen.focused is area
        area.focus()
        await pilot.press("I")
        area.insert(ANSWER[1:] + " I know the programs there well.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.query_one("#hist-trend", Sparkline).display
        assert screen.query_one("#hist-attempts", OptionList).option_count == 2
        assert review.display and len(screen.query("#review")) == 1  # the same review again
        # another question with no attempts hides them again (they stay built)
        listing = screen.query_one("#questions", OptionList)
        current = screen.current
        for index in range(listing.option_count):
            option = listing.get_option_at_index(index)
            if not option.disabled and current is not None and option.id != current.id:
                listing.highlighted = index
                break
        await pilot.pause()
        assert not screen.query_one("#hist-attempts", OptionList).display
        assert not screen.query_one("#fb-checks", OptionList).display
