"""Step v1, the article's naive port: only `find_close_polygons` is in Rust.

The polygons are still the Python dataclass; Rust looks up `.center` on each of them, borrows the numpy
array, copies it and takes the norm with ndarray-linalg. Choosing the smallest polygon stays in Python.
"""

from __future__ import annotations

from typing import Any

import poly_match_rs.v1 as rust

from ch3_polygons import poly_match
from ch3_polygons.poly_match import MAX_DIST, Array, select_best_polygon


def generate_example() -> tuple[list[Any], Array]:
    return poly_match.generate_example(poly_match.Polygon)


def main(polygons: list[Any], points: Array, max_dist: float = MAX_DIST) -> list[tuple[Array, Any]]:
    polygon_sets = []
    for point in points:
        close = rust.find_close_polygons(polygons, point, max_dist)
        if close:
            polygon_sets.append((point, close))
    return select_best_polygon(polygon_sets)
