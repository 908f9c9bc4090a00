"""An answer that refuses the question ("I can't think of a mistake", "I don't have conflicts")
and gives no concrete example anywhere else fails "A real example", a check shown only when it
flags something (as stock praise and padding are). Before, such an answer was judged only on
what else it said: "If there was a problem I would just tell my supervisor" passed the close,
and the dodge scored 46, within a few points of a real story (49)."""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.engine.practice import analyse

DODGES = [
    (
        "conflict_colleague",
        "I don't have conflicts, I get along with everyone. If there was a problem I would just "
        "tell my supervisor.",
        "don't have conflicts",
    ),
    (
        "mistake",
        "I can't really think of a mistake. I am very careful and I double check everything.",
        "can't really think of a mistake",
    ),
    (
        "greatest_weakness",
        "Honestly I don't really have any weaknesses that affect my work with patients.",
        "don't really have any weaknesses",
    ),
    (
        "critical_feedback",
        "I have never received negative feedback from an attending. They always said I was "
        "great to work with.",
        "never received negative feedback",
    ),
    (
        "conflict_colleague",
        "I never had a conflict with anyone. I am easy to work with.",
        "never had a conflict with anyone",
    ),
    (
        "letter_writers_improve",
        "Nothing comes to mind, they were all very happy with me and said so.",
        "Nothing comes to mind",
    ),
]


@pytest.mark.parametrize(("qid", "answer", "said"), DODGES)
def test_an_answer_saying_there_is_nothing_to_tell_fails_a_real_example(
    catalog: Any, qid: str, answer: str, said: str
) -> None:
    feedback = analyse(qid, answer, None, catalog)
    check = next(c for c in feedback.checks if c.id == "no_example")
    assert check.status == "fail"
    assert f'"{said}"' in check.detail
    assert check.evidence  # the sentence that says it, quoted
    # It can only lower the score: the same answer without the check's weight scores no lower.
    assert feedback.score < 40


def test_the_dodge_scores_below_a_real_story_by_a_clear_margin(catalog: Any) -> None:
    dodge = analyse("conflict_colleague", DODGES[0][1], None, catalog)
    story = analyse(
        "conflict_colleague",
        "On my externship in 2025 another student kept leaving his notes for me to finish. I "
        "was short with him in front of the team, which was my mistake. I apologised, we talked "
        "after clinic and agreed to split the afternoon list. Since then I raise a problem "
        "privately and early, and I will keep doing that as a resident.",
        None,
        catalog,
    )
    assert dodge.score + 30 <= story.score


@pytest.mark.parametrize(
    ("qid", "answer"),
    [
        # a slow start, then a real example
        (
            "mistake",
            "Nothing comes to mind at once, but in March 2025 on my externship I wrote a "
            "potassium order for the wrong patient; the pharmacist caught it and I told my "
            "supervisor the same hour.",
        ),
        # praise, not a dodge
        (
            "why_specialty",
            "I can't think of anything I'd rather do than follow patients for years, which I did "
            "for eighteen months in a clinic in Toledo.",
        ),
        # a qualified claim followed by one
        (
            "mistake",
            "I have never made a mistake that harmed a patient, but I made one in 2024 that "
            "could have: I gave a verbal order to the wrong nurse, and I now write every order.",
        ),
        ("conflict_colleague", "I never had a conflict until my externship in Ohio in 2024."),
        (
            "mistake",
            "Nothing comes to mind from medical school, except one night in 2024 on my "
            "externship when I gave a discharge time the team had not agreed.",
        ),
    ],
)
def test_an_answer_that_tells_one_after_all_is_not_named(
    catalog: Any, qid: str, answer: str
) -> None:
    feedback = analyse(qid, answer, None, catalog)
    assert all(c.id != "no_example" for c in feedback.checks)


def test_a_real_example_is_not_listed_by_any_question(catalog: Any) -> None:
    """Shown only when it flags something, for every question: no question lists it."""
    from matchtui.engine.practice import questions

    assert all("no_example" not in q.checks for q in questions(catalog).values())


def test_only_questions_that_ask_for_one_are_read_for_a_real_example(catalog: Any) -> None:
    """ "How would colleagues describe you?" asks for no mistake or conflict: "I never had a
    conflict with anyone" there is praise, not a dodge. Asked what you would do unmatched,
    refusing to think about it is one."""
    praise = (
        "They would say I am easy to work with; I never had a conflict with anyone in my three "
        "years at the clinic in Fresno."
    )
    feedback = analyse("colleagues_describe", praise, None, catalog)
    assert all(c.id != "no_example" for c in feedback.checks)
    dodge = "I don't want to think about that. I am sure I will match."
    assert analyse("plan_if_unmatched", dodge, None, catalog).status("no_example") == "fail"


def test_the_questions_a_real_example_reads_are_named_in_the_bank(catalog: Any) -> None:
    from matchtui.engine.practice import questions
    from matchtui.engine.text import compiled

    bank = questions(catalog).values()
    known = {q.id for q in bank} | {q.category for q in bank}
    spec = compiled(catalog).lexicon.check("no_example")
    assert spec.applies_to and set(spec.applies_to) <= known
