"""boundary_cost on the inputs nobody tries, and the regression tests for what the hardening found
(`./just test-wheels` runs every chapter's odd inputs against the installed wheels):

- boundary_cost.sum_array read a field of a packed structured array (misaligned, stride 9 bytes) at the
  wrong places: the sum of [1, 2, 3, 4, 5] came back as 1.0. It now copies such an array first.
- boundary_cost.sum_list turned *any* exception from an element's `__float__` into its "not a real number"
  TypeError: a KeyboardInterrupt raised there (Ctrl-C) was swallowed. Only a TypeError is reworded now.
- boundary_cost's sums of nothing or of negative zeros were -0.0 where Python's sum gives 0.
"""

import boundary_cost
import numpy as np
import pytest
from support import packed_field


def test_boundary_sums_of_nothing():
    assert boundary_cost.sum_list([]) == boundary_cost.sum_list_streaming([]) == 0.0
    assert boundary_cost.sum_array(np.zeros(0)) == boundary_cost.sum_array(np.zeros(3)[3:]) == 0.0
    assert boundary_cost.sum_bytes(b"") == 0


@pytest.mark.parametrize(
    "values", [[], [-0.0], [-0.0, -0.0]], ids=["nothing", "one negative zero", "two negative zeros"]
)
def test_zeros_sum_to_a_positive_zero_as_in_python(values):
    # Regression: the Rust sums started from -0.0; Python's sum starts from 0. repr() tells them apart.
    expected = repr(float(sum(values)))
    assert repr(boundary_cost.sum_list(values)) == expected
    assert repr(boundary_cost.sum_list_streaming(values)) == expected
    assert repr(boundary_cost.sum_array(np.array(values, dtype=np.float64))) == expected
    assert repr(boundary_cost.sum_array(np.array(values * 2, dtype=np.float64)[::2])) == expected


def test_sum_array_reads_a_misaligned_field_correctly():
    # Regression: this read the wrong bytes and returned 1.0.
    values = [1.0, 2.0, 3.0, 4.0, 5.0]
    assert boundary_cost.sum_array(packed_field(values)) == 15.0
    assert boundary_cost.sum_array(packed_field(values)[::-2]) == 9.0
    misaligned = np.frombuffer(b"\0" + np.array(values).tobytes(), dtype=np.float64, offset=1)
    assert not misaligned.flags.aligned
    assert boundary_cost.sum_array(misaligned) == 15.0


def test_list_and_bytes_subclasses():
    class MyList(list):
        def __iter__(self):
            return iter([100.0])

    class MyBytes(bytes):
        pass

    # sum_list converts with pyo3's own Vec<f64> extraction, which iterates (as Python's sum does), so a
    # subclass's __iter__ decides; sum_list_streaming reads the list's own items.
    assert boundary_cost.sum_list(MyList([1.0, 2.0])) == sum(MyList([1.0, 2.0])) == 100.0
    assert boundary_cost.sum_list_streaming(MyList([1.0, 2.0])) == 3.0
    assert boundary_cost.sum_bytes(MyBytes(b"\x01\x02")) == 3


class Interrupting:
    def __float__(self):
        raise KeyboardInterrupt


class OwnError:
    def __float__(self):
        raise ValueError("not today")


@pytest.mark.parametrize("function", [boundary_cost.sum_list, boundary_cost.sum_list_streaming])
def test_what_float_raises_goes_through(function):
    # Regression: every exception became "element 1 is a ..., not a real number"; Ctrl-C was lost.
    with pytest.raises(KeyboardInterrupt):
        function([1.0, Interrupting()])
    with pytest.raises(ValueError, match="not today"):
        function([1.0, OwnError()])
    with pytest.raises(TypeError, match="element 1 is a str, not a real number") as refused:
        function([1.0, "2"])
    assert isinstance(refused.value.__cause__, TypeError)  # what float() said, kept as the cause


@pytest.mark.parametrize("function", [boundary_cost.sum_list, boundary_cost.sum_list_streaming])
def test_float_that_empties_the_list_being_summed(function):
    values: list[object] = []

    class Clearing:
        def __float__(self):
            values.clear()
            return 10.0

    values.extend([1.0, Clearing(), 100.0, 1000.0])
    # Nothing past the new end is read: the two numbers read so far, as a Python loop would find.
    assert function(values) == 11.0
    assert values == []
