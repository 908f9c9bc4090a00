"""The one text analyser: the Reality check and the practice checks judge a story alike."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import practice, text
from matchtui.engine.assess import assess
from matchtui.models.lexicon import lexicon
from matchtui.models.profile import Profile

SHORT_CONCRETE = (
    "Raised in Sacramento; my parents and my sister live there. I will practise general "
    "pediatrics in the Central Valley long term."
)
# 52 words, plurals and possessives ("grandparents'", "parents'", "clinics").
PLURALS = (
    "My grandparents' farm sits outside Fresno, and my parents' house is ten minutes from the "
    "clinics where I shadowed two summers. My brothers still live nearby. I plan to settle in "
    "the Valley and stay for good, because my family needs me close and I want to build my "
    "career where I grew up."
)
CURLY = (
    "I\u2019m from Tucson and my mom\u2019s family has lived there for three generations. "
    "I\u2019ve done two rotations at the county hospital and I mean to settle there for good."
)
LONG_GENERIC = (
    "I love the city and I have always wanted to live there. The weather is wonderful and the "
    "food is amazing, and the people are nice everywhere you go. It is a great place to live "
    "and the lifestyle suits me. I really like the culture and the outdoors, and I think the "
    "area would be a great fit for a resident like me for many years to come."
)
STORIES = [
    (SHORT_CONCRETE, "concrete"),
    (PLURALS, "concrete"),
    (CURLY, "concrete"),
    (LONG_GENERIC, "generic"),
    ("", "missing"),
]


def _returner(demo_profile: Profile, story: str) -> Profile:
    """The demo returner going home to the West, where the stories above are set (a story
    about Sacramento read for the demo's Midwest is about somewhere else; a West that is not
    home asks for a why-this-region story and has no ghost)."""
    profile = copy.deepcopy(demo_profile)
    profile.narrative.why_home = story
    profile.targets.region, profile.targets.divisions = "west", ["pacific"]
    profile.applicant.home_region = "west"
    return profile


@pytest.mark.parametrize(("story", "verdict"), STORIES)
def test_reality_check_and_practice_agree(
    catalog: Catalog, demo_profile: Profile, story: str, verdict: str
) -> None:
    result = assess(_returner(demo_profile, story), catalog)
    feedback = practice.analyse("why_region", story, None, catalog)
    assert feedback.story is not None
    assert result.back_home.narrative == feedback.story.quality == verdict
    judged = result.stories[0]
    assert judged.kind == "why_home" and judged == feedback.story
    if verdict == "concrete":
        # The verdict quotes what made it concrete, and the practice ties check agrees.
        assert judged.concrete and all(p in judged.reason for p in judged.concrete[:2])
        assert feedback.status("ties") == "pass"
    if verdict == "generic":
        assert judged.generic and judged.generic[0] in judged.reason
        assert feedback.status("ties") == "fail"


def test_length_is_a_signal_not_the_verdict(catalog: Catalog) -> None:
    short = text.judge_story("why_home", SHORT_CONCRETE, catalog)
    assert short.words < 40 and short.quality == "concrete"
    assert {"ties", "specifics", "plan_to_stay"} <= set(short.signals)
    long = text.judge_story("why_home", LONG_GENERIC, catalog)
    # Every sentence of it is praise only, and praise adds no length: it is not even "long".
    assert long.words > 60 and long.quality == "generic" and "long" not in long.signals
    assert "all in sentences of praise only" in long.reason
    assert "Add" in long.reason  # says what to add


def test_a_generic_story_is_told_what_it_lacks_not_what_it_has(catalog: Catalog) -> None:
    """A story naming the partner and the city but no plan to stay was told to add who ties
    the applicant there and the places by name: the advice now lists only what is lacking."""
    rule = lexicon(catalog).stories["why_home"]
    judged = text.judge_story(
        "why_home", "My wife matched in Philadelphia and we have been apart for months.", catalog
    )
    assert judged.quality == "generic" and {"ties", "specifics"} <= set(judged.signals)
    advice = judged.reason.partition(". Add ")[2]
    assert rule.advice["plan_to_stay"] in advice
    assert rule.advice["ties"] not in advice and rule.advice["specifics"] not in advice
    # Nothing named: the required signal (ties) comes first.
    vague = text.judge_story("why_home", "It is a lovely place with great weather.", catalog)
    assert vague.reason.partition(". Add ")[2].startswith(rule.advice["ties"])


def test_possessives_and_curly_quotes_match(catalog: Catalog) -> None:
    plural = text.judge_story("why_home", PLURALS, catalog)
    assert "my parents'" in plural.concrete or "my parents" in " ".join(plural.concrete)
    curly = text.judge_story("why_home", CURLY, catalog)
    assert "ties" in curly.signals and "plan_to_stay" in curly.signals


def test_ghost_only_when_nothing_shows_intent(catalog: Catalog, demo_profile: Profile) -> None:
    bare = _returner(demo_profile, LONG_GENERIC)
    bare.rotations, bare.letters = [], []
    assert assess(bare, catalog).archetype("ghost_applicant") is not None
    bare.narrative.why_home = SHORT_CONCRETE  # a concrete story shows intent
    assert assess(bare, catalog).archetype("ghost_applicant") is None
    bare.narrative.why_home = LONG_GENERIC
    bare.applicant.lives_in = bare.targets.region  # so does living there
    assert assess(bare, catalog).archetype("ghost_applicant") is None


def test_why_now_and_plan_b_are_judged(catalog: Catalog, demo_profile: Profile) -> None:
    result = assess(demo_profile, catalog)
    kinds = {s.kind: s.quality for s in result.stories}
    assert kinds == {"why_home": "concrete", "why_now": "concrete", "plan_b": "concrete"}
    vague = copy.deepcopy(demo_profile)
    vague.narrative.plan_b = "I will keep trying and see what happens next year, " * 4
    vague.narrative.why_now = "I feel ready now. " * 10
    judged = {s.kind: s for s in assess(vague, catalog).stories}
    assert judged["why_now"].quality == "generic"
    assert judged["plan_b"].quality == "generic"
    plan_b = judged["plan_b"]
    assert "forward" in plan_b.signals  # 'I will keep trying': a plan, with nothing named
    named = lexicon(catalog).stories["plan_b"].advice["specifics"]
    assert f"Add {named}" in plan_b.reason


def test_no_duplicate_tokenizer_left_in_practice() -> None:
    assert practice.Matcher is text.Matcher and practice.split_sentences is text.split_sentences
    assert not hasattr(practice, "PhraseIndex") and not hasattr(practice, "Tokens")


# --- answers that cannot be gamed ---------------------------------------------------------------

GAMED = (
    "I made mistakes. I made mistakes in 2019. I made mistakes in my application. Since 2024 I "
    "have worked as a scribe in clinic. 45 80 3 2 internists Columbus Step 3 June. "
    + "I will apply. "
    * 27
)


@pytest.mark.parametrize("question", ["why_unmatched", "what_happened", "why_region", "why_now"])
def test_gamed_answer_scores_below_40_and_is_named(catalog: Catalog, question: str) -> None:
    feedback = practice.analyse(question, GAMED, None, catalog)
    assert feedback.score < 40
    substance = feedback.check("substance")
    assert substance is not None and substance.status == "fail"
    assert "said again" in substance.detail and "I will apply." in substance.detail
    assert "bare numbers" in substance.detail and "45 80 3 2" in substance.detail
    assert feedback.top_fixes[0].check == "substance"


def test_word_salad_is_named(catalog: Catalog) -> None:
    salad = "Internists Columbus clinic scribe ICU attending rounds Step June. " * 1
    answer = (
        "I did not match in 2023 because my list was too short and I applied late. "
        + salad
        + "Since then I have worked as a scribe in a clinic every week, and I will apply early."
    )
    substance = practice.analyse("why_unmatched", answer, None, catalog).check("substance")
    assert substance is not None and "string of keywords" in substance.detail


@pytest.mark.parametrize(
    "sentence",
    [
        "Good applicants go unmatched every year.",
        "Residents rotate through three hospitals weekly.",
        "Strong applicants still go unmatched each single year.",
    ],
)
def test_short_plain_sentences_are_not_keyword_strings(catalog: Catalog, sentence: str) -> None:
    """A six-word sentence without 'the' or 'I' was called a string of keywords, and left out
    of every check (its blame went unseen)."""
    answer = f"I applied late in 2023. {sentence} I will apply to sixty programs."
    feedback = practice.analyse("why_unmatched", answer, None, catalog)
    assert feedback.check("substance") is None


def test_real_answers_are_not_flagged_as_padding(catalog: Catalog) -> None:
    from matchtui.models.questions import question_bank

    for question in question_bank(catalog).questions:
        feedback = practice.analyse(question, question.example, None, catalog)
        assert feedback.check("substance") is None, question.id
        assert feedback.score >= 90, question.id


def test_short_answer_advice_says_what_to_add(catalog: Catalog) -> None:
    feedback = practice.analyse(
        "why_unmatched", "I did not match in 2023 because my list was short.", None, catalog
    )
    length = [f.text for f in feedback.top_fixes if f.check == "length"]
    fixes = " ".join(f.text for f in feedback.top_fixes)
    assert "drop the commentary" not in fixes
    if length:
        assert length[0].startswith("Say more") and "add" in length[0]
    short = practice.analyse("tell_me_about_yourself", "I am a doctor.", None, catalog)
    fix = next(f.text for f in short.top_fixes if f.check == "length")
    assert fix.startswith("Say more") and "add" in fix


@pytest.mark.parametrize(
    "question", ["why_unmatched", "soap_experience", "why_left_medicine", "plan_if_unmatched"]
)
def test_readiness_is_checked_in_every_returner_question(catalog: Catalog, question: str) -> None:
    no_proof = (
        "I did not match in 2023 because my list was too short and too narrow, and that was my "
        "mistake. I will apply to sixty programs this year."
    )
    feedback = practice.analyse(question, no_proof, None, catalog)
    assert feedback.status("readiness") == "fail"


def test_details_are_quoted_whole_once(catalog: Catalog) -> None:
    """'Step 2 CK', 'H-1B' and 'St. Mary's' are quoted as themselves, not as '2', '1' and 'St'
    (the number inside a longer detail was quoted on its own before)."""
    answer = text.Analysed(
        "I will need an H-1B visa. I passed Step 2 CK with 244 in 2024 and worked at "
        "St. Mary's in Madison.",
        text.compiled(catalog),
    )
    details = [d for found in answer.specific_sentences().values() for d in found]
    assert details == ["H-1B", "Step 2 CK", "244", "2024", "St. Mary's", "Madison"]


def test_the_phrase_indexes_share_one_set_of_patterns(catalog: Catalog) -> None:
    """A story's index over a few lists holds the very patterns of the index over all of them,
    and a phrase without conditions holds no word sets of its own: each pattern built once
    (the indexes held 1.3 MiB more when every index built its own, each with three empty
    frozensets)."""
    lexicon_ = text.compiled(catalog)
    every = lexicon_.index
    story = lexicon_.index_of(lexicon_.story_groups("why_home"))

    def patterns(index: text.PhraseIndex) -> list[Any]:
        tables = (index._single, index._prefix, index._first, index._pair)
        return [p for table in tables for found in table.values() for p in found]

    all_ids = {id(p) for p in patterns(every)}
    in_story = patterns(story)
    assert in_story and all(id(p) in all_ids for p in in_story)
    empty = {
        id(s) for p in patterns(every) for s in (p.not_after, p.not_before, p.before_any) if not s
    }
    assert len(empty) == 1


def test_a_perfect_tense_or_a_contraction_reads_as_the_plain_verb(catalog: Catalog) -> None:
    """'I had underestimated', 'I'd rushed' and 'I've made' named no part of the applicant's
    own, where 'I underestimated', 'I rushed' and 'I made' did: each phrase "I <verb>" now
    reads past a perfect tense's auxiliary, quoted as written."""
    said = (
        "I had underestimated the interviews, and I'd rushed my list in 2023. I've made "
        "changes since. I will apply broadly."
    )
    fb = practice.analyse("why_unmatched", said, 60.0, catalog)
    (owned,) = [c for c in fb.checks if c.id == "ownership"]
    assert owned.status == "pass"
    assert owned.matches == ["I had underestimated", "I'd rushed", "I've made"]
    # an auxiliary that is the phrase's own word is not read past: "I had not" stays itself,
    # and "I have been" is not read as a phrase "I been"
    plain = practice.analyse("why_unmatched", "I have been well. I will go on.", 60.0, catalog)
    assert [c.status for c in plain.checks if c.id == "ownership"] == ["fail"]
