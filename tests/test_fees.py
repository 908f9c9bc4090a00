from __future__ import annotations

from typing import Any

import pytest

from matchtui.engine.fees import eras_fee, fee_for_count


@pytest.mark.parametrize(
    ("count", "fee"), [(0, 0), (1, 11), (30, 330), (31, 360), (43, 720), (60, 1230)]
)
def test_2026_schedule_single_specialty(catalog: Any, count: int, fee: int) -> None:
    assert fee_for_count(catalog.fee_schedule(2026), count) == fee


def test_2026_schedule_resets_per_specialty(catalog: Any) -> None:
    schedule = catalog.fee_schedule(2026)
    assert eras_fee(schedule, [43, 7]) == 797  # AAMC's own example: 43 IM + 7 radiology
    assert eras_fee(schedule, [32, 32]) == 780  # 32 IM + 32 EM


def test_2024_schedule_has_flat_first_block(catalog: Any) -> None:
    schedule = catalog.fee_schedule(2024)
    assert fee_for_count(schedule, 5) == 99
    assert fee_for_count(schedule, 30) == 519


def test_default_season_is_2026(catalog: Any) -> None:
    assert catalog.fee_schedule().season == 2026
