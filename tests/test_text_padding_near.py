"""Near repeats are padding: the same sentence again and again with only its numbers or a word or
two changed earns nothing, as a sentence said again word for word does.

Before, only a word-for-word repeat was padding: "I made mistakes in 2019." followed by "I will
apply to N programs in 2027." for N = 10..36 scored 76/100 for why_unmatched and passed the
Specifics check with 28 sentences; one template sentence with a different number fourteen times
scored 89. Answers that have a few alike sentences for a real reason keep their scores."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine import practice, text
from matchtui.models.lexicon import lexicon

TODAY = dt.date(2026, 12, 3)

NUMBERS = "I made mistakes in 2019. " + " ".join(
    f"I will apply to {n} programs in 2027." for n in range(10, 37)
)
TEMPLATE = "I made mistakes in 2019. " + " ".join(
    f"Since {2010 + n} I have worked as a scribe in clinic {n} times a week." for n in range(14)
)
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "holiday"]
ONE_WORD = "I made mistakes in my application in 2022. " + " ".join(
    f"Every {day} I worked {hours} hours as a scribe in the Mercy clinic with the attendings."
    for day, hours in zip(DAYS, range(4, 12), strict=True)
)
NUMBER_WORDS = "I did not match in 2024 and that was my mistake. " + " ".join(
    f"I will apply to {n} programs this year." for n in ("ten", "eleven", "twelve", "twenty-two")
)
REGION = "My parents live in Ohio. " + " ".join(
    f"I plan to stay in Ohio for {n} years after residency." for n in range(5, 17)
)
GAMED = [
    ("why_unmatched", NUMBERS),
    ("why_unmatched", TEMPLATE),
    ("why_unmatched", ONE_WORD),
    ("why_unmatched", NUMBER_WORDS),
    ("why_region", REGION),
]


@pytest.mark.parametrize(
    ("question", "answer"), GAMED, ids=["numbers", "template", "one_word", "number_words", "region"]
)
def test_gamed_answers_score_below_40(catalog: Catalog, question: str, answer: str) -> None:
    feedback = practice.analyse(question, answer, None, catalog, today=TODAY)
    assert feedback.score < 40
    substance = feedback.check("substance")
    assert substance is not None and substance.status == "fail"
    assert "said again with only the numbers or a word or two changed" in substance.detail
    # Quoted as repeats are: the flagged sentences are the evidence.
    assert substance.evidence and all(e in answer for e in substance.evidence)
    assert substance.matches[0] == "near_repeat"


def test_the_alike_sentences_earn_nothing(catalog: Catalog) -> None:
    """Only the first of the template counts toward the specifics and the length."""
    feedback = practice.analyse("why_unmatched", NUMBERS, None, catalog, today=TODAY)
    specifics = feedback.check("specifics")
    assert specifics is not None
    assert len(specifics.evidence) == 2  # "I made mistakes in 2019." and the first template
    assert specifics.evidence[1] == "I will apply to 10 programs in 2027."
    first = "I made mistakes in 2019. I will apply to 10 programs in 2027."
    assert feedback.counted_words == text.count_words(first)
    assert feedback.words == text.count_words(NUMBERS)


def test_find_padding_keeps_the_first_of_a_template(catalog: Catalog) -> None:
    answer = text.Analysed(NUMBERS, text.compiled(catalog))
    found = text.find_padding(answer)
    assert [p.kind for p in found] == ["near_repeat"] * 26
    assert found[0].text == "I will apply to 11 programs in 2027."
    assert found[-1].text == "I will apply to 36 programs in 2027."


def test_word_for_word_repeats_are_still_repeats(catalog: Catalog) -> None:
    answer = "I will apply to 10 programs in 2027. " * 5
    found = text.find_padding(text.Analysed(answer, text.compiled(catalog)))
    assert [p.kind for p in found] == ["repeat"] * 4


# -- real answers keep their scores ---------------------------------------------------------------
# Each written in an applicant's voice, with alike sentences on purpose; the score each had before
# near repeats were padding.
GENUINE = [
    (  # a graduate out of training for years: one line per cycle
        "why_unmatched",
        "I graduated in 2019 and applied in general surgery twice. I applied to 35 programs in "
        "2020. I applied to 48 programs in 2021. Both lists were almost all university programs "
        "on the coasts, and I waited until October to ask for letters, so I own that. Since 2022 "
        "I have worked as a scribe with the hospitalists at Riverside Methodist in Columbus, four "
        "shifts a week, and I passed Step 3 in 2024. This cycle I will apply to 70 internal "
        "medicine programs, most of them community programs in Ohio.",
        93,
    ),
    (
        "path_since_graduation",
        "I graduated from medical school in 2018. In 2019 I did not match in orthopedics. In "
        "2020 I did not match in general surgery, and looking back I chose both for the wrong "
        "reasons. I took a job as a research coordinator in the cardiology clinic at Baptist "
        "Health in Louisville, where for the past three years I have seen study patients every "
        "week with the attendings. I passed Step 3 in 2025. That work showed me I want internal "
        "medicine, and I am ready to start as an intern this July.",
        88,
    ),
    (  # an IMG: two observerships in two years
        "img_us_practice",
        "I finished medical school in Lahore in 2017 and worked for three years as a medical "
        "officer in a district hospital. In 2022 I moved to Houston and completed a four-week "
        "observership in internal medicine at Ben Taub. In 2023 I completed a second "
        "observership in hospital medicine at Memorial Hermann. Since January 2024 I have "
        "worked as a medical assistant in a primary care clinic in Pasadena, Texas, where I room "
        "25 patients a day and reconcile medication lists in Epic. I passed Step 3 in 2025. I "
        "will bring the habits of a busy district hospital, and what I have learned about US "
        "documentation, to your wards.",
        100,
    ),
    (  # an IMG: three exams, one sentence each ("Step 1", "Step 2 CK", "Step 3" are names)
        "years_out_ready",
        "I passed Step 1 in 2016. I passed Step 2 CK in 2017. I passed Step 3 in 2025. Between "
        "those exams I worked as a general physician in Cairo for five years, and since 2024 I "
        "have worked as a clinical research coordinator at a Chicago hospital, seeing patients "
        "with the attendings every week. I am ready to manage a ward team on nights.",
        83,
    ),
    (  # a returner who left medicine
        "why_left_medicine",
        "I left my residency in 2018 after my PGY-1 year in pediatrics because my mother was "
        "diagnosed with ALS and I was the only one who could care for her. I stepped away for "
        "four years, worked part time as a health coach for a telehealth company, and looked "
        "after her until she died in 2022. I should have asked my program about a leave instead "
        "of resigning. Over the past 18 months I have worked as a clinical research coordinator "
        "in the asthma clinic at Nationwide Children's, seeing patients every week with the "
        "attendings. I passed Step 3 in 2024, and I will finish the training I started.",
        100,
    ),
    (
        "why_now",
        "I did not finish residency: I resigned in 2016 as a PGY-2 in internal medicine and "
        "took a job in pharma. In 2019 I moved into medical affairs. In 2021 I moved into drug "
        "safety, reading case reports every day. That work changed how I see patients, and I "
        "realised I missed caring for them myself. Since 2024 I have worked as a medical "
        "assistant in a Denver clinic two days a week, and I passed Step 3 in 2025. I am ready "
        "now, and I am choosing internal medicine again because I know exactly what it asks.",
        93,
    ),
    (  # three cycles, one sentence each: a real list, not a template
        "why_unmatched",
        "I did not match in 2022, 2023 or 2024, and I own that. I applied to 40 programs in "
        "2022. I applied to 60 programs in 2023. I applied to 90 programs in 2024. Since 2024 I "
        "have worked as a scribe in a Dayton clinic. I will apply to 80 programs this year.",
        86,
    ),
]


@pytest.mark.parametrize(
    ("question", "answer", "score"),
    GENUINE,
    ids=["cycles", "path", "img_observerships", "img_exams", "left", "now", "three_cycles"],
)
def test_real_answers_with_alike_sentences_keep_their_scores(
    catalog: Catalog, question: str, answer: str, score: int
) -> None:
    feedback = practice.analyse(question, answer, None, catalog, today=TODAY)
    assert feedback.check("substance") is None
    assert feedback.counted_words == feedback.words
    assert feedback.score == score


# -- the rule is data, and finds what a pair-by-pair comparison finds ---------------------------
def test_the_thresholds_are_assumptions_in_the_lexicon(catalog: Catalog) -> None:
    rule = lexicon(catalog).padding
    assert rule.reliability == "assumption" and rule.source == "matchtui_assumption"
    assert 0 < rule.near_repeat_similarity <= 1
    assert rule.near_repeat_min_count >= 2 and rule.near_repeat_min_words >= 1


CONTENT = ["apply", "programs", "scribe", "clinic", "worked", "Ohio", "rotation", "weeks"]
FUNCTION = ["I", "the", "in", "to", "a", "will"]
NUMBER = ["3", "12", "2024", "ten", "twenty"]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)


def _expected_near(sentences: list[list[str]], catalog: Catalog) -> list[int]:
    """Which sentences are near repeats, comparing every sentence with each kind's first."""
    rule = lexicon(catalog).padding
    function = {w.lower() for w in rule.function_words}
    numbers = {n.lower() for n in lexicon(catalog).specifics.numbers}
    seen: set[tuple[str, ...]] = set()
    firsts: list[tuple[int, frozenset[str]]] = []
    members: dict[int, list[int]] = {}
    for index, words in enumerate(sentences):
        low = tuple(w.lower() for w in words)
        if len(low) >= rule.repeat_min_words and low in seen:
            seen.add(low)
            continue
        seen.add(low)
        if len(low) < rule.near_repeat_min_words:
            continue
        content = frozenset(
            "#" if (w.isdigit() or w in numbers) else w for w in low if w not in function
        )
        kind = index
        if content:
            for first, first_content in firsts:
                if _jaccard(content, first_content) >= rule.near_repeat_similarity - 1e-9:
                    kind = first
                    break
            else:
                firsts.append((index, content))
        members.setdefault(kind, []).append(index)
    return sorted(
        i for m in members.values() if len(m) >= rule.near_repeat_min_count for i in m[1:]
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(CONTENT + FUNCTION + NUMBER), min_size=1, max_size=9),
        min_size=1,
        max_size=14,
    )
)
def test_near_repeats_match_a_pair_by_pair_comparison(
    catalog: Catalog, sentences: list[list[str]]
) -> None:
    answer = " ".join(" ".join(words) + "." for words in sentences)
    analysed = text.Analysed(answer, text.compiled(catalog))
    assert len(analysed.spans) == len(sentences)
    found = [p.span for p in text.find_padding(analysed) if p.kind == "near_repeat"]
    flagged = [analysed.spans.index(span) for span in found]
    assert flagged == _expected_near(sentences, catalog)


# -- the command line ---------------------------------------------------------------------------
def test_practice_command_scores_a_gamed_answer_below_40(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(NUMBERS, encoding="utf-8")
    args = ["--today", "2026-12-03", "practice", "--question", "why_unmatched"]
    assert main([*args, "--answer-file", str(answer), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["score"] < 40
    substance = next(c for c in data["checks"] if c["id"] == "substance")
    assert "I will apply to 11 programs in 2027." in substance["evidence"]
    assert main([*args, "--answer-file", str(answer)]) == 0
    out = capsys.readouterr().out
    assert "26 sentences said again with only the numbers or a word or two changed" in out
