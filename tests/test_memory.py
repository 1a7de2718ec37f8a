"""No memory growth over a long run: 100,000 rounds of calls to every function of every wheel, good input
and bad, must leave the process's resident memory where a short warm-up run left it.

A leak of a single Python object per call (a forgotten reference on an error path, say) would add several
megabytes over 100,000 rounds; the allowance below is far under that and far above allocator noise.
`test_every_public_function_is_in_a_round` keeps the rounds complete when a wheel gains a function.

The 100,000 rounds use small inputs, so they never reach the paths that only big inputs take; those get
`test_no_growth_over_rounds_of_large_inputs`, over tests/every_call.py's large table.
"""

import gc
import inspect
import math
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

import aoc_rust
import boundary_cost
import every_call
import fibo_rust
import intervalues_pyrust
import numpy as np
import poly_match_rs
import pytest
import string_doubles
from memory_probe import rss_bytes

ROUNDS = 100_000
WARM_UP = 10_000
ALLOWANCE_BYTES = 2 * 1024 * 1024


def raises(call: Callable[[], object], error: type[BaseException]) -> Callable[[], None]:
    def run() -> None:
        try:
            call()
        except error:
            return
        raise AssertionError(f"{call} did not raise {error.__name__}")

    return run


def fibo_round() -> Callable[[], None]:
    bad_int = raises(lambda: fibo_rust.fibo(0), ValueError)
    too_big = raises(lambda: fibo_rust.fibo(10**30), OverflowError)
    not_int = raises(lambda: fibo_rust.fibo_tutorial("7"), TypeError)

    def run() -> None:
        fibo_rust.fibo(12)
        fibo_rust.fibo_tutorial(12)
        bad_int()
        too_big()
        not_int()

    return run


def boundary_round() -> Callable[[], None]:
    values = [0.5] * 64
    array = np.linspace(0.0, 1.0, 64)[::2]
    data = bytes(range(64))
    bad_list = raises(lambda: boundary_cost.sum_list([1.0, "x"]), TypeError)
    bad_array = raises(lambda: boundary_cost.sum_array(np.zeros(3, dtype=np.int32)), ValueError)

    def run() -> None:
        boundary_cost.sum_list(values)
        boundary_cost.sum_list_streaming(values)
        boundary_cost.sum_array(array)
        boundary_cost.sum_array_in_order(array)
        boundary_cost.sum_bytes(data)
        bad_list()
        bad_array()

    return run


def doubles_round() -> Callable[[], None]:
    # The same str objects every round, as a caller's long-lived strings: a UTF-8 copy cached inside one of
    # them (count_doubles_tutorial does that, as documented) is made once, not once per round.
    ascii_text, accented, astral = "abbcCddef" * 4, "é" * 9000, "🦀a" * 20
    with_surrogates, subclass = "x\ud800\ud800", every_call.Text("ééé")
    not_str = raises(lambda: string_doubles.count_doubles(None), TypeError)
    bytes_not_str = raises(lambda: string_doubles.count_doubles_bytes(b"aa"), TypeError)
    no_utf8 = [
        raises(lambda f=f: f(with_surrogates), UnicodeEncodeError)
        for f in (
            string_doubles.count_doubles_bytes,
            string_doubles.count_doubles_tutorial,
            string_doubles.count_doubles_bytes_tutorial,
            string_doubles.count_doubles_pairwise,
        )
    ]

    def run() -> None:
        string_doubles.count_doubles(ascii_text)
        string_doubles.count_doubles(accented)  # three chunks of code points
        string_doubles.count_doubles(with_surrogates)
        string_doubles.count_doubles(subclass)
        string_doubles.count_doubles_bytes(ascii_text)
        string_doubles.count_doubles_bytes(astral)
        string_doubles.count_doubles_tutorial(astral)
        string_doubles.count_doubles_bytes_tutorial(astral)
        string_doubles.count_doubles_pairwise(astral)
        not_str()
        bytes_not_str()
        for refused in no_utf8:
            refused()

    return run


def poly_round() -> Callable[[], None]:
    x, y = np.array([0.0, 1.0, 1.0, 0.0]), np.array([0.0, 0.0, 1.0, 1.0])
    polygons = [poly_match_rs.Polygon(x + i, y) for i in range(6)]
    point, points = np.array([2.0, 0.5]), np.array([[2.0, 0.5], [50.0, 50.0]])
    objects = [every_call.Centered(p.center) for p in polygons]
    exploding = [every_call.Exploding()]
    bad = [
        raises(lambda: poly_match_rs.Polygon(np.zeros(3), np.zeros(4)), ValueError),
        raises(lambda: poly_match_rs.Polygon([0.0], [0.0]), TypeError),
        raises(lambda: poly_match_rs.find_close_polygons(polygons, points, 3.0), ValueError),
        raises(lambda: poly_match_rs.find_all_close_polygons([*polygons, 5], points, 3.0), TypeError),
        raises(lambda: poly_match_rs.best_polygons(polygons, point, 3.0), ValueError),
        raises(lambda: poly_match_rs.v1.find_close_polygons(exploding, point, 3.0), every_call.CenterError),
        raises(lambda: poly_match_rs.v1.find_close_polygons([object()], point, 3.0), AttributeError),
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


def aoc_round() -> Callable[[], None]:
    polymer, data = "dabAcCaCBAcCcaDA" * 3 + "\n", b"abBAcCdx" * 5
    path = Path(tempfile.gettempdir()) / f"memory_round_polymer_{os.getpid()}.txt"
    path.write_bytes(data)
    bad = [
        raises(lambda: aoc_rust.run_polymerization("ab c"), ValueError),
        raises(lambda: aoc_rust.shortest_polymer("abé"), ValueError),
        raises(lambda: aoc_rust.shortest_polymer("ab\ud800"), ValueError),
        raises(lambda: aoc_rust.run_polymerization(None), TypeError),
        raises(lambda: aoc_rust.run_polymerization_vec(b"aA1"), ValueError),
        raises(lambda: aoc_rust.run_polymerization_str("aA\ud800"), UnicodeEncodeError),
        raises(lambda: aoc_rust.run_polymerization_file(path.with_suffix(".missing")), FileNotFoundError),
    ]

    def run() -> None:
        aoc_rust.run_polymerization(polymer)
        aoc_rust.run_polymerization(data)
        aoc_rust.shortest_polymer(polymer)
        aoc_rust.shortest_polymer(data)
        aoc_rust.run_polymerization_vec(data)
        aoc_rust.run_polymerization_str(polymer)
        aoc_rust.run_polymerization_file(path)
        for refused in bad:
            refused()

    return run


def intervals_round() -> Callable[[], None]:
    as_ints = [(i, i + 3, i % 5 - 2) for i in range(30)]
    as_floats = [(a / 2, b / 2, v / 3) for a, b, v in as_ints]
    columns = [np.array(c) for c in zip(*as_floats, strict=True)]
    int_columns = [np.array(c) for c in zip(*as_ints, strict=True)]
    wide = [(0.0, 1.0, 1e300), (0.0, 2.0, 5e-324), (0.5, 1.0, -1e300)]
    bad = [
        raises(lambda: intervalues_pyrust.combine_intervals_int([(1, 0, 1)]), ValueError),
        raises(lambda: intervalues_pyrust.combine_intervals_int([(0, 1.5, 1)]), TypeError),
        raises(lambda: intervalues_pyrust.combine_intervals_int([(0, 2**64, 1)]), OverflowError),
        raises(lambda: intervalues_pyrust.combine_intervals_float([(0.0, math.nan, 1.0)]), ValueError),
        raises(
            lambda: intervalues_pyrust.combine_intervals_float([(0.0, 1.0, 1e308), (0.0, 1.0, 1e308)]),
            OverflowError,
        ),
        raises(
            lambda: intervalues_pyrust.combine_intervals_arrays(columns[0], int_columns[1], columns[2]),
            TypeError,
        ),
        raises(
            lambda: intervalues_pyrust.combine_intervals_arrays(columns[0][:-1], columns[1], columns[2]),
            ValueError,
        ),
        raises(lambda: intervalues_pyrust.combine_intervals_phases([(1, 0, 1)]), ValueError),
    ]

    def run() -> None:
        intervalues_pyrust.combine_intervals_int(as_ints)
        intervalues_pyrust.combine_intervals_float(as_floats)
        intervalues_pyrust.combine_intervals_float(wide)
        intervalues_pyrust.combine_intervals_arrays(*columns)
        intervalues_pyrust.combine_intervals_arrays(*int_columns)
        intervalues_pyrust.combine_intervals_phases(as_ints)
        for refused in bad:
            refused()

    return run


ROUNDS_BY_WHEEL = {
    "fibo_rust": fibo_round,
    "string_doubles": doubles_round,
    "poly_match_rs": poly_round,
    "boundary_cost": boundary_round,
    "aoc_rust": aoc_round,
    "intervalues_pyrust": intervals_round,
}


@pytest.mark.parametrize("wheel", ROUNDS_BY_WHEEL)
def test_no_growth_over_100_000_rounds(wheel):
    one_round = ROUNDS_BY_WHEEL[wheel]()
    for _ in range(WARM_UP):
        one_round()
    gc.collect()
    before = rss_bytes()
    for _ in range(ROUNDS):
        one_round()
    gc.collect()
    grown = rss_bytes() - before
    assert grown < ALLOWANCE_BYTES, f"{wheel}: memory grew by {grown / 1e6:.1f} MB over {ROUNDS:,} rounds"


def test_every_public_function_is_in_a_round():
    source = "".join(inspect.getsource(builder) for builder in ROUNDS_BY_WHEEL.values())
    missing = [name for name in every_call.public_callables().values() if f"{name}(" not in source]
    assert not missing, f"no memory round calls {missing}"


LARGE_ROUNDS = 10
LARGE_ALLOWANCE_BYTES = 4 * 1024 * 1024


def thread_count() -> int | None:
    """The process's threads, Rust's included (Linux); None where /proc is missing."""
    try:
        with open("/proc/self/status") as status:
            return int(next(line for line in status if line.startswith("Threads:")).split()[1])
    except OSError:
        return None


def test_no_growth_over_rounds_of_large_inputs():
    """The paths only big inputs take: batches of a long non-ASCII str, the search's grid, thread pool and
    Ctrl-C watch, detached sums. A leaked 256 KiB batch buffer, a leaked grid or a leaked copy of the
    points grows the process by megabytes per round; a thread pool built per call and never joined adds
    threads."""
    table = every_call.calls("large")
    for _ in range(3):  # the allocator settles (measured: up to 1.5 MB of drift after 2 rounds, then flat)
        for call in table:
            call()
    gc.collect()
    before, threads_before = rss_bytes(), thread_count()
    for _ in range(LARGE_ROUNDS):
        for call in table:
            call()
    gc.collect()
    grown = rss_bytes() - before
    assert grown < LARGE_ALLOWANCE_BYTES, f"memory grew by {grown / 1e6:.1f} MB over {LARGE_ROUNDS} rounds"
    assert thread_count() == threads_before
