//! The wheel `intervalues_pyrust`: chapter 7's interval combination, callable from Python.
//!
//! Two ways in, the post's and the one that removes its crossing cost:
//! - `combine_intervals_int` / `combine_intervals_float` take a list of `(start, stop, value)` tuples and
//!   return one, converted by pyo3's own `Vec<(i64, i64, i64)>` / `Vec<(f64, f64, f64)>` conversions;
//! - `combine_intervals_arrays` reads three numpy arrays in place and returns three new arrays.
//!
//! Both check and copy the input with the GIL held (Python code could change a list or an array meanwhile),
//! then sort and sweep in `intervals-core` with the GIL released.

// The `///` comments on `#[pyfunction]`s are Python docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use std::time::Instant;

use intervals_core::{FloatEvents, FloatSegment, IntEvents, IntSegment, IntervalError};
use numpy::{Element, PyArray1, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods};
use py_glue::arrays::viewable_or_copy;
use py_glue::type_name;
use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// Turns a core error into the Python exception a Python user expects for it.
fn to_py_err(err: &IntervalError) -> PyErr {
    match err {
        IntervalError::StartAfterStop { .. } | IntervalError::NotFinite { .. } => {
            PyValueError::new_err(err.to_string())
        }
        IntervalError::SumTooLarge { .. } => PyOverflowError::new_err(err.to_string()),
    }
}

/// A combined integer value as Python gets it: most fit in 64 bits, whose conversion is one C call; the
/// rest go through pyo3's 128-bit conversion.
#[derive(IntoPyObject)]
enum Sum {
    Narrow(i64),
    Wide(i128),
}

impl From<i128> for Sum {
    fn from(value: i128) -> Self {
        i64::try_from(value).map_or(Sum::Wide(value), Sum::Narrow)
    }
}

fn int_segments(combined: Vec<IntSegment>) -> Vec<(i64, i64, Sum)> {
    combined
        .into_iter()
        .map(|(start, stop, value)| (start, stop, Sum::from(value)))
        .collect()
}

/// Combine integer intervals: the sorted, disjoint [start, stop) segments where the values of the covering
/// intervals add up to non-zero, touching segments of equal value merged.
///
/// intervals is a list (or any sequence) of (start, stop, value) tuples of ints, each between -2**63 and
/// 2**63 - 1. start == stop covers nothing. Each segment's value is the exact sum (a Python int, which
/// may exceed 64 bits). Example: [(2, 4, 3), (1, 3, 2)] gives [(1, 2, 2), (2, 3, 5), (3, 4, 3)].
///
/// The GIL is released while sorting and sweeping.
///
/// Raises:
///     TypeError: intervals is not a sequence of 3-tuples of ints.
///     OverflowError: a number does not fit in 64 bits.
///     ValueError: an interval's start is greater than its stop (the message names the interval).
#[pyfunction]
#[pyo3(signature = (intervals, /))]
fn combine_intervals_int(
    py: Python<'_>,
    intervals: Vec<(i64, i64, i64)>,
) -> PyResult<Vec<(i64, i64, Sum)>> {
    let events = IntEvents::new(intervals).map_err(|e| to_py_err(&e))?;
    Ok(int_segments(py.detach(|| events.combine())))
}

/// Combine float intervals: the sorted, disjoint [start, stop) segments where the values of the covering
/// intervals add up to non-zero, touching segments of equal value merged.
///
/// intervals is a list (or any sequence) of (start, stop, value) tuples of floats (ints are converted).
/// start == stop covers nothing; -0.0 as a position is 0.0. Each segment's value is the exact sum of the
/// covering values rounded once to the nearest float, as math.fsum would give it: no rounding error
/// accumulates along the sweep, and a segment whose exact sum is zero is left out.
///
/// The GIL is released while sorting and sweeping.
///
/// Raises:
///     TypeError: intervals is not a sequence of 3-tuples of real numbers.
///     ValueError: a NaN or infinite number, or a start greater than its stop (the message names the
///         interval).
///     OverflowError: a segment's sum is too large for a float.
#[pyfunction]
#[pyo3(signature = (intervals, /))]
fn combine_intervals_float(
    py: Python<'_>,
    intervals: Vec<(f64, f64, f64)>,
) -> PyResult<Vec<FloatSegment>> {
    let events = FloatEvents::new(intervals).map_err(|e| to_py_err(&e))?;
    py.detach(|| events.combine()).map_err(|e| to_py_err(&e))
}

/// Combine intervals given as three numpy arrays; return the segments as three new arrays.
///
/// starts, stops and values are 1-D arrays of one length, all int64 or all float64 (any strides, read
/// in place; convert other dtypes with .astype first). The result is (starts, stops, values) of the
/// combined segments, with the same meaning as combine_intervals_int / combine_intervals_float and the
/// same dtype as the input. For int64 input each segment's value must fit in int64.
///
/// The GIL is released while sorting and sweeping.
///
/// Raises:
///     TypeError: an argument is not a numpy array, or the dtypes are not all int64 or all float64.
///     ValueError: not 1-D, lengths differ, NaN or infinite floats, a start greater than its stop.
///     OverflowError: a segment's value does not fit in int64, or its float sum is too large.
#[pyfunction]
#[pyo3(signature = (starts, stops, values, /))]
fn combine_intervals_arrays<'py>(
    py: Python<'py>,
    starts: &Bound<'py, PyAny>,
    stops: &Bound<'py, PyAny>,
    values: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyTuple>> {
    // Not `PyReadonlyArray1<i64>` arguments: the call takes int64 or float64 alike, and its messages name
    // the argument and the dtypes; rust-numpy's extraction does neither.
    let arrays = [("starts", starts), ("stops", stops), ("values", values)];
    let mut untyped = Vec::with_capacity(3);
    for (name, argument) in arrays {
        let Ok(array) = argument.cast::<PyUntypedArray>() else {
            return Err(PyTypeError::new_err(format!(
                "combine_intervals_arrays() argument {name} must be a numpy array, not {}",
                type_name(argument)
            )));
        };
        if array.ndim() != 1 {
            return Err(PyValueError::new_err(format!(
                "combine_intervals_arrays() argument {name} must be 1-D, got {} dimensions",
                array.ndim()
            )));
        }
        untyped.push(array);
    }
    let lengths: Vec<usize> = untyped.iter().map(|a| a.len()).collect();
    if lengths[0] != lengths[1] || lengths[0] != lengths[2] {
        return Err(PyValueError::new_err(format!(
            "combine_intervals_arrays() needs arrays of one length, got {}, {} and {}",
            lengths[0], lengths[1], lengths[2]
        )));
    }
    if let (Ok(a), Ok(b), Ok(c)) = (
        starts.cast::<PyArray1<i64>>(),
        stops.cast::<PyArray1<i64>>(),
        values.cast::<PyArray1<i64>>(),
    ) {
        let (a, b, c) = (
            viewable_or_copy(a)?,
            viewable_or_copy(b)?,
            viewable_or_copy(c)?,
        );
        let (a, b, c) = (a.try_readonly()?, b.try_readonly()?, c.try_readonly()?);
        let (a, b, c) = (a.as_array(), b.as_array(), c.as_array());
        let triples = a.iter().zip(&b).zip(&c).map(|((&a, &b), &c)| (a, b, c));
        let events = IntEvents::new(triples).map_err(|e| to_py_err(&e))?;
        let combined = py.detach(|| events.combine());
        let mut out_values = Vec::with_capacity(combined.len());
        for &(start, stop, value) in &combined {
            out_values.push(i64::try_from(value).map_err(|_| {
                PyOverflowError::new_err(format!(
                    "the value of segment [{start}, {stop}) is {value}, which does not fit in int64"
                ))
            })?);
        }
        return columns(py, &combined, out_values);
    }
    if let (Ok(a), Ok(b), Ok(c)) = (
        starts.cast::<PyArray1<f64>>(),
        stops.cast::<PyArray1<f64>>(),
        values.cast::<PyArray1<f64>>(),
    ) {
        let (a, b, c) = (
            viewable_or_copy(a)?,
            viewable_or_copy(b)?,
            viewable_or_copy(c)?,
        );
        let (a, b, c) = (a.try_readonly()?, b.try_readonly()?, c.try_readonly()?);
        let (a, b, c) = (a.as_array(), b.as_array(), c.as_array());
        let triples = a.iter().zip(&b).zip(&c).map(|((&a, &b), &c)| (a, b, c));
        let events = FloatEvents::new(triples).map_err(|e| to_py_err(&e))?;
        let combined = py.detach(|| events.combine()).map_err(|e| to_py_err(&e))?;
        let out_values = combined.iter().map(|s| s.2).collect();
        return columns(py, &combined, out_values);
    }
    let dtypes = untyped
        .iter()
        .map(|a| a.dtype().str().map(|s| s.to_string()))
        .collect::<PyResult<Vec<_>>>()?;
    Err(PyTypeError::new_err(format!(
        "combine_intervals_arrays() needs three int64 or three float64 arrays, got {}, {} and {} \
         (convert with .astype(numpy.int64) or .astype(numpy.float64))",
        dtypes[0], dtypes[1], dtypes[2]
    )))
}

/// The starts, stops and values of `combined` as three new numpy arrays (moved, not copied).
fn columns<'py, P: Element + Copy, V: Element>(
    py: Python<'py>,
    combined: &[(P, P, impl Copy)],
    values: Vec<V>,
) -> PyResult<Bound<'py, PyTuple>> {
    let starts: Vec<P> = combined.iter().map(|s| s.0).collect();
    let stops: Vec<P> = combined.iter().map(|s| s.1).collect();
    PyTuple::new(
        py,
        [
            PyArray1::from_vec(py, starts).into_any(),
            PyArray1::from_vec(py, stops).into_any(),
            PyArray1::from_vec(py, values).into_any(),
        ],
    )
}

/// Time the three phases of combine_intervals_int / combine_intervals_float on one list, to see where a
/// call's time goes: converting the list of tuples into Rust, combining (checking, sorting, sweeping),
/// and converting the result back into a list of tuples.
///
/// Returns (result, seconds) where result is what the combining function returns and seconds is a dict
/// {"convert_in": .., "combine": .., "convert_out": ..}. floats=True times combine_intervals_float. The GIL
/// is kept throughout, so the phases are timed as one thread sees them. Raises what the combining
/// function raises.
#[pyfunction]
#[pyo3(signature = (intervals, /, *, floats = false))]
fn combine_intervals_phases<'py>(
    py: Python<'py>,
    intervals: &Bound<'py, PyAny>,
    floats: bool,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let clock = Instant::now();
    let (result, convert_in, combine) = if floats {
        let converted: Vec<(f64, f64, f64)> = intervals.extract()?;
        let convert_in = clock.elapsed();
        let combined = FloatEvents::new(converted)
            .and_then(FloatEvents::combine)
            .map_err(|e| to_py_err(&e))?;
        let combine = clock.elapsed();
        (combined.into_pyobject(py)?.into_any(), convert_in, combine)
    } else {
        let converted: Vec<(i64, i64, i64)> = intervals.extract()?;
        let convert_in = clock.elapsed();
        let combined = IntEvents::new(converted)
            .map_err(|e| to_py_err(&e))?
            .combine();
        let combine = clock.elapsed();
        (
            int_segments(combined).into_pyobject(py)?.into_any(),
            convert_in,
            combine,
        )
    };
    let done = clock.elapsed();
    let seconds = PyDict::new(py);
    seconds.set_item("convert_in", convert_in.as_secs_f64())?;
    // Elapsed times of one monotonic clock, so each is at least the one before.
    seconds.set_item("combine", combine.saturating_sub(convert_in).as_secs_f64())?;
    seconds.set_item("convert_out", done.saturating_sub(combine).as_secs_f64())?;
    Ok((result, seconds))
}

/// Combining valued intervals (the series' part 3), computed in Rust.
#[pymodule(gil_used = false)]
mod intervalues_pyrust {
    #[pymodule_export]
    use super::{
        combine_intervals_arrays, combine_intervals_float, combine_intervals_int,
        combine_intervals_phases,
    };

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
