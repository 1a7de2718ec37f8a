"""Combining valued intervals (the series' part 3), computed in Rust."""

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
    """Combine integer intervals: the sorted, disjoint [start, stop) segments where the values of the covering
    intervals add up to non-zero, touching segments of equal value merged.

    intervals is a list (or any sequence) of (start, stop, value) tuples of ints, each between -2**63 and
    2**63 - 1. start == stop covers nothing. Each segment's value is the exact sum (a Python int, which
    may exceed 64 bits). Example: [(2, 4, 3), (1, 3, 2)] gives [(1, 2, 2), (2, 3, 5), (3, 4, 3)].

    The GIL is released while sorting and sweeping.

    Raises:
        TypeError: intervals is not a sequence of 3-tuples of ints.
        OverflowError: a number does not fit in 64 bits.
        ValueError: an interval's start is greater than its stop (the message names the interval).
    """

def combine_intervals_float(
    intervals: list[tuple[SupportsFloat, SupportsFloat, SupportsFloat]], /
) -> list[tuple[float, float, float]]:
    """Combine float intervals: the sorted, disjoint [start, stop) segments where the values of the covering
    intervals add up to non-zero, touching segments of equal value merged.

    intervals is a list (or any sequence) of (start, stop, value) tuples of floats (ints are converted).
    start == stop covers nothing; -0.0 as a position is 0.0. Each segment's value is the exact sum of the
    covering values rounded once to the nearest float, as math.fsum would give it: no rounding error
    accumulates along the sweep, and a segment whose exact sum is zero is left out.

    The GIL is released while sorting and sweeping.

    Raises:
        TypeError: intervals is not a sequence of 3-tuples of real numbers.
        ValueError: a NaN or infinite number, or a start greater than its stop (the message names the
            interval).
        OverflowError: a segment's sum is too large for a float.
    """

@overload
def combine_intervals_arrays(
    starts: npt.NDArray[np.int64], stops: npt.NDArray[np.int64], values: npt.NDArray[np.int64], /
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Combine intervals given as three numpy arrays; return the segments as three new arrays.

    starts, stops and values are 1-D arrays of one length, all int64 or all float64 (any strides, read
    in place; convert other dtypes with .astype first). The result is (starts, stops, values) of the
    combined segments, with the same meaning as combine_intervals_int / combine_intervals_float and the
    same dtype as the input. For int64 input each segment's value must fit in int64.

    The GIL is released while sorting and sweeping.

    Raises:
        TypeError: an argument is not a numpy array, or the dtypes are not all int64 or all float64.
        ValueError: not 1-D, lengths differ, NaN or infinite floats, a start greater than its stop.
        OverflowError: a segment's value does not fit in int64, or its float sum is too large.
    """

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
    """Time the three phases of combine_intervals_int / combine_intervals_float on one list, to see where a
    call's time goes: converting the list of tuples into Rust, combining (checking, sorting, sweeping),
    and converting the result back into a list of tuples.

    Returns (result, seconds) where result is what the combining function returns and seconds is a dict
    {"convert_in": .., "combine": .., "convert_out": ..}. floats=True times combine_intervals_float. The GIL
    is kept throughout, so the phases are timed as one thread sees them. Raises what the combining
    function raises.
    """
