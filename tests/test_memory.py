"""No memory growth over a long run: 100,000 rounds of calls to every function of every wheel, good input
and bad, must leave the process's resident memory where a short warm-up run left it.

A leak of a single Python object per call (a forgotten reference on an error path, say) would add several
megabytes over 100,000 rounds; the allowance below is far under that and far above allocator noise.
"""

import gc
import resource
import sys
from collections.abc import Callable

import boundary_cost
import fibo_rust
import numpy as np
import pytest

ROUNDS = 100_000
WARM_UP = 10_000
ALLOWANCE_BYTES = 2 * 1024 * 1024


def rss_bytes() -> int:
    """The resident memory now (Linux), or the peak so far where /proc is missing (macOS)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


def raises(call: Callable[[], object], error: type[BaseException]) -> Callable[[], None]:
    def run() -> None:
        try:
            call()
        except error:
            return
        raise AssertionError(f"{call} did not raise {error.__name__}")

    return run


def fibo_round() -> Callable[[], None]:
    bad_int = raises(lambda: fibo_rust.fibo(0), ValueError)
    too_big = raises(lambda: fibo_rust.fibo(10**30), OverflowError)
    not_int = raises(lambda: fibo_rust.fibo_tutorial("7"), TypeError)

    def run() -> None:
        fibo_rust.fibo(12)
        fibo_rust.fibo_tutorial(12)
        bad_int()
        too_big()
        not_int()

    return run


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
        boundary_cost.sum_bytes(data)
        bad_list()
        bad_array()

    return run


ROUNDS_BY_WHEEL = {"fibo_rust": fibo_round, "boundary_cost": boundary_round}


@pytest.mark.parametrize("wheel", ROUNDS_BY_WHEEL)
def test_no_growth_over_100_000_rounds(wheel):
    one_round = ROUNDS_BY_WHEEL[wheel]()
    for _ in range(WARM_UP):
        one_round()
    gc.collect()
    before = rss_bytes()
    for _ in range(ROUNDS):
        one_round()
    gc.collect()
    grown = rss_bytes() - before
    assert grown < ALLOWANCE_BYTES, f"{wheel}: memory grew by {grown / 1e6:.1f} MB over {ROUNDS:,} rounds"
