"""fibo_rust: no memory growth over 100,000 rounds of calls to every public function, good
input and bad; the resident memory must stay where a warm-up of 10,000 rounds left it (tests/support.py
says how much it may move).
`./just test-py` runs these with the normal allocator, outside its PYTHONMALLOC=debug pass."""

from collections.abc import Callable

import fibo_rust
from support import memory_tests, raises


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


test_no_growth_over_100_000_rounds, test_every_public_function_is_in_the_round = memory_tests(
    [fibo_rust], fibo_round
)
