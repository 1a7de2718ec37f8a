"""Chapter 5 under numba: the array summed in place by `@numba.njit`, in order and in numpy's order.

    python examples/ch5_boundary/sum_numba.py

The same two loops as boundary_cost's `sum_array_in_order` and `sum_array`: one addition after another
from 0.0, and numpy's pairwise order (blocks of at most 128 numbers summed over eight running sums, halves
split at a multiple of 8), which gives `array.sum()`'s bits. numba compiles each on its first call (or on
`.compile(SIGNATURE)`), once per process; the tour times that on its own line.
"""

from __future__ import annotations

import sys
import time

import numba
import numpy as np

SIGNATURE = "float64(float64[::1])"
BLOCK = 128


@numba.njit(cache=False)
def sum_in_order(values):
    """0.0 + v0 + v1 + ..., left to right: a Python loop's `total += v`."""
    total = 0.0
    for i in range(values.shape[0]):
        total += values[i]
    return total


@numba.njit(cache=False)
def _pairwise(values, start, n):
    if n < 8:
        total = -0.0
        for i in range(start, start + n):
            total += values[i]
        return total
    if n <= BLOCK:
        r0, r1, r2, r3 = values[start], values[start + 1], values[start + 2], values[start + 3]
        r4, r5, r6, r7 = values[start + 4], values[start + 5], values[start + 6], values[start + 7]
        i = 8
        while i + 8 <= n:
            j = start + i
            r0 += values[j]
            r1 += values[j + 1]
            r2 += values[j + 2]
            r3 += values[j + 3]
            r4 += values[j + 4]
            r5 += values[j + 5]
            r6 += values[j + 6]
            r7 += values[j + 7]
            i += 8
        total = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        for k in range(start + i, start + n):
            total += values[k]
        return total
    half = n // 2
    half -= half % 8
    return _pairwise(values, start, half) + _pairwise(values, start + half, n - half)


@numba.njit(cache=False)
def sum_numpy_order(values):
    """The sum in numpy's pairwise order: the same bits as `values.sum()`."""
    return 0.0 + _pairwise(values, 0, values.shape[0])


def main() -> None:
    values = np.array([float(i % 1000) / 7 for i in range(1_000_000)])
    for function in (sum_in_order, sum_numpy_order):
        before = time.perf_counter()
        function.compile(SIGNATURE)
        compiled = time.perf_counter()
        total = function(values)
        after = time.perf_counter()
        same = np.float64(total).tobytes() == values.sum().tobytes()
        print(
            f"{function.__name__}: compiled in {compiled - before:.2f} s; {total!r} in "
            f"{(after - compiled) * 1e3:.3f} ms; array.sum()'s bits: {same}"
        )


if __name__ == "__main__":
    sys.exit(main())
