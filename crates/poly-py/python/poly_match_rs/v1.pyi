"""Step 1 of the article: find_close_polygons over any objects with a .center numpy array."""

from collections.abc import Iterable
from typing import Any, TypeVar

import numpy.typing as npt

__all__ = ["find_close_polygons"]

_T = TypeVar("_T")

def find_close_polygons(polygons: Iterable[_T], point: npt.NDArray[Any], max_dist: float) -> list[_T]:
    """The polygons whose center is strictly closer than max_dist to point, in input order.

    The article's first Rust version: for each object, look up .center (any object with a numpy
    array there will do, such as the Python dataclass), copy it into a Rust array and take the norm of
    center - point with ndarray-linalg. Reading Python attributes and numpy's borrow bookkeeping
    dominate its time, which is what the next steps remove.

    Raises:
        TypeError: point or a center is not a numpy array of real numbers; polygons is not iterable.
        ValueError: point or a center does not have shape (2,).
        Whatever reading .center raises, unchanged (AttributeError if it is missing).
    """
