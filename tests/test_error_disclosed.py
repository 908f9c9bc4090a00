"""An error told at once to those above one, a first reaction owned in a conflict, and the
people and spans of a ward story, read as the applicant meant them.

Found trying the practice pane: "I told my resident right away and we filed a safety report
together" (a potassium order written from the day before's lab) failed Ownership; "I was
annoyed, but instead of going to the chief I asked him to get coffee" failed Ownership and its
closing "Since then we have covered for each other" did not look ahead; "a co-resident" and
"for a month" were no concrete detail."""

from __future__ import annotations

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status

ERROR = (
    "On my medicine sub-internship in 2024 a patient's potassium was replaced twice in one "
    "morning. The nurse caught it before it was given. I told my resident right away and we "
    "filed a safety report together. Since then I check the time stamp on every lab."
)
CONFLICT = (
    "A co-resident kept leaving his pages to me at night. I was annoyed, but instead of going "
    "to the chief I asked him to get coffee after our shift. His wife was in the hospital, and "
    "I covered two nights a week for a month. Since then we have covered for each other."
)


def test_an_error_disclosed_at_once_is_ownership(catalog: Catalog) -> None:
    assert status(catalog, "mistake", ERROR, "ownership") == "pass"


def test_an_error_seen_and_not_disclosed_is_not(catalog: Catalog) -> None:
    seen = ERROR.replace(
        "I told my resident right away and we filed a safety report together", "It was fixed"
    )
    assert status(catalog, "mistake", seen, "ownership") == "fail"


def test_a_first_reaction_owned_and_a_shared_habit_kept(catalog: Catalog) -> None:
    assert status(catalog, "conflict_colleague", CONFLICT, "ownership") == "pass"
    assert status(catalog, "conflict_colleague", CONFLICT, "forward_close") == "pass"
    assert status(catalog, "conflict_colleague", CONFLICT, "specifics") == "pass"


FEEDBACK = (
    "On my surgery clerkship in 2024 my chief told me my presentations were too long. It "
    "stung, because I had worked hard on them. I asked her to listen to my next three and stop "
    "me when I lost her. I still write the plan line first when I pre-round."
)


def test_criticism_felt_and_acted_on_is_ownership(catalog: Catalog) -> None:
    """Found answering "Tell us about critical feedback you received": the answer above failed
    Ownership, though it owns the sting and asks the critic to watch the next tries."""
    assert status(catalog, "critical_feedback", FEEDBACK, "ownership") == "pass"


def test_asking_someone_for_something_else_is_not(catalog: Catalog) -> None:
    other = FEEDBACK.replace("It stung, because I had worked hard on them. ", "").replace(
        "I asked her to listen to my next three and stop me when I lost her.",
        "I asked her to sign my evaluation form that week.",
    )
    assert status(catalog, "critical_feedback", other, "ownership") == "fail"
