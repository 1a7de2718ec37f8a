//! The wheel `boundary_cost`: chapter 5's micro-benchmark of the Python→Rust boundary.
//!
//! Every function computes the same trivial thing, a sum, so that the differences between them are the
//! price of the crossing: converting a list element by element, reading a numpy array in place, or
//! borrowing the bytes of a `bytes` object.

// The `///` comments on `#[pyfunction]`s are Python docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use numpy::{PyArray1, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods};
use py_glue::arrays::viewable_or_copy;
use py_glue::type_name;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyList};

/// Sum a list of floats after converting it to a Rust Vec[f64] with pyo3's own conversion (one
/// allocation, one visit per element), then add them in order.
///
/// The conversion iterates over the list, as Python's sum does, so a list subclass's __iter__ decides
/// which numbers are summed.
///
/// Raises TypeError if an element is not a real number.
#[pyfunction]
#[pyo3(signature = (values, /))]
fn sum_list(py: Python<'_>, values: &Bound<'_, PyList>) -> PyResult<f64> {
    // pyo3's `Vec<f64>` extraction is what a `values: Vec<f64>` argument would run; it is called here on
    // the list so that a tuple or another sequence is still refused, as by the other list functions.
    let converted: Vec<f64> = match values.extract() {
        Ok(converted) => converted,
        Err(err) => return Err(name_the_element(values, err)),
    };
    Ok(py.detach(|| boundary_core::sum_slice(&converted)))
}

/// pyo3's conversion error, made to name the element that is not a number (the error path only: the
/// elements before it are read again).
fn name_the_element(values: &Bound<'_, PyList>, err: PyErr) -> PyErr {
    if !err.is_instance_of::<PyTypeError>(values.py()) {
        return err;
    }
    for (i, item) in values.iter().enumerate() {
        if let Err(named) = element(&item, i) {
            return named;
        }
    }
    err
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

/// Sum a one-dimensional float64 numpy array, read in place (no copy, any strides), in numpy's own order:
/// pairwise over eight running sums, so the result has the same bits as array.sum().
///
/// The one layout a view cannot describe, a misaligned array or a stride that is not a whole number of
/// float64s (a field of a packed structured array, say), is copied first.
///
/// Raises TypeError for anything that is not a numpy array, ValueError for the wrong dtype or shape.
#[pyfunction]
#[pyo3(signature = (values, /))]
fn sum_array(values: &Bound<'_, PyAny>) -> PyResult<f64> {
    let array = float64_vector(values, "sum_array")?;
    // `try_readonly` refuses (with a Python exception) an array that another extension has borrowed
    // mutably, where `readonly` would panic.
    let readonly = array.try_readonly()?;
    Ok(boundary_core::numpy_sum_view(&readonly.as_array()))
}

/// Sum a one-dimensional float64 numpy array, read in place, adding one number after another in order
/// (as a Python loop does): each addition waits for the previous one.
///
/// Raises TypeError for anything that is not a numpy array, ValueError for the wrong dtype or shape.
#[pyfunction]
#[pyo3(signature = (values, /))]
fn sum_array_in_order(values: &Bound<'_, PyAny>) -> PyResult<f64> {
    let array = float64_vector(values, "sum_array_in_order")?;
    let readonly = array.try_readonly()?;
    Ok(boundary_core::sum_view(&readonly.as_array()))
}

/// `values` as a 1-D float64 array that an `ndarray` view can read: the array itself, or a copy of it when
/// it is misaligned or its stride is not a whole number of float64s.
///
/// Not rust-numpy's `PyReadonlyArray1<f64>` argument: its messages would not name the function, and it
/// would hand out a view of a misaligned or odd-strided array, which cannot be read soundly.
fn float64_vector<'py>(
    values: &Bound<'py, PyAny>,
    function: &str,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let Ok(untyped) = values.cast::<PyUntypedArray>() else {
        return Err(PyTypeError::new_err(format!(
            "{function}() expects a numpy array, not {}",
            type_name(values)
        )));
    };
    let Ok(array) = untyped.cast::<PyArray1<f64>>() else {
        return Err(PyValueError::new_err(format!(
            "{function}() expects a 1-D float64 array, got a {}-D array of dtype {}",
            untyped.ndim(),
            untyped.dtype().str()?
        )));
    };
    viewable_or_copy(array)
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
        let clearer = PyTypeError::new_err(format!(
            "element {index} is a {}, not a real number",
            type_name(item)
        ));
        clearer.set_cause(py, Some(err));
        clearer
    })
}

/// Chapter 5's micro-benchmark: one sum behind several kinds of boundary crossing.
#[pymodule(gil_used = false)]
mod boundary_cost {
    #[pymodule_export]
    use super::{sum_array, sum_array_in_order, sum_bytes, sum_list, sum_list_streaming};

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
