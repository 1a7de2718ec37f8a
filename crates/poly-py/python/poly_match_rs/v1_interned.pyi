"""Beside step 1, not in the article: v1 with the attribute name interned (pyo3's intern!)."""

from collections.abc import Iterable
from typing import Any, TypeVar

import numpy.typing as npt

__all__ = ["find_close_polygons"]

_T = TypeVar("_T")

def find_close_polygons(polygons: Iterable[_T], point: npt.NDArray[Any], max_dist: float) -> list[_T]:
    """The polygons whose center is strictly closer than max_dist to point, in input order.

    Step 1 (poly_match_rs.v1) with one change, which the article did not make: the attribute name
    "center" is a Python string made once and reused (pyo3's intern!), instead of a new string on
    every lookup. Everything else is v1's work: the .center lookup, the copy into a Rust array and
    ndarray-linalg's norm, so timing the two side by side measures what creating that string costs.

    Raises:
        TypeError: point or a center is not a numpy array of real numbers; polygons is not iterable.
        ValueError: point or a center does not have shape (2,).
        Whatever reading .center raises, unchanged (AttributeError if it is missing).
    """
