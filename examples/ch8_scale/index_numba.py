"""Chapter 8 under numba: the per-partition kernel, `index.best_indices(points)`, as `@numba.njit` code.

    python examples/ch8_scale/index_numba.py [--polygons 100000] [--points 200000]

The same algorithm as the wheel's PolygonIndex: the centers bucketed once into a grid of square cells a
little wider than `max_dist` (so every close center lies in the point's cell or one of its 8 neighbours),
then, for each point, the centers of those 9 cells tested with `sqrt(dx² + dy²) < max_dist`, keeping the
smallest area and the smallest position among equal areas (the Python loop's rule, whatever order the cells
are read in). The areas are the `Polygon` objects' own (`polygon.area()`, the exact area rounded once), so
the answers are the wheel's, position for position. Points run in parallel (`numba.prange`), on every core,
as the wheel's pool does. numba compiles both functions on their first call, once per process.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numba
import numpy as np

BUILD_SIGNATURE = "Tuple((float64, float64, int64, int64, int64[::1], int64[::1]))(float64[:, ::1], float64)"
QUERY_SIGNATURE = (
    "int64[::1](float64[:, ::1], float64[::1], float64[:, ::1], float64, "
    "float64, float64, int64, int64, int64[::1], int64[::1], float64)"
)


@numba.njit(cache=False)
def build_grid(centers, cell):
    """(x0, y0, nx, ny, starts, order): the centers' positions sorted by cell (row-major), stable, and where
    each cell's run starts in `order` (starts has nx * ny + 1 entries)."""
    n = centers.shape[0]
    if n == 0:
        return 0.0, 0.0, 1, 1, np.zeros(2, dtype=np.int64), np.zeros(0, dtype=np.int64)
    x0 = centers[:, 0].min()
    y0 = centers[:, 1].min()
    nx = int((centers[:, 0].max() - x0) / cell) + 1
    ny = int((centers[:, 1].max() - y0) / cell) + 1
    of = np.empty(n, dtype=np.int64)
    counts = np.zeros(nx * ny + 1, dtype=np.int64)
    for j in range(n):
        cx = int((centers[j, 0] - x0) / cell)
        cy = int((centers[j, 1] - y0) / cell)
        of[j] = cy * nx + cx
        counts[of[j] + 1] += 1
    starts = np.cumsum(counts)
    fill = starts[:-1].copy()
    order = np.empty(n, dtype=np.int64)
    for j in range(n):
        order[fill[of[j]]] = j
        fill[of[j]] += 1
    return x0, y0, nx, ny, starts, order


@numba.njit(cache=False, parallel=True)
def best_in_grid(centers, areas, points, max_dist, x0, y0, nx, ny, starts, order, cell):
    """For each point, the position of the smallest-area polygon whose center is closer than max_dist."""
    best = np.full(points.shape[0], -1, dtype=np.int64)
    for i in numba.prange(points.shape[0]):
        px = points[i, 0]
        py = points[i, 1]
        cx = int(np.floor((px - x0) / cell))
        cy = int(np.floor((py - y0) / cell))
        chosen = -1
        smallest = 0.0
        for gy in range(max(cy - 1, 0), min(cy + 2, ny)):
            for gx in range(max(cx - 1, 0), min(cx + 2, nx)):
                c = gy * nx + gx
                for k in range(starts[c], starts[c + 1]):
                    j = order[k]
                    dx = centers[j, 0] - px
                    dy = centers[j, 1] - py
                    if np.sqrt(dx * dx + dy * dy) < max_dist:
                        area = areas[j]
                        if chosen < 0 or area < smallest or (area == smallest and j < chosen):
                            chosen = j
                            smallest = area
        best[i] = chosen
    return best


class GridIndex:
    """The polygons' centers and areas gathered, and the grid built, once; `best_indices(points)` per call."""

    def __init__(self, polygons: list[Any], max_dist: float) -> None:
        self.centers = np.ascontiguousarray(
            np.array([p.center for p in polygons], dtype=np.float64).reshape(-1, 2)
        )
        self.areas = np.array([p.area() for p in polygons], dtype=np.float64)
        self.max_dist = float(max_dist)
        # A cell a little wider than max_dist: a close center is never two cells away, even after rounding.
        self.cell = self.max_dist * (1 + 1e-9)
        self.grid = build_grid(self.centers, self.cell)

    def best_indices(self, points: Any) -> np.ndarray:
        points = np.ascontiguousarray(points, dtype=np.float64)
        return best_in_grid(self.centers, self.areas, points, self.max_dist, *self.grid, self.cell)


def compile_seconds() -> float:
    """Compile both functions for their signatures; the seconds it took (once per process)."""
    start = time.perf_counter()
    build_grid.compile(BUILD_SIGNATURE)
    best_in_grid.compile(QUERY_SIGNATURE)
    return time.perf_counter() - start


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import poly_match_rs

    from ch8_scale.scale import MAX_DIST, field

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--polygons", type=int, default=100_000)
    parser.add_argument("--points", type=int, default=200_000)
    args = parser.parse_args()
    print(f"numba: compiled in {compile_seconds():.2f} s")
    polygons, points = field(args.polygons, args.points)
    index = GridIndex(polygons, MAX_DIST)
    start = time.perf_counter()
    found = index.best_indices(points)
    elapsed = time.perf_counter() - start
    same = np.array_equal(found, poly_match_rs.PolygonIndex(polygons, MAX_DIST).best_indices(points))
    print(f"best_indices for {len(points):,} points in {elapsed * 1e3:.1f} ms; the wheel's answer: {same}")


if __name__ == "__main__":
    main()
