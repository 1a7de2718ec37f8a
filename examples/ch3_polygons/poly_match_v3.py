"""Step v3: no allocation per polygon; the distance is `sqrt(dx * dx + dy * dy)` written out in Rust."""

from __future__ import annotations

from typing import Any

import poly_match_rs.v3 as rust

from ch3_polygons import poly_match
from ch3_polygons.poly_match import MAX_DIST, Array, select_best_polygon
from ch3_polygons.poly_match_v2 import Polygon


def generate_example() -> tuple[list[Any], Array]:
    return poly_match.generate_example(Polygon)


def main(polygons: list[Any], points: Array, max_dist: float = MAX_DIST) -> list[tuple[Array, Any]]:
    polygon_sets = []
    for point in points:
        close = rust.find_close_polygons(polygons, point, max_dist)
        if close:
            polygon_sets.append((point, close))
    return select_best_polygon(polygon_sets)
