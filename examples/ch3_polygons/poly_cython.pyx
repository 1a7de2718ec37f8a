# cython: language_level=3
"""Chapter 3 in Cython: the article's `main` as a typed loop over prepared arrays, compiled by the tour with
the machine's C compiler (examples/peers.py).

The same kernel as numba's (poly_numba.best_indices): for each point, every center's distance
`sqrt(dx² + dy²)` against `max_dist` (strictly closer), and among those the smallest area, the first one
on ties. It takes the centers as an (M, 2) float64 array and the areas as an M array (gathered once, outside
the timing, by poly_numba.Prepared) and returns each point's polygon position, -1 where none is close.
"""

import numpy as np

from libc.math cimport sqrt


def best_indices(const double[:, ::1] centers, const double[::1] areas, const double[:, ::1] points,
                 double max_dist):
    """For each point, the position of the smallest-area polygon whose center is closer than max_dist."""
    best_array = np.full(points.shape[0], -1, dtype=np.int64)
    cdef long long[::1] best = best_array
    cdef Py_ssize_t i, j, chosen
    cdef double px, py, dx, dy, smallest
    with nogil:
        for i in range(points.shape[0]):
            px = points[i, 0]
            py = points[i, 1]
            chosen = -1
            smallest = 0.0
            for j in range(centers.shape[0]):
                dx = centers[j, 0] - px
                dy = centers[j, 1] - py
                if sqrt(dx * dx + dy * dy) < max_dist and (chosen < 0 or areas[j] < smallest):
                    chosen = j
                    smallest = areas[j]
            best[i] = chosen
    return best_array
