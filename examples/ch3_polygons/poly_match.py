"""The Python original: the article's polygon matcher, the baseline every step is measured against.

A polygon is a pair of numpy arrays of vertex coordinates. Its center (the vertex mean) and its shoelace
area are computed on first use and cached. For each query point, `main` keeps the polygons whose center
lies strictly closer than `max_dist`, then picks the one of smallest area (the first one on ties); points
with no polygon nearby are skipped.

The data is the article's: one ten-vertex polygon (a slice of the unit circle) copied to 1000 random
whole-number offsets on a 100 x 100 field, 100 points on a shuffled integer grid, `max_dist = 10`, all
drawn from numpy's legacy `RandomState(6)` in the article's order, so every run sees the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
MAX_DIST = 10.0
SEED = 6


@dataclass
class Polygon:
    """Vertices `(x[i], y[i])`, with the center and the area computed lazily and cached."""

    x: Array
    y: Array
    _area: float | None = None

    @cached_property
    def center(self) -> Array:
        # One (2, n) array, averaged along each row: [mean(x), mean(y)].
        center: Array = np.stack((self.x, self.y)).mean(axis=1)
        return center

    def area(self) -> float:
        if self._area is None:
            # The shoelace formula: x[i] * y[i-1] summed, minus y[i] * x[i-1] summed, halved.
            forward = np.dot(self.x, np.roll(self.y, 1))
            backward = np.dot(self.y, np.roll(self.x, 1))
            self._area = float(0.5 * np.abs(forward - backward))
        return self._area


class PolygonLike(Protocol):
    """What the search needs: a `.center` array and an `area()`."""

    @property
    def center(self) -> Any: ...
    def area(self) -> float: ...


def template() -> tuple[Array, Array]:
    """The article's polygon: x = 0, 0.1, .., 0.9 and y = sqrt(1 - x²)."""
    x = np.arange(0.0, 1.0, 0.1)
    return x, np.sqrt(1.0 - x**2)


def generate_example(polygon_type: Any = Polygon) -> tuple[list[Any], Array]:
    """The article's 1000 polygons and 100 points (shape (100, 2)), built with `polygon_type(x=, y=)`."""
    rng = np.random.RandomState(SEED)
    xs = np.arange(0.0, 100.0, 1.0)
    rng.shuffle(xs)
    ys = np.arange(0.0, 100.0, 1.0)
    rng.shuffle(ys)
    points = np.column_stack((xs, ys))
    base_x, base_y = template()
    polygons = []
    for _ in range(1000):
        # Two draws per polygon, x offset first, as the article draws them.
        dx = rng.randint(0, 100)
        dy = rng.randint(0, 100)
        polygons.append(polygon_type(x=base_x + dx, y=base_y + dy))
    return polygons, points


def find_close_polygons(polygons: list[Any], point: Array, max_dist: float) -> list[Any]:
    """The polygons whose center is strictly closer than `max_dist` to `point`, in input order."""
    return [polygon for polygon in polygons if np.linalg.norm(polygon.center - point) < max_dist]


def select_best_polygon(polygon_sets: list[tuple[Array, list[Any]]]) -> list[tuple[Array, Any]]:
    """For each (point, candidates): the candidate of smallest area; `min` keeps the first of equals."""
    return [
        (point, min(candidates, key=lambda polygon: polygon.area())) for point, candidates in polygon_sets
    ]


def main(polygons: list[Any], points: Array, max_dist: float = MAX_DIST) -> list[tuple[Array, Any]]:
    """The article's main: for each point with polygons nearby, the smallest of them."""
    polygon_sets = []
    for point in points:
        close = find_close_polygons(polygons, point, max_dist)
        if close:
            polygon_sets.append((point, close))
    return select_best_polygon(polygon_sets)


def random_field(
    n_polygons: int, n_points: int, size: float = 1000.0, seed: int = SEED, polygon_type: Any = Polygon
) -> tuple[list[Any], Array]:
    """A larger field of the same kind: template copies at whole-number offsets in [0, size), and points
    uniform in [0, size)² (shape (n_points, 2)). `max_dist = 10` keeps about 30 polygons per point on a
    1000 x 1000 field with 100,000 polygons, the article's density."""
    rng = np.random.default_rng(seed)
    offsets = rng.integers(0, int(size), size=(n_polygons, 2)).astype(np.float64)
    base_x, base_y = template()
    polygons = [polygon_type(x=base_x + dx, y=base_y + dy) for dx, dy in offsets]
    points = rng.uniform(0.0, size, size=(n_points, 2))
    return polygons, points
