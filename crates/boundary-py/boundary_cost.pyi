"""Chapter 5 of rust-in-python: what it costs to hand data from Python to Rust."""

from typing import Final

import numpy as np
import numpy.typing as npt

__all__ = ["__version__", "sum_array", "sum_array_in_order", "sum_bytes", "sum_list", "sum_list_streaming"]

__version__: Final[str]

def sum_list(values: list[float], /) -> float:
    """Sum a list of floats after converting it to a Rust Vec[f64] (pyo3's conversion)."""

def sum_list_streaming(values: list[float], /) -> float:
    """Sum a list of floats element by element, without building a Vec first."""

def sum_array(values: npt.NDArray[np.float64], /) -> float:
    """Sum a one-dimensional float64 numpy array, read in place, in numpy's pairwise order."""

def sum_array_in_order(values: npt.NDArray[np.float64], /) -> float:
    """Sum a one-dimensional float64 numpy array, read in place, one number after another."""

def sum_bytes(data: bytes, /) -> int:
    """Sum the byte values of a bytes object, borrowed in place."""
