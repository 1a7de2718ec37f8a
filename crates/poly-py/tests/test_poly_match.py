"""poly_match_rs: the Polygon class, the top-level API and the article's steps, on good and bad input.

Bad input must raise a clear TypeError or ValueError naming the argument; arrays of any layout and real
dtype must give the answers contiguous float64 gives; nothing may crash, hang or leak.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import math
import pickle
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import poly_match_rs
import pytest
from ch3_polygons import exact, poly_match
from memory_probe import rss_bytes
from support import Centered, CenterError, Exploding, read_only, square

SEARCHES_ONE = [
    poly_match_rs.find_close_polygons,
    poly_match_rs.v2.find_close_polygons,
    poly_match_rs.v3.find_close_polygons,
    poly_match_rs.v4.find_close_polygons,
]
# Step 1 and its exhibit with the attribute name interned: any objects with a .center array.
SEARCHES_V1 = [poly_match_rs.v1.find_close_polygons, poly_match_rs.v1_interned.find_close_polygons]
SEARCHES_MANY = [
    poly_match_rs.find_all_close_polygons,
    poly_match_rs.best_polygons,
    poly_match_rs.v4.find_all_close_polygons,
]


@pytest.fixture(scope="module")
def article():
    """The article's data as Rust polygons, and the exact-area answer as (row, polygon index): the article's
    `main` deciding by the exact shoelace area (numpy's area depends on the CPU's BLAS kernel)."""
    polygons, points = poly_match.generate_example(poly_match_rs.Polygon)
    originals, _ = poly_match.generate_example()
    expected = answer(exact.main(originals, points), originals)
    return polygons, points, expected


@pytest.fixture(scope="module")
def python_answer():
    """The Python original's answer (numpy areas) on the article's data, as (row, polygon index)."""
    originals, points = poly_match.generate_example()
    return answer(poly_match.main(originals, points), originals)


def answer(result, polygons):
    index = {id(p): i for i, p in enumerate(polygons)}
    return [(tuple(row), index[id(p)]) for row, p in result]


# --- Polygon -------------------------------------------------------------------------------------------


def test_polygon_matches_the_dataclass():
    x, y = poly_match.template()
    rust, python = poly_match_rs.Polygon(x, y), poly_match.Polygon(x=x, y=y)
    np.testing.assert_array_equal(rust.x, x)
    np.testing.assert_array_equal(rust.y, y)
    np.testing.assert_array_equal(rust.center, python.center)
    assert rust.area() == exact.exact_area(x, y)  # numpy's area may differ in the last bits, per CPU:
    assert abs(rust.area() - python.area()) <= exact.rounding_bound(x, y)
    assert isinstance(rust.area(), float)


def test_keyword_arguments_as_the_article_writes_them():
    x, y = poly_match.template()
    assert poly_match_rs.Polygon(x=x, y=y).area() == poly_match_rs.Polygon(x, y).area()


def test_arrays_are_the_same_objects_and_read_only():
    polygon = square(0, 0)
    assert polygon.x is polygon.x
    assert polygon.center is polygon.center
    for array in (polygon.x, polygon.y, polygon.center):
        assert array.dtype == np.float64
        assert not array.flags.writeable
        with pytest.raises(ValueError, match="read-only"):
            array[0] = 5.0
        with pytest.raises(ValueError, match="cannot set WRITEABLE flag"):
            array.setflags(write=True)
    np.testing.assert_array_equal(polygon.center, [0.5, 0.5])


def test_input_arrays_are_copied():
    x, y = np.array([0.0, 2.0, 2.0, 0.0]), np.array([0.0, 0.0, 2.0, 2.0])
    polygon = poly_match_rs.Polygon(x, y)
    x[:] = 100.0
    np.testing.assert_array_equal(polygon.x, [0.0, 2.0, 2.0, 0.0])
    assert polygon.area() == 4.0


@pytest.mark.parametrize(
    ("x", "y"),
    [
        (np.array([0, 3, 3, 0]), np.array([0, 0, 2, 2])),  # int64
        (np.array([0, 3, 3, 0], dtype=np.uint8), np.array([0, 0, 2, 2], dtype=np.int16)),
        (np.array([0, 3, 3, 0], dtype=np.float32), np.array([0, 0, 2, 2], dtype=np.float16)),
        (np.array([0, 3, 3, 0], dtype=">f8"), np.array([0, 0, 2, 2], dtype=">f8")),  # big-endian
        (np.array([[0, 0], [3, 0], [3, 2], [0, 2]], dtype=float, order="F")[:, 0], np.array([0.0, 0, 2, 2])),
        (np.array([0.0, 3, 3, 0])[::-1][::-1], np.array([0.0, 9, 0, 9, 2, 9, 2])[::2]),  # strided views
    ],
)
def test_any_real_dtype_and_layout_is_read_as_float64(x, y):
    polygon = poly_match_rs.Polygon(x, y)
    assert polygon.area() == 6.0
    np.testing.assert_array_equal(polygon.center, [1.5, 1.0])
    assert polygon.x.dtype == np.float64


def test_unaligned_and_structured_fields_are_read_correctly():
    record = np.zeros(4, dtype=[("x", "<f8"), ("flag", "<f4"), ("y", "<f8")])
    record["x"] = [0, 3, 3, 0]
    record["y"] = [0, 0, 2, 2]
    assert record["x"].strides == (20,)  # not a whole number of float64s
    polygon = poly_match_rs.Polygon(record["x"], record["y"])
    assert polygon.area() == 6.0
    np.testing.assert_array_equal(polygon.y, [0, 0, 2, 2])


def test_booleans_are_numbers_as_in_numpy():
    polygon = poly_match_rs.Polygon(
        np.array([False, True, True, False]), np.array([False, False, True, True])
    )
    assert polygon.area() == 1.0


def test_degenerate_polygons_are_accepted_as_in_python():
    assert poly_match_rs.Polygon(np.array([1.0]), np.array([2.0])).area() == 0.0
    np.testing.assert_array_equal(poly_match_rs.Polygon(np.array([1.0]), np.array([2.0])).center, [1.0, 2.0])


@pytest.mark.parametrize(
    ("x", "y", "message"),
    [
        (np.zeros(3), np.zeros(4), "x and y must have the same length, got 3 x values and 4 y values"),
        (np.zeros(0), np.zeros(0), "needs at least one vertex"),
        (np.zeros((2, 3)), np.zeros(3), r"x must be a 1-D array, got an array of shape \(2, 3\)"),
        (np.zeros(3), np.float64(1.0), r"y must be a 1-D numpy array, not float64"),
        (np.zeros(3), np.zeros(()), r"y must be a 1-D array, got an array of shape \(\)"),
    ],
)
def test_bad_vertices_are_value_errors(x, y, message):
    with pytest.raises((ValueError, TypeError), match=message):
        poly_match_rs.Polygon(x, y)


@pytest.mark.parametrize(
    ("x", "message"),
    [
        ([0.0, 1.0, 2.0], "x must be a 1-D numpy array, not list"),
        (None, "x must be a 1-D numpy array, not NoneType"),
        ("abc", "x must be a 1-D numpy array, not str"),
        (np.array([1j, 2j, 3j]), "x must hold real numbers .* got an array of dtype complex128"),
        (np.array(["a", "b", "c"]), "x must hold real numbers .* dtype <U1"),
        (np.array([1, 2, 3], dtype=object), "x must hold real numbers .* dtype object"),
        (np.array(["2020-01-01"] * 3, dtype="datetime64[D]"), "x must hold real numbers"),
    ],
)
def test_non_arrays_and_non_real_dtypes_are_type_errors(x, message):
    with pytest.raises(TypeError, match=message):
        poly_match_rs.Polygon(x, np.zeros(3))


def test_missing_argument_is_a_type_error():
    with pytest.raises(TypeError):
        poly_match_rs.Polygon(np.zeros(3))


def test_nan_and_infinite_vertices_are_accepted_and_close_to_nothing():
    nan = poly_match_rs.Polygon(np.array([0.0, math.nan]), np.array([0.0, 1.0]))
    inf = poly_match_rs.Polygon(np.array([0.0, math.inf]), np.array([0.0, 1.0]))
    assert math.isnan(nan.center[0])
    assert math.isinf(inf.center[0])
    points = np.zeros((600, 2))  # enough points for the grid and the threads
    for search in SEARCHES_MANY:
        assert search([nan, inf], points, math.inf) == []
    assert poly_match_rs.find_close_polygons([nan, inf], np.zeros(2), math.inf) == []


def test_repr_names_the_class_and_the_vertices():
    text = repr(square(0, 0))
    assert text.startswith("Polygon(x=array([0., 1., 1., 0.]), y=array(")

    class Tile(poly_match_rs.Polygon):
        pass

    assert repr(Tile(np.zeros(1), np.zeros(1))).startswith(
        "test_repr_names_the_class_and_the_vertices.<locals>.Tile("
    )


def test_pickle_and_copy_rebuild_the_polygon():
    polygon = square(2, 3, side=2)
    for clone in (pickle.loads(pickle.dumps(polygon)), copy.copy(polygon), copy.deepcopy(polygon)):
        assert type(clone) is poly_match_rs.Polygon
        np.testing.assert_array_equal(clone.x, polygon.x)
        assert clone.area() == polygon.area() == 4.0


class Tagged(poly_match_rs.Polygon):
    """A Python subclass with its own attribute (module level, so pickle can find it)."""

    label = "untagged"


def test_pickle_keeps_a_subclass_and_its_attributes():
    polygon = Tagged(np.array([0.0, 1, 1]), np.array([0.0, 0, 1]))
    polygon.label = "mine"
    clone = pickle.loads(pickle.dumps(polygon))
    assert type(clone) is Tagged
    assert clone.label == "mine"
    assert clone.area() == 0.5


def test_polygons_are_hashable_by_identity_and_immutable():
    a, b = square(0, 0), square(0, 0)
    assert a != b
    assert len({a, b}) == 2
    with pytest.raises(AttributeError):
        a.x = np.zeros(4)


# --- subclassing ---------------------------------------------------------------------------------------


class AreaInPython(poly_match_rs.Polygon):
    """The article's v2 driver: area() recomputed (and cached) in Python."""

    _area: float | None = None

    def area(self) -> float:
        if self._area is None:
            self._area = float(
                0.5 * np.abs(np.dot(self.x, np.roll(self.y, 1)) - np.dot(self.y, np.roll(self.x, 1)))
            )
        return self._area


def test_python_subclass_overrides_area_and_keeps_the_rust_center():
    x, y = poly_match.template()
    polygon = AreaInPython(x=x + 5, y=y)
    rust_area = poly_match_rs.Polygon(x + 5, y).area()
    assert rust_area == exact.exact_area(x + 5, y)
    assert abs(polygon.area() - rust_area) <= exact.rounding_bound(x + 5, y)  # numpy's own, within rounding
    assert polygon._area is not None
    np.testing.assert_array_equal(polygon.center, poly_match.Polygon(x=x + 5, y=y).center)
    assert isinstance(polygon, poly_match_rs.v2.Polygon)


def test_subclass_with_its_own_init():
    class Named(poly_match_rs.Polygon):
        def __init__(self, x, y, name="?"):
            super().__init__()
            self.name = name

    with pytest.raises(TypeError):
        Named(np.zeros(2), np.zeros(2), "a")  # __new__ takes exactly (x, y), as documented
    polygon = Named(np.zeros(2), np.zeros(2))
    assert polygon.name == "?"


def test_searches_return_the_subclass_instances_themselves():
    polygons = [AreaInPython(np.array([0.0, 1, 1]), np.array([0.0, 0, 1])) for _ in range(3)]
    points = np.zeros((1, 2))
    for search in SEARCHES_ONE:
        found = search(polygons, np.zeros(2), 5.0)
        assert all(a is b for a, b in zip(found, polygons, strict=True))
    ((_, best),) = poly_match_rs.best_polygons(polygons, points, 5.0)
    assert best is polygons[0]
    assert type(best) is AreaInPython


def test_best_polygons_uses_the_rust_area_not_an_override():
    class Liar(poly_match_rs.Polygon):
        def area(self) -> float:
            return -1.0

    honest, liar = square(0, 0, side=1), Liar(np.array([0.0, 3, 3, 0]), np.array([0.0, 0, 3, 3]))
    ((_, best),) = poly_match_rs.best_polygons([liar, honest], np.zeros((1, 2)), 10.0)
    assert best is honest


# --- the searches ---------------------------------------------------------------------------------------


def test_best_polygons_is_the_articles_main_with_exact_areas(article):
    polygons, points, expected = article
    assert answer(poly_match_rs.best_polygons(polygons, points, 10.0), polygons) == expected
    assert len(expected) == 100


def test_the_python_original_is_the_exact_answer_up_to_rounding():
    # Under any BLAS kernel, each polygon numpy picks is a candidate whose exact area is within rounding of
    # the smallest one (on this data it is a different polygon on most points: the copies nearly tie).
    polygons, points = poly_match.generate_example()
    assert exact.disagreements(polygons, points, poly_match.main(polygons, points)) == []


def test_the_up_to_rounding_check_can_fail():
    # On the article's data every candidate of a point is within rounding of the smallest (the copies'
    # exact areas differ by about 1e-12), so the check is shown failing on shapes that really differ:
    # the template scaled by 1, 1 + 1e-6 and 0.9, all centered near (5.5, 5.8).
    x, y = poly_match.template()
    polygons = [poly_match.Polygon(x=x * s + 5, y=y * s + 5) for s in (1.0, 1.0 + 1e-6, 0.9)]
    points = np.array([[5.5, 5.5]])
    assert exact.disagreements(polygons, points, [(points[0], polygons[2])]) == []
    for wrong in (polygons[0], polygons[1]):
        assert "larger than the smallest" in exact.disagreements(polygons, points, [(points[0], wrong)])[0]
    far = poly_match.Polygon(x=x + 50, y=y)
    assert "not close" in exact.disagreements([*polygons, far], points, [(points[0], far)])[0]
    assert exact.disagreements(polygons, points, []) != []


@pytest.mark.parametrize("step", ["v1", "v1_interned", "v2", "v3", "v4"])
def test_every_step_driver_reproduces_the_python_main(python_answer, step):
    # The steps keep the article's area() in Python (numpy): in one process, the same bits as the original.
    import importlib

    driver = importlib.import_module(f"ch3_polygons.poly_match_{step}")
    polygons, points = driver.generate_example()
    assert answer(driver.main(polygons, points), polygons) == python_answer


def test_the_best_driver_gives_the_exact_answer(article):
    from ch3_polygons import poly_match_best

    polygons, points = poly_match_best.generate_example()
    assert answer(poly_match_best.main(polygons, points), polygons) == article[2]


def test_the_yardsticks_give_the_python_answer(python_answer):
    pytest.importorskip("scipy")  # not among the wheels' test requirements
    from ch3_polygons import yardsticks

    polygons, points = poly_match.generate_example()
    for main in (yardsticks.numpy_main, yardsticks.scipy_main):
        assert answer(main(polygons, points), polygons) == python_answer


def test_rows_are_views_of_the_callers_points(article):
    polygons, points, _ = article
    for search in SEARCHES_MANY:
        for row, _ in search(polygons, points, 10.0):
            assert np.shares_memory(row, points)
            assert row.shape == (2,)


def test_strict_distance_as_in_python():
    polygon = square(-0.5, -0.5)  # center (0, 0)
    assert poly_match_rs.find_close_polygons([polygon], np.array([3.0, 4.0]), 5.0) == []
    assert poly_match_rs.find_close_polygons([polygon], np.array([3.0, 4.0]), 5.000001) == [polygon]
    assert poly_match_rs.v4.find_close_polygons([polygon], np.array([3.0, 4.0]), 5.0) == []


def test_ties_go_to_the_first_polygon():
    polygons = [square(0, 0), square(1, 1), square(0.5, 0.5)]
    points = np.array([[0.5, 0.5], [1.0, 1.0]])
    best = poly_match_rs.best_polygons(polygons, points, 10.0)
    assert [p is polygons[0] for _, p in best] == [True, True]


@pytest.mark.parametrize("max_dist", [math.nan, 0.0, -1.0, -math.inf])
def test_max_dist_that_admits_nothing(max_dist):
    polygons = [square(0, 0)]
    for search in SEARCHES_ONE:
        assert search(polygons, np.zeros(2), max_dist) == []
    for search in SEARCHES_MANY:
        assert search(polygons, np.zeros((700, 2)), max_dist) == []


def test_infinite_max_dist_admits_every_finite_center():
    polygons = [square(0, 0), square(1e300, 0), square(-5e3, 7)]
    found = poly_match_rs.find_close_polygons(polygons, np.zeros(2), math.inf)
    assert found == [polygons[0], polygons[2]]  # 1e300² overflows: infinitely far, as in numpy


def test_nan_and_infinite_points_match_nothing():
    polygons = [square(0, 0)]
    points = np.array([[math.nan, 0.0], [0.0, math.inf], [-math.inf, math.nan], [0.5, 0.5]])
    assert [tuple(row) for row, _ in poly_match_rs.best_polygons(polygons, points, math.inf)] == [(0.5, 0.5)]
    assert poly_match_rs.find_close_polygons(polygons, np.array([math.nan, 0.0]), 1.0) == []


def test_empty_inputs():
    assert poly_match_rs.best_polygons([], np.zeros((3, 2)), 1.0) == []
    assert poly_match_rs.best_polygons([square(0, 0)], np.zeros((0, 2)), 1.0) == []
    assert poly_match_rs.find_close_polygons([], np.zeros(2), 1.0) == []
    assert poly_match_rs.v4.find_all_close_polygons((), np.zeros((0, 2)), 1.0) == []


def test_any_iterable_of_polygons():
    polygons = [square(0, 0), square(50, 50)]
    point, points = np.zeros(2), np.zeros((1, 2))
    for container in (tuple(polygons), iter(polygons), (p for p in polygons)):
        assert poly_match_rs.find_close_polygons(container, point, 2.0) == polygons[:1]
    assert poly_match_rs.best_polygons(tuple(polygons), points, 2.0)[0][1] is polygons[0]
    for search in SEARCHES_V1:
        assert search(iter(polygons), point, 2.0) == polygons[:1]


LAYOUTS = {
    "C order": lambda a: np.ascontiguousarray(a),
    "Fortran order": lambda a: np.asfortranarray(a),
    "negative strides": lambda a: np.ascontiguousarray(a[::-1])[::-1],
    "sliced view": lambda a: np.repeat(a, 3, axis=1)[:, ::3],
    "read-only": read_only,
    "int64": lambda a: a.astype(np.int64),
    "float32": lambda a: a.astype(np.float32),
    "big-endian": lambda a: a.astype(">f8"),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_points_in_any_layout_give_the_same_answer(article, layout):
    polygons, points, expected = article
    arranged = LAYOUTS[layout](points)
    for search in (poly_match_rs.best_polygons,):
        assert answer(search(polygons, arranged, 10.0), polygons) == expected
    found = poly_match_rs.find_all_close_polygons(polygons, arranged, 10.0)
    reference = poly_match_rs.find_all_close_polygons(polygons, points, 10.0)
    assert [[id(p) for p in close] for _, close in found] == [
        [id(p) for p in close] for _, close in reference
    ]
    for row, _ in found:
        assert row.dtype == arranged.dtype  # the caller's own rows


@pytest.mark.parametrize("layout", ["negative strides", "sliced view", "read-only", "int64", "big-endian"])
def test_a_point_in_any_layout(article, layout):
    polygons, points, _ = article
    point = LAYOUTS[layout](points[:1])[0]
    expected = poly_match_rs.find_close_polygons(polygons, points[0], 10.0)
    for search in [*SEARCHES_ONE, *SEARCHES_V1]:
        assert search(polygons, point, 10.0) == expected


# --- bad input to the searches ------------------------------------------------------------------------


@pytest.mark.parametrize("search", [*SEARCHES_ONE, *SEARCHES_V1])
@pytest.mark.parametrize(
    ("point", "error", "message"),
    [
        (np.zeros(3), ValueError, r"point must be an array of shape \(2,\), got an array of shape \(3,\)"),
        (
            np.zeros((1, 2)),
            ValueError,
            r"point must be an array of shape \(2,\), got an array of shape \(1, 2\)",
        ),
        (np.zeros(()), ValueError, r"got an array of shape \(\)"),
        ([0.0, 0.0], TypeError, r"point must be a numpy array of shape \(2,\), not list"),
        ((0.0, 0.0), TypeError, "not tuple"),
        (np.zeros(2, dtype=complex), TypeError, "point must hold real numbers"),
    ],
)
def test_bad_point(search, point, error, message):
    with pytest.raises(error, match=message):
        search([square(0, 0)], point, 1.0)


@pytest.mark.parametrize("search", SEARCHES_MANY)
@pytest.mark.parametrize(
    ("points", "error", "message"),
    [
        (np.zeros(2), ValueError, r"points must be an array of shape \(N, 2\), got an array of shape \(2,\)"),
        (np.zeros((4, 3)), ValueError, r"got an array of shape \(4, 3\)"),
        (np.zeros((2, 2, 2)), ValueError, r"got an array of shape \(2, 2, 2\)"),
        ([[0.0, 0.0]], TypeError, r"points must be a numpy array of shape \(N, 2\), not list"),
        (None, TypeError, "not NoneType"),
        (np.zeros((1, 2), dtype=object), TypeError, "points must hold real numbers"),
    ],
)
def test_bad_points(search, points, error, message):
    with pytest.raises(error, match=message):
        search([square(0, 0)], points, 1.0)


@pytest.mark.parametrize("search", SEARCHES_ONE)
def test_an_item_that_is_not_a_polygon_is_named(search):
    with pytest.raises(TypeError, match=r"polygons\[1\] must be a poly_match_rs.Polygon, not dict"):
        search([square(0, 0), {"center": np.zeros(2)}], np.zeros(2), 1.0)


@pytest.mark.parametrize("search", SEARCHES_MANY)
def test_an_item_that_is_not_a_polygon_is_named_for_many_points(search):
    original = poly_match.Polygon(x=np.zeros(3), y=np.zeros(3))
    with pytest.raises(TypeError, match=r"polygons\[0\] must be a poly_match_rs.Polygon, not Polygon"):
        search([original], np.zeros((1, 2)), 1.0)


@pytest.mark.parametrize("search", [*SEARCHES_ONE, *SEARCHES_MANY, *SEARCHES_V1])
def test_polygons_that_are_not_iterable(search):
    with pytest.raises(TypeError, match="polygons must be a list of Polygon objects, not int"):
        search(5, np.zeros((1, 2)) if search in SEARCHES_MANY else np.zeros(2), 1.0)


@pytest.mark.parametrize("search", [*SEARCHES_ONE, *SEARCHES_MANY])
def test_max_dist_must_be_a_number(search):
    point = np.zeros((1, 2)) if search in SEARCHES_MANY else np.zeros(2)
    with pytest.raises(TypeError):
        search([square(0, 0)], point, "10")
    assert search([square(0, 0)], point, 10) != []  # an int is a number


# --- v1 (and v1_interned): arbitrary objects with .center ------------------------------------------------


@pytest.mark.parametrize("search", SEARCHES_V1)
def test_v1_takes_any_object_with_a_center(search):
    objects = [Centered(np.array([0.0, 0.0])), Centered(np.array([3, 4])), Centered(np.array([9.0, 9.0]))]
    assert search(objects, np.zeros(2), 6.0) == objects[:2]


@pytest.mark.parametrize("search", SEARCHES_V1)
def test_v1_lets_the_exception_of_center_through(search):
    with pytest.raises(CenterError, match="no center today"):
        search([Centered(np.zeros(2)), Exploding()], np.zeros(2), 1.0)


@pytest.mark.parametrize(
    ("center", "error", "message"),
    [
        (None, TypeError, r"polygons\[0\].center must be a numpy array of shape \(2,\), not NoneType"),
        (np.zeros(3), ValueError, r"polygons\[0\].center must be an array of shape \(2,\), got .*\(3,\)"),
        (np.array(["a", "b"]), TypeError, r"polygons\[0\].center must hold real numbers"),
    ],
)
@pytest.mark.parametrize("search", SEARCHES_V1)
def test_v1_bad_center(search, center, error, message):
    with pytest.raises(error, match=message):
        search([Centered(center)], np.zeros(2), 1.0)


@pytest.mark.parametrize("search", SEARCHES_V1)
def test_v1_missing_center_is_an_attribute_error(search):
    with pytest.raises(AttributeError, match="center"):
        search([object()], np.zeros(2), 1.0)


def test_v1_interned_is_v1_with_one_line_changed():
    # The exhibit measures one change (chapter 3 quotes its row): the rest of its source must stay v1's.
    source = (Path(__file__).resolve().parent.parent / "src" / "steps.rs").read_text()

    def body(module):
        start = source.index(f"pub mod {module} {{")
        function = source.index("    pub fn find_close_polygons", start)
        return source[function : source.index("\n    }\n", function)].splitlines()

    v1, interned = body("v1"), body("v1_interned")
    changed = [(a.strip(), b.strip()) for a, b in zip(v1, interned, strict=True) if a != b]
    assert changed == [
        (
            "// A new Python string per lookup, as in the article (`v1_interned` measures `intern!`).",
            '// The one change from v1: the string "center" is created once and kept, not made per lookup.',
        ),
        ('let center = item.getattr("center")?;', 'let center = item.getattr(intern!(py, "center"))?;'),
    ]


# --- threads, memory, the GIL -------------------------------------------------------------------------


def test_eight_threads_sharing_the_same_polygons(article):
    polygons, points, expected = article
    many = np.tile(points, (8, 1))  # 800 points: the grid and the thread pool
    expected_many = answer(poly_match_rs.best_polygons(polygons, many, 10.0), polygons)
    calls = [
        lambda: answer(poly_match_rs.best_polygons(polygons, points, 10.0), polygons) == expected,
        lambda: answer(poly_match_rs.best_polygons(polygons, many, 10.0), polygons) == expected_many,
        lambda: len(poly_match_rs.find_all_close_polygons(polygons, many, 10.0)) == 800,
        lambda: (
            poly_match_rs.find_close_polygons(polygons, points[0], 10.0)
            == poly_match_rs.v3.find_close_polygons(polygons, points[0], 10.0)
        ),
        lambda: len(poly_match_rs.v4.find_all_close_polygons(polygons, points, 10.0)) == 100,
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda i: calls[i % len(calls)](), range(8 * 25)))
    assert all(results)


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads the resident size from /proc")
def test_no_memory_growth_over_100_000_calls():
    polygons = [square(i % 10, i // 10) for i in range(20)]
    point, points = np.array([2.0, 0.5]), np.array([[2.0, 0.5], [50.0, 50.0]])
    objects = [Centered(np.array([1.0, 1.0]))] * 5

    def round_of_calls():
        poly_match_rs.find_close_polygons(polygons, point, 3.0)
        poly_match_rs.best_polygons(polygons, points, 3.0)
        poly_match_rs.find_all_close_polygons(polygons, points, 3.0)
        poly_match_rs.v1.find_close_polygons(objects, point, 3.0)
        poly_match_rs.v4.find_all_close_polygons(polygons, points, 3.0)
        poly_match_rs.Polygon(point, point)
        with contextlib.suppress(ValueError):
            poly_match_rs.best_polygons(polygons, point, 3.0)

    for _ in range(5_000):  # warm up the allocators
        round_of_calls()
    gc.collect()
    before = rss_bytes()
    for _ in range(20_000):  # 7 calls each: 140,000 calls
        round_of_calls()
    gc.collect()
    assert rss_bytes() - before < 8 * 1024 * 1024


def test_the_gil_is_released_during_the_search():
    # 5000 points, each near ~600 polygons: tens of milliseconds of searching with the GIL released, during
    # which another Python thread must run. Were the GIL held, it could not count at all during the call.
    rng = np.random.default_rng(1)
    polygons = [square(x, y) for x, y in rng.uniform(0, 100, size=(20_000, 2))]
    points = rng.uniform(0, 100, size=(5_000, 2))
    poly_match_rs.best_polygons(polygons, points, 10.0)  # start the thread pool
    counter, running = [0], threading.Event()
    stop = False

    def count():
        running.set()
        while not stop:
            counter[0] += 1

    thread = threading.Thread(target=count)
    thread.start()
    running.wait()
    try:
        before = counter[0]
        poly_match_rs.best_polygons(polygons, points, 10.0)
        during = counter[0] - before
    finally:
        stop = True
        thread.join()
    assert during > 1000


def test_a_forked_child_can_still_search():
    # The parent starts the thread pool, then forks; the child must build its own pool, not wait forever
    # for threads that fork() did not copy.
    child = textwrap.dedent(
        """
        import os, sys, numpy as np, poly_match_rs
        y = np.array([0.0, 0.0, 1.0])
        polygons = [poly_match_rs.Polygon(np.array([x, x + 1.0, x]), y) for x in range(50)]
        points = np.zeros((2000, 2))
        poly_match_rs.best_polygons(polygons, points, 5.0)
        pid = os.fork()
        if pid == 0:
            n = len(poly_match_rs.best_polygons(polygons, points, 5.0))
            os._exit(0 if n == 2000 else 3)
        _, status = os.waitpid(pid, 0)
        print("child", os.waitstatus_to_exitcode(status))
        """
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "child 0", done.stderr


# --- the module -----------------------------------------------------------------------------------------


def test_steps_are_importable_submodules():
    import poly_match_rs.v1
    from poly_match_rs import v4
    from poly_match_rs.v2 import Polygon, find_close_polygons

    assert poly_match_rs.v1.__name__ == "poly_match_rs.v1"
    assert v4.find_all_close_polygons.__name__ == "find_all_close_polygons"
    assert Polygon is poly_match_rs.Polygon
    assert find_close_polygons is poly_match_rs.v2.find_close_polygons
    assert sys.modules["poly_match_rs.v3"] is poly_match_rs.v3
    from poly_match_rs.v1_interned import find_close_polygons as interned

    assert poly_match_rs.v1_interned.__name__ == "poly_match_rs.v1_interned"
    assert interned is poly_match_rs.v1_interned.find_close_polygons


def test_help_reads_well():
    assert poly_match_rs.best_polygons.__text_signature__ == "(polygons, points, max_dist)"
    assert poly_match_rs.Polygon.__text_signature__ == "(x, y)"
    assert "smallest area" in poly_match_rs.best_polygons.__doc__
    assert "ValueError" in poly_match_rs.Polygon.__doc__
    assert "ndarray-linalg" in poly_match_rs.v1.find_close_polygons.__doc__
    assert poly_match_rs.v2.__doc__.startswith("Step 2")
    assert poly_match_rs.__version__.count(".") == 2
    assert Path(poly_match_rs.__file__).with_name("py.typed").exists()
