//! The wheel `poly_match_rs`: chapter 3's polygon search, callable from Python.
//!
//! A thin layer over `poly-core`. It reads the Python arguments (Polygon objects, numpy arrays of any
//! layout and real dtype) into plain Rust data while holding the GIL, releases the GIL for the search
//! itself (spread over a thread pool when there are many points), and turns the indices that come back
//! into the caller's own objects: the same Polygon instances, the caller's rows of `points`.
//!
//! The compiled module is `poly_match_rs.poly_match_rs`; the Python package `poly_match_rs` (in
//! `python/`) re-exports it and registers the article's steps as `poly_match_rs.v1` .. `v4` (and
//! `v1_interned`, step 1 with the attribute name interned).

// The `///` comments on `#[pyfunction]`s are Python docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

mod gather;
mod index;
mod polygon;
mod steps;

use py_glue::arrays;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::gather::{
    as_polygon, detached_search, for_each_item, polygons_and_shapes, rows_with_best,
    rows_with_close,
};
use crate::index::PolygonIndex;
use crate::polygon::Polygon;

/// The polygons whose center is strictly closer than max_dist to point, in input order.
///
/// The Python original's find_close_polygons: the same Polygon objects come back (not copies), and the
/// test is the original's norm(center - point) < max_dist, rounded the same way. A NaN anywhere (point,
/// center, max_dist) matches nothing, as in Python.
///
/// polygons: a list (or any iterable) of poly_match_rs.Polygon, subclasses included.
/// point: a numpy array of shape (2,), any real dtype.
///
/// Raises:
///     TypeError: an item is not a Polygon; point is not a numpy array of real numbers.
///     ValueError: point does not have shape (2,).
#[pyfunction]
#[pyo3(signature = (polygons, point, max_dist))]
fn find_close_polygons<'py>(
    py: Python<'py>,
    polygons: &Bound<'py, PyAny>,
    point: &Bound<'py, PyAny>,
    max_dist: f64,
) -> PyResult<Bound<'py, PyList>> {
    let point = arrays::point(point, &|| "point".to_owned())?;
    // One pass over the items with the core's test, rather than `poly_core::close_indices`, which would
    // need every center gathered into a slice (and every object kept) first on this per-point hot path.
    let mut close = Vec::new();
    for_each_item(polygons, |index, item| {
        let polygon = as_polygon(index, item)?;
        if poly_core::geometry::is_close(polygon.get().center_area().center, point, max_dist) {
            close.push(polygon.clone());
        }
        Ok(())
    })?;
    PyList::new(py, close)
}

/// For each row of points (in order) with close polygons: (the row, [the close polygons]).
///
/// The loop of the Python main over find_close_polygons, in one call. The polygons are read once, the
/// search runs with the GIL released (through a grid over the centers when there are several points,
/// on all cores when there are many), and points without any close polygon are left out, as main skips
/// them. Each row is points[i], a view into the caller's array, as `for point in points` gives. Ctrl-C
/// stops a long search with KeyboardInterrupt.
///
/// Raises:
///     TypeError: an item is not a Polygon; points is not a numpy array of real numbers.
///     ValueError: points does not have shape (N, 2).
#[pyfunction]
#[pyo3(signature = (polygons, points, max_dist))]
fn find_all_close_polygons<'py>(
    py: Python<'py>,
    polygons: &Bound<'py, PyAny>,
    points: &Bound<'py, PyAny>,
    max_dist: f64,
) -> PyResult<Bound<'py, PyList>> {
    let (objects, shapes) = polygons_and_shapes(polygons)?;
    let rows = arrays::points(points)?;
    let found = detached_search(py, rows.len(), shapes.len(), |stop| {
        poly_core::find_all_close_stoppable(&shapes, &rows, max_dist, stop)
    })?;
    rows_with_close(points, found, &objects)
}

/// The whole of the article's main: for each row of points with close polygons, (the row, the best).
///
/// The best polygon is the close polygon of smallest area(), the first in input order on ties, exactly
/// the choice of the Python select_best_polygon. Points without any close polygon are left out. The
/// result is [(points[i], polygon), ...]: the rows are views into the caller's array, the polygons the
/// caller's own objects.
///
/// Areas are the ones Polygon computed at construction; an area() overridden in a Python subclass is
/// not consulted. The GIL is released during the search, which runs through a grid over the centers and,
/// for many points, on all cores; Ctrl-C stops a long search with KeyboardInterrupt.
///
/// Raises:
///     TypeError: an item is not a Polygon; points is not a numpy array of real numbers.
///     ValueError: points does not have shape (N, 2).
#[pyfunction]
#[pyo3(signature = (polygons, points, max_dist))]
fn best_polygons<'py>(
    py: Python<'py>,
    polygons: &Bound<'py, PyAny>,
    points: &Bound<'py, PyAny>,
    max_dist: f64,
) -> PyResult<Bound<'py, PyList>> {
    let (objects, shapes) = polygons_and_shapes(polygons)?;
    let rows = arrays::points(points)?;
    let best = detached_search(py, rows.len(), shapes.len(), |stop| {
        poly_core::best_polygons_stoppable(&shapes, &rows, max_dist, stop)
    })?;
    rows_with_best(points, best, &objects)
}

/// Polygons close to a point: the article "Making Python 100x faster with less than 100 lines of Rust",
/// step by step (the submodules v1 .. v4, and v1_interned: v1 with intern!), all of its main in Rust
/// (best_polygons), and PolygonIndex, the search built once and asked many times, in threads, process
/// pools or on a Dask cluster.
#[pymodule(gil_used = false, module = "poly_match_rs")]
mod poly_match_rs {
    #[pymodule_export]
    use super::{
        Polygon, PolygonIndex, best_polygons, find_all_close_polygons, find_close_polygons,
    };

    use pyo3::prelude::*;

    /// Step 1 of the article: find_close_polygons over any objects with a .center numpy array.
    #[pymodule(gil_used = false, module = "poly_match_rs")]
    mod v1 {
        #[pymodule_export]
        use crate::steps::v1::find_close_polygons;
    }

    /// Beside step 1, not in the article: v1 with the attribute name interned (pyo3's intern!).
    #[pymodule(gil_used = false, module = "poly_match_rs")]
    mod v1_interned {
        #[pymodule_export]
        use crate::steps::v1_interned::find_close_polygons;
    }

    /// Step 2 of the article: Polygon as a pyclass (subclass it to add area()), center still copied.
    #[pymodule(gil_used = false, module = "poly_match_rs")]
    mod v2 {
        #[pymodule_export]
        use crate::polygon::Polygon;
        #[pymodule_export]
        use crate::steps::v2::find_close_polygons;
    }

    /// Step 3 of the article: no allocation per polygon, the distance written out by hand.
    #[pymodule(gil_used = false, module = "poly_match_rs")]
    mod v3 {
        #[pymodule_export]
        use crate::polygon::Polygon;
        #[pymodule_export]
        use crate::steps::v3::find_close_polygons;
    }

    /// Step 4 of the article: squared distances and find_all_close_polygons, the loop over points in Rust.
    #[pymodule(gil_used = false, module = "poly_match_rs")]
    mod v4 {
        #[pymodule_export]
        use crate::polygon::Polygon;
        #[pymodule_export]
        use crate::steps::v4::{find_all_close_polygons, find_close_polygons};
    }

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
