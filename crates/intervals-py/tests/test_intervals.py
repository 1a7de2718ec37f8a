"""intervalues_pyrust against the pure-Python implementation (examples/ch7_intervals/valued_intervals/
_pure.py, the package's fallback) on good input, awkward input, bad input and threads.

Identical results means: the same list of tuples (ints equal as ints, floats equal bit for bit), and for
refused input the same exception type."""

import math
import threading
from fractions import Fraction

import intervalues_pyrust as rust
import numpy as np
import pytest
from ch7_intervals.valued_intervals import _pure
from hypothesis import given
from hypothesis import strategies as st
from support import packed_field

INT64 = st.integers(-(2**63), 2**63 - 1)


def ordered(t):
    return (min(t[0], t[1]), max(t[0], t[1]), t[2])


SMALL_POSITIONS = st.integers(-20, 20)
SMALL_VALUES = st.integers(-3, 3)


def int_intervals(positions=SMALL_POSITIONS, values=SMALL_VALUES, max_size=30):
    """Small ranges make duplicates, nested, touching and cancelling intervals common."""
    return st.lists(st.tuples(positions, positions, values).map(ordered), max_size=max_size)


AWKWARD = st.sampled_from(
    [0.0, -0.0, 0.1, 0.2, 0.3, -0.1, 0.5, 1.0, 3.0, 5e-324, 2.2250738585072014e-308, 1e-300, 2.0**-60, 1e16,
     1e300, 1.7976931348623157e308]
)  # fmt: skip
FINITE = st.floats(allow_nan=False, allow_infinity=False)
float_intervals = st.lists(
    st.tuples(AWKWARD | FINITE, AWKWARD | FINITE, AWKWARD | FINITE).map(ordered), max_size=20
)


def outcome(function, *arguments):
    """What a call gives: its result, or the type of what it raised."""
    try:
        return function(*arguments)
    except Exception as error:
        return ("raised", type(error))


def same_floats(a, b):
    """Equal as lists of float tuples, bit for bit (0.0 and -0.0 told apart)."""
    return a == b and all(
        math.copysign(1, x) == math.copysign(1, y)
        for s, t in zip(a, b, strict=True)
        for x, y in zip(s, t, strict=True)
    )


@given(int_intervals())
def test_ints_equal_python(intervals):
    assert rust.combine_intervals_int(intervals) == _pure.combine_int(intervals)


@given(int_intervals(INT64, INT64, max_size=8))
def test_extreme_ints_equal_python(intervals):
    assert rust.combine_intervals_int(intervals) == _pure.combine_int(intervals)


@given(int_intervals(values=st.sampled_from([-(2**63), -(2**62), 2**62, 2**63 - 1]), max_size=12))
def test_sums_beyond_64_bits_are_exact_python_ints(intervals):
    result = rust.combine_intervals_int(intervals)
    assert result == _pure.combine_int(intervals)
    assert all(type(v) is int for segment in result for v in segment)


@given(float_intervals)
def test_floats_equal_python(intervals):
    got, expected = outcome(rust.combine_intervals_float, intervals), outcome(_pure.combine_float, intervals)
    if isinstance(expected, tuple):
        assert got == expected
    else:
        assert same_floats(got, expected)


@given(int_intervals())
def test_whole_number_floats_give_the_int_answer(intervals):
    as_floats = [tuple(float(n) for n in interval) for interval in intervals]
    expected = [tuple(float(n) for n in segment) for segment in _pure.combine_int(intervals)]
    assert rust.combine_intervals_float(as_floats) == expected


@given(int_intervals(), st.sampled_from([np.int64, np.float64]), st.sampled_from([1, 2, -1]))
def test_arrays_equal_the_tuples(intervals, dtype, step):
    columns = [np.array(c, dtype=dtype) for c in zip(*intervals, strict=True)] or [np.zeros(0, dtype)] * 3
    # Every layout: reversed, strided (through np.repeat), contiguous; the answer must not depend on it.
    if step == 2:
        columns = [np.repeat(c, 2)[::2] for c in columns]
    elif step == -1:
        columns = [c[::-1].copy()[::-1] for c in columns]
    starts, stops, values = rust.combine_intervals_arrays(*columns)
    assert starts.dtype == stops.dtype == values.dtype == np.dtype(dtype)
    typed = [tuple(c.item() for c in row) for row in zip(*columns, strict=True)]
    combine = _pure.combine_int if dtype is np.int64 else _pure.combine_float
    assert list(zip(starts.tolist(), stops.tolist(), values.tolist(), strict=True)) == combine(typed)


@given(float_intervals)
def test_float_arrays_equal_python(intervals):
    columns = [np.array(c, dtype=np.float64) for c in zip(*intervals, strict=True)] or [np.zeros(0)] * 3
    expected = outcome(_pure.combine_float, intervals)
    got = outcome(rust.combine_intervals_arrays, *columns)
    if isinstance(expected, tuple):
        assert got == expected
    else:
        assert list(zip(*(c.tolist() for c in got), strict=True)) == expected


def test_the_posts_example_every_way():
    posts = [(2, 4, 3), (1, 3, 2)]
    assert rust.combine_intervals_int(posts) == [(1, 2, 2), (2, 3, 5), (3, 4, 3)]
    assert rust.combine_intervals_float(posts) == [(1.0, 2.0, 2.0), (2.0, 3.0, 5.0), (3.0, 4.0, 3.0)]
    arrays = rust.combine_intervals_arrays(*(np.array(c) for c in zip(*posts, strict=True)))
    assert [a.tolist() for a in arrays] == [[1, 2, 3], [2, 3, 4], [2, 5, 3]]


def test_exact_float_sums_where_a_running_sum_drifts():
    # 0.1 + 0.2 - 0.1 - 0.2 in float arithmetic is 2.8e-17; the exact sum is 0, so [1, 2) is not a segment.
    intervals = [(0.0, 1.0, 0.1), (0.0, 2.0, 0.2), (0.5, 2.0, -0.2)]
    assert rust.combine_intervals_float(intervals) == [(0.0, 0.5, 0.1 + 0.2), (0.5, 1.0, 0.1)]
    # Values across 2,000 binary orders of magnitude: the sum needs big integers and is rounded once.
    huge = [(0.0, 1.0, 1e300), (0.0, 1.0, 5e-324), (0.0, 2.0, -1e300), (1.0, 2.0, 1e300)]
    assert rust.combine_intervals_float(huge) == [(0.0, 1.0, 5e-324)]
    # ... and a tiny part that does not change the rounded value merges with its neighbour.
    assert rust.combine_intervals_float([*huge, (0.0, 2.0, 1.0)]) == [(0.0, 2.0, 1.0)]


def test_negative_zero_is_one_position_with_zero():
    result = rust.combine_intervals_float([(-0.0, 1.0, 1.0), (0.0, 2.0, 1.0)])
    assert same_floats(result, [(0.0, 1.0, 2.0), (1.0, 2.0, 1.0)])


def test_numbers_convert_as_pyo3_converts_them():
    assert rust.combine_intervals_int([(np.int64(0), True, np.uint8(4))]) == [(0, 1, 4)]
    assert rust.combine_intervals_float([(0, Fraction(1, 2), np.float32(0.25))]) == [(0.0, 0.5, 0.25)]
    assert rust.combine_intervals_int(((0, 1, 1),)) == [(0, 1, 1)]  # any sequence, a tuple too


BAD = [
    ("not a list", 5, TypeError),
    ("a str", "abc", TypeError),
    ("a list item", [[0, 1, 1]], TypeError),
    ("a 2-tuple", [(0, 1)], ValueError),
    ("a str number", [(0, "1", 1)], TypeError),
    ("start > stop", [(0, 1, 1), (5, 4, 1)], ValueError),
    ("beyond 64 bits", [(0, 2**63, 1)], OverflowError),
    ("below 64 bits", [(-(2**63) - 1, 0, 1)], OverflowError),
]
BAD_INT = [
    *BAD,
    ("reversed, then beyond 64 bits", [(5, 4, 1), (0, 2**64, 1)], OverflowError),
    ("a float", [(0, 1.0, 1)], TypeError),
    ("None", [(None, 1, 1)], TypeError),
]
BAD_FLOAT = [
    *BAD[:6],
    ("nan start", [(math.nan, 1.0, 1.0)], ValueError),
    ("nan value", [(0.0, 1.0, math.nan)], ValueError),
    ("infinite stop", [(0.0, math.inf, 1.0)], ValueError),
    ("-inf value", [(0.0, 1.0, -math.inf)], ValueError),
    ("sum beyond the largest float", [(0.0, 1.0, 1e308), (0.5, 1.0, 1e308)], OverflowError),
    ("int too large for a float", [(0, 10**400, 1)], OverflowError),
    ("nan, then a str", [(math.nan, 1.0, 1.0), (0.0, "x", 1.0)], TypeError),
    ("reversed, then nan", [(2.0, 1.0, 1.0), (0.0, math.nan, 1.0)], ValueError),
]

JUNK = st.one_of(
    st.integers(-(2**64), 2**64),
    st.floats(),
    st.sampled_from([None, "1", True, Fraction(1, 3), 2**1100]),
)
junk_intervals = st.lists(
    st.one_of(st.tuples(JUNK, JUNK, JUNK), st.tuples(JUNK, JUNK), st.lists(JUNK, max_size=3)), max_size=6
)


@given(junk_intervals)
def test_any_input_gives_what_python_gives(intervals):
    """Good or bad, every input has the same outcome (result, or exception type) both ways."""
    got, expected = outcome(rust.combine_intervals_int, intervals), outcome(_pure.combine_int, intervals)
    assert got == expected
    got, expected = outcome(rust.combine_intervals_float, intervals), outcome(_pure.combine_float, intervals)
    assert got == expected if isinstance(expected, tuple) else same_floats(got, expected)


@pytest.mark.parametrize(("label", "intervals", "error"), BAD_INT, ids=[b[0] for b in BAD_INT])
def test_bad_int_input(label, intervals, error):
    with pytest.raises(error):
        rust.combine_intervals_int(intervals)
    assert outcome(_pure.combine_int, intervals) == ("raised", error), "the Python fallback differs"


@pytest.mark.parametrize(("label", "intervals", "error"), BAD_FLOAT, ids=[b[0] for b in BAD_FLOAT])
def test_bad_float_input(label, intervals, error):
    with pytest.raises(error):
        rust.combine_intervals_float(intervals)
    assert outcome(_pure.combine_float, intervals) == ("raised", error), "the Python fallback differs"


def test_messages_name_the_interval():
    with pytest.raises(ValueError, match=r"^interval 1: start 5 is greater than stop 4$"):
        rust.combine_intervals_int([(0, 1, 1), (5, 4, 1)])
    with pytest.raises(
        ValueError, match=r"^interval 0: value is nan; starts, stops and values must be finite$"
    ):
        rust.combine_intervals_float([(0.0, 1.0, math.nan)])
    with pytest.raises(OverflowError, match=r"^the combined value of segment \[0.5, 1.0\) is too large"):
        rust.combine_intervals_float([(0.0, 1.0, 1e308), (0.5, 1.0, 1e308)])
    with pytest.raises(OverflowError, match=r"segment \[0, 1\) is 18446744073709551614, which does not fit"):
        rust.combine_intervals_arrays(np.array([0, 0]), np.array([1, 1]), np.array([2**63 - 1] * 2))


def test_misaligned_and_readonly_arrays():
    starts, stops, values = np.array([0.0, 1.0]), np.array([2.0, 3.0]), np.array([1.0, 1.0])
    frozen = values.copy()
    frozen.flags.writeable = False
    expected = [[0.0, 1.0, 2.0], [1.0, 2.0, 3.0], [1.0, 2.0, 1.0]]
    got = rust.combine_intervals_arrays(packed_field(starts), packed_field(stops), frozen)
    assert [a.tolist() for a in got] == expected


BAD_ARRAYS = [
    ("a list", ([0.0], np.zeros(1), np.zeros(1)), TypeError),
    ("mixed dtypes", (np.zeros(1), np.zeros(1), np.zeros(1, dtype=np.int64)), TypeError),
    ("int32", (np.zeros(1, dtype=np.int32),) * 3, TypeError),
    ("2-D", (np.zeros((1, 1)),) * 3, ValueError),
    ("lengths differ", (np.zeros(1), np.zeros(2), np.zeros(1)), ValueError),
    ("start > stop", (np.array([1]), np.array([0]), np.array([1])), ValueError),
    ("nan", (np.zeros(1), np.array([math.nan]), np.ones(1)), ValueError),
    (
        "beyond int64",
        (np.zeros(2, np.int64), np.ones(2, np.int64), np.full(2, 2**62, np.int64)),
        OverflowError,
    ),
    ("beyond float", (np.zeros(2), np.ones(2), np.full(2, 1e308)), OverflowError),
]


@pytest.mark.parametrize(("label", "arguments", "error"), BAD_ARRAYS, ids=[b[0] for b in BAD_ARRAYS])
def test_bad_arrays(label, arguments, error):
    with pytest.raises(error):
        rust.combine_intervals_arrays(*arguments)


def test_dtype_message_says_how_to_convert():
    with pytest.raises(TypeError, match=r"got int64, float64 and float64 \(convert with \.astype"):
        rust.combine_intervals_arrays(np.zeros(1, np.int64), np.zeros(1), np.zeros(1))


@given(int_intervals(), st.booleans())
def test_phases_give_the_same_result(intervals, floats):
    if floats:
        intervals = [tuple(float(n) for n in interval) for interval in intervals]
    result, seconds = rust.combine_intervals_phases(intervals, floats=floats)
    combine = rust.combine_intervals_float if floats else rust.combine_intervals_int
    assert result == combine(intervals)
    assert set(seconds) == {"convert_in", "combine", "convert_out"}
    assert all(s >= 0 for s in seconds.values())


def test_phases_raise_what_the_functions_raise():
    with pytest.raises(ValueError, match="interval 0: start 1 is greater than stop 0"):
        rust.combine_intervals_phases([(1, 0, 1)])
    with pytest.raises(TypeError):
        rust.combine_intervals_phases([(0, 1.5, 1)])


def test_eight_threads_share_one_input():
    rng = np.random.default_rng(11)
    starts = rng.integers(0, 10_000, 20_000)
    columns = [starts, starts + rng.integers(1, 50, 20_000), rng.integers(-3, 4, 20_000)]
    intervals = list(zip(*(c.tolist() for c in columns), strict=True))
    expected = _pure.combine_int(intervals)
    failures = []
    barrier = threading.Barrier(8)

    def work():
        barrier.wait()
        for _ in range(5):
            if rust.combine_intervals_int(intervals) != expected:
                failures.append("tuples")
            arrays = rust.combine_intervals_arrays(*columns)
            if list(zip(*(a.tolist() for a in arrays), strict=True)) != expected:
                failures.append("arrays")

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures


def test_signatures_and_version():
    assert rust.combine_intervals_int.__text_signature__ == "(intervals, /)"
    assert rust.combine_intervals_arrays.__text_signature__ == "(starts, stops, values, /)"
    assert rust.combine_intervals_phases.__text_signature__ == "(intervals, /, *, floats=False)"
    assert isinstance(rust.__version__, str)
    assert "exact sum" in rust.combine_intervals_float.__doc__
