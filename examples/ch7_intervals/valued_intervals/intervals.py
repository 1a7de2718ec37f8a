"""The package's classes: a valued interval, and a collection of them that adds up where they overlap."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from numbers import Integral, Real

from . import _switch

Number = int | float


def combine(intervals: Iterable[tuple[Number, Number, Number]]) -> list[tuple[Number, Number, Number]]:
    """Combine `(start, stop, value)` tuples with the active implementation: integer arithmetic when every
    number is an int, float arithmetic (exact sums, rounded once) otherwise."""
    intervals = list(intervals)
    if all(isinstance(n, Integral) for interval in intervals for n in interval):
        return _switch.combine_int(intervals)
    return _switch.combine_float(intervals)


@dataclass(frozen=True)
class ValuedInterval:
    """`[start, stop)` carrying `value`: a booking of `value` seats, a price valid for a while, a load."""

    start: Number
    stop: Number
    value: Number = 1

    def __post_init__(self) -> None:
        for name in ("start", "stop", "value"):
            number = getattr(self, name)
            if isinstance(number, bool) or not isinstance(number, Real):
                raise TypeError(f"{name} must be an int or a float, not {type(number).__name__}")
            if not math.isfinite(number):
                raise ValueError(f"{name} must be finite, not {number!r}")
        if self.start > self.stop:
            raise ValueError(f"start {self.start!r} is greater than stop {self.stop!r}")

    @property
    def length(self) -> Number:
        return self.stop - self.start

    def as_tuple(self) -> tuple[Number, Number, Number]:
        return (self.start, self.stop, self.value)

    def __str__(self) -> str:
        return f"[{self.start}-{self.stop}; {self.value}]"


class IntervalSum:
    """Valued intervals that add up where they overlap: `IntervalSum([(2, 4, 3), (1, 3, 2)]).segments()`
    is `[1-2; 2], [2-3; 5], [3-4; 3]`. The combination is computed when first asked for, by Rust when the
    wheel is there (see `valued_intervals.BACKEND`)."""

    def __init__(self, intervals: Iterable[ValuedInterval | tuple[Number, Number, Number]] = ()) -> None:
        self._intervals: list[ValuedInterval] = []
        self._segments: list[ValuedInterval] | None = None
        for interval in intervals:
            self.add(interval)

    def add(self, interval: ValuedInterval | tuple[Number, Number, Number]) -> None:
        if not isinstance(interval, ValuedInterval):
            interval = ValuedInterval(*interval)
        self._intervals.append(interval)
        self._segments = None

    def __add__(self, other: IntervalSum) -> IntervalSum:
        if not isinstance(other, IntervalSum):
            return NotImplemented
        return IntervalSum([*self._intervals, *other._intervals])

    def __len__(self) -> int:
        return len(self._intervals)

    def __iter__(self) -> Iterator[ValuedInterval]:
        return iter(self._intervals)

    def segments(self) -> list[ValuedInterval]:
        """The combined segments: sorted, disjoint, non-zero, touching neighbours of equal value merged."""
        if self._segments is None:
            combined = combine(interval.as_tuple() for interval in self._intervals)
            self._segments = [ValuedInterval(*segment) for segment in combined]
        return list(self._segments)

    def value_at(self, x: Number) -> Number:
        """The summed value at `x` (0 where nothing covers it)."""
        segments = self.segments()
        i = bisect.bisect_right([s.start for s in segments], x) - 1
        if i >= 0 and x < segments[i].stop:
            return segments[i].value
        return 0

    def total(self) -> Number:
        """The integral: the sum of length times value over the segments, exact for ints and rounded once
        for floats."""
        exact = sum((Fraction(s.stop) - Fraction(s.start)) * Fraction(s.value) for s in self.segments())
        if all(isinstance(n, Integral) for s in self._intervals for n in s.as_tuple()):
            return int(exact)
        return float(exact)
