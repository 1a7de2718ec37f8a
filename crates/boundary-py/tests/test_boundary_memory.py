"""boundary_cost: no memory growth over 100,000 rounds of calls to every public function, good
input and bad; the resident memory must stay where a warm-up of 10,000 rounds left it (tests/support.py
says how much it may move).
`./just test-py` runs these with the normal allocator, outside its PYTHONMALLOC=debug pass."""

from collections.abc import Callable

import boundary_cost
import numpy as np
from support import memory_tests, raises


def boundary_round() -> Callable[[], None]:
    values = [0.5] * 64
    array = np.linspace(0.0, 1.0, 64)[::2]
    data = bytes(range(64))
    bad_list = raises(lambda: boundary_cost.sum_list([1.0, "x"]), TypeError)
    bad_array = raises(lambda: boundary_cost.sum_array(np.zeros(3, dtype=np.int32)), ValueError)

    def run() -> None:
        boundary_cost.sum_list(values)
        boundary_cost.sum_list_streaming(values)
        boundary_cost.sum_array(array)
        boundary_cost.sum_array_in_order(array)
        boundary_cost.sum_bytes(data)
        bad_list()
        bad_array()

    return run


test_no_growth_over_100_000_rounds, test_every_public_function_is_in_the_round = memory_tests(
    [boundary_cost], boundary_round
)
