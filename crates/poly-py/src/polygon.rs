//! `poly_match_rs.Polygon`: the article's dataclass as a frozen, subclassable `#[pyclass]`.
//!
//! The Python original keeps `x` and `y` and computes `center` and `area()` lazily, caching both. Here the
//! constructor computes them at once (in `poly-core`, rounded as numpy rounds), so reading them later is a
//! field access, with no lock and no borrow flag: the class is `frozen`, which is also what makes a
//! `Polygon` safe to share between threads and lets the search read it with the GIL released.
//!
//! `.x`, `.y` and `.center` are numpy arrays created once and returned as the same objects every time, as
//! the dataclass does. They are read-only, because the cached center and area must keep describing them.

// The `///` comments on Python-visible items are docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use numpy::PyArray1;
use poly_core::{CenterArea, PolyError};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use py_glue::arrays::{read_only_array, vector};

/// The message of a refused polygon, in Python's words.
pub fn polygon_error(error: &PolyError) -> PyErr {
    PyValueError::new_err(format!("Polygon(): {error}"))
}

/// A polygon given by the coordinates of its vertices, with its center and area computed once.
///
/// Polygon(x, y): x and y are 1-D numpy arrays of the same, non-zero length (any real dtype, any
/// memory layout; they are copied as float64). The vertices go around the outline in order.
///
/// Attributes and methods, as in the article's Python dataclass:
///     x, y: the vertices, read-only float64 arrays (the same objects on every access).
///     center: the mean of the vertices, array([mean(x), mean(y)]), read-only.
///     area(): the exact shoelace area, rounded once.
///
/// The center is rounded exactly as numpy computes it in the Python original. The area is the exact
/// shoelace area of the float64 vertices rounded once to float64 (what fractions.Fraction gives): the
/// same on every machine, where numpy's dot rounds differently per CPU.
///
/// Subclass it in Python to add methods or attributes (the article's step v2 overrides area() in
/// Python); the search functions read the center and area computed here, never an override.
///
/// Raises:
///     TypeError: x or y is not a numpy array, or does not hold real numbers.
///     ValueError: x or y is not 1-D, they differ in length, or they are empty.
#[pyclass(subclass, frozen, module = "poly_match_rs")]
pub struct Polygon {
    center_area: CenterArea,
    x: Py<PyArray1<f64>>,
    y: Py<PyArray1<f64>>,
    center: Py<PyArray1<f64>>,
}

impl Polygon {
    /// The center and area, for the search.
    pub fn center_area(&self) -> &CenterArea {
        &self.center_area
    }

    /// A polygon from vertices already read into Rust (what `Polygon(x, y)` does after reading its
    /// arguments; `PolygonIndex` rebuilds its polygons so after unpickling).
    pub fn from_vertices(py: Python<'_>, x: Vec<f64>, y: Vec<f64>) -> PyResult<Self> {
        let shape = CenterArea::new(&x, &y).map_err(|e| polygon_error(&e))?;
        Ok(Self {
            center_area: shape,
            x: read_only_array(py, x)?.unbind(),
            y: read_only_array(py, y)?.unbind(),
            center: read_only_array(py, shape.center.to_vec())?.unbind(),
        })
    }

    /// The vertex arrays `x` and `y` (read-only float64; `PolygonIndex` pickles them).
    pub fn vertex_arrays(&self) -> (&Py<PyArray1<f64>>, &Py<PyArray1<f64>>) {
        (&self.x, &self.y)
    }
}

#[pymethods]
impl Polygon {
    #[new]
    #[pyo3(signature = (x, y))]
    fn new(py: Python<'_>, x: &Bound<'_, PyAny>, y: &Bound<'_, PyAny>) -> PyResult<Self> {
        let x = vector(x, "x")?;
        let y = vector(y, "y")?;
        Self::from_vertices(py, x, y)
    }

    /// The x coordinates of the vertices (a read-only float64 array).
    #[getter]
    fn x(&self, py: Python<'_>) -> Py<PyArray1<f64>> {
        self.x.clone_ref(py)
    }

    /// The y coordinates of the vertices (a read-only float64 array).
    #[getter]
    fn y(&self, py: Python<'_>) -> Py<PyArray1<f64>> {
        self.y.clone_ref(py)
    }

    /// The mean of the vertices, array([mean(x), mean(y)]) (a read-only float64 array).
    #[getter]
    fn center(&self, py: Python<'_>) -> Py<PyArray1<f64>> {
        self.center.clone_ref(py)
    }

    /// The exact shoelace area, rounded once to float64.
    ///
    /// 0.5 * |sum(x * roll(y, 1)) - sum(y * roll(x, 1))|, computed exactly.
    fn area(&self) -> f64 {
        self.center_area.area
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let this = slf.get();
        Ok(format!(
            "{}(x={}, y={})",
            slf.get_type().qualname()?,
            this.x.bind(slf.py()).repr()?,
            this.y.bind(slf.py()).repr()?
        ))
    }

    /// Pickling and copy.copy(): rebuilt from x and y, with a subclass's instance attributes.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let state = match slf.getattr(pyo3::intern!(py, "__dict__")) {
            Ok(dict) if dict.cast::<PyDict>().is_ok_and(|d| !d.is_empty()) => dict,
            _ => py.None().into_bound(py),
        };
        (
            slf.get_type(),
            (this.x.clone_ref(py), this.y.clone_ref(py)),
            state,
        )
            .into_pyobject(py)
    }
}
