"""Step v4: squared distances, and the loop over the points moves into Rust (`find_all_close_polygons`).

Only `select_best_polygon`, with its Python `area()`, is left in Python.
"""

from __future__ import annotations

from typing import Any

import poly_match_rs.v4 as rust

from ch3_polygons import poly_match
from ch3_polygons.poly_match import MAX_DIST, Array, select_best_polygon
from ch3_polygons.poly_match_v2 import Polygon


def generate_example() -> tuple[list[Any], Array]:
    return poly_match.generate_example(Polygon)


def main(polygons: list[Any], points: Array, max_dist: float = MAX_DIST) -> list[tuple[Array, Any]]:
    return select_best_polygon(rust.find_all_close_polygons(polygons, points, max_dist))
