"""Chapter 7 of rust-in-python: combining valued intervals in Rust, from lists of tuples or numpy arrays.

The contract of every function: an interval (start, stop, value) covers [start, stop) with value. The
result is the sorted, disjoint segments on which the values of the covering intervals add up to
something other than zero; touching segments with equal values are merged. start == stop covers
nothing; start > stop is a ValueError. Sums are exact: Python ints for int input; for floats, the exact
sum rounded once to the nearest float (what math.fsum gives), never a running float sum.
"""

from typing import Final, Literal, SupportsFloat, SupportsIndex, overload

import numpy as np
import numpy.typing as npt

__all__ = [
    "__version__",
    "combine_intervals_arrays",
    "combine_intervals_float",
    "combine_intervals_int",
    "combine_intervals_phases",
]

__version__: Final[str]

def combine_intervals_int(
    intervals: list[tuple[SupportsIndex, SupportsIndex, SupportsIndex]], /
) -> list[tuple[int, int, int]]:
    """Combine integer intervals (each number within 64 bits); the sums are exact Python ints.

    Raises:
        TypeError: not a sequence of 3-tuples of ints.
        OverflowError: a number does not fit in 64 bits.
        ValueError: a start greater than its stop.
    """

def combine_intervals_float(
    intervals: list[tuple[SupportsFloat, SupportsFloat, SupportsFloat]], /
) -> list[tuple[float, float, float]]:
    """Combine float intervals; each value is the exact sum rounded once.

    Raises:
        TypeError: not a sequence of 3-tuples of real numbers.
        ValueError: NaN or infinite numbers, or a start greater than its stop.
        OverflowError: a segment's sum is too large for a float.
    """

@overload
def combine_intervals_arrays(
    starts: npt.NDArray[np.int64], stops: npt.NDArray[np.int64], values: npt.NDArray[np.int64], /
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]: ...
@overload
def combine_intervals_arrays(
    starts: npt.NDArray[np.float64], stops: npt.NDArray[np.float64], values: npt.NDArray[np.float64], /
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]: ...
def combine_intervals_phases(
    intervals: list[tuple[float, float, float]], /, *, floats: bool = False
) -> tuple[
    list[tuple[int, int, int]] | list[tuple[float, float, float]],
    dict[Literal["convert_in", "combine", "convert_out"], float],
]:
    """Time one call's phases: (result, {"convert_in": s, "combine": s, "convert_out": s})."""
