"""Bare claims strung together and a word said over and over earn nothing; a long answer typed
with no full stops is read as the clauses it joins.

Before: "I take responsibility. I own it. My fault. I learned. I changed." with a place and a
year after it scored 75 for a mistake and passed Ownership on its three stock claims;
"Chicago Chicago Chicago." counted as detail; an unpunctuated 62-word story of a missed
potassium was one sentence, so its detail counted once (Specifics warned) and its close was the
whole answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from matchtui.catalog import Catalog
from matchtui.engine import text
from matchtui.engine.practice import analyse
from tests.test_lessons_and_gaps import status

CLAIMS = (
    "I take responsibility. I own it. My fault. I learned. I changed. In 2024 at Cook County. "
    "I will keep improving. I am ready. Next I will apply."
)

RUN_ON = (
    "so basically i was on nights in 2023 and i forgot to check the potassium on a patient and "
    "it was 6.1 and my senior caught it and i felt terrible but i told the attending myself the "
    "next morning and since then i always check every lab before signout and i made a "
    "checklist that our team still uses now"
)

SHORT_FOR_EFFECT = (
    "On my second night as an intern in 2024 I missed that a patient's potassium was 6.1. I "
    "froze. Then I called my senior. I was wrong. I told the attending myself the next morning "
    "and wrote it up. Since then I always check every lab before sign-out, and I will keep that "
    "habit in residency."
)


def test_bare_claims_strung_together_earn_nothing(catalog: Catalog) -> None:
    feedback = analyse("mistake", CLAIMS, None, catalog)
    assert feedback.status("ownership") == "fail"
    assert feedback.status("substance") == "fail"
    substance = next(c for c in feedback.checks if c.id == "substance")
    assert "5 sentences a string of bare claims" in substance.detail
    assert '"I take responsibility."' in substance.detail
    assert feedback.score <= 30


def test_a_few_short_sentences_for_effect_are_not_padding(catalog: Catalog) -> None:
    feedback = analyse("mistake", SHORT_FOR_EFFECT, None, catalog)
    assert feedback.status("substance") is None
    assert feedback.status("ownership") == "pass"


def test_a_word_said_over_and_over_is_said_again(catalog: Catalog) -> None:
    answer = "Chicago Chicago Chicago. My family lives in Chicago and I plan to stay in Illinois."
    feedback = analyse("why_region", answer, None, catalog)
    substance = next(c for c in feedback.checks if c.id == "substance")
    assert "said again" in substance.detail and "Chicago Chicago Chicago." in substance.detail
    specifics = next(c for c in feedback.checks if c.id == "specifics")
    assert "Chicago Chicago Chicago" not in specifics.matches


def test_an_unpunctuated_story_is_read_clause_by_clause(catalog: Catalog) -> None:
    feedback = analyse("mistake", RUN_ON, None, catalog)
    assert feedback.sentences > 1
    assert status(catalog, "mistake", RUN_ON, "specifics") == "pass"
    close = next(c for c in feedback.checks if c.id == "forward_close")
    assert close.status == "pass"
    assert close.evidence[-1].startswith("and i made a checklist")


def test_a_long_sentence_written_as_a_list_stays_whole(catalog: Catalog) -> None:
    answer = (
        "Last time I applied to 30 programs, only in dermatology, with no backup. This time I "
        "am applying to 90 family medicine programs, my Step 2 is 241, and I have new letters "
        "from my current attending at a community hospital in Tulsa where I have worked as a "
        "medical assistant since last year."
    )
    feedback = analyse("different_this_time", answer, None, catalog)
    assert feedback.sentences == 2
    assert feedback.status("forward_close") == "pass"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["i", "and", "we", "so", "but", "then", "my", "worked", "clinic", "2024"]),
        min_size=0,
        max_size=120,
    )
)
def test_run_on_pieces_cover_the_sentence_in_order(catalog: Catalog, words: list[str]) -> None:
    """Cut or not, the pieces keep every word once, in order, each piece long enough."""
    sentence = " ".join(words)
    comp = text.compiled(catalog)
    rule = comp.run_on
    assert rule is not None
    whole = text.split_sentences(sentence)
    pieces = text.split_run_ons(sentence, whole, rule)
    said = [w for p in pieces for w in sentence[p.start : p.end].split()]
    assert said == sentence.split()
    if len(pieces) > len(whole):
        assert all(len(sentence[p.start : p.end].split()) >= rule.min_piece for p in pieces)
