"""poly_match_rs against the Python original on random polygons and points (hypothesis).

Same candidates, same chosen polygon, same objects: for the top-level API and for every step of the
article. Centers are compared with numpy's to the last bit. Areas are compared with the exact area
(`fractions.Fraction`, rounded once) to the last bit, and with numpy's within its rounding: numpy's `dot`
goes to a BLAS kernel chosen per CPU, so its last bits are not the same on every machine.
"""

from __future__ import annotations

import math

import numpy as np
import poly_match_rs
from ch3_polygons import exact, poly_match
from ch3_polygons.poly_match_v2 import Polygon as PolygonAreaInPython
from hypothesis import assume, given
from hypothesis import strategies as st
from support import row_index, thorough

# 150 examples per property; 30 under `pytest --quick` (tests/support.py).
SETTINGS = thorough()

# Coordinates: mostly ordinary floats, sometimes whole numbers (so that centers and areas repeat and ties
# happen), now and then NaN or infinity (which make a polygon close to nothing).
coordinate = st.one_of(
    st.floats(-60, 60, allow_nan=False, allow_infinity=False),
    st.integers(-20, 20).map(float),
    st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0]),
)
finite = st.one_of(st.floats(-60, 60, allow_nan=False, allow_infinity=False), st.integers(-20, 20).map(float))


@st.composite
def polygon_arrays(draw, max_vertices=15, coordinates=coordinate):
    n = draw(st.integers(1, max_vertices))
    x = np.array(draw(st.lists(coordinates, min_size=n, max_size=n)), dtype=np.float64)
    y = np.array(draw(st.lists(coordinates, min_size=n, max_size=n)), dtype=np.float64)
    return x, y


def point_arrays(min_size=0, max_size=12, coordinates=finite):
    return st.lists(st.tuples(coordinates, coordinates), min_size=min_size, max_size=max_size).map(
        lambda rows: np.array(rows, dtype=np.float64).reshape(-1, 2)
    )


max_dists = st.one_of(
    st.floats(0.01, 40, allow_nan=False),
    st.integers(1, 30).map(float),
    st.sampled_from([0.0, -1.0, math.nan, math.inf]),
)


def both(arrays, rust_type=poly_match_rs.Polygon):
    """The same vertices as Python originals and as Rust polygons."""
    with np.errstate(all="ignore"):
        python = [poly_match.Polygon(x=x, y=y) for x, y in arrays]
        for polygon in python:  # computed here, inside errstate: inf - inf warns in numpy
            _ = polygon.center, polygon.area()
    return python, [rust_type(x, y) for x, y in arrays]


def positions(result, polygons):
    """Replaces each polygon by its index in `polygons`, checking it is one of them (identity)."""
    index = {id(p): i for i, p in enumerate(polygons)}
    return [index[id(p)] for p in result]


def python_main(polygons, points, max_dist):
    with np.errstate(all="ignore"):
        return poly_match.main(polygons, points, max_dist)


@SETTINGS
@given(arrays=polygon_arrays(max_vertices=40))
def test_center_is_numpys_and_area_is_exact_to_the_last_bit(arrays):
    (python,), (rust,) = both([arrays])
    np.testing.assert_array_equal(rust.center, python.center)
    assert rust.center.dtype == np.float64
    x, y = arrays
    if np.isfinite(x).all() and np.isfinite(y).all():
        assert rust.area() == exact.exact_area(x, y)
        assert abs(rust.area() - python.area()) <= exact.rounding_bound(x, y)
    else:  # no exact area: NaN or infinite as the float formula gives, whatever the order of the sums
        np.testing.assert_array_equal(rust.area(), python.area())


@SETTINGS
@given(
    arrays=polygon_arrays(
        max_vertices=60,
        coordinates=st.one_of(
            st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
            st.floats(1e-3, 1e-2).map(lambda v: 1e6 + v),  # tiny differences far from the origin
            st.floats(allow_nan=False, allow_infinity=False),  # any finite float, subnormals included
        ),
    )
)
def test_area_is_the_fraction_reference_for_any_magnitude(arrays):
    x, y = arrays
    with np.errstate(all="ignore"):
        area = poly_match_rs.Polygon(x, y).area()
    assert area == exact.exact_area(x, y)
    assert area >= 0.0


def test_area_is_the_fraction_reference_on_a_thousand_generated_polygons():
    # 3 to 1,200 vertices (log-uniform), magnitudes 1e-3 to 1e6, a third of them tiny shapes far away.
    rng = np.random.default_rng(2026)
    for k in range(1000):
        n = int(np.exp(rng.uniform(np.log(3), np.log(1200))))
        scale = 10.0 ** rng.uniform(-3, 6)
        x, y = rng.normal(size=n) * scale, rng.normal(size=n) * scale
        if k % 3 == 0:
            x, y = x * 1e-9 + 10.0 ** rng.uniform(3, 8), y * 1e-9 - 10.0 ** rng.uniform(3, 8)
        assert poly_match_rs.Polygon(x, y).area() == exact.exact_area(x, y), (k, n, scale)


@SETTINGS
@given(arrays=st.lists(polygon_arrays(), max_size=25), point=point_arrays(1, 1), max_dist=max_dists)
def test_find_close_polygons_keeps_the_same_objects_in_order(arrays, point, max_dist):
    python, rust = both(arrays)
    point = point[0]
    with np.errstate(all="ignore"):
        expected = positions(poly_match.find_close_polygons(python, point, max_dist), python)
    assert positions(poly_match_rs.find_close_polygons(rust, point, max_dist), rust) == expected
    # The article's steps: v1 reads .center off the Python objects themselves; v2 and v3 take Polygons.
    assert positions(poly_match_rs.v1.find_close_polygons(python, point, max_dist), python) == expected
    interned = poly_match_rs.v1_interned.find_close_polygons(python, point, max_dist)
    assert positions(interned, python) == expected
    assert positions(poly_match_rs.v2.find_close_polygons(rust, point, max_dist), rust) == expected
    assert positions(poly_match_rs.v3.find_close_polygons(rust, point, max_dist), rust) == expected


def away_from_the_boundary(centers, points, max_dist):
    """Whether no distance is within rounding of max_dist (where squared and plain distances may differ)."""
    if not (math.isfinite(max_dist) and max_dist > 1e-6):
        return True
    with np.errstate(all="ignore"):
        d = np.sqrt(((centers[np.newaxis, :, :] - points[:, np.newaxis, :]) ** 2).sum(axis=2))
    near = np.abs(d - max_dist) <= 1e-9 * max_dist
    return not near.any()


@SETTINGS
@given(arrays=st.lists(polygon_arrays(), max_size=25), points=point_arrays(), max_dist=max_dists)
def test_find_all_close_polygons_equals_the_python_loop(arrays, points, max_dist):
    python, rust = both(arrays)
    expected = []
    with np.errstate(all="ignore"):
        for i, point in enumerate(points):
            close = poly_match.find_close_polygons(python, point, max_dist)
            if close:
                expected.append((i, positions(close, python)))
    found = poly_match_rs.find_all_close_polygons(rust, points, max_dist)
    assert [(row_index(row, points), positions(close, rust)) for row, close in found] == expected
    centers = np.array([p.center for p in rust]).reshape(-1, 2)
    if away_from_the_boundary(centers, points, max_dist):
        found_v4 = poly_match_rs.v4.find_all_close_polygons(rust, points, max_dist)
        assert [(row_index(row, points), positions(close, rust)) for row, close in found_v4] == expected


@SETTINGS
@given(arrays=st.lists(polygon_arrays(), max_size=40), points=point_arrays(), max_dist=max_dists)
def test_best_polygons_is_the_python_main_with_exact_areas(arrays, points, max_dist):
    python, rust = both(arrays)
    with np.errstate(all="ignore"):
        reference = exact.main(python, points, max_dist)
    expected = [(row_index(row, points), positions([p], python)[0]) for row, p in reference]
    best = poly_match_rs.best_polygons(rust, points, max_dist)
    assert [(row_index(row, points), positions([p], rust)[0]) for row, p in best] == expected


@SETTINGS
@given(
    arrays=st.lists(polygon_arrays(max_vertices=60, coordinates=finite), min_size=1, max_size=30),
    points=point_arrays(1),
    max_dist=st.floats(1, 40),
)
def test_best_polygons_has_the_smallest_exact_area_for_any_vertex_count(arrays, points, max_dist):
    python, rust = both(arrays)
    with np.errstate(all="ignore"):
        expected = exact.main(python, points, max_dist)
        numpy_answer = python_main(python, points, max_dist)
    best = poly_match_rs.best_polygons(rust, points, max_dist)
    assert [(row_index(row, points), positions([p], rust)[0]) for row, p in best] == [
        (row_index(row, points), positions([p], python)[0]) for row, p in expected
    ]
    # And the Python original, with numpy's areas, chose the same or a polygon within rounding of it.
    with np.errstate(all="ignore"):
        assert exact.disagreements(python, points, numpy_answer, max_dist) == []


@SETTINGS
@given(
    arrays=st.lists(polygon_arrays(coordinates=finite), max_size=25),
    points=point_arrays(),
    max_dist=max_dists,
)
def test_every_step_driver_gives_the_python_answer(arrays, points, max_dist):
    # The article's drivers: Python subclasses of the Rust Polygon computing area() with numpy.
    python, _ = both(arrays)
    subclassed = [PolygonAreaInPython(x, y) for x, y in arrays]
    expected = [
        (row_index(row, points), positions([p], python)[0])
        for row, p in python_main(python, points, max_dist)
    ]
    for module in (poly_match_rs.v2, poly_match_rs.v3, poly_match_rs.v4):
        sets = []
        if module is poly_match_rs.v4:
            centers = np.array([p.center for p in subclassed]).reshape(-1, 2)
            assume(away_from_the_boundary(centers, points, max_dist))
            sets = module.find_all_close_polygons(subclassed, points, max_dist)
        else:
            for point in points:
                close = module.find_close_polygons(subclassed, point, max_dist)
                if close:
                    sets.append((point, close))
        chosen = poly_match.select_best_polygon(sets)
        assert [(row_index(row, points), positions([p], subclassed)[0]) for row, p in chosen] == expected
