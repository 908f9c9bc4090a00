"""The rank list's tracker keeps one entry per program: looking programs up by name does not
also leave every tracker name in `norm`'s cache (a second entry per program, ~1.5 MiB for
20,000 programs), and names are still found case- and space-insensitively."""

from __future__ import annotations

from matchtui.engine.ranklist import Tracker, norm
from matchtui.models.programs import Program


def programs(count: int) -> list[Program]:
    return [
        Program(
            name=f"St.  Cloud Program {i:04d}",
            state="MN",
            specialty="internal_medicine",
            tier="community",
            nrmp_code=f"{1000000 + i:07d}C0" if i % 2 else None,
        )
        for i in range(count)
    ]


def test_the_tracker_does_not_fill_norms_cache_with_its_names() -> None:
    listed = programs(300)
    norm.cache_clear()
    tracker = Tracker.of(listed)
    assert norm.cache_info().currsize == 0
    assert len(tracker.programs) == 300


def test_names_and_codes_are_found_as_before() -> None:
    listed = programs(3)
    tracker = Tracker.of(listed)
    found = tracker.find("st. cloud   program 0000")
    assert found is not None and found.name == "St.  Cloud Program 0000"
    assert tracker.find("1000001C0") is tracker.find("St. Cloud Program 0001")
    assert tracker.find(" 1000001c0 ") is not None
    assert tracker.find("St. Cloud Program 0003") is None
    assert tracker.by_key[norm("ST. CLOUD PROGRAM 0002")].name == "St.  Cloud Program 0002"
