"""Beyond the article: all of `main` in Rust, `poly_match_rs.best_polygons`.

The polygons are plain `poly_match_rs.Polygon` objects, whose area Rust computed at construction. One call
reads every polygon once, releases the GIL, answers all points through a grid over the centers, and hands
back the caller's own rows and polygons.
"""

from __future__ import annotations

from typing import Any

import poly_match_rs

from ch3_polygons import poly_match
from ch3_polygons.poly_match import MAX_DIST, Array


def generate_example() -> tuple[list[Any], Array]:
    return poly_match.generate_example(poly_match_rs.Polygon)


def main(polygons: list[Any], points: Array, max_dist: float = MAX_DIST) -> list[tuple[Array, Any]]:
    return poly_match_rs.best_polygons(polygons, points, max_dist)
