"""fibo_rust on the inputs nobody tries: floats of every kind, and int subclasses that lie about their value.
(`./just test-wheels` runs every chapter's odd inputs against the installed wheels.)
"""

import math

import fibo_rust
import numpy as np
import pytest


@pytest.mark.parametrize("n", [math.nan, math.inf, -math.inf, 1e300, np.float64(5.0)], ids=repr)
def test_fibo_of_a_float_is_a_type_error_whatever_the_float(n):
    for function in (fibo_rust.fibo, fibo_rust.fibo_tutorial):
        with pytest.raises(TypeError, match="must be an int"):
            function(n)


class LyingInt(int):
    def __index__(self):
        return 40

    def __int__(self):
        return 40


def test_int_subclasses_that_lie_are_read_as_the_int_they_are():
    assert fibo_rust.fibo(LyingInt(10)) == fibo_rust.fibo_tutorial(LyingInt(10)) == 55
