"""boundary_cost against its references, on lists, arrays of any stride, bytes, and bad input.

- The list sums and `sum_array_in_order` add one number at a time: their reference is `in_order`, not the
  built-in `sum`, which from Python 3.12 on compensates its rounding errors (Neumaier).
- `sum_array` adds in numpy's pairwise order: its reference is numpy's own `array.sum()`, bit for bit.
"""

import functools
import math
import operator
from fractions import Fraction

import boundary_cost
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


def in_order(values):
    """The sum of values, added one at a time from 0.0, as `for v in values: total += v` does."""
    return functools.reduce(operator.add, values, 0.0)


@given(st.lists(finite, max_size=200))
def test_list_sums_equal_python(values):
    assert boundary_cost.sum_list(values) == in_order(values)
    assert boundary_cost.sum_list_streaming(values) == in_order(values)


def same_bits(a, b):
    return np.float64(a).tobytes() == np.float64(b).tobytes()


@given(hnp.arrays(np.float64, st.integers(0, 1100), elements=finite), st.sampled_from([1, 2, 3, -1, -2]))
def test_array_sums_read_any_stride(array, step):
    view = array[::step]
    assert boundary_cost.sum_array_in_order(view) == in_order(view.tolist())
    with np.errstate(over="ignore"):  # huge finite floats may add up to infinity, in numpy as in Rust
        expected = view.sum()
    assert same_bits(boundary_cost.sum_array(view), expected)


@pytest.mark.parametrize("n", [0, 1, 7, 8, 9, 127, 128, 129, 1000, 100_003, 1_000_000])
def test_array_sum_has_numpys_bits(n):
    # Magnitudes over forty orders, so that any other order of additions rounds differently.
    rng = np.random.default_rng(n)
    array = rng.standard_normal(n) * np.exp(rng.uniform(-40, 40, n))
    for view in (array, array[::-1], array[::3]):
        assert same_bits(boundary_cost.sum_array(view), view.sum())
    if n >= 1000:  # the reason for the second function: the in-order sum rounds differently
        assert boundary_cost.sum_array_in_order(array) != array.sum()


def test_fortran_ordered_column_and_readonly_array():
    grid = np.asfortranarray(np.arange(12, dtype=np.float64).reshape(3, 4))
    row = grid[1]  # a non-contiguous row of a Fortran-ordered array
    assert not row.flags.c_contiguous
    assert boundary_cost.sum_array_in_order(row) == in_order(row.tolist())
    assert same_bits(boundary_cost.sum_array(row), row.sum())
    frozen = np.arange(5, dtype=np.float64)
    frozen.flags.writeable = False
    assert boundary_cost.sum_array(frozen) == boundary_cost.sum_array_in_order(frozen) == 10.0


@given(st.binary(max_size=500))
def test_bytes_sum_equals_python(data):
    assert boundary_cost.sum_bytes(data) == sum(data)


def test_nan_and_infinity_propagate_as_in_python():
    assert math.isnan(boundary_cost.sum_list([1.0, math.nan]))
    assert boundary_cost.sum_array(np.array([math.inf, 1.0])) == math.inf
    assert boundary_cost.sum_array_in_order(np.array([math.inf, 1.0])) == math.inf
    assert math.isnan(boundary_cost.sum_array(np.array([1.0, math.nan] * 20)))


def test_list_elements_convert_like_float():
    # ints and Fractions have __float__ (as the tutorial's Python would accept); bool is an int
    assert boundary_cost.sum_list([1, Fraction(1, 2), True]) == 2.5


@pytest.mark.parametrize("function", [boundary_cost.sum_list, boundary_cost.sum_list_streaming])
def test_non_number_element_is_named(function):
    with pytest.raises(TypeError, match="element 1 is a str, not a real number"):
        function([1.0, "2"])


@pytest.mark.parametrize("function", [boundary_cost.sum_list, boundary_cost.sum_list_streaming])
def test_non_list_is_a_type_error(function):
    with pytest.raises(TypeError):
        function((1.0, 2.0))


ARRAY_SUMS = [boundary_cost.sum_array, boundary_cost.sum_array_in_order]


@pytest.mark.parametrize("function", ARRAY_SUMS)
def test_wrong_dtype_or_shape_is_a_value_error(function):
    with pytest.raises(ValueError, match="1-D float64 array, got a 1-D array of dtype int64"):
        function(np.arange(3, dtype=np.int64))
    with pytest.raises(ValueError, match="got a 2-D array"):
        function(np.zeros((2, 2)))


@pytest.mark.parametrize("function", ARRAY_SUMS)
def test_non_array_is_a_type_error(function):
    with pytest.raises(TypeError, match=rf"{function.__name__}\(\) expects a numpy array, not list"):
        function([1.0, 2.0])
    with pytest.raises(TypeError):
        boundary_cost.sum_bytes("text")
