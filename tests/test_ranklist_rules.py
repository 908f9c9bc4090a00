"""Rank list rules and the `matchtui ranklist` commands: NRMP limits and fees, couples files,
resolution against the tracker, warnings, the suggested order and the SOAP kit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchtui.cli import main
from matchtui.engine.ranklist import (
    Tracker,
    check,
    extra_code_fee,
    is_stopped,
    ranklist_data,
    resolve,
    simulate,
    soap_days,
    soap_kit,
    stopped_indices,
    suggest_order,
)
from matchtui.models.programs import Program, ProgramList
from matchtui.models.ranklist import RankEntry, RankItem
from matchtui.store import PROGRAMS, Store


def write_ranks(path: Path, programs: list[str], chance: float | None = None) -> Path:
    lines = []
    for name in programs:
        lines += ["[[ranks]]", f'program = "{name}"']
        if chance is not None:
            lines.append(f"chance = {chance}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def tracker_file(home: Path) -> None:
    programs = [
        Program(
            name="Alpha Medical Center",
            state="NY",
            specialty="internal_medicine",
            tier="academic",
            status="interviewed",
            notes="Strong fellowships",
        ),
        Program(
            name="Beta Community Hospital",
            state="OH",
            specialty="family_medicine",
            tier="community",
            status="interviewed",
            notes="Close to family",
        ),
        Program(
            name="Gamma Prelim",
            state="TX",
            specialty="preliminary_medicine",
            tier="mid_tier",
            status="applied",
        ),
    ]
    Store(home).save(PROGRAMS, ProgramList(programs=programs))


def names(n: int) -> list[str]:
    return [f"Program {i:03d}" for i in range(n)]


# --- the NRMP limits ------------------------------------------------------------------------------


def test_301_ranks_refused_with_the_rule_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_ranks(tmp_path / "list.toml", names(301))
    assert main(["ranklist", "check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "max_ranks" in err and "301 ranks" in err and "300" in err
    assert str(path) in err


def test_300_ranks_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_ranks(tmp_path / "list.toml", names(300), chance=0.1)
    assert main(["ranklist", "check", str(path)]) == 0
    assert "300 ranks" in capsys.readouterr().out


def test_25_codes_cost_150_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], catalog: Any
) -> None:
    assert extra_code_fee(25, ranklist_data(catalog)) == 150
    assert extra_code_fee(20, ranklist_data(catalog)) == 0
    path = write_ranks(tmp_path / "list.toml", names(25), chance=0.3)
    assert main(["ranklist", "simulate", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["unique_codes"] == 25
    assert out["extra_code_fee_usd"] == 150
    assert "extra_codes" in {w["id"] for w in out["warnings"]}


def test_simulate_json_is_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.toml"
    path.write_text(
        '[[ranks]]\nprogram = "Alpha"\nchance = 0.3\n\n[[ranks]]\nprogram = "1234140C0"\n'
        'chance = 0.2\n\n[[ranks]]\nprogram = "Beta"\nchance = 0.5\n',
        encoding="utf-8",
    )
    assert main(["ranklist", "simulate", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"ranks", "p_unmatched", "unique_codes", "extra_code_fee_usd", "warnings"}
    assert [set(r) for r in out["ranks"]] == [
        {"rank", "program", "chance", "p_match_here", "p_cumulative"}
    ] * 3
    assert [r["p_match_here"] for r in out["ranks"]] == [0.3, 0.14, 0.28]
    assert [r["p_cumulative"] for r in out["ranks"]] == [0.3, 0.44, 0.72]
    assert out["p_unmatched"] == 0.28
    assert {w["id"] for w in out["warnings"]} == {"short_list_low_chance"}
    assert all(set(w) == {"id", "text"} for w in out["warnings"])


def test_simulate_text_states_the_assumption(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_ranks(tmp_path / "list.toml", ["Alpha", "Beta"])
    assert main(["ranklist", "simulate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "independent" in out
    assert "worked out by matchtui (an assumption)" in out
    assert "One more program" in out


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ('[[ranks]]\nprogram = "12345"\n', "bad_program"),
        ('[[ranks]]\nprogram = "2024"\n', "bad_program"),
        ('[[ranks]]\nprogram = "Alpha"\n\n[[ranks]]\nprogram = "alpha "\n', "duplicate_program"),
    ],
)
def test_bad_lists_name_the_rule_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, rule: str
) -> None:
    path = tmp_path / "list.toml"
    path.write_text(body, encoding="utf-8")
    assert main(["ranklist", "check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert rule in err
    last = body.rstrip("\n").count("\n") - 0
    assert f"{path}:{last}:" in err or f"{path}:1:" in err


def test_chance_out_of_range_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.toml"
    path.write_text('[[ranks]]\nprogram = "Alpha"\nchance = 1.5\n', encoding="utf-8")
    assert main(["ranklist", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:3:" in err and "chance" in err


def test_unknown_but_well_formed_program_is_fine_in_a_plain_list(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tracker_file(home)
    path = write_ranks(
        tmp_path / "list.toml", ["Alpha Medical Center", "Not In Tracker", "1234140C0"]
    )
    assert main(["ranklist", "check", str(path)]) == 0


def test_a_typo_in_a_name_is_warned_with_the_nearest_tracked_name(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found trying a rank list with 'Badgr University IM' for a tracked 'Badger University
    IM': the typo was ranked at a default chance and nothing said so."""
    tracker_file(home)
    ranks = ["Alpha Medical Center", "Beta Comunity Hospital", "Not In Tracker", "1234140C0"]
    path = write_ranks(tmp_path / "list.toml", ranks)
    assert main(["ranklist", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        "Not in your program list (programs.toml): rank 2 'Beta Comunity Hospital' (did you "
        "mean 'Beta Community Hospital'?); rank 3 'Not In Tracker'; rank 4 '1234140C0'." in out
    )
    assert main(["ranklist", "simulate", str(path), "--json"]) == 0
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    assert "not_in_tracker" in {w["id"] for w in warnings}
    many = write_ranks(tmp_path / "many.toml", [f"Elsewhere {i}" for i in range(5)])
    assert main(["ranklist", "check", str(many)]) == 0
    assert "rank 3 'Elsewhere 2', and 2 more." in capsys.readouterr().out


def test_the_cli_checks_the_hard_stops_the_pane_keeps(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found checking a rank list from the command line: a program marked as a hard stop in the
    Rank list pane (kept in plan.toml) was 'ok' there, while the pane and the report named it
    as a rule break. The CLI now refuses it as they do, naming the file, the line and the rule;
    a list without it passes."""
    from matchtui.models.plan import PlanFile
    from matchtui.models.ranklist import RanklistState
    from matchtui.workspace import Workspace

    tracker_file(home)
    state = RanklistState(hard_stops=["beta  community hospital"])
    Workspace.from_options(home).save_plan(PlanFile(ranklist=state))
    path = write_ranks(tmp_path / "list.toml", ["Alpha Medical Center", "Beta Community Hospital"])
    for action in ("check", "simulate"):
        assert main(["ranklist", action, str(path)]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1
        assert f"{path}:4: [ranks[1]] hard_stop:" in err
        assert "'Beta Community Hospital' is one of your hard stops" in err
    kept = write_ranks(tmp_path / "kept.toml", ["Alpha Medical Center"])
    assert main(["ranklist", "check", str(kept)]) == 0
    assert "ok, 1 rank, 1 program code (20 included)" in capsys.readouterr().out


def test_without_a_file_the_cli_reads_the_list_the_pane_saved(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found as an applicant who built a rank list in the app: `ranklist check` and `simulate`
    needed a FILE of [[ranks]], and plan.toml, where the pane keeps the list, was refused. With
    no FILE they now read the pane's list with its hard stops, naming plan.toml's line."""
    from matchtui.models.plan import PlanFile
    from matchtui.models.ranklist import RanklistState
    from matchtui.workspace import Workspace

    tracker_file(home)
    workspace = Workspace.from_options(home)
    plan = home / "plan.toml"
    assert main(["ranklist", "check"]) == 2  # nothing saved yet
    err = capsys.readouterr().err.strip()
    assert (
        err.endswith(
            "no rank list saved yet: build one in the app's Rank list pane, or give a FILE with "
            "[[ranks]]"
        )
        and str(plan) in err
    )
    items = [RankItem(program="Alpha Medical Center"), RankItem(program="Beta Community Hospital")]
    workspace.save_plan(PlanFile(ranklist=RanklistState(items=items)))
    assert main(["ranklist", "check"]) == 0
    assert f"{plan}: ok, 2 ranks, 2 program codes (20 included), extra fee $0" in (
        capsys.readouterr().out
    )
    assert main(["ranklist", "simulate", "--json"]) == 0
    sim = json.loads(capsys.readouterr().out)
    assert [r["program"] for r in sim["ranks"]] == [
        "Alpha Medical Center",
        "Beta Community Hospital",
    ]
    state = RanklistState(items=items, hard_stops=["Beta Community Hospital"])
    workspace.save_plan(PlanFile(ranklist=state))
    for action in ("check", "simulate"):
        assert main(["ranklist", action]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1
        assert f"{plan}:" in err and "[ranklist.items[1]] hard_stop:" in err
    assert main(["ranklist", "simulate", "--couple"]) == 2
    assert f"{plan}: no couples list saved yet" in capsys.readouterr().err


def test_no_tracker_no_unknown_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_ranks(tmp_path / "list.toml", ["Anywhere General"])
    assert main(["ranklist", "check", str(path)]) == 0
    assert "Not in your program list" not in capsys.readouterr().out


# --- couples --------------------------------------------------------------------------------------

COUPLES = """[[pairs]]
a = "Alpha Medical Center"
b = "Beta Community Hospital"
a_chance = 0.5
b_chance = 0.4

[[pairs]]
a = "Alpha Medical Center"
b = "no_match"

[[pairs]]
a = "no_match"
b = "Beta Community Hospital"
"""


def couples_file(tmp_path: Path, home: Path, text: str = COUPLES) -> Path:
    """A couples file beside the tracker's programs."""
    tracker_file(home)
    path = tmp_path / "couple.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_couples_simulate_json(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = couples_file(tmp_path, home)
    assert main(["ranklist", "simulate", str(path), "--couple", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    warnings = out.pop("warnings")
    assert out.pop("published").startswith("For scale: ")
    assert out == {
        "p_both": 0.2,
        "p_only_a": 0.3,
        "p_only_b": 0.2,
        "p_neither": 0.3,
        "method": "exact",
        "error": 0.0,
    }
    assert [w["id"] for w in warnings] == ["high_unmatched"]  # both chances given, interviewed


def test_couples_text_states_the_couples_assumption(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A couples run printed the single list's assumption (P(match at rank k) = c_k x ...)."""
    path = couples_file(tmp_path, home)
    assert main(["ranklist", "simulate", str(path), "--couple"]) == 0
    out = capsys.readouterr().out
    assert "first pair, in rank order" in out and "No-Match" in out
    assert "P(match at rank k)" not in out


def test_couples_unknown_program_refused_with_the_line(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = couples_file(tmp_path, home, COUPLES.replace('b = "no_match"', 'b = "Nowhere General"'))
    assert main(["ranklist", "check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"{path}:7:" in err and "unknown_program" in err and "Nowhere General" in err
    assert "add it first (matchtui programs add" in err  # nothing tracked is near it


def test_couples_unknown_program_names_the_tracked_one_meant(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A misspelt partner's program was refused without the name meant, which a plain rank
    list's warning gives."""
    path = couples_file(
        tmp_path, home, COUPLES.replace('b = "no_match"', 'b = "Beta Comunity Hospital"')
    )
    assert main(["ranklist", "check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith("did you mean 'Beta Community Hospital'?"), err


def test_couples_malformed_pair_refused_with_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "couple.toml"
    path.write_text(COUPLES.replace('b = "no_match"\n', ""), encoding="utf-8")
    assert main(["ranklist", "check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert f"{path}:7:" in err and "pairs[1].b" in err and "missing" in err


def test_couples_both_no_match_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "couple.toml"
    path.write_text(
        '[[pairs]]\na = "Alpha"\nb = "Beta"\n\n[[pairs]]\na = "no_match"\nb = "no_match"\n'
    )
    assert main(["ranklist", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:5:" in err and "pair_both_no_match" in err


def test_couple_flag_needs_pairs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_ranks(tmp_path / "list.toml", ["Alpha"])
    assert main(["ranklist", "simulate", str(path), "--couple"]) == 2
    assert "[[pairs]]" in capsys.readouterr().err


def test_missing_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ranklist", "check", str(tmp_path / "nope.toml")]) == 2
    assert "file not found" in capsys.readouterr().err


# --- engine: tracker, warnings, suggested order, SOAP ---------------------------------------------


def test_tracker_before_and_after_the_tracker_fields(catalog: Any) -> None:
    data = ranklist_data(catalog)
    # Today's Program (no nrmp_code, no track) and a future one, as a plain object.
    old = Program(name="Alpha", state="NY", specialty="internal_medicine", tier="academic")
    new = Program(
        name="Delta Advanced Radiology",
        nrmp_code="1234420A0",
        track="advanced",
        tier="academic",
        specialty="diagnostic_radiology",
        state="CA",
        city="",
        status="interviewed",
        notes="",
    )
    prelim = Program(
        name="Echo Prelim",
        nrmp_code="7654140P1",
        track="preliminary",
        tier="community",
        specialty="preliminary_medicine",
        state="CA",
        city="",
        status="interviewed",
        notes="",
    )
    tracker = Tracker.of([old, new, prelim])
    entries = [
        RankEntry(program="1234420A0"),
        RankEntry(program="alpha"),
        RankEntry(program="Echo Prelim"),
    ]
    resolved = resolve(entries, tracker, data)
    assert [r.label for r in resolved] == ["Delta Advanced Radiology", "Alpha", "Echo Prelim"]
    # Alpha is still planned: no interview there, so no chance (the others by their tier).
    assert [r.chance_source for r in resolved] == ["tier default", "no interview", "tier default"]
    assert resolved[0].chance == data.chances.academic.value
    assert resolved[1].chance == 0.0
    sim = simulate(resolved, data)
    ids = {w.id: w.text for w in sim.warnings}
    assert "supplemental_needed" in ids
    assert "preliminary-plus-advanced" in ids["supplemental_needed"]
    assert [p.name for p in tracker.interviewed()] == ["Delta Advanced Radiology", "Echo Prelim"]


def test_hard_stop_on_the_list_is_a_violation(catalog: Any) -> None:
    data = ranklist_data(catalog)
    entries = [RankEntry(program="Alpha"), RankEntry(program="Beta")]
    found = check(entries, Tracker(), data, hard_stops=["beta"])
    assert [(v.id, v.index) for v in found] == [("hard_stop", 1)]


def test_suggested_order_weights_and_hard_stops() -> None:
    items = [
        RankItem(program="Near home", scores={"location": 5, "training": 1}),
        RankItem(program="Great training", scores={"location": 1, "training": 5}),
        RankItem(program="Never", scores={"location": 5, "training": 5}),
    ]
    order, dropped = suggest_order(items, {"location": 1, "training": 4}, ["never"])
    assert [i.program for i in order] == ["Great training", "Near home"]
    assert [i.program for i in dropped] == ["Never"]
    order, _ = suggest_order(items, {"location": 4, "training": 1}, ["never"])
    assert [i.program for i in order] == ["Near home", "Great training"]
    # Stable: applying the suggestion again changes nothing.
    again, _ = suggest_order(order, {"location": 4, "training": 1})
    assert again == order


REFS = ["Alpha Medical Center", "alpha  medical center", "1234140C0", "Beta", "Gamma Prelim"]
STOP_TRACKER = Tracker.of(
    [
        Program(
            name="Alpha Medical Center",
            nrmp_code="1234140C0",
            state="NY",
            specialty="internal_medicine",
            tier="academic",
            status="interviewed",
        )
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(REFS), max_size=8), st.lists(st.sampled_from(REFS), max_size=3))
def test_stopped_indices_are_the_items_is_stopped_holds_for(
    refs: list[str], stops: list[str]
) -> None:
    """The criteria tab dims the items `stopped_indices` gives (the stops read once for the
    whole list, none looked up when there are no stops): the same as `is_stopped` item by item
    (by name, by NRMP code through the tracker, case and spaces aside)."""
    items = [RankItem(program=ref) for ref in refs]
    expected = {i for i, item in enumerate(items) if is_stopped(item, stops, STOP_TRACKER)}
    assert stopped_indices(items, stops, STOP_TRACKER) == expected


def test_the_odds_and_the_rules_do_not_read_scores(catalog: Any) -> None:
    """The Rank list pane redraws only the criteria and compare tabs after a score or weight
    change: the odds and the rules must not depend on them."""
    data = ranklist_data(catalog)
    plain = [RankItem(program=ref) for ref in [*REFS, "Delta"]]
    scored = [
        item.model_copy(update={"scores": {"location": i % 6, "life": 5 - i % 6}})
        for i, item in enumerate(plain)
    ]
    assert resolve(scored, STOP_TRACKER, data) == resolve(plain, STOP_TRACKER, data)
    assert simulate(resolve(scored, STOP_TRACKER, data), data) == simulate(
        resolve(plain, STOP_TRACKER, data), data
    )
    stops = ["Beta"]
    assert check(scored, STOP_TRACKER, data, hard_stops=stops) == check(
        plain, STOP_TRACKER, data, hard_stops=stops
    )


def test_soap_kit(catalog: Any) -> None:
    programs = [
        Program(
            state="NY",
            name="Cardiology Fellowship Track",
            track="categorical",
            tier="academic",
            specialty="dermatology",
            status="interviewed",
        ),
        Program(
            state="NY",
            name="Family Med",
            track="categorical",
            tier="community",
            specialty="family_medicine",
            status="applied",
        ),
        Program(
            state="NY",
            name="TY Program",
            track="transitional",
            tier="community",
            specialty="transitional_year",
            status="applied",
        ),
        Program(
            state="NY",
            name="Gone",
            track="preliminary",
            tier="community",
            specialty="preliminary_medicine",
            status="withdrawn",
        ),
    ]
    kit = soap_kit(catalog, Tracker.of(programs), 2026)
    assert [p.name for p in kit.programs] == [
        "TY Program",
        "Family Med",
        "Cardiology Fellowship Track",
    ]
    assert kit.application_limit == 45
    assert "Mon 16 Mar" in kit.days.label and kit.days.reliability == "primary"
    facts = {what: (value, rel) for what, value, rel in kit.facts}
    assert facts["Answer window"][0].startswith("2 hours")
    assert facts["Offer rounds"][0].startswith("4")
    assert {r.id for r in kit.routes} >= {"off_cycle"}
    assert kit.documents
    assert "derived" in soap_days(catalog, 2027).label
    assert "derived" in soap_days(catalog, 2031).label


# --- fuzz: any file gives exit 0 or 2 with one line, never a traceback ----------------------------

VALUES = st.sampled_from(
    [
        '"Alpha"',
        '"no_match"',
        '"1234140C0"',
        '"12345"',
        '""',
        '"\\u001b[31mred"',
        '"[bold]x[/bold]"',
        "0.5",
        "-1",
        "1e309",
        "nan",
        "true",
        "[]",
        "{}",
        "1979-05-27",
    ]
)
KEYS = st.sampled_from(["program", "chance", "a", "b", "a_chance", "b_chance", "other"])


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    section=st.sampled_from(["ranks", "pairs", "other"]),
    entries=st.lists(st.lists(st.tuples(KEYS, VALUES), max_size=4), max_size=5),
    action=st.sampled_from(
        [["check"], ["simulate"], ["simulate", "--json"], ["simulate", "--couple"]]
    ),
)
def test_fuzzed_files_exit_0_or_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    section: str,
    entries: list[list[tuple[str, str]]],
    action: list[str],
) -> None:
    lines = []
    for entry in entries:
        lines.append(f"[[{section}]]")
        lines += [f"{k} = {v}" for k, v in dict(entry).items()]
    path = tmp_path / "fuzz.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["ranklist", action[0], str(path), *action[1:]])
    out, err = capsys.readouterr()
    assert code in (0, 2), err
    if code == 2:
        assert len(err.strip().splitlines()) == 1 and "\x1b" not in err
    assert "\x1b" not in out


def test_couples_a_program_is_one_event_with_the_applicants_own_chance(catalog: Any) -> None:
    from matchtui.engine.ranklist import couples_odds, resolve_pairs
    from matchtui.models.ranklist import PairEntry

    data = ranklist_data(catalog)
    pairs = [
        PairEntry(a="Alpha", b="no_match"),  # no chance here: the default would be 20%
        PairEntry(a="no_match", b="Beta", b_chance=0.5),
        PairEntry(a="Alpha", b="Gamma", a_chance=0.6, b_chance=1.0),
    ]
    result = couples_odds(resolve_pairs(pairs, Tracker(), data), data)
    # Alpha's chance is 0.6 everywhere: only A at pair 1 with 0.6; else only B with 0.4 x 0.5.
    assert result.p_only_a == pytest.approx(0.6)
    assert result.p_only_b == pytest.approx(0.2)
    assert result.p_both == pytest.approx(0.0)
    assert result.p_neither == pytest.approx(0.2)


def test_a_rank_with_no_interview_on_record_counts_as_no_chance(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found ranking a program the program list marks rejected: it was given its tier's 35%
    and the list's odds counted on it. Programs rank only the applicants they interviewed, so
    a rejected rank counts as none, and so does one applied to with no invitation (it kept
    its chance until the audit found three such ranks giving P(match) 77%); a chance the
    applicant gives does not change that. One whose interview is still to come keeps its
    chance and is named."""
    tracker_file(home)
    Store(home).save(
        PROGRAMS,
        ProgramList(
            programs=[
                *Store(home).load(PROGRAMS, ProgramList).programs,
                Program(
                    name="Delta Health",
                    state="GA",
                    specialty="family_medicine",
                    tier="community",
                    status="rejected",
                ),
                Program(
                    name="Epsilon FM",
                    state="NC",
                    specialty="family_medicine",
                    tier="community",
                    status="scheduled",
                ),
            ]
        ),
    )
    ranks = ["Alpha Medical Center", "Delta Health", "Gamma Prelim", "Epsilon FM"]
    path = write_ranks(tmp_path / "list.toml", ranks)
    assert main(["ranklist", "simulate", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    chances = [(r["program"], r["chance"]) for r in data["ranks"]]
    assert chances[1] == ("Delta Health", 0.0)
    assert chances[2] == ("Gamma Prelim", 0.0)  # applied, no invitation
    assert chances[3][1] > 0  # scheduled: the interview is to come
    texts = {w["id"]: w["text"] for w in data["warnings"]}
    assert "rank 2 'Delta Health' (rejected)." in texts["no_interview"]
    assert "rank 3 'Gamma Prelim' (applied, no invitation)." in texts["interview_not_recorded"]
    assert "rank 4 'Epsilon FM' (interview scheduled)" in texts["interview_pending"]
    # A number of the applicant's own does not make the program rank them; the warning says so.
    own = write_ranks(tmp_path / "own.toml", ["Delta Health"], chance=0.1)
    assert main(["ranklist", "simulate", str(own), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ranks"][0]["chance"] == 0.0 and data["p_unmatched"] == 1.0
    texts = {w["id"]: w["text"] for w in data["warnings"]}
    assert "whatever chance is given" in texts["no_interview"]


def test_counts_of_one_are_singular(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'Only 1 ranks' read in the pane's warnings (found with one interviewed program)."""
    tracker_file(home)
    path = write_ranks(tmp_path / "list.toml", ["Alpha Medical Center"])
    assert main(["ranklist", "simulate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Only 1 rank," in out and "1 ranks" not in out


def test_the_no_interview_note_names_the_statuses_the_code_reads(catalog: Any) -> None:
    """The note of the no-interview chance names the stages the code counts as no chance
    (planned, applied, rejected, withdrawn) and says an interview to come keeps its chance."""
    from matchtui.engine.ranklist import INTERVIEW_PENDING, NOT_INTERVIEWED

    note = ranklist_data(catalog).chances.no_interview.note
    assert all(status in note for status in NOT_INTERVIEWED)
    assert all(status in note for status in INTERVIEW_PENDING)
    assert "keeps its chance" in note
