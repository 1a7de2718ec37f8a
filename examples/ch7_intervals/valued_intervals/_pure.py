"""The pure-Python combination of valued intervals: the package's fallback, and the reference that the
Rust wheel `intervalues_pyrust` is tested against.

The contract (the same, word for word, as the wheel's): an interval `(start, stop, value)` covers
`[start, stop)` with `value`. Combining gives the sorted, disjoint segments on which the values of the
covering intervals add up to something other than zero; touching segments with equal values merge.
`start == stop` covers nothing; `start > stop` is a ValueError.

- `combine_int`: every number an int within 64 bits (OverflowError otherwise); the sums are exact ints.
- `combine_float`: every number a finite real (ValueError for NaN and infinities); each value is the exact
  sum of the covering values, rounded once to the nearest float. The sum is kept exact by counting in
  units of the smallest power of two any value needs (every float is a whole number of such units), so
  Python's int arithmetic does the work and `int / int` does the one rounding.

The sweep: the net change of the sum at each position goes into a dict (positions are hashed here,
Python floats hash fine), the positions are sorted once, and a running total walks them. Input is checked
in one pass, with a fast path for plain ints and floats; the first problem found is raised at the end of
the pass, in the order the Rust wheel finds problems (a number that does not convert before a NaN or a
reversed interval), so that both raise the same exception for the same input.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import index
from typing import Any

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
_FIELDS = ("start", "stop", "value")


def _sequence(intervals: Any) -> Sequence[Any]:
    """The intervals, if they are a sequence as pyo3's `Vec<(T, T, T)>` accepts it (a str is not)."""
    if isinstance(intervals, (str, bytes, bytearray)) or not isinstance(intervals, Sequence):
        raise TypeError(
            f"intervals must be a sequence of (start, stop, value) tuples, not {type(intervals).__name__}"
        )
    return intervals


def _triple(item: Any, i: int) -> tuple[Any, Any, Any]:
    if not isinstance(item, tuple):
        raise TypeError(f"interval {i} must be a (start, stop, value) tuple, not {type(item).__name__}")
    if len(item) != 3:  # a ValueError, as pyo3 raises it
        raise ValueError(f"interval {i}: expected tuple of length 3, but got tuple of length {len(item)}")
    return item


def _as_int(number: Any, i: int, field: str) -> int:
    if isinstance(number, float):
        raise TypeError(f"interval {i}: {field} must be an int, not float")
    number = index(number)
    if not INT64_MIN <= number <= INT64_MAX:
        raise OverflowError(f"interval {i}: {field} {number} does not fit in 64 bits")
    return number


def _as_float(number: Any, i: int, field: str) -> float:
    if isinstance(number, (str, bytes, bytearray)):
        raise TypeError(f"interval {i}: {field} must be a real number, not {type(number).__name__}")
    return float(number)


def combine_int(intervals: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Combine integer intervals; see the module notes for the contract."""
    changes: dict[int, int] = {}
    get = changes.get
    reversed_at = None
    for i, item in enumerate(_sequence(intervals)):
        start, stop, value = item if type(item) is tuple and len(item) == 3 else _triple(item, i)
        if not (
            type(start) is int
            and type(stop) is int
            and type(value) is int
            and INT64_MIN <= start <= INT64_MAX
            and INT64_MIN <= stop <= INT64_MAX
            and INT64_MIN <= value <= INT64_MAX
        ):
            start, stop, value = (_as_int(n, i, f) for n, f in zip(item, _FIELDS, strict=True))
        if start < stop:
            if value:
                changes[start] = get(start, 0) + value
                changes[stop] = get(stop, 0) - value
        elif start > stop and reversed_at is None:
            reversed_at = f"interval {i}: start {start} is greater than stop {stop}"
    if reversed_at is not None:
        raise ValueError(reversed_at)
    combined: list[tuple[int, int, int]] = []
    total = 0
    previous = 0
    for position in sorted(changes):
        if total:
            if combined and combined[-1][2] == total and combined[-1][1] == previous:
                combined[-1] = (combined[-1][0], position, total)
            else:
                combined.append((previous, position, total))
        total += changes[position]
        previous = position
    return combined


def combine_float(intervals: Sequence[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Combine float intervals; see the module notes for the contract."""
    kept = []
    problem = None
    for i, item in enumerate(_sequence(intervals)):
        start, stop, value = item if type(item) is tuple and len(item) == 3 else _triple(item, i)
        if not (type(start) is float and type(stop) is float and type(value) is float):
            start, stop, value = (_as_float(n, i, f) for n, f in zip(item, _FIELDS, strict=True))
        if problem is None:
            # x - x is 0.0 for every finite x, and NaN for NaN and the infinities.
            if start - start or stop - stop or value - value:
                field, number = next(
                    (f, n) for f, n in zip(_FIELDS, (start, stop, value), strict=True) if not math.isfinite(n)
                )
                problem = f"interval {i}: {field} is {number!r}; starts, stops and values must be finite"
            elif start > stop:
                problem = f"interval {i}: start {start!r} is greater than stop {stop!r}"
            elif start < stop and value:
                # `+ 0.0` makes -0.0 the same position as 0.0.
                kept.append((start + 0.0, stop + 0.0, value.as_integer_ratio()))
    if problem is not None:
        raise ValueError(problem)
    # Every float is numerator / 2**k; count in units of 1 / 2**shift, the finest any value needs.
    shift = max((denominator.bit_length() - 1 for _, _, (_, denominator) in kept), default=0)
    unit = 1 << shift
    changes: dict[float, int] = {}
    get = changes.get
    for start, stop, (numerator, denominator) in kept:
        units = numerator << (shift - denominator.bit_length() + 1)
        changes[start] = get(start, 0) + units
        changes[stop] = get(stop, 0) - units
    combined: list[tuple[float, float, float]] = []
    total = 0
    previous = 0.0
    for position in sorted(changes):
        if total:
            try:
                value = total / unit  # correctly rounded: one rounding of the exact sum
            except OverflowError:
                raise OverflowError(
                    f"the combined value of segment [{previous!r}, {position!r}) is too large for a float"
                ) from None
            if combined and combined[-1][2] == value and combined[-1][1] == previous:
                combined[-1] = (combined[-1][0], position, value)
            else:
                combined.append((previous, position, value))
        total += changes[position]
        previous = position
    return combined
