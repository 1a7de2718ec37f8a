"""Step 3 of the article: no allocation per polygon, the distance written out by hand."""

from collections.abc import Iterable
from typing import Any, TypeVar

import numpy.typing as npt

from poly_match_rs import Polygon as Polygon

__all__ = ["Polygon", "find_close_polygons"]

_P = TypeVar("_P", bound=Polygon)

def find_close_polygons(polygons: Iterable[_P], point: npt.NDArray[Any], max_dist: float) -> list[_P]:
    """The Polygon objects whose center is strictly closer than max_dist to point, in input order.

    The article's third step: the center's two numbers are read in place and the distance is
    sqrt(dx * dx + dy * dy), so nothing is allocated per polygon.

    Raises:
        TypeError: an item is not a Polygon; point is not a numpy array of real numbers.
        ValueError: point does not have shape (2,).
    """
