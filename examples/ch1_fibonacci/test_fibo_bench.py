"""Chapter 1's pytest-benchmark file: every step on the same fibo(N), in one run.

    ./just bench                      (all chapters)
    python -m pytest examples/ch1_fibonacci --benchmark-enable --benchmark-only

Compare the `mean` column: pytest-benchmark lists the steps fastest first.
"""

import fibo_rust
import pytest

from ch1_fibonacci.fibo_python import fibo as fibo_python
from ch1_fibonacci.fibo_smart import fibo_loop

N = 27
EXPECTED = fibo_loop(N)

STEPS = {
    "python": fibo_python,
    "rust-tutorial": fibo_rust.fibo_tutorial,
    "rust-fibo": fibo_rust.fibo,
}


@pytest.mark.parametrize("step", STEPS)
def test_fibo(benchmark, step):
    benchmark.group = f"fibo({N})"
    assert benchmark(STEPS[step], N) == EXPECTED
