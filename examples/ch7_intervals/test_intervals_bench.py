"""Chapter 7's pytest-benchmark file: the tour's own steps (`ch7_intervals.tour.steps`), numba's sweep
included, at 100,000 intervals, each answer checked against the package's Python implementation.

    ./just bench                      (all chapters)
    python -m pytest examples/ch7_intervals --benchmark-enable --benchmark-only

Compare the `mean` column within a group: pytest-benchmark lists the steps fastest first. numba compiles
when this file is imported, before any timing.
"""

import pytest
from peers import jit

from ch7_intervals import intervals_numba
from ch7_intervals.tour import steps

jit(intervals_numba.combine, intervals_numba.SIGNATURE)

N = 100_000
STEPS = [(kind, step) for kind in ("int", "float") for step in steps(N, kind)[0]]


@pytest.mark.parametrize(("kind", "step"), STEPS, ids=[step.key for _, step in STEPS])
def test_combine(benchmark, kind, step):
    benchmark.group = f"{N:,} {kind} intervals"
    assert step.check(benchmark(step.run)) == ""
