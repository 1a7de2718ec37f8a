"""Beside step v1, not in the article: v1's driver calling `poly_match_rs.v1_interned`, which is v1's Rust
with one change, the attribute name `"center"` created once (`pyo3::intern!`) instead of on every lookup.

Timed next to v1 in the same run, the difference is what making that string costs per `main`.
"""

from __future__ import annotations

from typing import Any

import poly_match_rs.v1_interned as rust

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
