"""LastResult: one result remembered with its inputs, shared by the preload thread and a pane."""

from __future__ import annotations

import threading
import time

from matchtui.engine.memo import LastResult, Same


def test_same_inputs_compute_once_and_different_inputs_again() -> None:
    memo: LastResult[list[int]] = LastResult()
    data = [1, 2, 3]
    first = memo.get((data, "a"), lambda: [sum(data)])
    assert memo.get((data, "a"), lambda: [0]) is first  # the same object: no second compute
    assert memo.computed == 1
    assert memo.get((data, "b"), lambda: [99]) == [99]  # another input: computed again
    assert memo.computed == 2
    assert memo.get((data, "a"), lambda: [7]) == [7]  # only the last result is kept


def test_equal_inputs_of_the_same_type_match_and_other_types_do_not() -> None:
    memo: LastResult[str] = LastResult()
    memo.get(("x", 1), lambda: "one")
    assert memo.get(("x", 1), lambda: "two") == "one"
    assert memo.get(("x", 1.0), lambda: "float") == "float"  # 1 == 1.0, but not the same input
    assert memo.get(("x",), lambda: "short") == "short"


def test_peek_never_computes_and_clear_forgets() -> None:
    memo: LastResult[int] = LastResult()
    assert memo.peek(("k",)) is None
    memo.get(("k",), lambda: 5)
    assert memo.peek(("k",)) == 5
    assert memo.peek(("other",)) is None
    memo.clear()
    assert memo.peek(("k",)) is None


def test_a_call_during_another_threads_compute_waits_and_shares_its_result() -> None:
    memo: LastResult[int] = LastResult()
    started = threading.Event()
    calls: list[str] = []

    def slow() -> int:
        calls.append("thread")
        started.set()
        time.sleep(0.2)
        return 42

    worker = threading.Thread(target=lambda: memo.get(("key",), slow))
    worker.start()
    started.wait(5)
    assert memo.get(("key",), lambda: calls.append("main") or 0) == 42
    worker.join()
    assert calls == ["thread"]


def test_same_compares_by_identity_not_value() -> None:
    from matchtui.models.ranklist import RankItem

    a, b = RankItem(program="Alpha"), RankItem(program="Alpha")
    assert a == b  # equal fields...
    assert Same([a]) == Same([a])
    assert Same([a]) != Same([b])  # ...other records: worked out again
    assert Same([a, b]) != Same([a])
    assert Same([]) == Same(())
    memo: LastResult[str] = LastResult()
    memo.get((Same([a]),), lambda: "first")
    assert memo.get((Same([a]),), lambda: "again") == "first"
    assert memo.get((Same([b]),), lambda: "again") == "again"
