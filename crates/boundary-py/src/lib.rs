//! The wheel `boundary_cost`: chapter 5's micro-benchmark of the Python→Rust boundary.
//!
//! Every function computes the same trivial thing, a sum, so that the differences between them are the
//! price of the crossing: converting a list element by element, reading a numpy array in place, or
//! borrowing the bytes of a `bytes` object.

// The `///` comments on `#[pyfunction]`s are Python docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use numpy::{PyArray1, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyList};

/// Sum a list of floats after converting it to a Rust Vec[f64] (one allocation, one visit per element).
///
/// Raises TypeError if an element is not a real number.
#[pyfunction]
#[pyo3(signature = (values, /))]
fn sum_list(py: Python<'_>, values: &Bound<'_, PyList>) -> PyResult<f64> {
    let converted: Vec<f64> = values
        .iter()
        .enumerate()
        .map(|(i, item)| element(&item, i))
        .collect::<PyResult<_>>()?;
    Ok(py.detach(|| boundary_core::sum_slice(&converted)))
}

/// Sum a list of floats element by element, without building a Vec first.
///
/// Raises TypeError if an element is not a real number.
#[pyfunction]
#[pyo3(signature = (values, /))]
fn sum_list_streaming(values: &Bound<'_, PyList>) -> PyResult<f64> {
    let mut total = 0.0;
    for (i, item) in values.iter().enumerate() {
        total += element(&item, i)?;
    }
    Ok(total)
}

/// Sum a one-dimensional float64 numpy array, read in place (no copy, any strides).
///
/// The one layout a view cannot describe, a misaligned array or a stride that is not a whole number of
/// float64s (a field of a packed structured array, say), is copied first.
///
/// Raises TypeError for anything that is not a numpy array, ValueError for the wrong dtype or shape.
#[pyfunction]
#[pyo3(signature = (values, /))]
fn sum_array(values: &Bound<'_, PyAny>) -> PyResult<f64> {
    let Ok(untyped) = values.cast::<PyUntypedArray>() else {
        return Err(PyTypeError::new_err(format!(
            "sum_array() expects a numpy array, not {}",
            values.get_type().name()?
        )));
    };
    let Ok(array) = untyped.cast::<PyArray1<f64>>() else {
        return Err(PyValueError::new_err(format!(
            "sum_array() expects a 1-D float64 array, got a {}-D array of dtype {}",
            untyped.ndim(),
            untyped.dtype().str()?
        )));
    };
    // A view steps through memory in whole elements from an aligned start; anything else would be read
    // at the wrong places (and misaligned reads are undefined behaviour in Rust).
    let size = std::mem::size_of::<f64>().cast_signed();
    let copy;
    let array = if array.is_aligned() && array.strides().iter().all(|s| s % size == 0) {
        array
    } else {
        copy = array.call_method0("copy")?.cast_into::<PyArray1<f64>>()?;
        &copy
    };
    // `try_readonly` refuses (with a Python exception) an array that another extension has borrowed
    // mutably, where `readonly` would panic.
    let readonly = array.try_readonly()?;
    Ok(boundary_core::sum_view(&readonly.as_array()))
}

/// Sum the byte values of a bytes object, borrowed in place (no copy).
#[pyfunction]
#[pyo3(signature = (data, /))]
fn sum_bytes(py: Python<'_>, data: &Bound<'_, PyBytes>) -> u64 {
    let bytes = data.as_bytes();
    // `bytes` is immutable, so its buffer stays valid and unchanged while the GIL is released.
    py.detach(|| boundary_core::sum_bytes(bytes))
}

/// One list element as a float: Python floats directly, anything else through `__float__` as `sum` would.
///
/// Only "not a number" (a `TypeError`) becomes the message naming the element; whatever else `__float__`
/// raises (`KeyboardInterrupt`, `MemoryError`, a `ValueError` of its own) goes through unchanged.
fn element(item: &Bound<'_, PyAny>, index: usize) -> PyResult<f64> {
    if let Ok(float) = item.cast::<PyFloat>() {
        return Ok(float.value());
    }
    item.extract::<f64>().map_err(|err| {
        let py = item.py();
        if !err.is_instance_of::<PyTypeError>(py) {
            return err;
        }
        let type_name = item
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        let clearer = PyTypeError::new_err(format!(
            "element {index} is a {type_name}, not a real number"
        ));
        clearer.set_cause(py, Some(err));
        clearer
    })
}

/// Chapter 5's micro-benchmark: one sum behind several kinds of boundary crossing.
#[pymodule(gil_used = false)]
mod boundary_cost {
    #[pymodule_export]
    use super::{sum_array, sum_bytes, sum_list, sum_list_streaming};

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
