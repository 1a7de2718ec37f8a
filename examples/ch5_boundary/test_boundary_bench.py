"""Chapter 5's pytest-benchmark file: the tour's own steps (`ch5_boundary.tour.steps`), numba's loops
included, on the same million numbers, each answer checked.

    ./just bench                      (all chapters)
    python -m pytest examples/ch5_boundary --benchmark-enable --benchmark-only

Compare the `mean` column: pytest-benchmark lists the steps fastest first. numba compiles when this file
is imported, before any timing. The abi3 comparison runs in child processes: `python
examples/ch5_boundary/abi3_cost.py`.
"""

import pytest

from ch5_boundary.tour import steps

N = 1_000_000
STEPS, _ = steps(N)


@pytest.mark.parametrize("step", STEPS, ids=[step.key for step in STEPS])
def test_sum(benchmark, step):
    benchmark.group = f"the sum of {N:,} numbers"
    assert step.check(benchmark(step.run)) == ""
