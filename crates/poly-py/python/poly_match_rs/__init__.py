"""Polygons close to a point, in Rust: chapter 3 of rust-in-python.

The article "Making Python 100x faster with less than 100 lines of Rust" (Ohad Ravid, 2023), step by step:

- ``poly_match_rs.v1`` .. ``poly_match_rs.v4``: the article's four Rust steps, kept importable;
- ``poly_match_rs.v1_interned``: step 1 with its attribute name interned, to measure what that saves;
- ``Polygon``, ``find_close_polygons``, ``find_all_close_polygons``: the Python original's API, at its best;
- ``best_polygons``: the whole of the article's ``main`` in one call;
- ``PolygonIndex``: the search built once and asked many times (chapter 8: threads, processes, Dask).
"""

import sys as _sys

from poly_match_rs.poly_match_rs import (
    Polygon,
    PolygonIndex,
    __version__,
    best_polygons,
    find_all_close_polygons,
    find_close_polygons,
    v1,
    v1_interned,
    v2,
    v3,
    v4,
)

# The steps are submodules of the compiled module; registering them lets `import poly_match_rs.v1` and
# `from poly_match_rs.v1 import find_close_polygons` work as for any package.
for _step in (v1, v1_interned, v2, v3, v4):
    _sys.modules.setdefault(_step.__name__, _step)
del _step

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
