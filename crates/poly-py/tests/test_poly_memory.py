"""poly_match_rs: no memory growth over 100,000 rounds of calls to every public function, good
input and bad; the resident memory must stay where a warm-up of 10,000 rounds left it (tests/support.py
says how much it may move).
`./just test-py` runs these with the normal allocator, outside its PYTHONMALLOC=debug pass."""

import math
import pickle
from collections.abc import Callable

import numpy as np
import poly_match_rs
from support import Centered, CenterError, Exploding, memory_tests, raises


def poly_round() -> Callable[[], None]:
    x, y = np.array([0.0, 1.0, 1.0, 0.0]), np.array([0.0, 0.0, 1.0, 1.0])
    polygons = [poly_match_rs.Polygon(x + i, y) for i in range(6)]
    point, points = np.array([2.0, 0.5]), np.array([[2.0, 0.5], [50.0, 50.0]])
    objects = [Centered(p.center) for p in polygons]
    exploding = [Exploding()]
    bad = [
        raises(lambda: poly_match_rs.Polygon(np.zeros(3), np.zeros(4)), ValueError),
        raises(lambda: poly_match_rs.Polygon([0.0], [0.0]), TypeError),
        raises(lambda: poly_match_rs.find_close_polygons(polygons, points, 3.0), ValueError),
        raises(lambda: poly_match_rs.find_all_close_polygons([*polygons, 5], points, 3.0), TypeError),
        raises(lambda: poly_match_rs.best_polygons(polygons, point, 3.0), ValueError),
        raises(lambda: poly_match_rs.v1.find_close_polygons(exploding, point, 3.0), CenterError),
        raises(lambda: poly_match_rs.v1.find_close_polygons([object()], point, 3.0), AttributeError),
        raises(lambda: poly_match_rs.v1_interned.find_close_polygons(exploding, point, 3.0), CenterError),
        raises(lambda: poly_match_rs.v2.find_close_polygons([objects[0]], point, 3.0), TypeError),
        raises(lambda: poly_match_rs.v3.find_close_polygons(polygons, [2.0, 0.5], 3.0), TypeError),
        raises(lambda: poly_match_rs.v4.find_close_polygons(polygons, np.zeros(3), 3.0), ValueError),
        raises(lambda: poly_match_rs.v4.find_all_close_polygons(polygons, point, 3.0), ValueError),
        raises(lambda: poly_match_rs.PolygonIndex(polygons, math.nan), ValueError),
        raises(lambda: poly_match_rs.PolygonIndex([*polygons, 5], 3.0), TypeError),
        raises(lambda: poly_match_rs.PolygonIndex(polygons, 3.0).best_indices(point), ValueError),
    ]
    index = poly_match_rs.PolygonIndex(polygons, 3.0)

    def run() -> None:
        polygon = poly_match_rs.Polygon(x, y)
        _ = polygon.x, polygon.y, polygon.center, polygon.area(), polygon.__reduce__()
        poly_match_rs.find_close_polygons(polygons, point, 3.0)
        poly_match_rs.find_all_close_polygons(polygons, points, 3.0)
        poly_match_rs.best_polygons(polygons, points, math.nan)
        poly_match_rs.v1.find_close_polygons(objects, point, 3.0)
        poly_match_rs.v1_interned.find_close_polygons(objects, point, 3.0)
        poly_match_rs.v2.find_close_polygons(polygons, point, 3.0)
        poly_match_rs.v3.find_close_polygons(polygons, point, 3.0)
        poly_match_rs.v4.find_close_polygons(polygons, point, 3.0)
        poly_match_rs.v4.find_all_close_polygons(polygons, points, 3.0)
        poly_match_rs.PolygonIndex(polygons, 3.0).best_indices(points)
        clone = pickle.loads(pickle.dumps(index))
        clone.best_indices(points)
        clone.best_polygons(points)
        index.best_polygons(points)
        index.find_all_close_polygons(points)
        for refused in bad:
            refused()

    return run


test_no_growth_over_100_000_rounds, test_every_public_function_is_in_the_round = memory_tests(
    [
        poly_match_rs,
        poly_match_rs.v1,
        poly_match_rs.v1_interned,
        poly_match_rs.v2,
        poly_match_rs.v3,
        poly_match_rs.v4,
    ],
    poly_round,
)
