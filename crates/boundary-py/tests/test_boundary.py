"""boundary_cost against a plain in-order Python sum, on lists, arrays of any stride, bytes, and bad input.

The reference is `in_order`, not the built-in `sum`: from Python 3.12 on, `sum` of floats compensates its
rounding errors (Neumaier), so it can differ from any loop that adds one number at a time, in Python or Rust.
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


@given(hnp.arrays(np.float64, st.integers(0, 200), elements=finite), st.sampled_from([1, 2, 3, -1, -2]))
def test_array_sum_reads_any_stride(array, step):
    view = array[::step]
    assert boundary_cost.sum_array(view) == in_order(view.tolist())


def test_fortran_ordered_column_and_readonly_array():
    grid = np.asfortranarray(np.arange(12, dtype=np.float64).reshape(3, 4))
    row = grid[1]  # a non-contiguous row of a Fortran-ordered array
    assert not row.flags.c_contiguous
    assert boundary_cost.sum_array(row) == in_order(row.tolist())
    frozen = np.arange(5, dtype=np.float64)
    frozen.flags.writeable = False
    assert boundary_cost.sum_array(frozen) == 10.0


@given(st.binary(max_size=500))
def test_bytes_sum_equals_python(data):
    assert boundary_cost.sum_bytes(data) == sum(data)


def test_nan_and_infinity_propagate_as_in_python():
    assert math.isnan(boundary_cost.sum_list([1.0, math.nan]))
    assert boundary_cost.sum_array(np.array([math.inf, 1.0])) == math.inf


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


def test_wrong_dtype_or_shape_is_a_value_error():
    with pytest.raises(ValueError, match="1-D float64 array, got a 1-D array of dtype int64"):
        boundary_cost.sum_array(np.arange(3, dtype=np.int64))
    with pytest.raises(ValueError, match="got a 2-D array"):
        boundary_cost.sum_array(np.zeros((2, 2)))


def test_non_array_is_a_type_error():
    with pytest.raises(TypeError, match="expects a numpy array, not list"):
        boundary_cost.sum_array([1.0, 2.0])
    with pytest.raises(TypeError):
        boundary_cost.sum_bytes("text")
