"""The text report's tables wrap between words before they cut one.

Before: the key dates' Source column cut every "calendar_2027_third_party" in two
("calendar_2027_thi" / "rd_party") while other columns still had room to give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from matchtui.engine.report import Table, _text_table

IDS = ("calendar_2027_third_party", "matchtui_assumption", "nrmp_dates_2026")


def test_a_long_source_id_is_kept_whole_when_other_columns_can_wrap() -> None:
    rows = tuple(
        ("3 Jun 2026", "ERAS opens (start the application)", "third-party, unconfirmed", s)
        for s in IDS
    )
    lines = _text_table(Table(("When", "Event", "Reliability", "Source"), rows), 80)
    assert all(len(line) <= 80 for line in lines)
    text = "\n".join(lines)
    for source in IDS:
        assert source in text


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="ab _", min_size=0, max_size=40),
            st.text(alphabet="xyz_", min_size=1, max_size=30),
        ),
        min_size=1,
        max_size=5,
    ),
    st.integers(min_value=30, max_value=100),
)
def test_every_word_is_kept_and_the_table_fits(rows: list[tuple[str, str]], width: int) -> None:
    """When each column's longest word (or header word) fits side by side, no word is cut."""
    table = Table(("Text", "Id"), tuple(rows))
    lines = _text_table(table, width)
    longest = [
        max([4, len(table.headers[i]), *(len(w) for row in rows for w in row[i].split())])
        for i in range(2)
    ]
    if sum(longest) + 2 > width:
        return
    assert all(len(line) <= width for line in lines)
    said = {w for line in lines for w in line.split()}
    for row in rows:
        for cell in row:
            assert set(cell.split()) <= said
