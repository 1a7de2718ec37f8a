"""Ctrl-C stops every call that can run long, and the calls that cannot are shown to finish.

Which calls can run long (measured on a 2-core machine; see docs/04-shipping.md, "Hardening"):

- fibo_rust.fibo(n) grows like 1.6**n: fibo(75) would take years. Tested in crates/fibo-py/tests.
- poly_match_rs.best_polygons and find_all_close_polygons (and PolygonIndex's queries, chapter 8) do up to
  points x polygons distance tests: 100,000
  polygons and a million points with an infinite max_dist are 10**11 tests, minutes of work. The search
  runs with the GIL released, where Python cannot run its signal handlers, so the wrapper watches for
  Ctrl-C from the calling thread and stops the search.
- poly_match_rs.v4.find_all_close_polygons (the article's step, GIL held) scans every polygon for every
  point; it checks for signals between points.
- Everything else is one pass over its input: string_doubles counts 100 million characters in at most
  about 1.3 s (count_doubles_tutorial of astral text, most of it CPython encoding the str to UTF-8, which
  str.encode() does not interrupt either), poly_match_rs.find_close_polygons reads a million polygons in
  about 15 ms. tests/test_huge_inputs.py runs those longest calls to completion.

Each test here runs a child process whose call would take minutes, sends it SIGINT half a second into
the call (from a timer thread, or a timer signal where the call holds the GIL), and expects
KeyboardInterrupt out of the call itself. Remove the wrapper's watch over the search (pool.rs), or the
signal check between points in v4, and the call runs to its end: the child outlives the 60 s timeout and
the test fails.
"""

import signal
import subprocess
import sys

import pytest

BUILD = """
import signal, sys, threading
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
            "signal.setitimer(signal.ITIMER_REAL, 0.5)\n"
        )
    # A real SIGINT, as Ctrl-C sends, raised by another thread while the call runs without the GIL.
    return "threading.Timer(0.5, signal.raise_signal, (signal.SIGINT,)).start()\n"


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
            "else:",
            "    print('finished')",
        ]
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "interrupted", done.stderr
