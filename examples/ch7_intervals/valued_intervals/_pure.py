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
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import index, itemgetter
from typing import Any

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
_FIELDS = ("start", "stop", "value")


def _converted(intervals: Any, convert: Any) -> list[tuple[Any, Any, Any]]:
    """The intervals as a list of converted 3-tuples, checked in the order pyo3's `Vec<(T, T, T)>` checks
    them: a sequence (not a str), then item by item a 3-tuple and its start, stop and value."""
    if isinstance(intervals, (str, bytes, bytearray)) or not isinstance(intervals, Sequence):
        raise TypeError(
            f"intervals must be a sequence of (start, stop, value) tuples, not {type(intervals).__name__}"
        )
    converted = []
    for i, item in enumerate(intervals):
        if not isinstance(item, tuple):
            raise TypeError(f"interval {i} must be a (start, stop, value) tuple, not {type(item).__name__}")
        if len(item) != 3:  # a ValueError, as pyo3 raises it
            raise ValueError(f"interval {i}: expected tuple of length 3, but got tuple of length {len(item)}")
        converted.append(tuple(convert(n, i, f) for n, f in zip(item, _FIELDS, strict=True)))
    return converted


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
    events = []
    for i, (start, stop, value) in enumerate(_converted(intervals, _as_int)):
        if start > stop:
            raise ValueError(f"interval {i}: start {start} is greater than stop {stop}")
        if start < stop and value:
            events.append((start, value))
            events.append((stop, -value))
    events.sort(key=itemgetter(0))
    combined: list[tuple[int, int, int]] = []
    total = 0
    previous = 0
    for position, change in events:
        if position != previous:
            if total:
                if combined and combined[-1][1] == previous and combined[-1][2] == total:
                    combined[-1] = (combined[-1][0], position, total)
                else:
                    combined.append((previous, position, total))
            previous = position
        total += change
    return combined


def combine_float(intervals: Sequence[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Combine float intervals; see the module notes for the contract."""
    checked = []
    for i, (start, stop, value) in enumerate(_converted(intervals, _as_float)):
        for field, number in zip(_FIELDS, (start, stop, value), strict=True):
            if not math.isfinite(number):
                raise ValueError(
                    f"interval {i}: {field} is {number!r}; starts, stops and values must be finite"
                )
        if start > stop:
            raise ValueError(f"interval {i}: start {start!r} is greater than stop {stop!r}")
        if start < stop and value:
            # `+ 0.0` makes -0.0 the same position as 0.0.
            checked.append((start + 0.0, stop + 0.0, value.as_integer_ratio()))
    # Every float is numerator / 2**k; count in units of 1 / 2**shift, the finest any value needs.
    shift = max((denominator.bit_length() - 1 for _, _, (_, denominator) in checked), default=0)
    unit = 1 << shift
    events = []
    for start, stop, (numerator, denominator) in checked:
        units = numerator << (shift - denominator.bit_length() + 1)
        events.append((start, units))
        events.append((stop, -units))
    events.sort(key=itemgetter(0))
    combined: list[tuple[float, float, float]] = []
    total = 0
    previous = 0.0
    for position, change in events:
        if position != previous:
            if total:
                try:
                    value = total / unit  # correctly rounded: one rounding of the exact sum
                except OverflowError:
                    raise OverflowError(
                        f"the combined value of segment [{previous!r}, {position!r}) is too large for a float"
                    ) from None
                if combined and combined[-1][1] == previous and combined[-1][2] == value:
                    combined[-1] = (combined[-1][0], position, value)
                else:
                    combined.append((previous, position, value))
            previous = position
        total += change
    return combined
