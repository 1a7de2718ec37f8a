//! `poly_match_rs.PolygonIndex`: chapter 3's search prepared once (`poly_core::PolygonIndex`) and asked
//! many times, from any thread, and shipped to other processes as flat arrays.
//!
//! The index keeps the caller's Polygon objects (to hand back from `best_polygons`) and, once pickled, the
//! flat outlines: every polygon's `x` one after the other, the same for `y`, and where each polygon starts.
//! Either can be made from the other, so each is made on first need: pickling an index built from objects
//! gathers their vertices once; an index rebuilt from a pickle makes Polygon objects only if a query that
//! returns objects is asked (`best_indices` never needs them, which is what a Dask worker asks).

// The `///` comments on Python-visible items are docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use numpy::{PyArray1, PyArrayMethods};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyTuple, PyType};

use py_glue::{arrays, type_name};

use crate::gather::{detached_search, polygons_and_shapes, rows_with_best, rows_with_close};
use crate::polygon::Polygon;

/// Every polygon's vertices, one polygon after the other: polygon `i` is `starts[i]..starts[i + 1]`.
struct Outlines {
    x: Vec<f64>,
    y: Vec<f64>,
    starts: Vec<usize>,
}

/// Polygons filed once for one max_dist, then asked about any number of points, from many threads.
///
/// PolygonIndex(polygons, max_dist): polygons is a list (or any iterable) of poly_match_rs.Polygon, in
/// the order the answers refer to; max_dist is a number >= 0 (inf allowed). An empty list is fine: every
/// point then has no close polygon.
///
/// The queries give exactly the answers of the module functions with the same polygons and max_dist,
/// without rebuilding the grid over the centers on each call:
///     best_indices(points): an int64 array, the chosen polygon's position per point, or -1.
///     best_polygons(points), find_all_close_polygons(points): as the module functions.
///
/// Each query releases the GIL (threads can query one index at once) and Ctrl-C stops a long one.
/// Pickling ships flat float64 arrays of the vertices, not one object per polygon; the unpickled index
/// answers identically, and makes plain Polygon objects from the vertices when a query returns polygons.
///
/// Raises:
///     TypeError: an item is not a Polygon; max_dist is not a number.
///     ValueError: max_dist is NaN or negative.
#[pyclass(frozen, module = "poly_match_rs")]
pub struct PolygonIndex {
    index: poly_core::PolygonIndex,
    objects: PyOnceLock<Vec<Py<Polygon>>>,
    outlines: PyOnceLock<Outlines>,
}

/// `max_dist` as a number, refused if it can only be a mistake. Read here rather than by pyo3's own `f64`
/// argument, whose message names the argument only where Python has exception notes (3.11 and later).
fn checked_max_dist(max_dist: &Bound<'_, PyAny>) -> PyResult<f64> {
    let Ok(max_dist) = max_dist.extract::<f64>() else {
        return Err(PyTypeError::new_err(format!(
            "max_dist must be a real number, not {}",
            type_name(max_dist)
        )));
    };
    if max_dist.is_nan() || max_dist < 0.0 {
        return Err(PyValueError::new_err(format!(
            "max_dist must be a number >= 0 (inf is allowed), got {max_dist}"
        )));
    }
    Ok(max_dist)
}

/// A 1-D int64 numpy array of positions (the `starts` of pickled outlines).
fn starts(obj: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
    let Ok(array) = obj.cast::<PyArray1<i64>>() else {
        return Err(PyTypeError::new_err(format!(
            "PolygonIndex state: starts must be a 1-D numpy array of int64, not {}",
            type_name(obj)
        )));
    };
    let view = array.try_readonly()?;
    view.as_array()
        .iter()
        .map(|&start| {
            usize::try_from(start).map_err(|_| {
                PyValueError::new_err(format!(
                    "PolygonIndex state: starts must not be negative, got {start}"
                ))
            })
        })
        .collect()
}

/// A position as numpy's int64 (`usize` values here come from lengths of Rust vectors, below `i64::MAX`).
fn as_int64(position: usize) -> i64 {
    i64::try_from(position).unwrap_or(i64::MAX)
}

impl PolygonIndex {
    /// The Polygon objects, made from the outlines on first need after unpickling.
    fn objects(&self, py: Python<'_>) -> PyResult<&Vec<Py<Polygon>>> {
        self.objects.get_or_try_init(py, || {
            let outlines = self.outlines.get(py).ok_or_else(|| {
                pyo3::exceptions::PySystemError::new_err(
                    "PolygonIndex has neither polygons nor outlines",
                )
            })?;
            outlines
                .starts
                .windows(2)
                .map(|pair| {
                    let (from, to) = (pair[0], pair[1]);
                    let polygon = Polygon::from_vertices(
                        py,
                        outlines.x[from..to].to_vec(),
                        outlines.y[from..to].to_vec(),
                    )?;
                    Py::new(py, polygon)
                })
                .collect()
        })
    }

    /// The flat outlines, gathered from the Polygon objects on first need (the first pickling).
    fn outlines(&self, py: Python<'_>) -> PyResult<&Outlines> {
        self.outlines.get_or_try_init(py, || {
            let objects = self.objects(py)?;
            let mut outlines = Outlines {
                x: Vec::new(),
                y: Vec::new(),
                starts: Vec::with_capacity(objects.len() + 1),
            };
            outlines.starts.push(0);
            for polygon in objects {
                let (x, y) = polygon.get().vertex_arrays();
                outlines
                    .x
                    .extend(x.bind(py).try_readonly()?.as_array().iter());
                outlines
                    .y
                    .extend(y.bind(py).try_readonly()?.as_array().iter());
                outlines.starts.push(outlines.x.len());
            }
            Ok(outlines)
        })
    }

    /// The index's answers for `points` (an (N, 2) array), computed with the GIL released.
    fn answer<T: Send>(
        &self,
        points: &Bound<'_, PyAny>,
        query: impl FnOnce(
            &poly_core::PolygonIndex,
            &[poly_core::Point],
            &std::sync::atomic::AtomicBool,
        ) -> Option<T>
        + Send,
    ) -> PyResult<(Vec<poly_core::Point>, T)> {
        let rows = arrays::points(points)?;
        let index = &self.index;
        let found = detached_search(points.py(), rows.len(), index.len(), |stop| {
            query(index, &rows, stop)
        })?;
        Ok((rows, found))
    }
}

#[pymethods]
impl PolygonIndex {
    #[new]
    #[pyo3(signature = (polygons, max_dist))]
    fn new(
        py: Python<'_>,
        polygons: &Bound<'_, PyAny>,
        max_dist: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let max_dist = checked_max_dist(max_dist)?;
        let (objects, shapes) = polygons_and_shapes(polygons)?;
        let index = py.detach(|| poly_core::PolygonIndex::new(shapes, max_dist));
        let this = Self {
            index,
            objects: PyOnceLock::new(),
            outlines: PyOnceLock::new(),
        };
        // A new lock is empty, so this cannot fail.
        let _ = this.objects.set(py, objects);
        Ok(this)
    }

    /// Rebuilds a pickled index from its flat state (what __reduce__ returns).
    #[classmethod]
    #[pyo3(signature = (max_dist, x, y, starts))]
    fn _from_state(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        max_dist: &Bound<'_, PyAny>,
        x: &Bound<'_, PyAny>,
        y: &Bound<'_, PyAny>,
        starts: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let max_dist = checked_max_dist(max_dist)?;
        let outlines = Outlines {
            x: arrays::vector(x, "PolygonIndex state: x")?,
            y: arrays::vector(y, "PolygonIndex state: y")?,
            starts: self::starts(starts)?,
        };
        let index = py
            .detach(|| {
                poly_core::PolygonIndex::from_outlines(
                    &outlines.x,
                    &outlines.y,
                    &outlines.starts,
                    max_dist,
                )
            })
            .map_err(|e| PyValueError::new_err(format!("PolygonIndex state: {e}")))?;
        let this = Self {
            index,
            objects: PyOnceLock::new(),
            outlines: PyOnceLock::new(),
        };
        let _ = this.outlines.set(py, outlines);
        Ok(this)
    }

    /// For each row of points: the position (in the polygons the index was built from) of the close
    /// polygon of smallest area, first on ties, or -1 where no polygon is close.
    ///
    /// points: a numpy array of shape (N, 2), any real dtype and layout. Returns an int64 array of
    /// shape (N,): no Python object per point, what a dataframe column wants.
    ///
    /// Raises:
    ///     TypeError: points is not a numpy array of real numbers.
    ///     ValueError: points does not have shape (N, 2).
    #[pyo3(signature = (points))]
    fn best_indices<'py>(&self, points: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyArray1<i64>>> {
        let py = points.py();
        let (_, best) = self.answer(points, |index, rows, stop| {
            index.best_indices_stoppable(rows, stop)
        })?;
        let best: Vec<i64> = best.into_iter().map(|b| b.map_or(-1, as_int64)).collect();
        Ok(PyArray1::from_vec(py, best))
    }

    /// For each row of points with close polygons: (the row, the close polygon of smallest area).
    ///
    /// The module function best_polygons(polygons, points, max_dist), with this index's polygons and
    /// max_dist.
    #[pyo3(signature = (points))]
    fn best_polygons<'py>(&self, points: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let py = points.py();
        let objects = self.objects(py)?;
        let (_, best) = self.answer(points, |index, rows, stop| {
            index.best_polygons_stoppable(rows, stop)
        })?;
        rows_with_best(points, best, objects)
    }

    /// For each row of points with close polygons: (the row, [the close polygons, in input order]).
    ///
    /// The module function find_all_close_polygons(polygons, points, max_dist), with this index's
    /// polygons and max_dist.
    #[pyo3(signature = (points))]
    fn find_all_close_polygons<'py>(
        &self,
        points: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let py = points.py();
        let objects = self.objects(py)?;
        let (_, found) = self.answer(points, |index, rows, stop| {
            index.find_all_close_stoppable(rows, stop)
        })?;
        rows_with_close(points, found, objects)
    }

    /// The max_dist the index was built for.
    #[getter]
    fn max_dist(&self) -> f64 {
        self.index.max_dist()
    }

    fn __len__(&self) -> usize {
        self.index.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "PolygonIndex({} polygons, max_dist={})",
            self.index.len(),
            float_repr(self.index.max_dist())
        )
    }

    /// Pickling: max_dist and three flat arrays (x, y, and where each polygon starts).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let outlines = this.outlines(py)?;
        let starts: Vec<i64> = outlines.starts.iter().map(|&s| as_int64(s)).collect();
        (
            slf.get_type().getattr(pyo3::intern!(py, "_from_state"))?,
            (
                this.index.max_dist(),
                PyArray1::from_slice(py, &outlines.x),
                PyArray1::from_slice(py, &outlines.y),
                PyArray1::from_vec(py, starts),
            ),
        )
            .into_pyobject(py)
    }
}

/// A float as Python's `repr` writes the usual ones (`10.0`, `0.5`, `inf`).
fn float_repr(value: f64) -> String {
    if value.is_infinite() {
        "inf".to_owned()
    } else if value.fract() == 0.0 && value.abs() < 1e16 {
        format!("{value:.1}")
    } else {
        format!("{value}")
    }
}
