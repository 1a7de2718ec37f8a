"""Step 1 of the article: find_close_polygons over any objects with a ``.center`` numpy array."""

from collections.abc import Iterable
from typing import Any, TypeVar

import numpy.typing as npt

__all__ = ["find_close_polygons"]

_T = TypeVar("_T")

def find_close_polygons(polygons: Iterable[_T], point: npt.NDArray[Any], max_dist: float) -> list[_T]:
    """The objects whose ``.center`` is strictly closer than ``max_dist`` to ``point``, in input order.

    Reads ``.center`` from each object and copies it for ndarray-linalg's norm, as the article's naive
    port did; an exception raised by ``.center`` propagates unchanged."""
