"""Chapter 8's pytest-benchmark file: the tour's in-process steps (`ch8_scale.tour.steps`), numba's grid
kernel included, on 20,000 polygons and 20,000 points (the tour uses 100,000 and 200,000), each answer
checked against chapter 3's best_polygons. The spreading over threads, processes and Dask is
`examples/ch8_scale/scale.py`.

    ./just bench                      (all chapters)
    python -m pytest examples/ch8_scale --benchmark-enable --benchmark-only
"""

import pytest

from ch8_scale.tour import steps

N_POLYGONS, N_POINTS = 20_000, 20_000
STEPS, _ = steps(N_POLYGONS, N_POINTS, repeat=1)


@pytest.mark.parametrize("step", STEPS, ids=[step.key for step in STEPS])
def test_scale(benchmark, step):
    benchmark.group = f"{N_POLYGONS:,} polygons, {N_POINTS:,} points"
    assert step.check(benchmark(step.run)) == ""
