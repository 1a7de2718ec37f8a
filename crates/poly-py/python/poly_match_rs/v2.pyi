"""Step 2 of the article: Polygon as a pyclass (subclass it to add area()), center still copied."""

from collections.abc import Iterable
from typing import Any, TypeVar

import numpy.typing as npt

from poly_match_rs import Polygon as Polygon

__all__ = ["Polygon", "find_close_polygons"]

_P = TypeVar("_P", bound=Polygon)

def find_close_polygons(polygons: Iterable[_P], point: npt.NDArray[Any], max_dist: float) -> list[_P]:
    """The Polygon objects whose center is strictly closer than max_dist to point, in input order.

    The article's second step: the polygons are poly_match_rs.Polygon objects (Python subclasses it
    to compute area() in Python), so the center is read straight from Rust instead of through a
    Python attribute. It is still copied into a new array for ndarray-linalg's norm, one allocation
    per polygon.

    Raises:
        TypeError: an item is not a Polygon; point is not a numpy array of real numbers.
        ValueError: point does not have shape (2,).
    """
