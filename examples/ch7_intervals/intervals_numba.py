"""Chapter 7 under numba: the interval combination on numpy arrays, as one `@numba.njit` sweep.

    python examples/ch7_intervals/intervals_numba.py [n]

The same algorithm as the Rust core behind `combine_intervals_arrays` and as the package's Python: the net
change of the sum at each start and stop, the positions sorted once, a running total walked over them,
touching segments with equal values merged. Integer intervals only: the float contract sums the values
exactly and rounds once, which a float64 running total does not do (the tour says so instead of timing
an inexact row). numba's int64 arithmetic wraps on overflow without a word; the package raises.
numba compiles `combine` on its first call (or on `.compile(SIGNATURE)`), once per process.
"""

from __future__ import annotations

import sys
import time

import numba
import numpy as np

SIGNATURE = "UniTuple(int64[::1], 3)(int64[::1], int64[::1], int64[::1])"


@numba.njit(cache=False)
def combine(starts, stops, values):
    """(starts, stops, values) of the disjoint segments where the covering values add up to non-zero."""
    n = starts.shape[0]
    positions = np.empty(2 * n, dtype=np.int64)
    changes = np.empty(2 * n, dtype=np.int64)
    m = 0
    for i in range(n):
        if starts[i] > stops[i]:
            raise ValueError("an interval's start is greater than its stop")
        if starts[i] < stops[i] and values[i] != 0:
            positions[m] = starts[i]
            changes[m] = values[i]
            positions[m + 1] = stops[i]
            changes[m + 1] = -values[i]
            m += 2
    order = np.argsort(positions[:m])
    out_start = np.empty(m, dtype=np.int64)
    out_stop = np.empty(m, dtype=np.int64)
    out_value = np.empty(m, dtype=np.int64)
    k = 0
    total = 0
    previous = 0
    i = 0
    while i < m:
        position = positions[order[i]]
        change = 0
        while i < m and positions[order[i]] == position:
            change += changes[order[i]]
            i += 1
        if total != 0:
            if k > 0 and out_value[k - 1] == total and out_stop[k - 1] == previous:
                out_stop[k - 1] = position
            else:
                out_start[k] = previous
                out_stop[k] = position
                out_value[k] = total
                k += 1
        total += change
        previous = position
    return out_start[:k].copy(), out_stop[:k].copy(), out_value[:k].copy()


def main(n: int) -> None:
    rng = np.random.default_rng(7)
    starts = rng.integers(0, 10 * n, n)
    stops = starts + rng.integers(1, 100, n)
    values = rng.integers(-9, 10, n)
    before = time.perf_counter()
    combine.compile(SIGNATURE)
    compiled = time.perf_counter()
    segments = combine(starts, stops, values)
    print(
        f"numba: compiled in {compiled - before:.2f} s; {len(segments[0]):,} segments from {n:,} intervals "
        f"in {(time.perf_counter() - compiled) * 1e3:.2f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
