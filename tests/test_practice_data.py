"""The question bank, the lexicon and practice.toml: content rules and validation."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse, compiled
from matchtui.errors import FileProblems
from matchtui.locations import bundled_data_dir
from matchtui.models.practice import Attempt, PracticeLog
from matchtui.models.questions import CHECK_IDS, audiences, question_bank, questions_for
from matchtui.store import PRACTICE, Store

REQUIRED_IDS = {
    "tell_me_about_yourself",
    "why_specialty",
    "why_region",
    "what_happened",
    "why_unmatched",
    "why_left_medicine",
    "why_now",
    "what_changed",
    "explain_gap",
    "plan_if_unmatched",
}


def test_bank_size_categories_and_required_ids(catalog: Catalog) -> None:
    bank = question_bank(catalog)
    assert len(bank.questions) >= 40
    used = {q.category for q in bank.questions}
    assert len(used) >= 8 and used <= {c.id for c in bank.categories}
    assert {q.id for q in bank.questions} >= REQUIRED_IDS


def test_every_question_is_complete(catalog: Catalog) -> None:
    for question in question_bank(catalog).questions:
        assert question.tips and question.example and question.applies_to, question.id
        assert {"length", "fillers_hedges"} <= set(question.checks), question.id
        low, high = question.band
        assert 10 <= low < high <= 180, question.id


def test_region_and_returner_questions_carry_their_checks(catalog: Catalog) -> None:
    bank = question_bank(catalog)
    region = bank.by_id("why_region")
    assert region is not None
    assert {"ties", "local_activity", "plan_to_stay"} <= set(region.checks)
    assert "returner" in region.applies_to
    for qid in ("what_happened", "why_left_medicine", "why_now"):
        found = bank.by_id(qid)
        assert found is not None and "arc" in found.checks and "reentry" in found.applies_to


def test_every_example_answer_passes_its_own_checks(catalog: Catalog) -> None:
    """The examples are what good looks like: inside the band, every check passing."""
    for question in question_bank(catalog).questions:
        feedback = analyse(question, question.example, None, catalog)
        flagged = {c.id: c.detail for c in feedback.checks if c.status != "pass"}
        assert flagged == {}, question.id
        assert feedback.score == 100, question.id


def test_examples_are_distinct_and_not_the_articles_examples(catalog: Catalog) -> None:
    examples = [q.example for q in question_bank(catalog).questions]
    assert len(set(examples)) == len(examples)
    for example in examples:
        # The seed article's own sample story (2021, general surgery, coordinator) is not reused.
        assert not ("2021" in example and "general surgery" in example), example[:60]


def test_profile_audiences(demo_profile: Any) -> None:
    assert audiences(demo_profile) == {
        "everyone",
        "reentry",
        "returner",
        "going_home",
        "reapplicant",
        "applied_before",
        "switching",
        "soap",
    }
    # From abroad to a region that is not home: the region questions, not 'come back'.
    away = demo_profile.model_copy(deep=True)
    away.applicant.home_region = "abroad"
    assert "returner" in audiences(away) and "going_home" not in audiences(away)
    img = demo_profile.model_copy(deep=True)
    img.applicant.degree = "non_us_img"
    img.exams.total_failures = 1
    assert {"img", "exam_failure"} <= audiences(img)


def test_filtering_keeps_bank_order(catalog: Catalog, demo_profile: Any) -> None:
    bank = question_bank(catalog)
    mine = questions_for(bank, demo_profile)
    order = [q.id for q in bank.questions]
    assert [q.id for q in mine] == [i for i in order if i in {q.id for q in mine}]
    assert questions_for(bank, None) == list(bank.questions)


def test_lexicon_rate_weights_and_checks(catalog: Catalog) -> None:
    lex = compiled(catalog).lexicon
    assert lex.speaking.words_per_minute == 140
    assert lex.speaking.reliability == "assumption"
    assert {c.id for c in lex.checks} == set(CHECK_IDS)
    assert all(c.weight > 0 and c.rule and c.fix for c in lex.checks)
    assert lex.thresholds.status_values == {"pass": 1.0, "warn": 0.5, "fail": 0.0}


# -- validation of edited data ------------------------------------------------------------------
@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def problems(folder: Path) -> list[Any]:
    with pytest.raises(FileProblems) as caught:
        Catalog.load(folder)
    return caught.value.problems


def test_bad_regex_in_lexicon_is_reported_with_key_and_line(data_copy: Path) -> None:
    path = data_copy / "lexicon.toml"
    text = path.read_text()
    visa = "'(?-i:[HJO](?<=\\b[HJO])-1[AB]?\\b)',"
    assert visa in text
    path.write_text(text.replace(visa, "'(unclosed',", 1))
    found = [p for p in problems(data_copy) if p.file == path]
    assert found and found[0].key.startswith("specifics.patterns")
    assert found[0].line is not None and "not a valid expression" in found[0].message


def test_unknown_category_and_check_are_reported(data_copy: Path) -> None:
    path = data_copy / "questions.toml"
    text = path.read_text()
    text = text.replace('category = "goals"', 'category = "hobbies"', 1)
    text = text.replace('checks = ["ties", ', 'checks = ["stay_forever", ', 1)
    path.write_text(text)
    messages = [(p.key, p.message) for p in problems(data_copy) if p.file == path]
    assert any("checks" in key for key, _ in messages)
    text = path.read_text().replace('checks = ["stay_forever", ', 'checks = ["ties", ')
    path.write_text(text)
    messages = [(p.key, p.message) for p in problems(data_copy) if p.file == path]
    assert any(key.endswith("category") and "hobbies" in msg for key, msg in messages)


def test_wildcard_needs_letters(data_copy: Path) -> None:
    path = data_copy / "lexicon.toml"
    text = path.read_text()
    path.write_text(text.replace('"biased against", "discriminat*"', '"biased against", "di*"'))
    found = [p for p in problems(data_copy) if p.file == path]
    assert found and "wildcard" in found[0].message


# -- practice.toml ------------------------------------------------------------------------------
def test_practice_log_round_trip_with_schema_version(home: Path) -> None:
    import datetime as dt

    store = Store(home)
    log = PracticeLog(
        attempts=[
            Attempt(
                question="why_region",
                time=dt.datetime(2026, 11, 23, 9, 30),
                seconds=71.5,
                words=120,
                score=82,
                text='Line one with "quotes" and [brackets].\nLine two.',
            )
        ]
    )
    store.save(PRACTICE, log)
    text = (home / PRACTICE).read_text()
    assert text.startswith("schema_version = 1")
    again = store.load(PRACTICE, PracticeLog)
    assert again == log
    assert again.best("why_region") == log.attempts[0] and again.best("other") is None


def test_practice_log_without_version_migrates_and_newer_is_refused(home: Path) -> None:
    home.mkdir(parents=True)
    path = home / PRACTICE
    path.write_text(
        '[[attempts]]\nquestion = "why_now"\ntime = 2026-11-23T09:30:00\nscore = 40\ntext = "x"\n'
    )
    assert Store(home).load(PRACTICE, PracticeLog).attempts[0].score == 40
    path.write_text("schema_version = 9\n")
    with pytest.raises(FileProblems) as caught:
        Store(home).load(PRACTICE, PracticeLog)
    assert "newer matchtui" in caught.value.summary()


def test_practice_log_rejects_bad_values(home: Path) -> None:
    home.mkdir(parents=True)
    path = home / PRACTICE
    path.write_text(
        'schema_version = 1\n[[attempts]]\nquestion = "why_now"\n'
        'time = 2026-11-23T09:30:00\nscore = 140\ntext = "x"\n'
    )
    with pytest.raises(FileProblems) as caught:
        Store(home).load(PRACTICE, PracticeLog)
    problem = caught.value.problems[0]
    assert problem.key == "attempts[0].score" and problem.line == 5


def test_a_question_cannot_list_a_check_every_answer_gets(data_copy: Path) -> None:
    """'substance' and 'stock' run on every answer by themselves; a question listing one was
    accepted and then failed with a KeyError when an answer was analysed."""
    path = data_copy / "questions.toml"
    text = path.read_text()
    path.write_text(text.replace('checks = ["ties", ', 'checks = ["stock", "ties", ', 1))
    found = [p for p in problems(data_copy) if p.file == path]
    assert found and found[0].key.endswith("checks") and found[0].line is not None
    assert "every answer gets stock on its own" in found[0].message


def test_a_data_folder_without_the_stock_check_still_loads(data_copy: Path) -> None:
    """A lexicon written before [stock_phrases] and the 'stock' check loads, and its answers
    are simply not read for stock self-praise."""
    from matchtui.engine.practice import analyse

    path = data_copy / "lexicon.toml"
    text = path.read_text()
    start = text.index("[stock_phrases]")
    text = text[:start] + text[text.index("[plan_to_stay]") :]
    start = text.index('[[checks]]\nid = "stock"')
    text = text[:start] + text[text.index('[[checks]]\nid = "substance"') :]
    path.write_text(text.replace("stock_fail_sentences = 2\n", ""))
    catalog = Catalog.load(data_copy)
    feedback = analyse(
        "tell_me_about_yourself", "I am a hard worker and a team player.", None, catalog
    )
    assert feedback.check("stock") is None


def test_a_phrase_listed_twice_in_one_list_is_reported(data_copy: Path) -> None:
    """A second entry for a phrase stood in for the first, conditions and all: a "move back"
    added with its own `later_any` silently dropped the one already listed."""
    path = data_copy / "lexicon.toml"
    text = path.read_text()
    assert '"hard worker", ' in text
    path.write_text(text.replace('"hard worker", ', '"hard worker", "Hard  worker", ', 1))
    found = [p for p in problems(data_copy) if p.file == path]
    assert found and found[0].key.startswith("stock_phrases.phrases")
    assert "listed twice" in found[0].message and found[0].line is not None
