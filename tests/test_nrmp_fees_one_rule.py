"""NRMP's fee for the rank list's program codes, counted once.

Found by an auditor: with 25 programs on the rank list, the Rank list pane said "Codes 25 of 20
included; extra fee $150" while the Costs view and `programs summary` said "NRMP fees 85.00":
the ledger counted only the programs marked "ranked". Now the ledger counts the rank list's
codes (or the programs marked ranked, when they are more), and the fee for the codes past
those included is one rule, engine.fees.extra_codes_fee, that the rank list uses too.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.fees import extra_codes_fee
from matchtui.engine.ranklist import Tracker, ranklist_data, resolve, simulate
from matchtui.engine.tracker import ledger, rank_list_codes
from matchtui.models.plan import PlanFile
from matchtui.models.programs import Program, ProgramList
from matchtui.models.rank_state import RankItem, RanklistState
from matchtui.widgets.tracker_views import costs_text

COUNT = 25


def _interviewed(count: int) -> list[Program]:
    return [
        Program(
            name=f"Program {i:02d}",
            state="OH",
            specialty="internal_medicine",
            tier="community",
            nrmp_code=f"{1000000 + i:07d}C0",
            status="interviewed",
            applied_on=dt.date(2026, 9, 2),
            invited_on=dt.date(2026, 10, 1),
            interview_on=dt.date(2026, 11, 10),
            interviewed_on=dt.date(2026, 11, 10),
        )
        for i in range(count)
    ]


def test_the_costs_count_the_rank_lists_codes_as_the_rank_list_does(
    workspace: Any, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    programs = _interviewed(COUNT)
    items = [RankItem(program=p.nrmp_code or p.name) for p in programs]
    nrmp = catalog.fees.nrmp
    assert nrmp is not None and nrmp.included_codes < COUNT
    data = ranklist_data(catalog)
    tracker = Tracker.of(programs)
    sim = simulate(resolve(items, tracker, data), data, tracker)
    assert sim.unique_codes == COUNT == rank_list_codes(items, programs, catalog)
    fee = extra_codes_fee(COUNT, nrmp.included_codes, nrmp.extra_code_usd)
    assert fee > 0 and sim.extra_code_fee_usd == fee  # the pane's "extra fee $150"
    book = ledger(programs, catalog, 2027, rank_list_codes(items, programs, catalog))
    assert book.nrmp == nrmp.registration_usd + fee
    assert f"{'NRMP fees':<12} {book.nrmp:>11,.2f}" in costs_text(book).plain  # the Costs view
    # the command line reads the rank list the pane saved in plan.toml
    assert main(["--today", "2027-02-20", "assess", "--json"]) == 0
    workspace.save_programs(ProgramList(programs=programs))
    workspace.save_plan(PlanFile(ranklist=RanklistState(items=items)))
    capsys.readouterr()
    assert main(["--today", "2027-02-20", "programs", "summary", "--json"]) == 0
    costs = json.loads(capsys.readouterr().out)["costs_usd"]
    assert costs["nrmp"] == nrmp.registration_usd + fee
    assert main(["--today", "2027-02-20", "programs", "summary"]) == 0
    assert f"NRMP ${nrmp.registration_usd + fee:,.2f}" in capsys.readouterr().out


def test_programs_marked_ranked_count_when_they_are_more(catalog: Catalog) -> None:
    nrmp = catalog.fees.nrmp
    assert nrmp is not None
    ranked = [p.model_copy(update={"status": "ranked"}) for p in _interviewed(COUNT)]
    short = [RankItem(program=p.name) for p in ranked[:3]]
    book = ledger(ranked, catalog, 2027, rank_list_codes(short, ranked, catalog))
    fee = extra_codes_fee(COUNT, nrmp.included_codes, nrmp.extra_code_usd)
    assert book.nrmp == nrmp.registration_usd + fee


def test_the_rank_list_and_the_fee_data_agree(catalog: Catalog) -> None:
    """The rank list's rules (ranklist.toml) and the ledger's fees (fees.toml) hold the same
    NRMP figures: one fee, wherever it is shown."""
    nrmp = catalog.fees.nrmp
    rules = ranklist_data(catalog).rules
    assert nrmp is not None
    assert int(rules.codes_included.value) == nrmp.included_codes
    assert int(rules.extra_code_fee_usd.value) == nrmp.extra_code_usd
