"""The applications tracker engine: stage order, today, yields, costs, the schema-2 migration."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from matchtui.engine.tracker import (
    Filters,
    MoveError,
    eras_fee_for,
    ledger,
    move,
    summary,
    today_view,
    visible,
    yields,
)
from matchtui.models.programs import CostEntry, Program, migrate_1_to_2

TODAY = dt.date(2026, 11, 30)


def prog(name: str = "Alpha", **kw: Any) -> Program:
    base: dict[str, Any] = {
        "name": name,
        "state": "NY",
        "specialty": "internal_medicine",
        "tier": "community",
    }
    return Program.model_validate({**base, **kw})


def test_a_program_moves_through_every_stage_in_order() -> None:
    p = prog()
    p = move(p, "applied", dt.date(2026, 9, 24), today=TODAY)
    p = move(p, "invited", dt.date(2026, 10, 10), today=TODAY, respond_by=dt.date(2026, 10, 13))
    p = move(p, "scheduled", dt.date(2026, 11, 20), today=TODAY, interview_format="virtual")
    p = move(p, "interviewed", dt.date(2026, 11, 20), today=TODAY)
    p = move(p, "thanked", dt.date(2026, 11, 21), today=TODAY)
    p = move(p, "second_look", dt.date(2026, 11, 28), today=TODAY)
    p = move(p, "ranked", today=TODAY)
    assert p.status == "ranked"
    assert (p.applied_on, p.invited_on, p.respond_by) == (
        dt.date(2026, 9, 24),
        dt.date(2026, 10, 10),
        dt.date(2026, 10, 13),
    )
    assert p.interview_on == p.interviewed_on == dt.date(2026, 11, 20)
    assert p.interview_format == "virtual"
    assert p.thank_you_on == dt.date(2026, 11, 21)
    assert p.second_look_on == dt.date(2026, 11, 28)
    assert p.ranked_on == TODAY
    assert move(p, "withdrawn", today=TODAY).status == "withdrawn"


def test_a_future_interviewed_date_is_an_error_with_a_clear_message() -> None:
    p = prog(status="scheduled", invited_on=dt.date(2026, 10, 1), interview_on=dt.date(2026, 12, 5))
    with pytest.raises(MoveError) as err:
        move(p, "interviewed", dt.date(2026, 12, 5), today=TODAY)
    message = str(err.value)
    assert "2026-12-05 is in the future" in message and "today is 2026-11-30" in message
    # the same date is fine once it has passed
    assert move(p, "interviewed", today=dt.date(2026, 12, 5)).interviewed_on == dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("status", "stage"),
    [
        ("planned", "interviewed"),
        ("applied", "thanked"),
        ("applied", "scheduled"),
        ("rejected", "invited"),
        ("withdrawn", "applied"),
        ("ranked", "invited"),
    ],
)
def test_senseless_moves_are_refused(status: str, stage: str) -> None:
    with pytest.raises(MoveError, match=r"cannot|final"):
        move(prog(status=status), stage, dt.date(2026, 10, 1), today=TODAY)


def test_a_stage_cannot_be_dated_before_the_one_it_follows() -> None:
    p = prog(status="applied", applied_on=dt.date(2026, 9, 24))
    with pytest.raises(MoveError, match="comes before applied on 2026-09-24"):
        move(p, "invited", dt.date(2026, 9, 1), today=TODAY)
    with pytest.raises(MoveError, match="not a stage"):
        move(p, "dancing", today=TODAY)


def test_scheduling_can_lie_ahead_and_can_be_moved() -> None:
    p = prog(status="invited", invited_on=dt.date(2026, 10, 1))
    p = move(p, "scheduled", dt.date(2027, 1, 8), today=TODAY)
    p = move(p, "scheduled", dt.date(2027, 1, 15), today=TODAY)
    assert p.interview_on == dt.date(2027, 1, 15)


def test_today_view_waiting_upcoming_clashes_and_thanks() -> None:
    now = dt.datetime(2026, 11, 30, 12, 0)
    programs = [
        prog(
            "Waits",
            status="invited",
            invited_on=dt.date(2026, 11, 28),
            respond_by=dt.date(2026, 12, 1),
        ),
        prog("Soon A", status="scheduled", interview_on=dt.date(2026, 12, 3)),
        prog("Soon B", status="scheduled", interview_on=dt.date(2026, 12, 3)),
        prog("Later", status="scheduled", interview_on=dt.date(2027, 1, 20)),
        prog("Later too", status="scheduled", interview_on=dt.date(2027, 1, 20)),
        prog("Past", status="scheduled", interview_on=dt.date(2026, 11, 1)),
        prog("Owes thanks", status="interviewed", interviewed_on=dt.date(2026, 11, 25)),
        prog("Thanked", status="thanked", thank_you_on=dt.date(2026, 11, 26)),
        # Moved to second look straight from the interview: the note is still not sent (it
        # dropped off the list); a ranked program is past it.
        prog("Second look, no note", status="second_look", interviewed_on=dt.date(2026, 11, 20)),
        prog("Ranked, no note", status="ranked", interviewed_on=dt.date(2026, 11, 2)),
    ]
    view = today_view(programs, now)
    assert [w.name for w in view.waiting] == ["Waits"]
    assert view.waiting[0].hours_left == pytest.approx(36.0)  # to midnight after Dec 1
    assert [(u.name, u.days) for u in view.upcoming] == [("Soon A", 3), ("Soon B", 3)]
    assert [(c.on, c.names) for c in view.clashes] == [
        (dt.date(2026, 12, 3), ("Soon A", "Soon B")),
        (dt.date(2027, 1, 20), ("Later", "Later too")),
    ]
    assert [name for _, name, _ in view.thank_you_due] == ["Owes thanks", "Second look, no note"]


def test_yields_by_signal_tier_and_target_region(catalog: Any) -> None:
    programs = [
        prog("G1", signal="gold", status="invited", tier="academic"),
        prog("G2", signal="gold", status="rejected", tier="academic"),
        prog("S1", signal="silver", status="interviewed", state="CA"),
        prog("N1", status="applied", state="CA"),
        prog("N2", status="applied", state="TX"),
        prog("N3", status="scheduled", state="TX"),
        prog("P", status="planned"),  # not applied: left out
    ]
    got = yields(programs, catalog.region_of_state, "northeast")
    assert got.overall.applied == 6 and got.overall.invited == 3
    assert (got.by_signal["gold"].applied, got.by_signal["gold"].invited) == (2, 1)
    assert got.by_signal["gold"].rate == 0.5
    assert got.by_signal["signal"].rate is None  # nothing applied: no rate, not 0%
    assert (got.by_signal["none"].applied, got.by_signal["none"].invited) == (3, 1)
    assert (got.in_target.applied, got.in_target.invited) == (2, 1)
    assert (got.outside_target.applied, got.outside_target.invited) == (4, 2)
    assert (got.by_tier["academic"].applied, got.by_tier["community"].invited) == (2, 2)
    assert got.by_region["west"].text() == "1/2 (50%)"


def test_yields_by_census_division(catalog: Any) -> None:
    programs = [
        prog("NY1", status="invited"),  # Middle Atlantic
        prog("NY2", status="applied"),
        prog("CA1", status="interviewed", state="CA"),  # Pacific
        prog("TX1", status="applied", state="TX"),  # West South Central
    ]
    got = yields(programs, catalog.region_of_state, "northeast", catalog.division_of_state)
    assert got.by_division["middle_atlantic"].text() == "1/2 (50%)"
    assert (got.by_division["pacific"].applied, got.by_division["pacific"].invited) == (1, 1)
    assert got.by_division["west_south_central"].invited == 0


def test_eras_fee_examples_from_figures(catalog: Any) -> None:
    # AAMC's worked examples for the 2026 schedule: 43 IM + 7 radiology = $797; 30 programs = $330.
    im = eras_fee_for(catalog, "internal_medicine", 43, 2026)
    dr = eras_fee_for(catalog, "diagnostic_radiology", 7, 2026)
    assert (im, dr, im + dr) == (720, 77, 797)
    assert eras_fee_for(catalog, "internal_medicine", 30, 2026) == 330
    assert eras_fee_for(catalog, "internal_medicine", 30, 2024) == 519


def test_ledger_eras_nrmp_and_own_entries_by_kind_and_month(catalog: Any) -> None:
    programs = [
        prog(f"IM {i}", status="applied", applied_on=dt.date(2026, 9, 24)) for i in range(43)
    ] + [
        prog(
            f"DR {i}",
            specialty="diagnostic_radiology",
            status="applied",
            applied_on=dt.date(2026, 10, 2),
        )
        for i in range(7)
    ]
    programs[0] = programs[0].model_copy(
        update={
            "costs": [
                CostEntry(kind="travel", usd=320.5, date=dt.date(2026, 12, 2), note="flight"),
                CostEntry(kind="lodging", usd=150, date=dt.date(2026, 12, 2)),
            ]
        }
    )
    book = ledger(programs, catalog, 2026)
    assert book.eras == 797
    assert book.nrmp == 85  # registration; no ranks yet
    assert book.own == pytest.approx(470.5)
    assert book.total == pytest.approx(797 + 85 + 470.5)
    kinds = book.by_kind()
    assert kinds["travel"] == 320.5 and kinds["lodging"] == 150 and kinds["other"] == 0
    months = book.by_month()
    assert months["2026-09"] == 720 and months["2026-10"] == 77 and months["2026-12"] == 470.5
    assert list(months)[-1] == "undated"
    assert all(line.source for line in book.lines if line.kind in ("eras", "nrmp"))


def test_nrmp_extra_codes_beyond_twenty(catalog: Any) -> None:
    programs = [prog(f"R {i}", status="ranked") for i in range(23)]
    book = ledger(programs, catalog, 2026)
    assert book.nrmp == 85 + 3 * 30


def test_no_eras_fee_for_specialties_that_apply_elsewhere(catalog: Any) -> None:
    """Emergency medicine and OB/GYN apply through ResidencyCAS, not ERAS: the tracker charged
    them the ERAS schedule ($55 for 2 EM + 1 OB/GYN + 2 IM, where only IM's $22 is ERAS's),
    against the Mix pane, which names the service and counts no fee."""
    services = {
        s: catalog.specialties[s].application_service for s in ("emergency_medicine", "obgyn")
    }
    assert set(services.values()) == {"residencycas"}
    programs = [
        prog("EM 1", specialty="emergency_medicine", status="applied"),
        prog("EM 2", specialty="emergency_medicine", status="interviewed"),
        prog("OB 1", specialty="obgyn", status="applied"),
        prog("IM 1", status="applied"),
        prog("IM 2", status="rejected"),
    ]
    book = ledger(programs, catalog, 2026)
    assert book.eras == 22
    assert [line.label for line in book.lines if line.kind == "eras"] == [
        "ERAS 2026: 2 Internal Medicine"
    ]
    assert len(book.notes) == 2
    assert all("ResidencyCAS" in note and "none is counted" in note for note in book.notes)
    assert eras_fee_for(catalog, "emergency_medicine", 2, 2026) is None


def test_the_fee_season_is_the_profiles_match_year_when_its_fees_are_known(catalog: Any) -> None:
    from matchtui.engine.fees import fee_season

    fees = catalog.fees
    assert fee_season(fees, 2024) == 2024
    assert fee_season(fees, 2026) == 2026
    assert fee_season(fees, 2031) == fees.default_season


def test_no_applications_no_fees(catalog: Any) -> None:
    assert ledger([prog()], catalog).total == 0


def test_filters_and_sort(catalog: Any) -> None:
    programs = [
        prog("b", signal="gold", status="invited", invited_on=dt.date(2026, 10, 2)),
        prog("a", status="applied", state="CA", applied_on=dt.date(2026, 9, 1)),
        prog("c", status="invited", tier="academic", invited_on=dt.date(2026, 10, 1)),
    ]
    regions = catalog.region_of_state
    assert visible(programs, Filters(), regions) == [1, 0, 2]
    assert visible(programs, Filters(stage="invited"), regions) == [0, 2]
    assert visible(programs, Filters(signal="gold"), regions) == [0]
    assert visible(programs, Filters(region="west"), regions) == [1]
    assert visible(programs, Filters(tier="academic"), regions) == [2]
    assert visible(programs, Filters(sort="date"), regions) == [1, 2, 0]
    assert visible(programs, Filters(sort="date", reverse=True), regions) == [0, 2, 1]


def test_summary_has_the_documented_keys(catalog: Any) -> None:
    programs = [prog(status="scheduled", interview_on=dt.date(2026, 12, 2), signal="gold")]
    out = summary(programs, catalog, "northeast", dt.datetime(2026, 11, 30, 9))
    for key in (
        "total",
        "by_stage",
        "yield_by_signal",
        "yield_in_target_region",
        "upcoming",
        "clashes",
        "costs_usd",
    ):
        assert key in out
    assert out["by_stage"]["scheduled"] == 1
    assert out["yield_by_signal"]["gold"] == {"applied": 1, "invited": 1, "rate": 1.0}
    assert set(out["costs_usd"]) >= {"eras", "nrmp", "own", "total"}
    assert out["upcoming"][0]["date"] == "2026-12-02"


def test_migration_1_to_2_keeps_every_value() -> None:
    old = {
        "schema_version": 1,
        "programs": [
            {
                "name": "Old A",
                "city": "Albany",
                "state": "NY",
                "specialty": "internal_medicine",
                "tier": "community",
                "signal": True,
                "yog_limit_years": 5,
                "visa_sponsor": False,
                "status": "interview",
                "notes": "liked it",
            },
            {
                "name": "Old B",
                "state": "CA",
                "specialty": "psychiatry",
                "tier": "academic",
                "signal": False,
                "status": "withdrawn",
            },
        ],
    }
    new = migrate_1_to_2(old)
    assert new["schema_version"] == 2
    a, b = (Program.model_validate(p) for p in new["programs"])
    assert (a.name, a.city, a.state, a.specialty, a.tier) == (
        "Old A",
        "Albany",
        "NY",
        "internal_medicine",
        "community",
    )
    assert (a.signal, a.yog_limit_years, a.visa_sponsor, a.status, a.notes) == (
        "signal",
        5,
        False,
        "invited",
        "liked it",
    )
    assert (b.signal, b.status, b.visa_sponsor, b.yog_limit_years) == (
        "none",
        "withdrawn",
        None,
        None,
    )
    for status in ("planned", "applied", "rejected", "ranked", "withdrawn"):
        entry = {**old["programs"][1], "status": status}
        migrated = migrate_1_to_2({"schema_version": 1, "programs": [entry]})
        assert Program.model_validate(migrated["programs"][0]).status == status


def test_a_schema_1_file_loads_through_the_workspace_and_saves_as_2(workspace: Any) -> None:
    workspace.store.ensure_home()
    path = workspace.store.path("programs.toml")
    path.write_text(
        'schema_version = 1\n[[programs]]\nname = "Old"\nstate = "NY"\n'
        'specialty = "internal_medicine"\ntier = "community"\nsignal = true\n'
        'status = "interview"\n',
        encoding="utf-8",
    )
    loaded = workspace.load_programs()
    assert loaded.programs[0].signal == "signal" and loaded.programs[0].status == "invited"
    workspace.save_programs(loaded)
    assert "schema_version = 2" in path.read_text(encoding="utf-8")
    assert not list(path.parent.glob("programs.toml.broken-*"))
    assert workspace.load_programs() == loaded


def test_nrmp_code_is_validated() -> None:
    assert prog(nrmp_code="1234140C0").nrmp_code == "1234140C0"
    with pytest.raises(ValueError):
        prog(nrmp_code="12341400")


def test_the_costs_say_when_the_schedule_is_not_the_match_years_own(catalog: Any) -> None:
    """Found in the Applications pane's Costs view in the 2027 season: its title said 'ERAS fee
    schedule 2026' with nothing to say that no 2027 schedule is in the data yet (the Mix pane
    said so); the view, the report and the Mix assumption now say it in the same words."""
    from matchtui.widgets.tracker_views import costs_text

    applied = [prog(status="applied", applied_on=dt.date(2026, 9, 2))]
    late = ledger(applied, catalog, 2027)
    assert late.season == catalog.fees.default_season == 2026
    assert late.schedule == "2026 season (no schedule for 2027 yet)"
    assert "ERAS schedule: 2026 season (no schedule for 2027 yet)" in costs_text(late).plain
    own = ledger(applied, catalog, 2024)
    assert own.season == 2024 and own.schedule == "2024 season"
    assert "ERAS schedule: 2024 season\n" in costs_text(own).plain


def test_a_move_made_by_mistake_goes_back_a_stage_at_a_time() -> None:
    """A program withdrawn (or rejected) by mistake was stuck: both stages are final and the
    only way out lost its dates with the program. Going back clears the last move's date and
    returns to the latest stage still dated."""
    from matchtui.engine.tracker import step_back

    p = move(prog(), "applied", dt.date(2026, 9, 24), today=TODAY)
    p = move(p, "invited", dt.date(2026, 10, 10), today=TODAY, respond_by=dt.date(2026, 10, 13))
    p = move(p, "scheduled", dt.date(2026, 12, 8), today=TODAY, interview_format="virtual")
    p = move(p, "withdrawn", dt.date(2026, 11, 29), today=TODAY)
    with pytest.raises(MoveError, match=r"withdrawn is final.*back a stage"):
        move(p, "ranked", today=TODAY)
    p, cleared = step_back(p)
    assert (p.status, cleared, p.withdrawn_on) == ("scheduled", dt.date(2026, 11, 29), None)
    assert (p.interview_on, p.interview_format) == (dt.date(2026, 12, 8), "virtual")
    p, cleared = step_back(p)
    assert (p.status, cleared, p.interview_on) == ("invited", dt.date(2026, 12, 8), None)
    p, cleared = step_back(p)
    assert (p.status, cleared, p.respond_by) == ("applied", dt.date(2026, 10, 10), None)
    p, cleared = step_back(p)
    assert (p.status, cleared, p.applied_on) == ("planned", dt.date(2026, 9, 24), None)
    with pytest.raises(MoveError, match="planned is the first stage"):
        step_back(p)
    # Thanked and second look in either order: back to whichever was later.
    q = prog(status="ranked", invited_on=dt.date(2026, 10, 1), interviewed_on=dt.date(2026, 11, 2))
    q = q.model_copy(
        update={
            "second_look_on": dt.date(2026, 11, 10),
            "thank_you_on": dt.date(2026, 11, 20),
            "ranked_on": dt.date(2026, 11, 25),
        }
    )
    assert step_back(q)[0].status == "thanked"
