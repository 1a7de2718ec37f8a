//! The article's four steps, kept importable as `poly_match_rs.v1` .. `poly_match_rs.v4`, and beside v1
//! an exhibit that measures one remark of chapter 3 (`poly_match_rs.v1_interned`).
//!
//! Each step is the article's code brought up to this project's bar (clear errors for bad input, any
//! array layout, no panics) while keeping the work that made it as fast or as slow as it was, so the
//! benchmark can retrace the article's ladder:
//!
//! - v1: `.center` read from arbitrary Python objects, copied into an owned array, ndarray-linalg's `Norm`;
//! - v1_interned: v1 with one change, not in the article: the attribute name made once with `intern!`;
//! - v2: the polygons are `Polygon` pyclass objects; the center is still copied into a new array per polygon;
//! - v3: no allocation per polygon: the two coordinates are read and the distance written out by hand;
//! - v4: squared distances, and `find_all_close_polygons` loops over the points in Rust too.
//!
//! They keep the GIL, as the article's code did: each call is a fraction of a millisecond of work that is
//! mostly reading Python objects.

// The `///` comments on `#[pyfunction]`s are Python docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::gather::{self, as_polygon, for_each_item};
use py_glue::arrays;

fn name(text: &'static str) -> impl Fn() -> String {
    move || text.to_owned()
}

/// Step 1: the naive port, over any Python objects that have a `.center` numpy array.
pub mod v1 {
    use super::{PyList, PyResult, PyValueError, Python, arrays, gather, name};
    use numpy::PyArrayMethods;
    use pyo3::prelude::*;

    /// The polygons whose center is strictly closer than max_dist to point, in input order.
    ///
    /// The article's first Rust version: for each object, look up .center (any object with a numpy
    /// array there will do, such as the Python dataclass), copy it into a Rust array and take the norm of
    /// center - point with ndarray-linalg. Reading Python attributes and numpy's borrow bookkeeping
    /// dominate its time, which is what the next steps remove.
    ///
    /// Raises:
    ///     TypeError: point or a center is not a numpy array of real numbers; polygons is not iterable.
    ///     ValueError: point or a center does not have shape (2,).
    ///     Whatever reading .center raises, unchanged (AttributeError if it is missing).
    #[pyfunction]
    #[pyo3(signature = (polygons, point, max_dist))]
    pub fn find_close_polygons<'py>(
        py: Python<'py>,
        polygons: &Bound<'py, PyAny>,
        point: &Bound<'py, PyAny>,
        max_dist: f64,
    ) -> PyResult<Bound<'py, PyList>> {
        let point = arrays::point_array(point, &name("point"))?;
        let point = point.try_readonly()?;
        let point = point.as_array();
        let mut close = Vec::new();
        for (index, item) in gather::items(polygons)?.into_iter().enumerate() {
            // A new Python string per lookup, as in the article (`v1_interned` measures `intern!`).
            let center = item.getattr("center")?;
            let center = arrays::point_array(&center, &|| format!("polygons[{index}].center"))?;
            let center = center.try_readonly()?.as_array().to_owned();
            let distance = poly_core::geometry::norm_distance(center, &point)
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            if distance < max_dist {
                close.push(item);
            }
        }
        PyList::new(py, close)
    }
}

/// Beside step 1: v1 with exactly one change, `intern!` for the attribute name (chapter 3 measures it).
pub mod v1_interned {
    use super::{PyList, PyResult, PyValueError, Python, arrays, gather, name};
    use numpy::PyArrayMethods;
    use pyo3::intern;
    use pyo3::prelude::*;

    /// The polygons whose center is strictly closer than max_dist to point, in input order.
    ///
    /// Step 1 (poly_match_rs.v1) with one change, which the article did not make: the attribute name
    /// "center" is a Python string made once and reused (pyo3's intern!), instead of a new string on
    /// every lookup. Everything else is v1's work: the .center lookup, the copy into a Rust array and
    /// ndarray-linalg's norm, so timing the two side by side measures what creating that string costs.
    ///
    /// Raises:
    ///     TypeError: point or a center is not a numpy array of real numbers; polygons is not iterable.
    ///     ValueError: point or a center does not have shape (2,).
    ///     Whatever reading .center raises, unchanged (AttributeError if it is missing).
    #[pyfunction]
    #[pyo3(signature = (polygons, point, max_dist))]
    pub fn find_close_polygons<'py>(
        py: Python<'py>,
        polygons: &Bound<'py, PyAny>,
        point: &Bound<'py, PyAny>,
        max_dist: f64,
    ) -> PyResult<Bound<'py, PyList>> {
        let point = arrays::point_array(point, &name("point"))?;
        let point = point.try_readonly()?;
        let point = point.as_array();
        let mut close = Vec::new();
        for (index, item) in gather::items(polygons)?.into_iter().enumerate() {
            // The one change from v1: the string "center" is created once and kept, not made per lookup.
            let center = item.getattr(intern!(py, "center"))?;
            let center = arrays::point_array(&center, &|| format!("polygons[{index}].center"))?;
            let center = center.try_readonly()?.as_array().to_owned();
            let distance = poly_core::geometry::norm_distance(center, &point)
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            if distance < max_dist {
                close.push(item);
            }
        }
        PyList::new(py, close)
    }
}

/// Step 2: `Polygon` is a pyclass; the center is read from Rust, but still copied per polygon.
pub mod v2 {
    use super::{PyList, PyResult, PyValueError, Python, arrays, gather, name};
    use numpy::PyArrayMethods;
    use pyo3::prelude::*;

    /// The Polygon objects whose center is strictly closer than max_dist to point, in input order.
    ///
    /// The article's second step: the polygons are poly_match_rs.Polygon objects (Python subclasses it
    /// to compute area() in Python), so the center is read straight from Rust instead of through a
    /// Python attribute. It is still copied into a new array for ndarray-linalg's norm, one allocation
    /// per polygon.
    ///
    /// Raises:
    ///     TypeError: an item is not a Polygon; point is not a numpy array of real numbers.
    ///     ValueError: point does not have shape (2,).
    #[pyfunction]
    #[pyo3(signature = (polygons, point, max_dist))]
    pub fn find_close_polygons<'py>(
        py: Python<'py>,
        polygons: &Bound<'py, PyAny>,
        point: &Bound<'py, PyAny>,
        max_dist: f64,
    ) -> PyResult<Bound<'py, PyList>> {
        let point = arrays::point_array(point, &name("point"))?;
        let point = point.try_readonly()?;
        let point = point.as_array();
        let mut close = Vec::new();
        for polygon in gather::polygons(polygons)? {
            let center = ndarray::Array1::from(polygon.get().center_area().center.to_vec());
            let distance = poly_core::geometry::norm_distance(center, &point)
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            if distance < max_dist {
                close.push(polygon);
            }
        }
        PyList::new(py, close)
    }
}

/// Step 3: no allocation per polygon; the distance is written out by hand.
pub mod v3 {
    use super::{PyList, PyResult, Python, arrays, as_polygon, for_each_item, name};
    use pyo3::prelude::*;

    /// The Polygon objects whose center is strictly closer than max_dist to point, in input order.
    ///
    /// The article's third step: the center's two numbers are read in place and the distance is
    /// sqrt(dx * dx + dy * dy), so nothing is allocated per polygon.
    ///
    /// Raises:
    ///     TypeError: an item is not a Polygon; point is not a numpy array of real numbers.
    ///     ValueError: point does not have shape (2,).
    #[pyfunction]
    #[pyo3(signature = (polygons, point, max_dist))]
    pub fn find_close_polygons<'py>(
        py: Python<'py>,
        polygons: &Bound<'py, PyAny>,
        point: &Bound<'py, PyAny>,
        max_dist: f64,
    ) -> PyResult<Bound<'py, PyList>> {
        let point = arrays::point(point, &name("point"))?;
        let mut close = Vec::new();
        for_each_item(polygons, |index, item| {
            let polygon = as_polygon(index, item)?;
            if poly_core::geometry::distance(polygon.get().center_area().center, point) < max_dist {
                close.push(item.clone());
            }
            Ok(())
        })?;
        PyList::new(py, close)
    }
}

/// Step 4: squared distances, and the loop over the points in Rust too.
pub mod v4 {
    use super::{PyList, PyResult, Python, arrays, gather, name};
    use crate::polygon::Polygon;
    use poly_core::Point;
    use poly_core::geometry::{squared_distance, squared_reach};
    use pyo3::prelude::*;
    use pyo3::types::PyTuple;

    fn close_to<'py>(
        polygons: &[Bound<'py, Polygon>],
        point: Point,
        max_dist: f64,
    ) -> Vec<Bound<'py, Polygon>> {
        let reach = squared_reach(max_dist);
        polygons
            .iter()
            .filter(|polygon| squared_distance(polygon.get().center_area().center, point) < reach)
            .cloned()
            .collect()
    }

    /// The Polygon objects whose center is strictly closer than max_dist to point, in input order.
    ///
    /// The article's fourth step compares squared distances with max_dist ** 2, saving the square root.
    /// (Exactly on the boundary the rounding of the two forms can differ; the top-level functions use
    /// the Python original's form.)
    ///
    /// Raises:
    ///     TypeError: an item is not a Polygon; point is not a numpy array of real numbers.
    ///     ValueError: point does not have shape (2,).
    #[pyfunction]
    #[pyo3(signature = (polygons, point, max_dist))]
    pub fn find_close_polygons<'py>(
        py: Python<'py>,
        polygons: &Bound<'py, PyAny>,
        point: &Bound<'py, PyAny>,
        max_dist: f64,
    ) -> PyResult<Bound<'py, PyList>> {
        let point = arrays::point(point, &name("point"))?;
        PyList::new(py, close_to(&gather::polygons(polygons)?, point, max_dist))
    }

    /// For each row of points (in order) that has close polygons: (the row, [the close polygons]).
    ///
    /// The article's fourth step moves the loop of main over the points into Rust: the polygons are
    /// read once, and each point is compared with every polygon by squared distance. Points without
    /// any close polygon are left out, as the Python main skips them. Ctrl-C stops it between points.
    ///
    /// Raises:
    ///     TypeError: an item is not a Polygon; points is not a numpy array of real numbers.
    ///     ValueError: points does not have shape (N, 2).
    #[pyfunction]
    #[pyo3(signature = (polygons, points, max_dist))]
    pub fn find_all_close_polygons<'py>(
        py: Python<'py>,
        polygons: &Bound<'py, PyAny>,
        points: &Bound<'py, PyAny>,
        max_dist: f64,
    ) -> PyResult<Bound<'py, PyList>> {
        let all = gather::polygons(polygons)?;
        let rows = arrays::points(points)?;
        let found = PyList::empty(py);
        for (index, &point) in rows.iter().enumerate() {
            // Each point is a pass over every polygon, with the GIL held: let Ctrl-C in between.
            py.check_signals()?;
            let close = close_to(&all, point, max_dist);
            if !close.is_empty() {
                let row = points.get_item(index)?;
                found.append(PyTuple::new(py, [row, PyList::new(py, close)?.into_any()])?)?;
            }
        }
        Ok(found)
    }
}
