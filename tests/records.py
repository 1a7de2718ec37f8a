"""What the hardening tests measured, written down when asked: chapter 4's tables of figures
(docs/04-shipping.md) are made from these records by examples/ch4_shipping/hardening.py, which
`./just hardening` runs after the tests.

`pytest --record-figures FILE` (conftest.py) names the file: each `record(...)` call of a test then appends
one JSON line to it, and the run ends with a summary line of its outcomes (how many tests passed, per file).
Without the option, `record` does nothing, so the tests run and assert exactly as they always do. A test
records what it measured only after its assertions passed.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Any, TypeVar

from memory_probe import peak_growth

T = TypeVar("T")

ENVIRONMENT = "RECORD_FIGURES"  # the file the records go to; set by `pytest --record-figures FILE`


def recording() -> bool:
    return bool(os.environ.get(ENVIRONMENT))


def record(kind: str, **figures: Any) -> None:
    """Appends `{"kind": kind, "test": <the running test's id>, **figures}` to the records file, if any."""
    path = os.environ.get(ENVIRONMENT)
    if not path:
        return
    test = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" (", 1)[0]
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps({"kind": kind, "test": test, **figures}) + "\n")


def record_huge(call: str, budget: int, grown: int, seconds: float, **inputs: Any) -> None:
    """One call on a huge input: its memory budget, its peak on top of its input (bytes), its time."""
    record("huge", call=call, budget=budget, grown=grown, seconds=seconds, **inputs)


def timed_peak_growth(call: Callable[[], T]) -> tuple[T, int, float]:
    """memory_probe.peak_growth, and how long the call took in seconds (wall clock)."""
    seconds = 0.0

    def timed() -> T:
        nonlocal seconds
        start = time.perf_counter()
        result = call()
        seconds = time.perf_counter() - start
        return result

    result, grown = peak_growth(timed)
    return result, grown, seconds
