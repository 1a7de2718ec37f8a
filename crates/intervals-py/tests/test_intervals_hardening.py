"""intervalues_pyrust under pressure: the combines let other Python threads run, and the one documented to
keep the GIL (the phases, timed step by step in Python) is seen keeping it, which proves the method
(tests/support.py, `calls_done_when_main_woke`)."""

import intervalues_pyrust
import numpy as np
import pytest
from support import gil_tests


@pytest.fixture(scope="module")
def calls():
    """Inputs that take at least a millisecond of work per call, mostly with the GIL released."""
    rng = np.random.default_rng(5)
    starts = rng.integers(0, 10_000_000, 1_000_000)
    columns = [starts, starts + rng.integers(1, 100, 1_000_000), rng.integers(-5, 6, 1_000_000)]
    float_columns = [c.astype(np.float64) for c in columns]
    short = [c[:50_000] for c in columns]
    as_tuples = list(zip(*(c.tolist() for c in short), strict=True))
    as_float_tuples = list(zip(*(c.tolist() for c in float_columns[:3]), strict=True))[:50_000]
    return {
        "combine_intervals_int": lambda: intervalues_pyrust.combine_intervals_int(as_tuples),
        "combine_intervals_float": lambda: intervalues_pyrust.combine_intervals_float(as_float_tuples),
        "combine_intervals_arrays, int64": lambda: intervalues_pyrust.combine_intervals_arrays(*columns),
        "combine_intervals_arrays, float64": lambda: intervalues_pyrust.combine_intervals_arrays(
            *float_columns
        ),
        "combine_intervals_phases": lambda: intervalues_pyrust.combine_intervals_phases(as_tuples),
    }


RELEASES = [
    "combine_intervals_int",
    "combine_intervals_float",
    "combine_intervals_arrays, int64",
    "combine_intervals_arrays, float64",
]
KEEPS = ["combine_intervals_phases"]

test_long_work_lets_other_threads_run, test_calls_that_keep_the_gil_are_told_apart = gil_tests(
    RELEASES, KEEPS
)
