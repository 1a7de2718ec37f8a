"""Step 4 of the article: squared distances, and find_all_close_polygons loops over the points in Rust."""

from collections.abc import Iterable
from typing import Any, TypeVar

import numpy.typing as npt

from poly_match_rs import Polygon as Polygon

__all__ = ["Polygon", "find_all_close_polygons", "find_close_polygons"]

_P = TypeVar("_P", bound=Polygon)

def find_close_polygons(polygons: Iterable[_P], point: npt.NDArray[Any], max_dist: float) -> list[_P]:
    """The Polygon objects whose center is strictly closer than ``max_dist`` to ``point``, in input order
    (compared as squared distances)."""

def find_all_close_polygons(
    polygons: Iterable[_P], points: npt.NDArray[Any], max_dist: float
) -> list[tuple[npt.NDArray[Any], list[_P]]]:
    """For each row of ``points`` (shape ``(N, 2)``) with close polygons:
    ``(points[i], [close polygons])``."""
