"""Polygons close to a point, in Rust: chapter 3 of rust-in-python.

The article "Making Python 100x faster with less than 100 lines of Rust" (Ohad Ravid, 2023), step by step:

- ``poly_match_rs.v1`` .. ``poly_match_rs.v4``: the article's four Rust steps, kept importable;
- ``poly_match_rs.v1_interned``: step 1 with its attribute name interned, to measure what that saves;
- ``Polygon``, ``find_close_polygons``, ``find_all_close_polygons``: the Python original's API, at its best;
- ``best_polygons``: the whole of the article's ``main`` in one call;
- ``PolygonIndex``: the search built once and asked many times (chapter 8: threads, processes, Dask).
"""

from collections.abc import Iterable
from typing import Any, Final, TypeVar, final

import numpy as np
import numpy.typing as npt
from typing_extensions import disjoint_base

from . import v1 as v1
from . import v1_interned as v1_interned
from . import v2 as v2
from . import v3 as v3
from . import v4 as v4

__all__ = [
    "Polygon",
    "PolygonIndex",
    "__version__",
    "best_polygons",
    "find_all_close_polygons",
    "find_close_polygons",
    "v1",
    "v1_interned",
    "v2",
    "v3",
    "v4",
]

__version__: Final[str]

_P = TypeVar("_P", bound=Polygon)

@disjoint_base
class Polygon:
    """A polygon given by the coordinates of its vertices, with its center and area computed once.

    Polygon(x, y): x and y are 1-D numpy arrays of the same, non-zero length (any real dtype, any
    memory layout; they are copied as float64). The vertices go around the outline in order.

    Attributes and methods, as in the article's Python dataclass:
        x, y: the vertices, read-only float64 arrays (the same objects on every access).
        center: the mean of the vertices, array([mean(x), mean(y)]), read-only.
        area(): the exact shoelace area, rounded once.

    The center is rounded exactly as numpy computes it in the Python original. The area is the exact
    shoelace area of the float64 vertices rounded once to float64 (what fractions.Fraction gives): the
    same on every machine, where numpy's dot rounds differently per CPU.

    Subclass it in Python to add methods or attributes (the article's step v2 overrides area() in
    Python); the search functions read the center and area computed here, never an override.

    Raises:
        TypeError: x or y is not a numpy array, or does not hold real numbers.
        ValueError: x or y is not 1-D, they differ in length, or they are empty.
    """

    def __new__(cls, x: npt.NDArray[Any], y: npt.NDArray[Any]) -> Polygon: ...
    @property
    def x(self) -> npt.NDArray[np.float64]:
        """The x coordinates of the vertices (a read-only float64 array)."""
    @property
    def y(self) -> npt.NDArray[np.float64]:
        """The y coordinates of the vertices (a read-only float64 array)."""
    @property
    def center(self) -> npt.NDArray[np.float64]:
        """The mean of the vertices, array([mean(x), mean(y)]) (a read-only float64 array)."""
    def area(self) -> float:
        """The exact shoelace area, rounded once to float64.

        0.5 * |sum(x * roll(y, 1)) - sum(y * roll(x, 1))|, computed exactly.
        """
    def __reduce__(self) -> tuple[Any, ...]: ...

def find_close_polygons(polygons: Iterable[_P], point: npt.NDArray[Any], max_dist: float) -> list[_P]:
    """The polygons whose center is strictly closer than max_dist to point, in input order.

    The Python original's find_close_polygons: the same Polygon objects come back (not copies), and the
    test is the original's norm(center - point) < max_dist, rounded the same way. A NaN anywhere (point,
    center, max_dist) matches nothing, as in Python.

    polygons: a list (or any iterable) of poly_match_rs.Polygon, subclasses included.
    point: a numpy array of shape (2,), any real dtype.

    Raises:
        TypeError: an item is not a Polygon; point is not a numpy array of real numbers.
        ValueError: point does not have shape (2,).
    """

def find_all_close_polygons(
    polygons: Iterable[_P], points: npt.NDArray[Any], max_dist: float
) -> list[tuple[npt.NDArray[Any], list[_P]]]:
    """For each row of points (in order) with close polygons: (the row, [the close polygons]).

    The loop of the Python main over find_close_polygons, in one call. The polygons are read once, the
    search runs with the GIL released (through a grid over the centers when there are several points,
    on all cores when there are many), and points without any close polygon are left out, as main skips
    them. Each row is points[i], a view into the caller's array, as `for point in points` gives. Ctrl-C
    stops a long search with KeyboardInterrupt.

    Raises:
        TypeError: an item is not a Polygon; points is not a numpy array of real numbers.
        ValueError: points does not have shape (N, 2).
    """

def best_polygons(
    polygons: Iterable[_P], points: npt.NDArray[Any], max_dist: float
) -> list[tuple[npt.NDArray[Any], _P]]:
    """The whole of the article's main: for each row of points with close polygons, (the row, the best).

    The best polygon is the close polygon of smallest area(), the first in input order on ties, exactly
    the choice of the Python select_best_polygon. Points without any close polygon are left out. The
    result is [(points[i], polygon), ...]: the rows are views into the caller's array, the polygons the
    caller's own objects.

    Areas are the ones Polygon computed at construction; an area() overridden in a Python subclass is
    not consulted. The GIL is released during the search, which runs through a grid over the centers and,
    for many points, on all cores; Ctrl-C stops a long search with KeyboardInterrupt.

    Raises:
        TypeError: an item is not a Polygon; points is not a numpy array of real numbers.
        ValueError: points does not have shape (N, 2).
    """

@final
class PolygonIndex:
    """Polygons filed once for one max_dist, then asked about any number of points, from many threads.

    PolygonIndex(polygons, max_dist): polygons is a list (or any iterable) of poly_match_rs.Polygon, in
    the order the answers refer to; max_dist is a number >= 0 (inf allowed). An empty list is fine: every
    point then has no close polygon.

    The queries give exactly the answers of the module functions with the same polygons and max_dist,
    without rebuilding the grid over the centers on each call:
        best_indices(points): an int64 array, the chosen polygon's position per point, or -1.
        best_polygons(points), find_all_close_polygons(points): as the module functions.

    Each query releases the GIL (threads can query one index at once) and Ctrl-C stops a long one.
    Pickling ships flat float64 arrays of the vertices, not one object per polygon; the unpickled index
    answers identically, and makes plain Polygon objects from the vertices when a query returns polygons.

    Raises:
        TypeError: an item is not a Polygon; max_dist is not a number.
        ValueError: max_dist is NaN or negative.
    """

    def __new__(cls, polygons: Iterable[Polygon], max_dist: float) -> PolygonIndex: ...
    def best_indices(self, points: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
        """For each row of points: the position (in the polygons the index was built from) of the close
        polygon of smallest area, first on ties, or -1 where no polygon is close.

        points: a numpy array of shape (N, 2), any real dtype and layout. Returns an int64 array of
        shape (N,): no Python object per point, what a dataframe column wants.

        Raises:
            TypeError: points is not a numpy array of real numbers.
            ValueError: points does not have shape (N, 2).
        """
    def best_polygons(self, points: npt.NDArray[Any]) -> list[tuple[npt.NDArray[Any], Polygon]]:
        """For each row of points with close polygons: (the row, the close polygon of smallest area).

        The module function best_polygons(polygons, points, max_dist), with this index's polygons and
        max_dist.
        """
    def find_all_close_polygons(
        self, points: npt.NDArray[Any]
    ) -> list[tuple[npt.NDArray[Any], list[Polygon]]]:
        """For each row of points with close polygons: (the row, [the close polygons, in input order]).

        The module function find_all_close_polygons(polygons, points, max_dist), with this index's
        polygons and max_dist.
        """
    @property
    def max_dist(self) -> float:
        """The max_dist the index was built for."""
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
