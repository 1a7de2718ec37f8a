"""The package's own tests. They hold whichever implementation is active: crates/intervals-py/tests/
test_fallback.py runs this file with the Rust wheel, with the wheel made unimportable, and with the
switch set to python; `VALUED_INTERVALS_EXPECT` then says which backend each run must have picked.

The answers are checked against the contract computed the slowest, plainest way, independently of both
implementations: every elementary piece between consecutive positions, its covering values summed as
fractions, rounded once (`float(Fraction)` rounds correctly), then touching equal neighbours merged."""

from __future__ import annotations

import itertools
import math
import os
from fractions import Fraction

import numpy as np
import pytest
from ch7_intervals import valued_intervals
from ch7_intervals.valued_intervals import IntervalSum, ValuedInterval, combine, combine_arrays
from hypothesis import given, settings
from hypothesis import strategies as st

# Run three times by test_fallback.py (once per backend): fewer examples per run there.
settings.register_profile("each-backend", max_examples=30)
if os.environ.get("VALUED_INTERVALS_EXPECT"):
    settings.load_profile("each-backend")

INT64 = st.integers(-(2**63), 2**63 - 1)


def by_definition(intervals, as_float):
    """The contract, piece by piece (quadratic, exact)."""
    covering = [(a + 0.0 if as_float else a, b + 0.0 if as_float else b, v) for a, b, v in intervals if a < b]
    positions = sorted({p for a, b, _ in covering for p in (a, b)})
    combined = []
    for left, right in itertools.pairwise(positions):
        exact = sum((Fraction(v) for a, b, v in covering if a <= left and right <= b), Fraction(0))
        if exact == 0:
            continue
        value = float(exact) if as_float else int(exact)
        if combined and combined[-1][1] == left and combined[-1][2] == value:
            combined[-1] = (combined[-1][0], right, value)
        else:
            combined.append((left, right, value))
    return combined


SMALL_POSITIONS = st.integers(-30, 30)
SMALL_VALUES = st.integers(-4, 4)


def int_intervals(positions=SMALL_POSITIONS, values=SMALL_VALUES):
    interval = st.tuples(positions, positions, values).map(lambda t: (min(t[0], t[1]), max(t[0], t[1]), t[2]))
    return st.lists(interval, max_size=16)


AWKWARD_FLOATS = st.sampled_from([0.0, -0.0, 0.1, 0.2, 0.3, -0.1, 1.0, 1e-300, 5e-324, 2.0**-60, 1e16, 1e300])
FINITE = st.floats(allow_nan=False, allow_infinity=False)
float_intervals = st.lists(
    st.tuples(AWKWARD_FLOATS | FINITE, AWKWARD_FLOATS | FINITE, AWKWARD_FLOATS | st.floats(-1e3, 1e3)).map(
        lambda t: (min(t[0], t[1]), max(t[0], t[1]), t[2])
    ),
    max_size=12,
)


def test_the_backend_is_the_expected_one():
    expected = os.environ.get("VALUED_INTERVALS_EXPECT")
    if expected is None:  # run by hand: the wheel if it imports, unless the switch says python
        try:
            import intervalues_pyrust  # noqa: F401

            importable = True
        except ImportError:
            importable = False
        forced = os.environ.get(valued_intervals.VARIABLE, "auto") == "python"
        expected = "rust" if importable and not forced else "python"
    assert expected == valued_intervals.BACKEND, valued_intervals.REASON
    print(f"backend: {valued_intervals.BACKEND} ({valued_intervals.REASON})")


def test_the_posts_example():
    combined = IntervalSum([(2, 4, 3), (1, 3, 2)]).segments()
    assert [str(s) for s in combined] == ["[1-2; 2]", "[2-3; 5]", "[3-4; 3]"]


def test_float_sums_do_not_drift():
    # A running float sum would leave 0.1 + 0.2 - 0.2 - 0.1 = 2.8e-17 on [1, 2).
    combined = IntervalSum([(0.0, 1.0, 0.1), (0.0, 2.0, 0.2), (0.5, 2.0, -0.2)]).segments()
    assert [s.as_tuple() for s in combined] == [(0.0, 0.5, 0.1 + 0.2), (0.5, 1.0, 0.1)]


def test_touching_equal_values_merge_and_empty_intervals_vanish():
    combined = IntervalSum([(0, 1, 5), (1, 2, 5), (3, 3, 9), (4, 5, 0)]).segments()
    assert [s.as_tuple() for s in combined] == [(0, 2, 5)]


@given(int_intervals())
def test_int_segments_follow_the_contract(intervals):
    assert [s.as_tuple() for s in IntervalSum(intervals).segments()] == by_definition(intervals, False)


@given(int_intervals(INT64, INT64))
def test_extreme_ints_are_exact(intervals):
    assert combine(intervals) == by_definition(intervals, False)


@given(float_intervals)
def test_float_segments_follow_the_contract(intervals):
    try:
        expected = by_definition(intervals, True)
    except OverflowError:
        with pytest.raises(OverflowError, match="too large for a float"):
            combine(intervals)
        return
    assert combine(intervals) == expected


@given(int_intervals())
def test_value_at_and_total(intervals):
    collection = IntervalSum(intervals)
    for x in range(-31, 32):
        assert collection.value_at(x) == sum(v for a, b, v in intervals if a <= x < b)
    assert collection.total() == sum((b - a) * v for a, b, v in intervals)


def test_collections_add_up():
    left, right = IntervalSum([(0, 2, 1)]), IntervalSum([(1, 3, 1)])
    both = left + right
    assert len(both) == 2
    assert [s.as_tuple() for s in both.segments()] == [(0, 1, 1), (1, 2, 2), (2, 3, 1)]
    assert list(both) == [ValuedInterval(0, 2, 1), ValuedInterval(1, 3, 1)]


@given(int_intervals(), st.sampled_from([np.int64, np.float64]))
def test_arrays_give_the_same_segments(intervals, dtype):
    columns = [np.array(c, dtype=dtype) for c in zip(*intervals, strict=True)] or [np.zeros(0, dtype)] * 3
    starts, stops, values = combine_arrays(*columns)
    assert starts.dtype == stops.dtype == values.dtype == dtype
    as_numbers = [tuple(c.item() for c in row) for row in zip(*columns, strict=True)]
    assert list(zip(starts.tolist(), stops.tolist(), values.tolist(), strict=True)) == combine(as_numbers)


def test_strided_and_reversed_arrays():
    starts = np.array([0, 99, 4, 99], dtype=np.int64)[::2]  # [0, 4]
    stops = np.array([6, 9], dtype=np.int64)[::-1]  # [9, 6]
    values = np.full(4, 7, dtype=np.int64)[::2]
    combined = [a.tolist() for a in combine_arrays(starts, stops, values)]
    assert combined == [[0, 4, 6], [4, 6, 9], [7, 14, 7]]


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ((np.zeros(2), np.zeros(2), np.zeros(2, dtype=np.int64)), TypeError),
        ((np.zeros(2, dtype=np.int32),) * 3, TypeError),
        (([0], [1], [1]), TypeError),
        ((np.zeros((2, 1)),) * 3, ValueError),
        ((np.zeros(2), np.zeros(3), np.zeros(2)), ValueError),
        ((np.array([1.0]), np.array([0.0]), np.array([1.0])), ValueError),
        ((np.array([0.0]), np.array([math.nan]), np.array([1.0])), ValueError),
        ((np.array([0, 0]), np.array([1, 1]), np.array([2**62, 2**62])), OverflowError),
    ],
)
def test_bad_arrays(arguments, error):
    with pytest.raises(error):
        combine_arrays(*arguments)


@pytest.mark.parametrize(
    ("intervals", "error", "message"),
    [
        ([(3, 1, 1)], ValueError, "start 3 is greater than stop 1"),
        ([(0.0, 1.0, 1.0), (0.0, math.nan, 1.0)], ValueError, "interval 1: stop is nan"),
        ([(0.0, math.inf, 1.0)], ValueError, "interval 0: stop is inf"),
        (
            [(0.0, 1.0, 1e308), (0.0, 1.0, 1e308)],
            OverflowError,
            r"segment \[0.0, 1.0\) is too large for a float",
        ),
        ([(0, 1, 2**63)], OverflowError, None),
        ([(0, 1, 1), (0, 1)], ValueError, "expected tuple of length 3, but got tuple of length 2"),
        ([(0, 1, 1), [0, 1, 1]], TypeError, None),
    ],
)
def test_bad_tuples(intervals, error, message):
    with pytest.raises(error, match=message):
        combine(intervals)


@pytest.mark.parametrize(
    ("arguments", "error"),
    [((3, 1), ValueError), ((0, math.nan), ValueError), ((0, "1"), TypeError), ((0, 1, True), TypeError)],
)
def test_bad_valued_intervals(arguments, error):
    with pytest.raises(error):
        ValuedInterval(*arguments)
