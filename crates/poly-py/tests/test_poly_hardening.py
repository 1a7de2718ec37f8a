"""poly_match_rs under pressure.

**The GIL.** The searches over many points let other Python threads run; the single-point search and the
article's step 4, documented to keep the GIL, are seen keeping it, which proves the method
(tests/support.py, `calls_done_when_main_woke`).

**Ctrl-C** stops every call that can run long. best_polygons and find_all_close_polygons (and
PolygonIndex's queries, chapter 8) do up to points x polygons distance tests: 100,000 polygons and a
million points with an infinite max_dist are 10**11 tests, minutes of work. The search runs with the GIL
released, where Python cannot run its signal handlers, so the wrapper watches for Ctrl-C from the calling
thread and stops the search. v4.find_all_close_polygons (the article's step, GIL held) scans every polygon
for every point; it checks for signals between points. find_close_polygons reads a million polygons in
about 15 ms (run to completion below). Each test runs a child process whose call would take minutes, sends
it SIGINT half a second into the call (from a timer thread, or a timer signal where the call holds the
GIL), and expects KeyboardInterrupt out of the call itself. Remove the wrapper's watch over the search, or
the signal check between points in v4, and the call runs to its end: the child outlives the 60 s timeout
and the test fails.

**A million polygons**, within a stated memory budget on top of the input (measured exactly on Linux,
where the peak can be reset; see tests/memory_probe.py): best_polygons and find_all_close_polygons copy
each polygon's center and area (24 bytes) and a reference to it, and build a grid of at most about 70
bytes per polygon: 128 bytes per polygon (128 MB for a million), plus the answers; the single-point
searches (find_close_polygons and the article's steps) keep one reference per polygon at most: 16 bytes
per polygon. The million polygons are triangles on a 1000 x 1000 lattice whose centers and areas are
exact, so the expected answer for any point can be worked out from its few lattice neighbours. A grid that
read the wrong cells, or an index off by one cell at the edge of the field, would give another answer here.
"""

import math
import signal
import subprocess
import sys
import time

import numpy as np
import poly_match_rs
import pytest
from memory_probe import rss_bytes
from records import record, record_huge, timed_peak_growth
from support import gil_tests, row_index

MB = 1024 * 1024

# --- the GIL ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def calls():
    """Inputs that take at least a millisecond of work per call, mostly with the GIL released."""
    rng = np.random.default_rng(5)
    y = np.array([0.0, 0.0, 1.0])
    polygons = [poly_match_rs.Polygon(np.array([x, x + 1.0, x]), y) for x in rng.uniform(0, 100, 20_000)]
    points = rng.uniform(0, 100, size=(2_000, 2))
    index = poly_match_rs.PolygonIndex(polygons, 10.0)
    many_points = rng.uniform(0, 100, size=(20_000, 2))
    return {
        "best_polygons": lambda: poly_match_rs.best_polygons(polygons, points, 10.0),
        "find_all_close_polygons": lambda: poly_match_rs.find_all_close_polygons(polygons, points[:300], 3.0),
        "PolygonIndex.best_indices": lambda: index.best_indices(many_points),
        # Documented to keep the GIL: the article's steps, a single-point search.
        "find_close_polygons": lambda: poly_match_rs.find_close_polygons(polygons, points[0], 10.0),
        "v4.find_all_close_polygons": lambda: poly_match_rs.v4.find_all_close_polygons(
            polygons, points[:20], 10.0
        ),
    }


RELEASES = ["best_polygons", "find_all_close_polygons", "PolygonIndex.best_indices"]
KEEPS = ["find_close_polygons", "v4.find_all_close_polygons"]

test_long_work_lets_other_threads_run, test_calls_that_keep_the_gil_are_told_apart = gil_tests(
    RELEASES, KEEPS
)


# --- Ctrl-C -----------------------------------------------------------------------------------------------

BUILD = """
import signal, sys, threading, time
import numpy as np
import poly_match_rs

# 100,000 polygons sharing one center, (1/3, 1/3): all in one grid cell, so every point near them reads
# all of them.
y = np.array([0.0, 0.0, 1.0])
polygons = [poly_match_rs.Polygon(np.array([0.0, 1.0, 0.0]), y) for _ in range(100_000)]
"""

CALLS = {
    # No grid for an infinite max_dist: a scan of every polygon for each of a million points.
    "best_polygons": "poly_match_rs.best_polygons(polygons, np.zeros((1_000_000, 2)), float('inf'))",
    # A grid, but every point 1.2 away from the one busy cell: 100,000 tests per point, none close.
    "find_all_close_polygons": (
        "poly_match_rs.find_all_close_polygons(polygons, np.full((1_000_000, 2), [1.5, 0.5]), 1.0)"
    ),
    # Chapter 8's index, built once with an infinite max_dist (no grid): a scan per point again.
    "PolygonIndex.best_indices": (
        "poly_match_rs.PolygonIndex(polygons, float('inf')).best_indices(np.zeros((1_000_000, 2)))"
    ),
    # The article's step 4 holds the GIL: no Python thread can run, so a timer signal does the interrupting.
    "v4.find_all_close_polygons": (
        "poly_match_rs.v4.find_all_close_polygons(polygons, np.full((1_000_000, 2), 5.0), 1.0)"
    ),
}


def interrupt_half_a_second_in(call: str) -> str:
    if call.startswith("v4."):
        # SIGALRM from the kernel needs no Python thread; its handler raises KeyboardInterrupt, as
        # Ctrl-C's does.
        return (
            "signal.signal(signal.SIGALRM, signal.default_int_handler)\n"
            "sent = time.perf_counter() + 0.5\n"
            "signal.setitimer(signal.ITIMER_REAL, 0.5)\n"
        )
    # A real SIGINT, as Ctrl-C sends, raised by another thread while the call runs without the GIL.
    return (
        "def interrupt():\n"
        "    global sent\n"
        "    sent = time.perf_counter()\n"
        "    signal.raise_signal(signal.SIGINT)\n"
        "threading.Timer(0.5, interrupt).start()\n"
    )


NEEDS_A_TIMER_SIGNAL = pytest.mark.skipif(
    not hasattr(signal, "setitimer"), reason="needs a timer signal (not on Windows)"
)


@pytest.mark.parametrize(
    "name",
    [
        "best_polygons",
        "find_all_close_polygons",
        "PolygonIndex.best_indices",
        pytest.param("v4.find_all_close_polygons", marks=NEEDS_A_TIMER_SIGNAL),
    ],
)
def test_ctrl_c_stops_a_long_search(name):
    child = "\n".join(
        [
            BUILD,
            interrupt_half_a_second_in(name),
            "try:",
            f"    {CALLS[name]}",
            "except KeyboardInterrupt:",
            "    print('interrupted')",
            "    print(time.perf_counter() - sent)",  # how long the call took to stop, in seconds
            "else:",
            "    print('finished')",
        ]
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    verdict, _, seconds = done.stdout.strip().partition("\n")
    assert verdict == "interrupted", done.stderr
    record("ctrl_c", call=name, seconds=float(seconds))


# --- a million polygons -----------------------------------------------------------------------------------

SIDE = 1000  # polygons on a SIDE x SIDE lattice: a million


def lattice_polygons():
    """A triangle centred exactly on each lattice point (i, j), polygon index i * SIDE + j, with area
    3 * s for s in 1, 1 + 1/128, ..: every coordinate a multiple of 1/128, so every sum is exact."""
    i, j = np.divmod(np.arange(SIDE * SIDE, dtype=np.float64), SIDE)
    s = 1.0 + ((i * 31 + j * 17) % 101) / 128
    xs = np.column_stack((i - 1, i + 1, i))
    ys = np.column_stack((j - s, j - s, j + 2 * s))
    return [poly_match_rs.Polygon(x, y) for x, y in zip(xs, ys, strict=True)], 3 * s


@pytest.fixture(scope="module")
def million():
    before, start = rss_bytes(), time.perf_counter()
    polygons, areas = lattice_polygons()
    record("build", polygons=len(polygons), seconds=time.perf_counter() - start, grown=rss_bytes() - before)
    rng = np.random.default_rng(11)
    # Points all over the field and past its edges, on lattice points and between them, and NaN.
    points = rng.uniform(-3.0, SIDE + 2.0, size=(1000, 2))
    points[::10] = np.round(points[::10])
    points[::97] = [math.nan, 5.0]
    index = {id(p): k for k, p in enumerate(polygons)}
    return polygons, areas, points, index


MAX_DIST = 1.5


def close_to(point):
    """Indices of the lattice polygons strictly closer than MAX_DIST to `point`, in index order, with the
    Python original's test (Python's float arithmetic rounds as numpy's and Rust's does)."""
    px, py = point
    if math.isnan(px) or math.isnan(py):
        return []
    found = []
    for i in range(max(0, math.floor(px) - 2), min(SIDE, math.floor(px) + 3)):
        for j in range(max(0, math.floor(py) - 2), min(SIDE, math.floor(py) + 3)):
            dx, dy = i - px, j - py
            if math.sqrt(dx * dx + dy * dy) < MAX_DIST:
                found.append(i * SIDE + j)
    return sorted(found)


def positions(index, found):
    """Positions in the input list (by identity: the searches return the caller's own objects)."""
    return [index[id(p)] for p in found]


def record_search(call, polygons, points, budget, grown, seconds):
    record_huge(call, budget, grown, seconds, polygons=len(polygons), points=len(points))


SEARCH_NAMES = {
    poly_match_rs.find_close_polygons: "find_close_polygons",
    poly_match_rs.v1.find_close_polygons: "v1.find_close_polygons",
    poly_match_rs.v1_interned.find_close_polygons: "v1_interned.find_close_polygons",
    poly_match_rs.v2.find_close_polygons: "v2.find_close_polygons",
    poly_match_rs.v3.find_close_polygons: "v3.find_close_polygons",
    poly_match_rs.v4.find_close_polygons: "v4.find_close_polygons",
}


@pytest.mark.soak
def test_a_million_polygons_best_polygons(million):
    polygons, areas, points, index = million
    best, grown, seconds = timed_peak_growth(lambda: poly_match_rs.best_polygons(polygons, points, MAX_DIST))
    assert grown < 128 * MB, f"best_polygons used {grown / MB:.0f} MB on top of its input"
    expected = []
    for k, point in enumerate(points):
        close = close_to(point)
        if close:
            expected.append((k, min(close, key=lambda c: (areas[c], c))))
    assert [(row_index(row, points), index[id(p)]) for row, p in best] == expected
    assert len(expected) > 900  # most points have close polygons
    record_search("best_polygons", polygons, points, 128 * MB, grown, seconds)


@pytest.mark.soak
def test_a_million_polygons_find_all_close_polygons(million):
    polygons, _, points, index = million
    found, grown, seconds = timed_peak_growth(
        lambda: poly_match_rs.find_all_close_polygons(polygons, points, MAX_DIST)
    )
    assert grown < 128 * MB, f"find_all_close_polygons used {grown / MB:.0f} MB on top of its input"
    expected = [(k, close) for k, point in enumerate(points) if (close := close_to(point))]
    assert [(row_index(row, points), positions(index, close)) for row, close in found] == expected
    record_search("find_all_close_polygons", polygons, points, 128 * MB, grown, seconds)


@pytest.mark.soak
@pytest.mark.parametrize(
    "search",
    [
        poly_match_rs.find_close_polygons,
        poly_match_rs.v1.find_close_polygons,
        poly_match_rs.v1_interned.find_close_polygons,
        poly_match_rs.v2.find_close_polygons,
        poly_match_rs.v3.find_close_polygons,
        poly_match_rs.v4.find_close_polygons,
    ],
    ids=["find_close_polygons", "v1", "v1_interned", "v2", "v3", "v4"],
)
def test_a_million_polygons_one_point(million, search):
    polygons, _, _, index = million
    point = np.array([SIDE - 1.0, SIDE - 1.25])  # in the last corner of the field
    found, grown, seconds = timed_peak_growth(lambda: search(polygons, point, MAX_DIST))
    assert grown < 16 * MB, f"{search.__name__} used {grown / MB:.0f} MB on top of its input"
    assert positions(index, found) == close_to(point)
    record_search(SEARCH_NAMES[search], polygons, [point], 16 * MB, grown, seconds)


@pytest.mark.soak
def test_a_million_polygons_v4_find_all_close_polygons(million):
    polygons, _, points, index = million
    few = points[:20]
    found, grown, seconds = timed_peak_growth(
        lambda: poly_match_rs.v4.find_all_close_polygons(polygons, few, MAX_DIST)
    )
    assert grown < 16 * MB, f"v4.find_all_close_polygons used {grown / MB:.0f} MB on top of its input"
    assert [positions(index, close) for _, close in found] == [c for p in few if (c := close_to(p))]
    record_search("v4.find_all_close_polygons", polygons, few, 16 * MB, grown, seconds)
