"""boundary_cost under pressure: the conversions that take long let other Python threads run, and the calls
documented to keep the GIL are seen keeping it, which proves the method (tests/support.py,
`calls_done_when_main_woke`)."""

import boundary_cost
import numpy as np
import pytest
from support import gil_tests


@pytest.fixture(scope="module")
def calls():
    """Inputs that take at least a millisecond of work per call."""
    values = np.random.default_rng(5).uniform(size=1_000_000)
    as_list, short_list = values.tolist(), values[:100_000].tolist()
    as_bytes = np.tile(values, 5).tobytes()
    return {
        "sum_list": lambda: boundary_cost.sum_list(as_list),
        "sum_bytes": lambda: boundary_cost.sum_bytes(as_bytes),
        # Documented to keep the GIL: in-place array reads, the list read item by item.
        "sum_array": lambda: boundary_cost.sum_array(values),
        "sum_array_in_order": lambda: boundary_cost.sum_array_in_order(values),
        "sum_list_streaming": lambda: boundary_cost.sum_list_streaming(short_list),
    }


RELEASES = ["sum_list", "sum_bytes"]
KEEPS = ["sum_array", "sum_array_in_order", "sum_list_streaming"]

test_long_work_lets_other_threads_run, test_calls_that_keep_the_gil_are_told_apart = gil_tests(
    RELEASES, KEEPS
)
