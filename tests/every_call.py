"""Every public function of every wheel, called on good input and on bad: the table that the thread test
(tests/test_threads.py) and the memory test (tests/test_memory.py) run.

`calls(scale)` builds the inputs once and returns a list of `Call`s. Each call returns a plain value
that can be compared between runs (polygons become their positions in the shared input list, rows of
points become tuples, an exception becomes its type and message), so a call made on one thread can be
compared with the same call made on another.

Two scales:

- "small": inputs of a few dozen items, cheap enough to call 100,000 times;
- "large": inputs big enough to take every code path the wrappers have for big work: strings longer than
  string_doubles' GIL-release threshold (2**18 characters), read in several batches; enough points for
  poly_match_rs's thread pool (512) and enough points x polygons (2**24) for its Ctrl-C watch; lists,
  arrays and bytes long enough that boundary_cost releases the GIL for a noticeable time; polymers longer
  than aoc_rust's GIL-release threshold (2**16 letters), whose part b checks for Ctrl-C between reductions.

The inputs are shared: every call of a table reads the same str, list, array and Polygon objects, which is
what a user's thread pool does with its data.
"""

from __future__ import annotations

import importlib
import math
import pickle
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import support
from support import Centered, CenterError, Exploding, packed_field, read_only

__all__ = ["CenterError", "Centered", "Exploding", "Text"]

Text = support.MyStr  # a subclass of str, as a caller's own string type would be


def installed(name: str) -> Any:
    """The wheel's module, or None where it is not installed (its part of the table is then left out)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError:
        return None


fibo_rust = installed("fibo_rust")
string_doubles = installed("string_doubles")
poly_match_rs = installed("poly_match_rs")
boundary_cost = installed("boundary_cost")
aoc_rust = installed("aoc_rust")
intervalues_pyrust = installed("intervalues_pyrust")

WHEELS = [fibo_rust, string_doubles, poly_match_rs, boundary_cost, aoc_rust, intervalues_pyrust]
MODULES: list[ModuleType] = [
    module
    for wheel in WHEELS
    if wheel is not None
    for module in (
        [wheel, wheel.v1, wheel.v1_interned, wheel.v2, wheel.v3, wheel.v4]
        if wheel is poly_match_rs
        else [wheel]
    )
]


def public_callables() -> dict[int, str]:
    """Every public function and class of every installed wheel (submodules included): `id -> name`."""
    return support.public_callables(MODULES)


@dataclass(frozen=True)
class Call:
    """One call of the table: `covers` is the public function it exercises, `label` says how."""

    covers: Callable[..., Any]
    label: str
    run: Callable[[], Any]

    def __call__(self) -> Any:
        try:
            return self.run()
        except Exception as error:  # the exception is the answer; compared by type and message
            return ("raised", type(error).__name__, str(error))


def triangles(count: int, field: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Vertex arrays, shape (count, 3), of triangles at random places on a `field` x `field` square, with
    a few NaN and infinite vertices (polygons that are close to nothing)."""
    rng = np.random.default_rng(seed)
    corner = rng.uniform(0.0, field, size=(count, 2))
    side = rng.integers(1, 4, size=count).astype(np.float64)
    xs = np.column_stack((corner[:, 0], corner[:, 0] + side, corner[:, 0]))
    ys = np.column_stack((corner[:, 1], corner[:, 1], corner[:, 1] + side))
    xs[::97, 1] = math.nan
    ys[::89, 2] = math.inf
    return xs, ys


def polygon_answer(polygons: list[Any]) -> Callable[[Any], Any]:
    """Turns a search result into positions in `polygons` (checking identity) and rows into tuples."""
    position = {id(p): i for i, p in enumerate(polygons)}

    def convert(result: Any) -> Any:
        if isinstance(result, list):
            return [convert(item) for item in result]
        if isinstance(result, tuple):
            return tuple(convert(item) for item in result)
        if isinstance(result, np.ndarray):
            return ("row", tuple(result.tolist()))
        return position[id(result)]

    return convert


def polygon_facts(polygon: Any) -> tuple[Any, ...]:
    """Everything a Polygon shows: vertices, center, area, repr, and what pickling rebuilds."""
    clone = pickle.loads(pickle.dumps(polygon))
    return (
        tuple(polygon.x.tolist()),
        tuple(polygon.y.tolist()),
        tuple(polygon.center.tolist()),
        polygon.area(),
        repr(polygon),
        clone.area(),
        tuple(clone.center.tolist()),
    )


def calls(scale: str, workdir: Path) -> list[Call]:
    """The table for `scale` ("small" or "large"), for the wheels installed; see the module notes. The
    file that aoc_rust.run_polymerization_file reads is written into `workdir` (a test's tmp_path)."""
    large = scale == "large"
    parts = [
        (fibo_rust, lambda: fibo_calls(large)),
        (string_doubles, lambda: doubles_calls(large)),
        (poly_match_rs, lambda: poly_calls(large)),
        (boundary_cost, lambda: boundary_calls(large)),
        (aoc_rust, lambda: aoc_calls(large, workdir)),
        (intervalues_pyrust, lambda: intervals_calls(large)),
    ]
    return [call for wheel, part in parts if wheel is not None for call in part()]


def fibo_calls(large: bool) -> Iterator[Call]:
    n = 27 if large else 12
    yield Call(fibo_rust.fibo, f"fibo({n})", lambda: fibo_rust.fibo(n))
    yield Call(fibo_rust.fibo_tutorial, f"fibo_tutorial({n})", lambda: fibo_rust.fibo_tutorial(n))
    for bad in (0, -(2**200), 94, 10**30, "7", 7.0, math.nan, None):
        yield Call(fibo_rust.fibo, f"fibo({bad!r})", lambda bad=bad: fibo_rust.fibo(bad))
        yield Call(
            fibo_rust.fibo_tutorial, f"fibo_tutorial({bad!r})", lambda bad=bad: fibo_rust.fibo_tutorial(bad)
        )
    yield Call(fibo_rust.fibo, "fibo(True)", lambda: fibo_rust.fibo(True))


def doubles_calls(large: bool) -> Iterator[Call]:
    n = 300_000 if large else 9_000  # large: past the GIL-release threshold, several batches
    rng = np.random.default_rng(7)
    # Doubled letters now and then, from alphabets of 1, 2 and 4 bytes per character in CPython.
    ascii_text = "".join(rng.choice(list("aab"), size=n))
    latin = "".join(rng.choice(list("éèaa"), size=n))
    astral = "".join(rng.choice(list("🦀🦀a中"), size=n))
    surrogates = "".join(rng.choice(["\ud800", "\ud800", "a", "é"], size=n))
    texts = {
        "ascii": ascii_text,
        "latin-1": latin,
        "astral": astral,
        "surrogates": surrogates,
        "str subclass": Text(latin),
        "empty": "",
        "one character": "é",
    }
    utf8_functions = [
        string_doubles.count_doubles_bytes,
        string_doubles.count_doubles_tutorial,
        string_doubles.count_doubles_bytes_tutorial,
        string_doubles.count_doubles_pairwise,
    ]
    for kind, text in texts.items():
        yield Call(string_doubles.count_doubles, kind, lambda text=text: string_doubles.count_doubles(text))
        for function in utf8_functions:  # the surrogates raise UnicodeEncodeError: that is the answer
            yield Call(function, kind, lambda function=function, text=text: function(text))
    for function in [string_doubles.count_doubles, *utf8_functions]:
        for bad in (None, b"aa", ["a", "a"]):
            yield Call(function, f"{bad!r}", lambda function=function, bad=bad: function(bad))


def poly_calls(large: bool) -> Iterator[Call]:
    # large: 30,000 polygons and 600 points are past the thread pool's 512 points and the Ctrl-C watch's
    # 2**24 distance tests; small: a handful of each.
    count, field, n_points = (30_000, 1000.0, 600) if large else (40, 12.0, 6)
    xs, ys = triangles(count, field, seed=1)
    polygons = [poly_match_rs.Polygon(x, y) for x, y in zip(xs, ys, strict=True)]
    answer = polygon_answer(polygons)
    rng = np.random.default_rng(2)
    points = rng.uniform(0.0, field, size=(n_points, 2))
    points[::50] = [math.nan, 1.0]
    point = points[1].copy()
    few = points[:20]
    max_dist = 10.0 if large else 3.0
    layouts = {
        "C order": points,
        "Fortran order": np.asfortranarray(points),
        "read-only": read_only(points),
        "strided": np.repeat(points, 2, axis=0)[::2],
        "int64": np.nan_to_num(points).astype(np.int64),
    }
    # The article's steps 1 and 2 are slow per polygon (that is their point): they get the first 3,000.
    some = polygons[:3000]
    objects = [Centered(p.center) for p in some]
    shared_x, shared_y = xs[3], ys[3]

    yield Call(
        poly_match_rs.Polygon,
        "Polygon from shared arrays",
        lambda: polygon_facts(poly_match_rs.Polygon(shared_x, shared_y)),
    )
    yield Call(
        poly_match_rs.Polygon,
        "Polygon from a strided view",
        lambda: polygon_facts(poly_match_rs.Polygon(xs[:, 0][::-7], ys[:, 1][::-7])),
    )
    yield Call(poly_match_rs.Polygon, "a shared Polygon's attributes", lambda: polygon_facts(polygons[5]))
    for label, x, y in [
        ("lengths differ", np.zeros(3), np.zeros(4)),
        ("empty", np.zeros(0), np.zeros(0)),
        ("a list", [0.0, 1.0], [0.0, 1.0]),
        ("complex", np.zeros(2, dtype=complex), np.zeros(2)),
        ("2-D", np.zeros((2, 2)), np.zeros(2)),
    ]:
        yield Call(poly_match_rs.Polygon, label, lambda x=x, y=y: poly_match_rs.Polygon(x, y))

    for function, searched in [
        (poly_match_rs.find_close_polygons, polygons),
        (poly_match_rs.v3.find_close_polygons, polygons),
        (poly_match_rs.v4.find_close_polygons, polygons),
        (poly_match_rs.v2.find_close_polygons, some),
        (poly_match_rs.v1.find_close_polygons, some),
        (poly_match_rs.v1_interned.find_close_polygons, some),
    ]:
        for dist in (max_dist, math.nan, math.inf, 0.0):
            yield Call(
                function, f"max_dist={dist}", lambda f=function, s=searched, d=dist: answer(f(s, point, d))
            )
        yield Call(function, "point of shape (3,)", lambda f=function: f(polygons, np.zeros(3), 1.0))
        yield Call(function, "point as a list", lambda f=function: f(polygons, [0.0, 0.0], 1.0))
        yield Call(
            function,
            "an item that is not a Polygon",
            lambda f=function: f([polygons[0], {"center": 1}], point, 1.0),
        )
        yield Call(function, "no polygons", lambda f=function: f([], point, 1.0))
    by_position = polygon_answer(objects)
    for v1 in (poly_match_rs.v1.find_close_polygons, poly_match_rs.v1_interned.find_close_polygons):
        yield Call(v1, "any objects with .center", lambda v1=v1: by_position(v1(objects, point, max_dist)))
        yield Call(v1, ".center raises", lambda v1=v1: v1([objects[0], Exploding()], point, 1.0))
        yield Call(v1, "no .center", lambda v1=v1: v1([object()], point, 1.0))
        yield Call(v1, ".center of shape (3,)", lambda v1=v1: v1([Centered(np.zeros(3))], point, 1.0))

    for function in [poly_match_rs.best_polygons, poly_match_rs.find_all_close_polygons]:
        for layout, arranged in layouts.items():
            yield Call(function, layout, lambda f=function, p=arranged: answer(f(polygons, p, max_dist)))
        for dist in (math.nan, math.inf, -1.0):
            # An infinite max_dist finds nearly every polygon for every point: three points are plenty.
            yield Call(
                function, f"max_dist={dist}", lambda f=function, d=dist: answer(f(polygons, few[:3], d))
            )
        yield Call(function, "no points", lambda f=function: answer(f(polygons, np.zeros((0, 2)), max_dist)))
        yield Call(function, "no polygons", lambda f=function: answer(f((), points, max_dist)))
        yield Call(function, "points of shape (2,)", lambda f=function: f(polygons, point, max_dist))
        yield Call(
            function, "points of shape (4, 3)", lambda f=function: f(polygons, np.zeros((4, 3)), max_dist)
        )
        yield Call(
            function, "an item that is not a Polygon", lambda f=function: f([*polygons[:3], 5], few, max_dist)
        )
    # One PolygonIndex shared by every call (and so by every thread of the thread test), as a service would.
    index = poly_match_rs.PolygonIndex(polygons, max_dist)
    clone = pickle.loads(pickle.dumps(index))
    new_index = poly_match_rs.PolygonIndex
    for layout, arranged in layouts.items():
        yield Call(new_index, f"best_indices, {layout}", lambda p=arranged: index.best_indices(p).tolist())
    yield Call(new_index, "best_polygons", lambda: answer(index.best_polygons(points)))
    yield Call(new_index, "find_all_close_polygons", lambda: answer(index.find_all_close_polygons(few)))
    yield Call(new_index, "unpickled, best_indices", lambda: clone.best_indices(points).tolist())
    yield Call(
        new_index,
        "unpickled, best_polygons",
        lambda: [(tuple(row), polygon_facts(p)) for row, p in clone.best_polygons(few)],
    )
    yield Call(new_index, "pickled size", lambda: len(pickle.dumps(index)))
    yield Call(new_index, "len and repr", lambda: (len(index), repr(index), index.max_dist))
    yield Call(new_index, "built and asked", lambda: new_index(polygons[:50], 3.0).best_indices(few).tolist())
    yield Call(new_index, "max_dist=nan", lambda: new_index(polygons, math.nan))
    yield Call(new_index, "max_dist=-1", lambda: new_index(polygons, -1.0))
    yield Call(new_index, "no polygons", lambda: new_index([], 1.0).best_indices(points).tolist())
    yield Call(new_index, "an item that is not a Polygon", lambda: new_index([*polygons[:3], 5], 1.0))
    yield Call(new_index, "points of shape (2,)", lambda: index.best_indices(point))
    yield Call(new_index, "points of shape (4, 3)", lambda: index.best_polygons(np.zeros((4, 3))))
    rebuild, _ = index.__reduce__()
    bad_starts = np.array([0, 2, 2, 3])
    yield Call(new_index, "damaged state", lambda: rebuild(1.0, np.zeros(3), np.zeros(3), bad_starts))

    v4_all = poly_match_rs.v4.find_all_close_polygons
    yield Call(v4_all, "few points", lambda: answer(v4_all(polygons, few, max_dist)))
    yield Call(v4_all, "max_dist=nan", lambda: answer(v4_all(polygons, few, math.nan)))
    yield Call(v4_all, "points of shape (2,)", lambda: v4_all(polygons, point, max_dist))


def boundary_calls(large: bool) -> Iterator[Call]:
    n = 1_000_000 if large else 64
    values = np.random.default_rng(3).uniform(-1.0, 1.0, size=n)
    as_list = values.tolist()
    with_nan = [*as_list[:10], math.nan, math.inf]
    data = np.random.default_rng(4).integers(0, 256, size=n, dtype=np.uint8).tobytes()
    arrays = {
        "contiguous": values,
        "strided": values[::3],
        "reversed": values[::-1],
        "read-only": read_only(values),
        "packed field": packed_field(values[: n // 10]),
        "empty": np.zeros(0),
    }
    for function in (boundary_cost.sum_list, boundary_cost.sum_list_streaming):
        yield Call(function, "floats", lambda f=function: f(as_list))
        yield Call(function, "nan and inf", lambda f=function: repr(f(with_nan)))
        yield Call(function, "empty", lambda f=function: f([]))
        yield Call(function, "a str in the list", lambda f=function: f([1.0, "2"]))
        yield Call(function, "a tuple", lambda f=function: f((1.0, 2.0)))
    for function in (boundary_cost.sum_array, boundary_cost.sum_array_in_order):
        for layout, array in arrays.items():
            yield Call(function, layout, lambda f=function, a=array: f(a))
        yield Call(function, "int64", lambda f=function: f(np.arange(3)))
        yield Call(function, "a list", lambda f=function: f([1.0]))
    yield Call(boundary_cost.sum_bytes, "bytes", lambda: boundary_cost.sum_bytes(data))
    yield Call(boundary_cost.sum_bytes, "empty", lambda: boundary_cost.sum_bytes(b""))
    yield Call(boundary_cost.sum_bytes, "a str", lambda: boundary_cost.sum_bytes("text"))


def aoc_calls(large: bool, workdir: Path) -> Iterator[Call]:
    n = 200_000 if large else 60  # large: past aoc_rust's GIL-release threshold
    rng = np.random.default_rng(8)
    # Few distinct letters, so that reactions are common and nest.
    polymer = "".join(rng.choice(list("aAbBcCdD"), size=n)) + "\n"
    data = polymer.encode()
    path = workdir / f"every_call_polymer_{n}.txt"
    path.write_bytes(data)
    inputs = {
        "str": polymer,
        "bytes": data,
        "str subclass": Text(polymer),
        "empty": "",
        "a space inside": polymer[: n // 2] + " " + polymer[n // 2 :],
        "non-ASCII": polymer[:-1] + "é",
        "a lone surrogate": "aA\ud800",
        "bytes not ASCII": data[:10] + b"\xc3\xa9",
    }
    for function in (aoc_rust.run_polymerization, aoc_rust.shortest_polymer):
        for kind, value in inputs.items():
            yield Call(function, kind, lambda f=function, v=value: f(v))
        for bad in (None, 5, bytearray(b"aA"), ["a"]):
            yield Call(function, f"{bad!r}", lambda f=function, bad=bad: f(bad))
    vec, text = aoc_rust.run_polymerization_vec, aoc_rust.run_polymerization_str
    yield Call(vec, "bytes", lambda: vec(data))
    yield Call(vec, "bad bytes", lambda: vec(b"aA1"))
    yield Call(vec, "a str", lambda: vec("aA"))
    yield Call(text, "str", lambda: text(polymer))
    yield Call(text, "a lone surrogate", lambda: text("aA\ud800"))
    yield Call(text, "bytes", lambda: text(b"aA"))
    read = aoc_rust.run_polymerization_file
    yield Call(read, "a file", lambda: read(path))
    yield Call(read, "a missing file", lambda: read(path.with_suffix(".missing")))
    yield Call(read, "None", lambda: read(None))


def intervals_calls(large: bool) -> Iterator[Call]:
    # large: 200,000 intervals, a sort and sweep of some milliseconds with the GIL released.
    n = 200_000 if large else 40
    rng = np.random.default_rng(8)
    starts = rng.integers(0, 10 * n, n)
    columns = [starts, starts + rng.integers(0, 60, n), rng.integers(-3, 4, n)]
    float_columns = [columns[0] / 4, columns[1] / 4, rng.uniform(-1.0, 1.0, n)]
    as_ints = list(zip(*(c.tolist() for c in columns), strict=True))
    as_floats = list(zip(*(c.tolist() for c in float_columns), strict=True))
    wide = [(0.0, 1.0, 1e300), (0.0, 2.0, 5e-324), (0.5, 1.0, -1e300)]
    r = intervalues_pyrust

    def arrays(result: Any) -> Any:
        return tuple(tuple(a.tolist()) for a in result) if isinstance(result, tuple) else result

    yield Call(r.combine_intervals_int, "ints", lambda: r.combine_intervals_int(as_ints))
    yield Call(r.combine_intervals_float, "floats", lambda: r.combine_intervals_float(as_floats))
    yield Call(r.combine_intervals_float, "wide sums", lambda: r.combine_intervals_float(wide))
    yield Call(r.combine_intervals_arrays, "int64", lambda: arrays(r.combine_intervals_arrays(*columns)))
    yield Call(
        r.combine_intervals_arrays, "float64", lambda: arrays(r.combine_intervals_arrays(*float_columns))
    )
    yield Call(
        r.combine_intervals_arrays,
        "strided",
        lambda: arrays(r.combine_intervals_arrays(*(c[::-3] for c in float_columns))),
    )
    yield Call(r.combine_intervals_phases, "ints", lambda: r.combine_intervals_phases(as_ints)[0])
    yield Call(
        r.combine_intervals_phases, "floats", lambda: r.combine_intervals_phases(as_floats, floats=True)[0]
    )
    for bad in ([(1, 0, 1)], [(0, 1.5, 1)], [(0, 2**64, 1)], [(0, 1)], "abc", None):
        yield Call(r.combine_intervals_int, repr(bad), lambda bad=bad: r.combine_intervals_int(bad))
    for bad in ([(0.0, math.nan, 1.0)], [(0.0, 1.0, 1e308), (0.0, 1.0, 1e308)], [(1.0, 0.0, 1.0)]):
        yield Call(r.combine_intervals_float, repr(bad), lambda bad=bad: r.combine_intervals_float(bad))
    for label, bad_arrays in [
        ("mixed dtypes", (columns[0], columns[1], float_columns[2])),
        ("lengths differ", (columns[0][:-1], columns[1], columns[2])),
        ("a list", (as_ints, columns[1], columns[2])),
        ("int64 overflow", (np.zeros(2, np.int64), np.ones(2, np.int64), np.full(2, 2**62, np.int64))),
    ]:
        yield Call(r.combine_intervals_arrays, label, lambda a=bad_arrays: r.combine_intervals_arrays(*a))
