"""Every call that does long work lets other Python threads run while it works; the calls documented to keep
the GIL are shown to keep it, which proves the method.

The method, with no clock involved: CPython's forced switches are turned off (a switch interval of
1000 s), so a thread holding the GIL keeps it until it lets go by itself. A worker thread makes the same
call many times in a row; the main thread waits until the worker has started, and then needs the GIL to
wake up. If the call releases the GIL while it works, the main thread wakes while the worker is still
calling: fewer than all the calls are done. If it never releases the GIL, the main thread wakes only when
the worker is finished, with every call done.

So each "releases" case fails if its `py.detach` is removed (the count is then complete), and each
"keeps" case fails if the method stopped telling the two apart.
"""

import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import aoc_rust
import boundary_cost
import fibo_rust
import intervalues_pyrust
import numpy as np
import poly_match_rs
import pytest
import string_doubles

CALLS = 20


def calls_done_when_main_woke(call: Callable[[], object]) -> int:
    # Once first: a first call may import or initialise something (rust-numpy's borrow tracking, say),
    # which can let go of the GIL for reasons that have nothing to do with the call's own work.
    call()
    done: list[object] = []
    started = threading.Event()

    def work() -> None:
        started.set()
        for _ in range(CALLS):
            done.append(call())

    before = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        started.wait()
        woke_with = len(done)
        worker.join()
    finally:
        sys.setswitchinterval(before)
    assert len(done) == CALLS
    return woke_with


def long_inputs():
    """Inputs that take at least a millisecond of work per call, mostly with the GIL released."""
    rng = np.random.default_rng(5)
    # Sizes that keep each call's GIL-free stretches in the milliseconds, so that the main thread gets its
    # chance even on a busy machine.
    ascii_text = "ab" * 20_000_000
    other_text = "é" * 8_000_000
    y = np.array([0.0, 0.0, 1.0])
    polygons = [poly_match_rs.Polygon(np.array([x, x + 1.0, x]), y) for x in rng.uniform(0, 100, 20_000)]
    points = rng.uniform(0, 100, size=(2_000, 2))
    index = poly_match_rs.PolygonIndex(polygons, 10.0)
    many_points = rng.uniform(0, 100, size=(20_000, 2))
    values = rng.uniform(size=1_000_000)
    as_list, short_list = values.tolist(), values[:100_000].tolist()
    as_bytes = np.tile(values, 5).tobytes()
    polymer = "".join(rng.choice(list("aAbBcCdD"), size=2_000_000))
    polymer_file = Path(tempfile.gettempdir()) / f"test_gil_polymer_{os.getpid()}.txt"
    polymer_file.write_text(polymer)
    polymer_bytes = polymer.encode()
    starts = rng.integers(0, 10_000_000, 1_000_000)
    columns = [starts, starts + rng.integers(1, 100, 1_000_000), rng.integers(-5, 6, 1_000_000)]
    float_columns = [c.astype(np.float64) for c in columns]
    short = [c[:50_000] for c in columns]
    as_tuples = list(zip(*(c.tolist() for c in short), strict=True))
    as_float_tuples = list(zip(*(c.tolist() for c in float_columns[:3]), strict=True))[:50_000]
    return {
        "fibo": lambda: fibo_rust.fibo(30),
        "fibo_tutorial": lambda: fibo_rust.fibo_tutorial(29),
        "count_doubles, ASCII": lambda: string_doubles.count_doubles(ascii_text),
        "count_doubles, other text": lambda: string_doubles.count_doubles(other_text),
        "count_doubles_bytes, ASCII": lambda: string_doubles.count_doubles_bytes(ascii_text),
        "count_doubles_bytes, other text": lambda: string_doubles.count_doubles_bytes(other_text),
        "count_doubles_tutorial": lambda: string_doubles.count_doubles_tutorial(other_text),
        "count_doubles_bytes_tutorial": lambda: string_doubles.count_doubles_bytes_tutorial(other_text),
        "count_doubles_pairwise": lambda: string_doubles.count_doubles_pairwise(other_text),
        "best_polygons": lambda: poly_match_rs.best_polygons(polygons, points, 10.0),
        "find_all_close_polygons": lambda: poly_match_rs.find_all_close_polygons(polygons, points[:300], 3.0),
        "PolygonIndex.best_indices": lambda: index.best_indices(many_points),
        "sum_list": lambda: boundary_cost.sum_list(as_list),
        "sum_bytes": lambda: boundary_cost.sum_bytes(as_bytes),
        "run_polymerization": lambda: aoc_rust.run_polymerization(polymer),
        "shortest_polymer": lambda: aoc_rust.shortest_polymer(polymer[:300_000]),
        "run_polymerization_vec": lambda: aoc_rust.run_polymerization_vec(polymer_bytes[:300_000]),
        "run_polymerization_str": lambda: aoc_rust.run_polymerization_str(polymer),
        "run_polymerization_file": lambda: aoc_rust.run_polymerization_file(polymer_file),
        "combine_intervals_int": lambda: intervalues_pyrust.combine_intervals_int(as_tuples),
        "combine_intervals_float": lambda: intervalues_pyrust.combine_intervals_float(as_float_tuples),
        "combine_intervals_arrays, int64": lambda: intervalues_pyrust.combine_intervals_arrays(*columns),
        "combine_intervals_arrays, float64": lambda: intervalues_pyrust.combine_intervals_arrays(
            *float_columns
        ),
    }, {
        # Documented to keep the GIL: the article's steps, a single-point search, in-place array reads.
        "find_close_polygons": lambda: poly_match_rs.find_close_polygons(polygons, points[0], 10.0),
        "v4.find_all_close_polygons": lambda: poly_match_rs.v4.find_all_close_polygons(
            polygons, points[:20], 10.0
        ),
        "sum_array": lambda: boundary_cost.sum_array(values),
        "sum_array_in_order": lambda: boundary_cost.sum_array_in_order(values),
        "sum_list_streaming": lambda: boundary_cost.sum_list_streaming(short_list),
        # Below aoc_rust's 2**16-letter threshold: too short to be worth handing the GIL over.
        "run_polymerization, short polymer": lambda: aoc_rust.run_polymerization(polymer[:60_000]),
        "combine_intervals_phases": lambda: intervalues_pyrust.combine_intervals_phases(as_tuples),
    }


RELEASES = [
    "fibo",
    "fibo_tutorial",
    "count_doubles, ASCII",
    "count_doubles, other text",
    "count_doubles_bytes, ASCII",
    "count_doubles_bytes, other text",
    "count_doubles_tutorial",
    "count_doubles_bytes_tutorial",
    "count_doubles_pairwise",
    "best_polygons",
    "find_all_close_polygons",
    "PolygonIndex.best_indices",
    "sum_list",
    "sum_bytes",
    "run_polymerization",
    "shortest_polymer",
    "run_polymerization_vec",
    "run_polymerization_str",
    "run_polymerization_file",
    "combine_intervals_int",
    "combine_intervals_float",
    "combine_intervals_arrays, int64",
    "combine_intervals_arrays, float64",
]
KEEPS = [
    "find_close_polygons",
    "v4.find_all_close_polygons",
    "sum_array",
    "sum_array_in_order",
    "sum_list_streaming",
    "run_polymerization, short polymer",
    "combine_intervals_phases",
]


@pytest.fixture(scope="module")
def inputs():
    """Built once for this module, and freed after it (a few hundred megabytes)."""
    releases, keeps = long_inputs()
    assert list(releases) == RELEASES
    assert list(keeps) == KEEPS
    return {**releases, **keeps}


@pytest.mark.parametrize("name", RELEASES)
def test_long_work_lets_other_threads_run(inputs, name):
    assert calls_done_when_main_woke(inputs[name]) < CALLS


@pytest.mark.parametrize("name", KEEPS)
def test_calls_that_keep_the_gil_are_told_apart(inputs, name):
    assert calls_done_when_main_woke(inputs[name]) == CALLS
