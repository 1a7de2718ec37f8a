"""intervalues_pyrust: no memory growth over 100,000 rounds of calls to every public function, good
input and bad; the resident memory must stay where a warm-up of 10,000 rounds left it (tests/support.py
says how much it may move).
`./just test-py` runs these with the normal allocator, outside its PYTHONMALLOC=debug pass."""

import math
from collections.abc import Callable

import intervalues_pyrust
import numpy as np
from support import memory_tests, raises


def intervals_round() -> Callable[[], None]:
    as_ints = [(i, i + 3, i % 5 - 2) for i in range(30)]
    as_floats = [(a / 2, b / 2, v / 3) for a, b, v in as_ints]
    columns = [np.array(c) for c in zip(*as_floats, strict=True)]
    int_columns = [np.array(c) for c in zip(*as_ints, strict=True)]
    wide = [(0.0, 1.0, 1e300), (0.0, 2.0, 5e-324), (0.5, 1.0, -1e300)]
    bad = [
        raises(lambda: intervalues_pyrust.combine_intervals_int([(1, 0, 1)]), ValueError),
        raises(lambda: intervalues_pyrust.combine_intervals_int([(0, 1.5, 1)]), TypeError),
        raises(lambda: intervalues_pyrust.combine_intervals_int([(0, 2**64, 1)]), OverflowError),
        raises(lambda: intervalues_pyrust.combine_intervals_float([(0.0, math.nan, 1.0)]), ValueError),
        raises(
            lambda: intervalues_pyrust.combine_intervals_float([(0.0, 1.0, 1e308), (0.0, 1.0, 1e308)]),
            OverflowError,
        ),
        raises(
            lambda: intervalues_pyrust.combine_intervals_arrays(columns[0], int_columns[1], columns[2]),
            TypeError,
        ),
        raises(
            lambda: intervalues_pyrust.combine_intervals_arrays(columns[0][:-1], columns[1], columns[2]),
            ValueError,
        ),
        raises(lambda: intervalues_pyrust.combine_intervals_phases([(1, 0, 1)]), ValueError),
    ]

    def run() -> None:
        intervalues_pyrust.combine_intervals_int(as_ints)
        intervalues_pyrust.combine_intervals_float(as_floats)
        intervalues_pyrust.combine_intervals_float(wide)
        intervalues_pyrust.combine_intervals_arrays(*columns)
        intervalues_pyrust.combine_intervals_arrays(*int_columns)
        intervalues_pyrust.combine_intervals_phases(as_ints)
        for refused in bad:
            refused()

    return run


test_no_growth_over_100_000_rounds, test_every_public_function_is_in_the_round = memory_tests(
    [intervalues_pyrust], intervals_round
)
