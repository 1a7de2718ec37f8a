"""Polygons close to a point, in Rust: chapter 3 of rust-in-python."""

from collections.abc import Iterable
from typing import Any, Final, TypeVar, final

import numpy as np
import numpy.typing as npt
from typing_extensions import disjoint_base

from . import v1 as v1
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
    "v2",
    "v3",
    "v4",
]

__version__: Final[str]

_P = TypeVar("_P", bound=Polygon)

@disjoint_base
class Polygon:
    """A polygon given by its vertices, with its center and area computed once.

    ``x`` and ``y`` are 1-D numpy arrays of the same, non-zero length (any real dtype and memory layout;
    copied as float64). The center is numpy's vertex mean to the last bit; the area is exact, rounded once
    (the same on every machine). Subclass it in Python to add methods; the search functions always use
    the center and area computed here.
    """

    def __new__(cls, x: npt.NDArray[Any], y: npt.NDArray[Any]) -> Polygon: ...
    @property
    def x(self) -> npt.NDArray[np.float64]:
        """The x coordinates of the vertices (read-only; the same array on every access)."""
    @property
    def y(self) -> npt.NDArray[np.float64]:
        """The y coordinates of the vertices (read-only; the same array on every access)."""
    @property
    def center(self) -> npt.NDArray[np.float64]:
        """``array([mean(x), mean(y)])``, rounded as numpy rounds it (read-only)."""
    def area(self) -> float:
        """The exact shoelace area, 0.5 * |sum(x * roll(y, 1)) - sum(y * roll(x, 1))|, rounded once.

        Computed exactly (as with fractions.Fraction) and rounded to float64 once: the same on every machine.
        """
    def __reduce__(self) -> tuple[Any, ...]: ...

def find_close_polygons(polygons: Iterable[_P], point: npt.NDArray[Any], max_dist: float) -> list[_P]:
    """The polygons whose center is strictly closer than ``max_dist`` to ``point`` (shape ``(2,)``),
    in input order; the caller's own objects."""

def find_all_close_polygons(
    polygons: Iterable[_P], points: npt.NDArray[Any], max_dist: float
) -> list[tuple[npt.NDArray[Any], list[_P]]]:
    """For each row of ``points`` (shape ``(N, 2)``) with close polygons: ``(points[i], [close polygons])``.

    Releases the GIL while searching."""

def best_polygons(
    polygons: Iterable[_P], points: npt.NDArray[Any], max_dist: float
) -> list[tuple[npt.NDArray[Any], _P]]:
    """The whole of the article's ``main``: for each row of ``points`` with close polygons,
    ``(points[i], the close polygon of smallest area, first on ties)``.

    Releases the GIL while searching."""

@final
class PolygonIndex:
    """Polygons filed once for one ``max_dist``, then asked about any number of points, from any thread.

    ``max_dist`` is a number ``>= 0`` (``inf`` allowed); an empty list of polygons answers ``-1``
    everywhere. Queries give the module functions' answers and release the GIL. Pickling ships flat
    arrays of the vertices; the unpickled index answers identically, with plain ``Polygon`` objects.
    """

    def __new__(cls, polygons: Iterable[Polygon], max_dist: float) -> PolygonIndex: ...
    def best_indices(self, points: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
        """For each row of ``points`` (shape ``(N, 2)``): the position of the close polygon of smallest
        area (first on ties), or ``-1`` where none is close."""
    def best_polygons(self, points: npt.NDArray[Any]) -> list[tuple[npt.NDArray[Any], Polygon]]:
        """``best_polygons(polygons, points, max_dist)`` with this index's polygons and ``max_dist``."""
    def find_all_close_polygons(
        self, points: npt.NDArray[Any]
    ) -> list[tuple[npt.NDArray[Any], list[Polygon]]]:
        """``find_all_close_polygons(polygons, points, max_dist)`` with this index's polygons and
        ``max_dist``."""
    @property
    def max_dist(self) -> float:
        """The ``max_dist`` the index was built for."""
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
