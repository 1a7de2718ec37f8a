"""Chapter 5 in the tour: a million numbers summed after each kind of boundary crossing. Each row's answer
is checked before it is timed: the in-order sums against a Python loop's, the numpy-order sum against
numpy's `array.sum()` bit for bit."""

from __future__ import annotations

import functools
import operator

import numpy as np
from harness import Chapter, Row, median_seconds

from ch5_boundary.boundary import ways

BASELINE = "Python sum(list)"
NOTES = {
    "Rust, list → Vec<f64>": "pyo3's Vec<f64> conversion, one Python object visited per number",
    "Rust, list walked in place": "same visits, no Vec",
    "numpy, np.array(list).sum()": "the conversion dominates",
    "Rust, numpy array in place (numpy's order)": "no copy; pairwise, the same bits as array.sum()",
    "Rust, numpy array in place, in order": "no copy; one addition after another",
    "Rust, bytes in place": "u8 values, no copy",
}


def measure(full: bool = False) -> Chapter:
    n = 1_000_000
    chapter = Chapter(
        number=5,
        title="crossing the boundary",
        workload=f"the sum of {n:,} numbers, handed over in each way (one addition per number)",
        baseline=BASELINE,
    )
    values = [float(i % 1000) / 7 for i in range(n)]
    in_order = functools.reduce(operator.add, values, 0.0)
    numpy_bits = np.array(values).sum().tobytes()
    for name, call in ways(n).items():
        answer = call()
        if "bytes" in name:
            expected_ok = answer == sum(bytes(i % 251 for i in range(n)))
        elif name == "Rust, numpy array in place (numpy's order)" or name.startswith("numpy"):
            expected_ok = np.float64(answer).tobytes() == numpy_bits
        elif name == BASELINE:
            expected_ok = abs(answer - in_order) <= 1e-9 * abs(in_order)  # 3.12+ compensates its rounding
        else:
            expected_ok = answer == in_order
        if not expected_ok:
            raise RuntimeError(f"chapter 5, {name}: the sum {answer!r} is not the expected one")
        chapter.rows.append(Row(name, median_seconds(call, repeat=5, min_run=0.05), note=NOTES.get(name, "")))
    numpy_sum = chapter.seconds_of("numpy, array.sum()")
    for step in ("Rust, numpy array in place (numpy's order)", "Rust, numpy array in place, in order"):
        if numpy_sum and (seconds := chapter.seconds_of(step)):
            chapter.notes.append(f"{step}: {seconds / numpy_sum:.2f}x the time of numpy's array.sum().")
    chapter.notes.append(
        "The sizes table of chapter 5: `python examples/ch5_boundary/boundary.py` (n = 10 to 1,000,000)."
    )
    return chapter
