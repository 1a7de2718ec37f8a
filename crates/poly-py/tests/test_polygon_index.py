"""poly_match_rs.PolygonIndex: built once, asked many times, from many threads, after pickling.

Its answers must be the module functions' answers (and so the Python original's) for the same polygons and
max_dist; bad input must raise a clear TypeError or ValueError naming the argument; pickling must ship flat
arrays and give an index that answers identically.
"""

from __future__ import annotations

import copy
import math
import pickle
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import poly_match_rs
import pytest
from ch3_polygons import poly_match
from hypothesis import given
from hypothesis import strategies as st
from support import square, thorough

# 150 examples per property; 30 under `pytest --quick` (tests/support.py).
SETTINGS = thorough()

coordinate = st.one_of(
    st.floats(-60, 60, allow_nan=False, allow_infinity=False),
    st.integers(-20, 20).map(float),
    st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0]),
)
finite = st.one_of(st.floats(-60, 60, allow_nan=False, allow_infinity=False), st.integers(-20, 20).map(float))
# What PolygonIndex accepts: a number >= 0, infinity included (NaN and negative numbers are refused).
max_dists = st.one_of(
    st.floats(0.01, 40, allow_nan=False), st.integers(1, 30).map(float), st.sampled_from([0.0, math.inf])
)


@st.composite
def polygon_arrays(draw, max_vertices=12):
    n = draw(st.integers(1, max_vertices))
    x = np.array(draw(st.lists(coordinate, min_size=n, max_size=n)), dtype=np.float64)
    y = np.array(draw(st.lists(coordinate, min_size=n, max_size=n)), dtype=np.float64)
    return x, y


def point_arrays(min_size=0, max_size=12):
    return st.lists(st.tuples(finite, finite), min_size=min_size, max_size=max_size).map(
        lambda rows: np.array(rows, dtype=np.float64).reshape(-1, 2)
    )


def positions(result, polygons):
    """(row as a tuple, position of the polygon in `polygons`) for each pair; identity is checked."""
    index = {id(p): i for i, p in enumerate(polygons)}
    return [(tuple(row), index[id(p)]) for row, p in result]


def as_indices(pairs, points):
    """best_polygons' pairs, as best_indices gives them: one entry per point, -1 where none."""
    rows = {tuple(row): position for row, position in pairs}
    return [rows.get(tuple(point), -1) for point in points]


def vertices(polygon):
    return (tuple(polygon.x.tolist()), tuple(polygon.y.tolist()))


@SETTINGS
@given(arrays=st.lists(polygon_arrays(), max_size=40), points=point_arrays(), max_dist=max_dists)
def test_the_index_answers_as_the_module_functions_and_the_python_main(arrays, points, max_dist):
    # Distinct points, so that a row of best_polygons' answer names one point.
    points = np.unique(points, axis=0)
    polygons = [poly_match_rs.Polygon(x, y) for x, y in arrays]
    index = poly_match_rs.PolygonIndex(polygons, max_dist)
    best = poly_match_rs.best_polygons(polygons, points, max_dist)
    assert positions(index.best_polygons(points), polygons) == positions(best, polygons)
    indices = index.best_indices(points)
    assert indices.dtype == np.int64
    assert indices.shape == (len(points),)
    assert indices.tolist() == as_indices(positions(best, polygons), points)
    found = index.find_all_close_polygons(points)
    expected = poly_match_rs.find_all_close_polygons(polygons, points, max_dist)
    assert [(tuple(r), [id(p) for p in c]) for r, c in found] == [
        (tuple(r), [id(p) for p in c]) for r, c in expected
    ]
    # The Python original, for the polygons it accepts.
    with np.errstate(all="ignore"):
        python = [poly_match.Polygon(x=x, y=y) for x, y in arrays]
        original = poly_match.main(python, points, max_dist)
    assert indices.tolist() == as_indices(positions(original, python), points)


@SETTINGS
@given(arrays=st.lists(polygon_arrays(), max_size=30), points=point_arrays(), max_dist=max_dists)
def test_a_pickled_index_answers_identically(arrays, points, max_dist):
    polygons = [poly_match_rs.Polygon(x, y) for x, y in arrays]
    index = poly_match_rs.PolygonIndex(polygons, max_dist)
    clone = pickle.loads(pickle.dumps(index))
    assert len(clone) == len(index)
    assert math.isnan(clone.max_dist) == math.isnan(index.max_dist)
    assert clone.max_dist == index.max_dist or math.isnan(index.max_dist)
    np.testing.assert_array_equal(clone.best_indices(points), index.best_indices(points))
    # The clone makes its own Polygon objects from the vertices: compare them by vertices.
    assert [(tuple(r), vertices(p)) for r, p in clone.best_polygons(points)] == [
        (tuple(r), vertices(p)) for r, p in index.best_polygons(points)
    ]
    assert [(tuple(r), [vertices(p) for p in c]) for r, c in clone.find_all_close_polygons(points)] == [
        (tuple(r), [vertices(p) for p in c]) for r, c in index.find_all_close_polygons(points)
    ]
    # A clone of a clone (its state comes from the flat arrays, not from objects) is the same again.
    again = pickle.loads(pickle.dumps(clone))
    np.testing.assert_array_equal(again.best_indices(points), index.best_indices(points))


def test_an_unpickled_index_makes_its_polygons_once():
    index = pickle.loads(pickle.dumps(poly_match_rs.PolygonIndex([square(0, 0), square(5, 0)], 3.0)))
    points = np.array([[0.5, 0.5], [5.5, 0.5], [50.0, 50.0]])
    first = index.best_polygons(points)
    second = index.best_polygons(points)
    assert [p for _, p in first] == [p for _, p in second]
    assert all(a is b for (_, a), (_, b) in zip(first, second, strict=True))
    assert type(first[0][1]) is poly_match_rs.Polygon
    assert first[1][1].area() == 1.0
    np.testing.assert_array_equal(first[1][1].center, [5.5, 0.5])


def test_every_pickle_protocol_and_copy():
    index = poly_match_rs.PolygonIndex([square(0, 0), square(2, 0, 0.5)], 2.0)
    points = np.array([[1.0, 0.5], [9.0, 9.0]])
    expected = index.best_indices(points).tolist()
    assert expected == [1, -1]
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(index, protocol)).best_indices(points).tolist() == expected
    assert copy.copy(index).best_indices(points).tolist() == expected
    assert copy.deepcopy(index).best_indices(points).tolist() == expected


def test_pickle_ships_flat_arrays_not_one_object_per_polygon():
    polygons, _ = poly_match.random_field(2000, 1, polygon_type=poly_match_rs.Polygon)
    index = poly_match_rs.PolygonIndex(polygons, 10.0)
    data = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    vertex_count = sum(len(p.x) for p in polygons)
    # Two float64 per vertex and one int64 per polygon, plus a fixed header: nothing per object.
    assert len(data) <= 16 * vertex_count + 8 * (len(polygons) + 1) + 1000
    assert b"Polygon\x94" not in data
    assert b"poly_match_rs.Polygon" not in data
    assert len(data) < len(pickle.dumps(polygons, protocol=pickle.HIGHEST_PROTOCOL))


def test_subclass_polygons_come_back_as_themselves():
    class Tagged(poly_match_rs.Polygon):
        pass

    polygons = [Tagged(np.array([0.0, 1.0, 0.0]), np.array([0.0, 0.0, 1.0]))]
    index = poly_match_rs.PolygonIndex(polygons, 5.0)
    [(_, chosen)] = index.best_polygons(np.array([[0.0, 0.0]]))
    assert chosen is polygons[0]
    [(_, rebuilt)] = pickle.loads(pickle.dumps(index)).best_polygons(np.array([[0.0, 0.0]]))
    assert type(rebuilt) is poly_match_rs.Polygon
    assert vertices(rebuilt) == vertices(polygons[0])


def test_empty_index_answers_minus_one():
    index = poly_match_rs.PolygonIndex([], 10.0)
    assert len(index) == 0
    assert index.best_indices(np.zeros((3, 2))).tolist() == [-1, -1, -1]
    assert index.best_polygons(np.zeros((3, 2))) == []
    assert index.find_all_close_polygons(np.zeros((3, 2))) == []
    assert pickle.loads(pickle.dumps(index)).best_indices(np.zeros((2, 2))).tolist() == [-1, -1]


def test_no_points_and_any_layout():
    polygons = [square(i, i % 7) for i in range(50)]
    index = poly_match_rs.PolygonIndex(polygons, 2.5)
    assert index.best_indices(np.zeros((0, 2))).shape == (0,)
    points = np.random.default_rng(1).uniform(-2, 55, size=(700, 2))
    expected = index.best_indices(points).tolist()
    for arranged in (
        np.asfortranarray(points),
        np.repeat(points, 2, axis=0)[::2],
        points.astype(np.float32).astype(np.float64),
    ):
        assert (
            index.best_indices(arranged).tolist()
            == index.best_indices(np.ascontiguousarray(arranged)).tolist()
        )
    assert (
        index.best_indices(points.round().astype(np.int64)).tolist()
        == index.best_indices(points.round()).tolist()
    )
    assert expected == as_indices(
        positions(poly_match_rs.best_polygons(polygons, points, 2.5), polygons), points
    )


def test_len_repr_and_max_dist():
    index = poly_match_rs.PolygonIndex((square(0, 0), square(1, 1)), 10)
    assert len(index) == 2
    assert repr(index) == "PolygonIndex(2 polygons, max_dist=10.0)"
    assert index.max_dist == 10.0
    assert repr(poly_match_rs.PolygonIndex([], math.inf)) == "PolygonIndex(0 polygons, max_dist=inf)"
    assert repr(poly_match_rs.PolygonIndex([], 0.25)) == "PolygonIndex(0 polygons, max_dist=0.25)"


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        (([], math.nan), ValueError, "max_dist must be a number >= 0"),
        (([], -1.0), ValueError, "max_dist must be a number >= 0"),
        (([], "10"), TypeError, "max_dist must be a real number, not str"),
        (([], None), TypeError, "max_dist must be a real number, not NoneType"),
        (
            ([square(0, 0), "square"], 1.0),
            TypeError,
            r"polygons\[1\] must be a poly_match_rs.Polygon, not str",
        ),
        ((5, 1.0), TypeError, "polygons must be a list of Polygon objects, not int"),
    ],
)
def test_bad_construction_is_refused(arguments, error, message):
    with pytest.raises(error, match=message):
        poly_match_rs.PolygonIndex(*arguments)


@pytest.mark.parametrize(
    ("points", "error", "message"),
    [
        (np.zeros(2), ValueError, r"points must be an array of shape \(N, 2\), got an array of shape \(2,\)"),
        (np.zeros((4, 3)), ValueError, r"shape \(4, 3\)"),
        ([[0.0, 0.0]], TypeError, "points must be a numpy array of shape"),
        (np.zeros((2, 2), dtype=complex), TypeError, "points must hold real numbers"),
        (np.array([["a", "b"]]), TypeError, "points must hold real numbers"),
    ],
)
def test_bad_points_are_refused_by_every_query(points, error, message):
    index = poly_match_rs.PolygonIndex([square(0, 0)], 1.0)
    for query in (index.best_indices, index.best_polygons, index.find_all_close_polygons):
        with pytest.raises(error, match=message):
            query(points)


def test_nan_points_match_nothing():
    index = poly_match_rs.PolygonIndex([square(0, 0)], 5.0)
    points = np.array([[math.nan, 0.0], [0.0, math.inf], [0.5, 0.5]])
    assert index.best_indices(points).tolist() == [-1, -1, 0]


@pytest.mark.parametrize(
    ("state", "error", "message"),
    [
        ((1.0, np.zeros(3), np.zeros(3), np.array([0, 2, 2, 3])), ValueError, "rise strictly"),
        ((1.0, np.zeros(3), np.zeros(3), np.array([1, 3])), ValueError, "begin at 0"),
        ((1.0, np.zeros(3), np.zeros(3), np.array([0, 2])), ValueError, "end at the number of vertices, 3"),
        ((1.0, np.zeros(3), np.zeros(3), np.array([], dtype=np.int64)), ValueError, "starts is empty"),
        ((1.0, np.zeros(3), np.zeros(3), np.array([0, -1, 3])), ValueError, "must not be negative"),
        ((1.0, np.zeros(3), np.zeros(2), np.array([0, 3])), ValueError, "same length"),
        ((1.0, np.zeros(3), np.zeros(3), np.array([0.0, 3.0])), TypeError, "int64"),
        ((1.0, [0.0], np.zeros(1), np.array([0, 1])), TypeError, "PolygonIndex state: x must be"),
        ((math.nan, np.zeros(1), np.zeros(1), np.array([0, 1])), ValueError, "max_dist"),
    ],
)
def test_a_damaged_pickle_state_is_refused(state, error, message):
    rebuild, _ = poly_match_rs.PolygonIndex([square(0, 0)], 1.0).__reduce__()
    with pytest.raises(error, match=message):
        rebuild(*state)


def test_eight_threads_share_one_index():
    polygons, points = poly_match.random_field(5000, 4000, size=300.0, polygon_type=poly_match_rs.Polygon)
    index = poly_match_rs.PolygonIndex(polygons, 10.0)
    expected = index.best_indices(points).tolist()
    expected_pairs = positions(index.best_polygons(points[:600]), polygons)
    chunks = np.array_split(points, 8)

    def work(i):
        # Each thread asks for its own chunk and for the whole, several times.
        return [
            (index.best_indices(chunks[i]).tolist(), index.best_indices(points).tolist()) for _ in range(3)
        ], positions(index.best_polygons(points[:600]), polygons)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))
    for i, (rounds, pairs) in enumerate(results):
        assert pairs == expected_pairs
        for mine, whole in rounds:
            assert whole == expected
            assert mine == np.array_split(np.array(expected), 8)[i].tolist()
