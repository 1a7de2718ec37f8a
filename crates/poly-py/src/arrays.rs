//! Reading numpy arrays from Python arguments: any memory order, any stride, any real dtype.
//!
//! Every array argument goes through [`real_array`], which refuses what is not a numpy array (`TypeError`),
//! refuses dtypes that are not real numbers (`TypeError`), and converts the real dtypes that are not
//! float64 (ints, bools, float32, big-endian floats, ...) with `astype`, as numpy arithmetic would. Float64
//! arrays are then read in place through `as_array()` views, which follow the strides (Fortran order,
//! negative steps, slices) without copying. The one layout a view cannot describe, a stride that is not a
//! whole number of elements or a misaligned buffer (a field of a structured array, say), is copied first.
//!
//! The `what` arguments name the argument as the caller wrote it ("point", "polygons[3].center"), so every
//! message says what was wrong with which argument.

use ndarray::Dimension;
use numpy::prelude::*;
use numpy::{Ix1, Ix2, PyArray, PyArray1, PyArrayDescr, PyUntypedArray};
use poly_core::Point;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The Python type name of `obj`, for messages ("list", "NoneType").
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "<unknown>".to_owned(), |name| name.to_string())
}

/// numpy's `repr` of a shape: `(2,)`, `(3, 2)`, `()`.
fn shape_text(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Whether a float64 array can be viewed in place: aligned, and every stride a whole number of elements.
fn viewable(array: &Bound<'_, PyUntypedArray>) -> bool {
    let size = std::mem::size_of::<f64>().cast_signed();
    array.is_aligned() && array.strides().iter().all(|s| s % size == 0)
}

/// `obj` as a numpy array of float64 that can be viewed in place; `expected` describes what was wanted,
/// for the error message ("a 1-D numpy array", "a numpy array of shape (N, 2)").
pub fn real_array<'py>(
    obj: &Bound<'py, PyAny>,
    what: &dyn Fn() -> String,
    expected: &str,
) -> PyResult<Bound<'py, PyUntypedArray>> {
    let Ok(array) = obj.cast::<PyUntypedArray>() else {
        return Err(PyTypeError::new_err(format!(
            "{} must be {expected}, not {}",
            what(),
            type_name(obj)
        )));
    };
    let py = obj.py();
    let dtype = array.dtype();
    let float64 = numpy::dtype::<f64>(py);
    if dtype.is_equiv_to(&float64) && viewable(array) {
        return Ok(array.clone());
    }
    if !is_real(&dtype) {
        return Err(PyTypeError::new_err(format!(
            "{} must hold real numbers (float64, or ints, bools and other floats, which are converted), \
             got an array of dtype {}",
            what(),
            dtype
        )));
    }
    // A real dtype other than float64, or a layout a view cannot describe: one conversion, one copy.
    Ok(array.call_method1("astype", (float64,))?.cast_into()?)
}

/// Booleans, signed and unsigned integers, and floats: the kinds numpy arithmetic turns into floats.
fn is_real(dtype: &Bound<'_, PyArrayDescr>) -> bool {
    matches!(dtype.kind(), b'b' | b'i' | b'u' | b'f')
        && !dtype.has_subarray()
        && !dtype.has_fields()
}

/// `obj` as a float64 array of dimension `D` whose shape passes `shape_problem` (which returns the
/// complaint, if any), converted if need be.
///
/// The common case, a float64 array of the right dimension, costs one typed check (what pyo3's own
/// `extract::<PyReadonlyArray1<f64>>()` does); everything else goes through [`real_array`].
fn float_array<'py, D: Dimension>(
    obj: &Bound<'py, PyAny>,
    what: &dyn Fn() -> String,
    expected: &str,
    shape_problem: impl Fn(&[usize]) -> Option<String>,
) -> PyResult<Bound<'py, PyArray<f64, D>>> {
    if let Ok(array) = obj.cast::<PyArray<f64, D>>()
        && viewable(array.as_untyped())
        && shape_problem(array.shape()).is_none()
    {
        return Ok(array.clone());
    }
    let array = real_array(obj, what, expected)?;
    if let Some(problem) = shape_problem(array.shape()) {
        return Err(PyValueError::new_err(format!(
            "{} must be {problem}, got an array of shape {}",
            what(),
            shape_text(array.shape())
        )));
    }
    Ok(array.cast_into::<PyArray<f64, D>>()?)
}

/// A 1-D float64 array (vertices `x` or `y`), copied into a `Vec`, in order, whatever its strides.
pub fn vertices(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<f64>> {
    let array = float_array::<Ix1>(obj, &|| what.to_owned(), "a 1-D numpy array", |shape| {
        (shape.len() != 1).then(|| "a 1-D array".to_owned())
    })?;
    let view = array.try_readonly()?;
    Ok(view.as_array().iter().copied().collect())
}

/// A point as a float64 numpy array of shape `(2,)` (converted if need be), for reading as a view.
pub fn point_array<'py>(
    obj: &Bound<'py, PyAny>,
    what: &dyn Fn() -> String,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    float_array::<Ix1>(obj, what, "a numpy array of shape (2,)", |shape| {
        (shape != [2]).then(|| "an array of shape (2,)".to_owned())
    })
}

/// A point: a numpy array of shape `(2,)`, read as two numbers.
pub fn point(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<Point> {
    let array = point_array(obj, what)?;
    let view = array.try_readonly()?;
    let view = view.as_array();
    Ok([view[0], view[1]])
}

/// Many points: a numpy array of shape `(N, 2)`, copied into plain Rust so that the GIL can be released
/// while they are searched (another Python thread may write to the caller's array meanwhile).
pub fn points(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Point>> {
    let what = || "points".to_owned();
    let array = float_array::<Ix2>(obj, &what, "a numpy array of shape (N, 2)", |shape| {
        (shape.len() != 2 || shape[1] != 2).then(|| "an array of shape (N, 2)".to_owned())
    })?;
    let view = array.try_readonly()?;
    Ok(view
        .as_array()
        .rows()
        .into_iter()
        .map(|row| [row[0], row[1]])
        .collect())
}

/// A new 1-D float64 array holding `values`, marked read-only: `Polygon` computes its center and area
/// once, so its arrays must not change under it (numpy raises "assignment destination is read-only").
///
/// The memory belongs to a Rust container that is not a writable buffer, so numpy also refuses to set
/// the flag back (`setflags(write=True)` raises).
pub fn read_only_array(py: Python<'_>, values: Vec<f64>) -> PyResult<Bound<'_, PyArray1<f64>>> {
    let array = PyArray1::from_vec(py, values);
    let flags = PyDict::new(py);
    flags.set_item(intern!(py, "write"), false)?;
    array.call_method(intern!(py, "setflags"), (), Some(&flags))?;
    Ok(array)
}
