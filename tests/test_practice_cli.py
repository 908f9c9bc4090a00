"""`matchtui practice`: JSON and text output, the engine's numbers, exit 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from matchtui.cli import main
from matchtui.engine.practice import analyse

ANSWER = (
    "I applied to pediatrics in 2023 and did not match. Looking back, I applied to too few "
    "programs and my letters were a year old. I stepped away to care for my mother, and that "
    "time changed how I think about chronic illness. Since 2024 I have worked as a medical "
    "assistant in a pediatric clinic every week, and I passed Step 3 in 2025. I am ready to "
    "commit to pediatrics now."
)


@pytest.fixture
def answer_file(tmp_path: Path) -> Path:
    path = tmp_path / "answer.txt"
    path.write_text(ANSWER, encoding="utf-8")
    return path


def test_json_output_has_the_documented_keys(
    answer_file: Path, capsys: pytest.CaptureFixture[str], catalog: Any
) -> None:
    code = main(
        [
            "practice",
            "--question",
            "what_happened",
            "--answer-file",
            str(answer_file),
            "--seconds",
            "84",
            "--json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("question", "words", "spoken_seconds", "target_seconds", "score", "checks"):
        assert key in data
    assert data["question"] == "what_happened"
    assert data["target_seconds"] == [60, 120]
    assert data["seconds"] == 84.0
    for check in data["checks"]:
        assert {"id", "status", "evidence", "rule"} <= set(check)
        assert check["status"] in {"pass", "warn", "fail", "n/a"}
    assert isinstance(data["top_fixes"], list)
    # One engine: the CLI prints exactly what analyse() returns.
    expected = analyse("what_happened", ANSWER, 84.0, catalog).model_dump(mode="json")
    assert data == expected


def test_text_output_names_rules_and_quotes_sentences(
    answer_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["practice", "--question", "what_happened", "--answer-file", str(answer_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Question  what_happened: So... what happened?")
    assert "Score     " in out and "/100" in out
    assert "PASS  Ownership:" in out
    assert "rule: At least one sentence names your own part" in out
    assert '"Looking back, I applied to too few programs and my letters were a year old."' in out


def test_unknown_question_id_exits_2_with_one_line(
    answer_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["practice", "--question", "no_such_id", "--answer-file", str(answer_file)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown question id 'no_such_id'" in err


@pytest.mark.parametrize("kind", ["missing", "folder", "binary", "empty"])
def test_unreadable_answer_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    path = tmp_path / "answer.txt"
    if kind == "folder":
        path.mkdir()
    elif kind == "binary":
        path.write_bytes(b"I did not match\n\xff\xfe in 2022")
    elif kind == "empty":
        path.write_text("  \n")
    code = main(["practice", "--question", "why_now", "--answer-file", str(path)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err
    if kind == "binary":
        assert "not valid UTF-8" in err and ":2:" in err


def test_answer_from_standard_input_without_textual(home: Path) -> None:
    code = (
        "import sys\n"
        "from matchtui.cli import main\n"
        "rc = main(['--home', sys.argv[1], 'practice', '--question', 'why_region',"
        " '--answer-file', '-', '--json'])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual imported'\n"
        "raise SystemExit(rc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(home)],
        input="I love your city. The weather is great.",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {c["id"]: c["status"] for c in data["checks"]}["ties"] == "fail"


def test_the_global_today_is_the_date_a_named_year_is_recent_against(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = tmp_path / "step3.txt"
    answer.write_text(
        "I took Step 3 in August 2025 and passed with a 228. Programs want proof that my "
        "knowledge is current. I will keep studying as an intern.",
        encoding="utf-8",
    )
    args = ["practice", "--question", "step3_status", "--answer-file", str(answer), "--json"]
    readiness: dict[str, str] = {}
    for day in ("2026-12-03", "2031-01-05"):
        assert main(["--today", day, *args]) == 0
        checks = json.loads(capsys.readouterr().out)["checks"]
        readiness[day] = next(c["status"] for c in checks if c["id"] == "readiness")
    assert readiness == {"2026-12-03": "pass", "2031-01-05": "warn"}


def test_an_empty_answer_on_standard_input_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty answer piped in was named '-: the answer is empty'."""
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    assert main(["practice", "--question", "why_now", "--answer-file", "-"]) == 2
    assert capsys.readouterr().err == "matchtui: error: <standard input>: the answer is empty\n"
