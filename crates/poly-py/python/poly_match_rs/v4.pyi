"""Step 4 of the article: squared distances and find_all_close_polygons, the loop over points in Rust."""

from collections.abc import Iterable
from typing import Any, TypeVar

import numpy.typing as npt

from poly_match_rs import Polygon as Polygon

__all__ = ["Polygon", "find_all_close_polygons", "find_close_polygons"]

_P = TypeVar("_P", bound=Polygon)

def find_close_polygons(polygons: Iterable[_P], point: npt.NDArray[Any], max_dist: float) -> list[_P]:
    """The Polygon objects whose center is strictly closer than max_dist to point, in input order.

    The article's fourth step compares squared distances with max_dist ** 2, saving the square root.
    (Exactly on the boundary the rounding of the two forms can differ; the top-level functions use
    the Python original's form.)

    Raises:
        TypeError: an item is not a Polygon; point is not a numpy array of real numbers.
        ValueError: point does not have shape (2,).
    """

def find_all_close_polygons(
    polygons: Iterable[_P], points: npt.NDArray[Any], max_dist: float
) -> list[tuple[npt.NDArray[Any], list[_P]]]:
    """For each row of points (in order) that has close polygons: (the row, [the close polygons]).

    The article's fourth step moves the loop of main over the points into Rust: the polygons are
    read once, and each point is compared with every polygon by squared distance. Points without
    any close polygon are left out, as the Python main skips them. Ctrl-C stops it between points.

    Raises:
        TypeError: an item is not a Polygon; points is not a numpy array of real numbers.
        ValueError: points does not have shape (N, 2).
    """
