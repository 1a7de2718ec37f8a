"""Chapter 1's pytest-benchmark file: every in-process step of the tour on the same fibo(N), in one run.

    ./just bench                      (all chapters)
    python -m pytest examples/ch1_fibonacci --benchmark-enable --benchmark-only

The steps are the tour's own list (`ch1_fibonacci.tour.steps`), each with the answer it must give.
Compare the `mean` column: pytest-benchmark lists the steps fastest first. numba compiles (and Cython
builds, with the machine's C compiler) when this file is imported, before any timing.
"""

import pytest

from ch1_fibonacci.tour import steps

N = 27
STEPS, _ = steps(N)


@pytest.mark.parametrize("step", STEPS, ids=[step.key for step in STEPS])
def test_fibo(benchmark, step):
    benchmark.group = f"fibo({N})"
    if step.run is None:
        pytest.skip(step.missing)
    assert step.check(benchmark(step.run)) == ""
