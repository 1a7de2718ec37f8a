//! numpy arguments: any memory order, any stride, any real dtype, read in place where a view can.
//!
//! [`float64`] and the readers built on it ([`vector`], [`point`], [`points`]) refuse what is not a
//! numpy array (`TypeError`), refuse dtypes that are not real numbers (`TypeError`), and convert the real
//! dtypes that are not float64 (ints, bools, float32, big-endian floats, ...) with `astype`, as numpy
//! arithmetic would. Float64 arrays are then read in place through `as_array()` views, which follow the
//! strides (Fortran order, negative steps, slices) without copying. The one layout a view cannot describe,
//! a stride that is not a whole number of elements or a misaligned buffer (a field of a structured array,
//! say), is copied first ([`viewable`], [`viewable_or_copy`]).
//!
//! rust-numpy's own `PyReadonlyArray` argument is not enough here: it refuses every dtype but the exact
//! one with its own message, and its views of misaligned or odd-strided arrays are unsound to read;
//! `PyArrayLike` would also accept lists, which these functions refuse.
//!
//! The `what` arguments name the argument as the caller wrote it ("point", "polygons[3].center"), so every
//! message says what was wrong with which argument.

use numpy::ndarray::Dimension;
use numpy::prelude::*;
use numpy::{Element, Ix1, Ix2, PyArray, PyArray1, PyArrayDescr, PyUntypedArray};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::args::type_name;

/// A point of the plane, `[x, y]`.
pub type Point = [f64; 2];

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

/// Whether an array of `T` can be read through a view in place: aligned, and every stride a whole number
/// of elements. Anything else would be read at the wrong places (and misaligned reads are undefined
/// behaviour in Rust).
#[must_use]
pub fn viewable<T: Element>(array: &Bound<'_, PyUntypedArray>) -> bool {
    let size = std::mem::size_of::<T>().cast_signed();
    array.is_aligned() && array.strides().iter().all(|s| s % size == 0)
}

/// `array` itself if [`viewable`], otherwise a copy of it (contiguous and aligned).
pub fn viewable_or_copy<'py, T: Element, D: Dimension>(
    array: &Bound<'py, PyArray<T, D>>,
) -> PyResult<Bound<'py, PyArray<T, D>>> {
    if viewable::<T>(array.as_untyped()) {
        Ok(array.clone())
    } else {
        Ok(array.call_method0("copy")?.cast_into::<PyArray<T, D>>()?)
    }
}

/// `obj` as a numpy array of float64 that can be viewed in place; `expected` describes what was wanted,
/// for the error message ("a 1-D numpy array", "a numpy array of shape (N, 2)").
pub fn float64<'py>(
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
    if dtype.is_equiv_to(&float64) && viewable::<f64>(array) {
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
/// `extract::<PyReadonlyArray1<f64>>()` does); everything else goes through [`float64`].
fn float_array<'py, D: Dimension>(
    obj: &Bound<'py, PyAny>,
    what: &dyn Fn() -> String,
    expected: &str,
    shape_problem: impl Fn(&[usize]) -> Option<String>,
) -> PyResult<Bound<'py, PyArray<f64, D>>> {
    if let Ok(array) = obj.cast::<PyArray<f64, D>>()
        && viewable::<f64>(array.as_untyped())
        && shape_problem(array.shape()).is_none()
    {
        return Ok(array.clone());
    }
    let array = float64(obj, what, expected)?;
    if let Some(problem) = shape_problem(array.shape()) {
        return Err(PyValueError::new_err(format!(
            "{} must be {problem}, got an array of shape {}",
            what(),
            shape_text(array.shape())
        )));
    }
    Ok(array.cast_into::<PyArray<f64, D>>()?)
}

/// A 1-D float64 array (a polygon's `x`, say), copied into a `Vec`, in order, whatever its strides.
pub fn vector(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<f64>> {
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

/// A new 1-D float64 array holding `values`, marked read-only: chapter 3's `Polygon` computes its center and area
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

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact copies of small integers
mod tests {
    use super::*;
    use crate::testing::{eval, message, with_python};

    fn what() -> String {
        "point".to_owned()
    }

    #[test]
    fn reads_any_layout_and_real_dtype() {
        with_python(|py| {
            for code in [
                "np.array([3.0, 4.0])",
                "np.array([3, 4])",
                "np.array([True, False]) * 1 + np.array([2, 4])",
                "np.array([3.0, 4.0], dtype='>f8')",
                "np.array([3.0, 4.0], dtype=np.float32)",
                "np.array([4.0, 0.0, 3.0])[::-2]",
                "np.array([[3.0, 0.0], [4.0, 0.0]])[:, 0]",
                "np.array([(1, 3.0), (2, 4.0)], dtype=[('a', 'i1'), ('b', 'f8')])['b']",
            ] {
                assert_eq!(
                    point(&eval(py, code), &what).expect(code),
                    [3.0, 4.0],
                    "{code}"
                );
            }
            let many = eval(py, "np.asfortranarray(np.array([[1, 2], [3, 4], [5, 6]]))");
            assert_eq!(
                points(&many).expect("(3, 2)"),
                [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
            );
            assert_eq!(
                vector(&eval(py, "np.arange(4)[::-1]"), "x").expect("1-D"),
                [3.0, 2.0, 1.0, 0.0]
            );
        });
    }

    #[test]
    fn refuses_with_messages_that_name_the_argument() {
        with_python(|py| {
            let cases = [
                (
                    "[3.0, 4.0]",
                    "TypeError: point must be a numpy array of shape (2,), not list",
                ),
                (
                    "np.array(['a', 'b'])",
                    "TypeError: point must hold real numbers (float64, or ints, bools and other floats, which are converted), got an array of dtype <U1",
                ),
                (
                    "np.array([1j, 2])",
                    "TypeError: point must hold real numbers (float64, or ints, bools and other floats, which are converted), got an array of dtype complex128",
                ),
                (
                    "np.zeros(3)",
                    "ValueError: point must be an array of shape (2,), got an array of shape (3,)",
                ),
                (
                    "np.zeros((2, 1))",
                    "ValueError: point must be an array of shape (2,), got an array of shape (2, 1)",
                ),
                (
                    "np.float64(1.0)",
                    "TypeError: point must be a numpy array of shape (2,), not float64",
                ),
            ];
            for (code, expected) in cases {
                let err = point(&eval(py, code), &what).expect_err(code);
                assert_eq!(message(py, &err), expected);
            }
            let err = points(&eval(py, "np.zeros(2)")).expect_err("1-D");
            assert_eq!(
                message(py, &err),
                "ValueError: points must be an array of shape (N, 2), got an array of shape (2,)"
            );
        });
    }

    #[test]
    fn copies_only_what_a_view_cannot_read() {
        with_python(|py| {
            let plain = eval(py, "np.arange(6.0)[::2]");
            let plain = plain.cast::<PyArray1<f64>>().expect("float64");
            assert!(viewable_or_copy(plain).expect("view").is(plain));
            let packed = eval(py, "np.zeros(3, dtype=[('a', 'i1'), ('b', 'f8')])['b']");
            let packed = packed.cast::<PyArray1<f64>>().expect("float64");
            assert!(!viewable::<f64>(packed.as_untyped()));
            let copy = viewable_or_copy(packed).expect("copy");
            assert!(!copy.is(packed));
            assert!(viewable::<f64>(copy.as_untyped()));
        });
    }

    #[test]
    fn read_only_arrays_stay_read_only() {
        with_python(|py| {
            let array = read_only_array(py, vec![1.0, 2.0]).expect("array");
            let err = array.set_item(0, 5.0).expect_err("read-only");
            assert!(message(py, &err).contains("read-only"));
            let flags = PyDict::new(py);
            flags.set_item("write", true).expect("dict");
            let err = array
                .call_method("setflags", (), Some(&flags))
                .expect_err("not writable memory");
            assert!(message(py, &err).starts_with("ValueError"));
        });
    }
}
