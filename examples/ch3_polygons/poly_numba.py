"""Chapter 3 under numba: the article's `main` with its loops in one `@numba.njit` kernel.

    python examples/ch3_polygons/poly_numba.py

numba compiles loops over numpy arrays, not over Python objects, so the kernel takes the polygons' centers
as an (M, 2) array and their areas as an M array, and returns the chosen polygon's position for each point
(-1 where none is close). Two ways to call it:

- `main_gathering(polygons, points)`: the article's signature. Each call gathers the centers and areas from
  the same `Polygon` objects the Python original uses (cached there after the first call), then runs the
  kernel: what replacing `main` with numba costs in a program that keeps its objects.
- `Prepared(polygons).main(points)`: the centers and areas gathered once, outside the timing; each call is
  the kernel alone. A lower bound for numba on this problem.

The kernel is the article's algorithm: for each point, every center's distance `sqrt(dx² + dy²)` against
`max_dist` (strictly closer), and among those the smallest area, the first one on ties (Python's `min`).
It uses the areas it is given: the Python original's floating-point areas here, so among the article's
near-equal areas it may pick another polygon than the exact area does; the tour checks its answer with
`exact.disagreements` (the exact `main`'s answer up to each area's rounding).
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path
from typing import Any

import numba
import numpy as np
import numpy.typing as npt

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ch3_polygons.poly_match import MAX_DIST, Array

SIGNATURE = "int64[::1](float64[:, ::1], float64[::1], float64[:, ::1], float64)"


@numba.njit(cache=False)
def best_indices(centers, areas, points, max_dist):
    """For each point, the position of the smallest-area polygon whose center is closer than max_dist."""
    best = np.full(points.shape[0], -1, dtype=np.int64)
    for i in range(points.shape[0]):
        px = points[i, 0]
        py = points[i, 1]
        chosen = -1
        smallest = 0.0
        for j in range(centers.shape[0]):
            dx = centers[j, 0] - px
            dy = centers[j, 1] - py
            if math.sqrt(dx * dx + dy * dy) < max_dist and (chosen < 0 or areas[j] < smallest):
                chosen = j
                smallest = areas[j]
        best[i] = chosen
    return best


def gather(polygons: list[Any]) -> tuple[Array, Array]:
    """The (M, 2) centers and M areas of the polygon objects, as contiguous float64 arrays."""
    centers = np.array([polygon.center for polygon in polygons], dtype=np.float64).reshape(-1, 2)
    areas = np.array([polygon.area() for polygon in polygons], dtype=np.float64)
    return centers, areas


def answer(polygons: list[Any], points: Array, best: npt.NDArray[np.int64]) -> list[tuple[Array, Any]]:
    """The kernel's positions as the article's answer: (point, polygon) for each point with a polygon."""
    return [(points[i], polygons[j]) for i, j in enumerate(best.tolist()) if j >= 0]


def main_gathering(polygons: list[Any], points: Array, max_dist: float = MAX_DIST) -> list[tuple[Array, Any]]:
    """The article's main: gather centers and areas from the objects, then the kernel."""
    centers, areas = gather(polygons)
    best = best_indices(centers, areas, np.ascontiguousarray(points, dtype=np.float64), float(max_dist))
    return answer(polygons, points, best)


class Prepared:
    """Centers and areas gathered once; `main(points)` runs the kernel alone (numba's `best_indices`, or
    another with its signature, such as the Cython one in poly_cython.pyx)."""

    def __init__(self, polygons: list[Any], kernel: Any = None) -> None:
        self.polygons = polygons
        self.centers, self.areas = gather(polygons)
        self.kernel = best_indices if kernel is None else kernel

    def main(self, points: Array, max_dist: float = MAX_DIST) -> list[tuple[Array, Any]]:
        points = np.ascontiguousarray(points, dtype=np.float64)
        best = self.kernel(self.centers, self.areas, points, float(max_dist))
        return answer(self.polygons, points, best)


def main() -> None:
    from ch3_polygons import exact, poly_match

    before = time.perf_counter()
    best_indices.compile(SIGNATURE)
    print(f"numba compiled the kernel in {time.perf_counter() - before:.2f} s")
    polygons, points = poly_match.generate_example()
    main_gathering(polygons, points)  # the objects compute and cache their centers and areas
    prepared = Prepared(polygons)
    for name, run in (
        ("gathering from the objects", lambda: main_gathering(polygons, points)),
        ("on prepared arrays", lambda: prepared.main(points)),
    ):
        before = time.perf_counter()
        result = run()
        elapsed = time.perf_counter() - before
        problems = exact.disagreements(polygons, points, result)
        verdict = "the exact answer up to rounding" if not problems else f"NOT the exact answer: {problems}"
        print(f"{name}: {elapsed * 1e3:.3f} ms; {verdict}")


if __name__ == "__main__":
    main()
