"""Chapter 3's pytest-benchmark file: every step of the article on its data, then best_polygons against
the scipy and numpy yardsticks at larger sizes, each answer checked: the steps that keep numpy's area
against the Python original's, best_polygons against the exact-area answer (numpy's area rounds per CPU);
at larger sizes the yardsticks rank by the exact area too, and all must agree. numba's kernel
(examples/ch3_polygons/poly_numba.py, compiled before the first benchmark) runs beside them: on the article's
data with the Python original's areas (checked against the exact answer up to rounding), at scale with the
exact areas (checked equal). The article's group is the tour's own step list, Cython's kernel included
(built with the machine's C compiler when this file is imported).

    ./just bench                      (all chapters)
    python -m pytest examples/ch3_polygons --benchmark-enable --benchmark-only

Compare the `mean` column within a group: pytest-benchmark lists the steps fastest first.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import poly_match_rs
import pytest

from ch3_polygons import exact, poly_match, poly_numba, yardsticks
from ch3_polygons.ladder import as_indices as answer
from ch3_polygons.tour import steps

Answer = list[tuple[tuple[float, ...], int]]
Field = tuple[str, list[Any], list[Any], Any, Answer]


# The tour's own steps on the article's data (ch3_polygons.tour.steps), each with its check: the exact
# answer for best_polygons, the exact answer up to rounding for the steps that keep numpy's area.
ARTICLE, _ = steps()


@pytest.mark.parametrize("step", ARTICLE, ids=[step.key for step in ARTICLE])
def test_article(benchmark: Any, step: Any) -> None:
    benchmark.group = "the article's data: 1000 polygons, 100 points"
    if step.run is None:
        pytest.skip(step.missing)
    assert step.check(benchmark(step.run)) == ""


@pytest.fixture(scope="module")
def numba_compiled() -> None:
    poly_numba.best_indices.compile(poly_numba.SIGNATURE)


# Larger fields: 1000 x 1000, max_dist 10. (polygons, points) per size; numpy only where its
# points x polygons distance matrix stays below about 200 MB.
SIZES = {"10k polygons, 1k points": (10_000, 1_000), "100k polygons, 10k points": (100_000, 10_000)}
NUMPY_LIMIT = 200e6 / 16


@pytest.fixture(scope="module", params=SIZES, ids=list(SIZES))
def field(request: Any) -> Field:
    n_polygons, n_points = SIZES[request.param]
    rust_polygons, points = poly_match.random_field(n_polygons, n_points, polygon_type=poly_match_rs.Polygon)
    python_polygons, _ = poly_match.random_field(n_polygons, n_points, polygon_type=exact.ExactPolygon)
    expected = answer(yardsticks.scipy_main(python_polygons, points), python_polygons)
    return request.param, rust_polygons, python_polygons, points, expected


SOLUTIONS = ["best_polygons", "scipy", "scipy-prepared", "numba-prepared", "numpy"]


@pytest.mark.parametrize("solution", SOLUTIONS)
def test_at_scale(benchmark: Any, field: Field, solution: str, numba_compiled: None) -> None:
    name, rust_polygons, python_polygons, points, expected = field
    benchmark.group = f"at scale: {name}"
    if solution == "best_polygons":
        result = benchmark(poly_match_rs.best_polygons, rust_polygons, points, 10.0)
        assert answer(result, rust_polygons) == expected
        return
    if solution == "numpy" and len(python_polygons) * len(points) > NUMPY_LIMIT:
        pytest.skip("the distance matrix would not fit comfortably in memory")
    if solution == "scipy-prepared":
        prepared = yardsticks.PreparedTree(python_polygons)
        result = benchmark(prepared.query, points, 10.0)
    elif solution == "numba-prepared":
        result = benchmark(poly_numba.Prepared(python_polygons).main, points, 10.0)
    else:
        main = yardsticks.scipy_main if solution == "scipy" else yardsticks.numpy_main
        result = benchmark(main, python_polygons, points, 10.0)
    assert answer(result, python_polygons) == expected


def test_the_fields_are_the_articles_density() -> None:
    polygons, points = poly_match.random_field(100_000, 100)
    found = poly_match_rs.find_all_close_polygons(
        [poly_match_rs.Polygon(p.x, p.y) for p in polygons], points, 10.0
    )
    mean = np.mean([len(close) for _, close in found])
    assert 25 < mean < 40  # about 31 polygons per point, as in the article (1000 * pi * 10² / 100²)
