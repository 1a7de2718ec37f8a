"""Chapter 5's micro-benchmark: one sum behind several kinds of boundary crossing."""

from typing import Final

import numpy as np
import numpy.typing as npt

__all__ = ["__version__", "sum_array", "sum_array_in_order", "sum_bytes", "sum_list", "sum_list_streaming"]

__version__: Final[str]

def sum_list(values: list[float], /) -> float:
    """Sum a list of floats after converting it to a Rust Vec[f64] with pyo3's own conversion (one
    allocation, one visit per element), then add them in order.

    The conversion iterates over the list, as Python's sum does, so a list subclass's __iter__ decides
    which numbers are summed.

    Raises TypeError if an element is not a real number.
    """

def sum_list_streaming(values: list[float], /) -> float:
    """Sum a list of floats element by element, without building a Vec first.

    Raises TypeError if an element is not a real number.
    """

def sum_array(values: npt.NDArray[np.float64], /) -> float:
    """Sum a one-dimensional float64 numpy array, read in place (no copy, any strides), in numpy's own order:
    pairwise over eight running sums, so the result has the same bits as array.sum().

    The one layout a view cannot describe, a misaligned array or a stride that is not a whole number of
    float64s (a field of a packed structured array, say), is copied first.

    Raises TypeError for anything that is not a numpy array, ValueError for the wrong dtype or shape.
    """

def sum_array_in_order(values: npt.NDArray[np.float64], /) -> float:
    """Sum a one-dimensional float64 numpy array, read in place, adding one number after another in order
    (as a Python loop does): each addition waits for the previous one.

    Raises TypeError for anything that is not a numpy array, ValueError for the wrong dtype or shape.
    """

def sum_bytes(data: bytes, /) -> int:
    """Sum the byte values of a bytes object, borrowed in place (no copy)."""
