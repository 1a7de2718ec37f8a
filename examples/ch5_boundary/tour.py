"""Chapter 5 in the tour: a million numbers summed after each kind of boundary crossing, and numba's
`@njit` loops on the same array beside Rust's; then what abi3 costs (examples/ch5_boundary/abi3_cost.py).

`steps(n)` lists the steps once, each with the sum it must give: the in-order sums a Python loop's
(`functools.reduce`), the numpy-order sums numpy's `array.sum()` bit for bit, the byte sum the exact
integer. The tour verifies and times them; tests/test_tour_answers.py verifies them on a short list.
"""

from __future__ import annotations

import functools
import operator

import numpy as np
from harness import Chapter, Check, Row, Step, Versus, equals, format_seconds, within
from peers import jit

from ch5_boundary import abi3_cost, sum_numba
from ch5_boundary.boundary import values_of, ways

BASELINE = "Python sum(list)"
NUMBA_NUMPY_ORDER = "numba @njit, numpy array, numpy's order"
NUMBA_IN_ORDER = "numba @njit, numpy array, in order"
NOTES = {
    "Rust, list → Vec<f64>": "pyo3's Vec<f64> conversion, one Python object visited per number",
    "Rust, list walked in place": "same visits, no Vec",
    "numpy, np.array(list).sum()": "the conversion dominates",
    "Rust, numpy array in place (numpy's order)": "no copy; pairwise, the same bits as array.sum()",
    "Rust, numpy array in place, in order": "no copy; one addition after another",
    "Rust, bytes in place": "u8 values, no copy",
    NUMBA_NUMPY_ORDER: "JIT; pairwise, the same bits as array.sum()",
    NUMBA_IN_ORDER: "JIT; one addition after another",
}


def same_bits(expected: float) -> Check:
    def check(answer: object) -> str:
        if np.float64(answer).tobytes() == np.float64(expected).tobytes():  # type: ignore[arg-type]
            return ""
        return f"answered {answer!r}, not the bits of numpy's array.sum() {expected!r}"

    return check


def steps(n: int) -> tuple[list[Step], list[str]]:
    """Every way of summing n numbers, each with its check, and numba's one-time compile cost."""
    values, array, data = values_of(n)
    in_order = functools.reduce(operator.add, values, 0.0)
    numpy_sum = float(array.sum())
    compile_seconds = jit(sum_numba.sum_in_order, sum_numba.SIGNATURE) + jit(
        sum_numba.sum_numpy_order, sum_numba.SIGNATURE
    )
    all_ways = {
        **ways(n),
        NUMBA_NUMPY_ORDER: lambda: sum_numba.sum_numpy_order(array),
        NUMBA_IN_ORDER: lambda: sum_numba.sum_in_order(array),
    }
    found = []
    for name, call in all_ways.items():
        if "bytes" in name:
            check = equals(sum(data), "sum(bytes)")
        elif "numpy's order" in name or name.startswith("numpy"):
            check = same_bits(numpy_sum)
        elif name == BASELINE:
            # CPython 3.12+ compensates sum()'s rounding, so its bits may differ from a plain loop's.
            check = within(in_order, 1e-9, "a Python loop adding in order")
        else:
            check = equals(in_order, "a Python loop adding in order")
        found.append(Step(name, call, check, note=NOTES.get(name, ""), key=name))
    cost = f"numba's JIT compile of both loops {format_seconds(compile_seconds)} (every new process pays it)"
    return found, [f"One-time cost, left out of the rows: {cost}."]


def measure(full: bool = False) -> Chapter:
    n = 1_000_000
    chapter = Chapter(
        number=5,
        title="crossing the boundary",
        workload=f"the sum of {n:,} numbers, handed over in each way (one addition per number)",
        baseline=BASELINE,
    )
    listed, peer_notes = steps(n)
    chapter.rows = [step.row(5) for step in listed]
    numpy_sum = chapter.seconds_of("numpy, array.sum()")
    for step in (
        "Rust, numpy array in place (numpy's order)",
        "Rust, numpy array in place, in order",
        NUMBA_NUMPY_ORDER,
        NUMBA_IN_ORDER,
    ):
        if numpy_sum and (seconds := chapter.seconds_of(step)):
            chapter.notes.append(f"{step}: {seconds / numpy_sum:.2f}x the time of numpy's array.sum().")
    chapter.notes += peer_notes
    # What abi3 costs: the list reads in the abi3 wheel and in a version-specific build of the same crate,
    # each in a fresh child process (two builds of one module cannot share a process).
    compared, abi3_notes = abi3_cost.measure(n)
    for call, abi3, specific in compared:
        first = f"abi3 wheel: {call}"
        chapter.rows.append(Row(first, abi3, note="child process; the row below: vs this", baseline=first))
        chapter.rows.append(
            Row(
                f"version-specific build: {call}",
                specific,
                note="child process, same sources",
                baseline=first,
            )
        )
    chapter.notes += abi3_notes
    chapter.notes.append(
        "Every row's sum was checked before it was timed: in-order sums equal to a Python loop's, "
        "numpy-order sums to array.sum()'s bits, the byte sum exact."
    )
    chapter.notes.append(
        "The sizes table of chapter 5: `python examples/ch5_boundary/boundary.py` (n = 10 to 1,000,000)."
    )
    chapter.versus = [
        Versus(
            "sum of 1M floats in a numpy array",
            "Rust, numpy array in place (numpy's order)",
            ("numpy, array.sum()", NUMBA_NUMPY_ORDER),
        )
    ]
    return chapter
