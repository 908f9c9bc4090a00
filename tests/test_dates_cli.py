"""`matchtui dates` and the global `--today`: dates with reliability, source and days left."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matchtui.cli import main


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(list(argv)) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_dates_json_for_the_next_match(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    # the Match one can still apply to on that day (with no profile, see
    # tests/test_dates_without_profile.py: the demo's Match, which the app opens on)
    data = run_json(capsys, "--today", "2027-02-20", "dates", "--year", "2028", "--json")
    assert data["match_year"] == 2028 and data["today"] == "2027-02-20"
    assert data["phase"] == "preparing"
    assert not (home / "profile.toml").exists()  # listing dates writes nothing
    dates = data["dates"]
    assert isinstance(dates, list) and len(dates) == 12
    for date in dates:
        assert set(date) == {
            "id",
            "label",
            "date",
            "at",
            "days_from_today",
            "source",
            "reliability",
            "derived",
        }
        assert date["derived"] is True and date["reliability"] == "assumption"
    nxt = data["next_event"]
    assert isinstance(nxt, dict) and nxt["id"] == "eras_opens" and nxt["date"] == "2027-06-02"
    assert nxt["days_from_today"] == 102
    deadline = data["next_deadline"]  # the first event flagged as a deadline
    assert isinstance(deadline, dict) and deadline["id"] == "submit_opens"
    assert deadline["date"] == "2027-09-01" and deadline["days_from_today"] == 193


def test_dates_json_for_a_given_year(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--today", "2027-02-20", "dates", "--year", "2027", "--json")
    assert data["phase"] == "ranking"
    by_id = {d["id"]: d for d in data["dates"]}  # type: ignore[union-attr]
    assert by_id["rank_deadline"]["date"] == "2027-03-03"
    assert by_id["rank_deadline"]["reliability"] == "third_party"
    assert by_id["rank_deadline"]["days_from_today"] == 11
    assert by_id["eras_opens"]["days_from_today"] < 0  # in the past: negative, never ahead
    assert data["next_deadline"]["id"] == "rank_deadline"  # type: ignore[index]
    past = run_json(capsys, "--today", "2027-07-01", "dates", "--year", "2027", "--json")
    assert past["phase"] == "after_match" and past["next_deadline"] is None


def test_dates_follow_the_saved_profile(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    assert main(["--today", "2026-11-30", "assess", "--json"]) == 0  # seeds the demo profile
    capsys.readouterr()
    data = run_json(capsys, "--today", "2026-11-30", "dates", "--json")
    assert data["match_year"] == 2027 and data["phase"] == "interview_season"


def test_dates_text_lists_reliability_source_and_days(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--today", "2026-11-30", "dates", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "The 2026 Match, as of 30 Nov 2026: after the Match" in out
    assert "Cycles today: 2027 (interview season), 2028 (preparing" in out
    assert "Reliability" in out and "Source" in out
    soap = next(line for line in out.splitlines() if "SOAP ends" in line)
    assert "19 Mar 2026" in soap and "256 days ago" in soap and "official" in soap
    assert "nrmp_dates_2026" in soap
    assert " in " not in soap  # a past date is never "in N days"
    assert main(["--today", "2026-11-30", "dates", "--year", "2028"]) == 0
    out = capsys.readouterr().out
    assert "derived, our assumption" in out and "Derived dates" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["--today", "2026-02-30", "dates"],
        ["--today", "tomorrow", "dates"],
        ["dates", "--year", "20x7"],
        ["dates", "--year", "1999"],
    ],
)
def test_bad_day_or_year_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error" in err
