//! The wheel `fibo_rust`: chapter 1's Fibonacci, callable from Python.
//!
//! A thin layer: it checks the Python argument, releases the GIL, runs the core recursion from
//! `fibo-core` (stopped by Ctrl-C through `py_glue`) and turns core errors into Python exceptions.

// The `///` comments on `#[pyfunction]`s are Python docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use fibo_core::FiboError;
use py_glue::{Plan, keep_going, run_detached, type_name};
use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;

/// Turns a refused argument into the Python exception a Python user expects for it.
fn to_py_err(err: &FiboError) -> PyErr {
    match err {
        FiboError::NotPositive(_) => PyValueError::new_err(err.to_string()),
        FiboError::TooLarge(_) => PyOverflowError::new_err(err.to_string()),
    }
}

/// Reads `n` with pyo3's own integer conversion, which takes an `int` (or subclass, such as `bool`) or
/// any type with `__index__` (numpy's `int64`, say), and checks it is in `1..=93`.
fn argument(function: &str, n: &Bound<'_, PyAny>) -> PyResult<u64> {
    match n.extract::<i128>() {
        Ok(value) => fibo_core::check_n(value).map_err(|e| to_py_err(&e)),
        // Not an integer: pyo3's message ("'str' object cannot be interpreted as an integer") does not
        // name the function or the argument; this one does.
        Err(err) if !err.is_instance_of::<PyOverflowError>(n.py()) => {
            Err(PyTypeError::new_err(format!(
                "{function}() argument n must be an int, not {}",
                type_name(n)
            )))
        }
        // Wider than 128 bits: out of range either way; say which way in the core's own words.
        Err(_) => {
            let int = n.py().import("operator")?.getattr("index")?.call1((n,))?;
            if int.lt(0)? {
                Err(to_py_err(&FiboError::NotPositive(int.to_string())))
            } else {
                Err(to_py_err(&FiboError::TooLarge(int.to_string())))
            }
        }
    }
}

/// `recursion(n)`, with the GIL released (other Python threads run meanwhile) and, when it
/// is long enough to notice, stopped by Ctrl-C (`py_glue::detach`).
fn detached_fibo(py: Python<'_>, n: u64, recursion: fn(u64) -> u64) -> PyResult<u64> {
    let plan = Plan {
        parallel: false,
        watched: n > fibo_core::INTERRUPT_CHECK_ABOVE,
    };
    run_detached(py, plan, |stop| {
        fibo_core::fibo_interruptible(n, recursion, &mut || keep_going(stop)).ok()
    })
}

/// Return the n-th Fibonacci number, computed by the naive double recursion.
///
/// fibo(1) == fibo(2) == 1 and fibo(n) == fibo(n - 1) + fibo(n - 2), evaluated without any caching, so
/// the work grows like 1.6**n: fibo(40) makes about 205 million calls. This is the tutorial's deliberately
/// slow algorithm, run as fast as native code runs it.
///
/// The GIL is released while computing, so other Python threads keep running, and Ctrl-C interrupts a
/// long call with KeyboardInterrupt.
///
/// Raises:
///     TypeError: n is not an integer (an int, or a type with __index__ such as numpy.int64).
///     ValueError: n is less than 1.
///     OverflowError: n is greater than 93 (the result would not fit in 64 bits).
#[pyfunction]
#[pyo3(signature = (n, /))]
fn fibo(py: Python<'_>, n: &Bound<'_, PyAny>) -> PyResult<u64> {
    let n = argument("fibo", n)?;
    detached_fibo(py, n, fibo_core::fibo)
}

/// The tutorial's Rust function word for word: `fibo(n - 2) + fibo(n - 1)`.
///
/// Same answers and the same argument checks as fibo(); kept so the benchmark can show what the faster
/// form of the same recursion gains. Like fibo(), it releases the GIL and stops on Ctrl-C.
#[pyfunction]
#[pyo3(signature = (n, /))]
fn fibo_tutorial(py: Python<'_>, n: &Bound<'_, PyAny>) -> PyResult<u64> {
    let n = argument("fibo_tutorial", n)?;
    detached_fibo(py, n, fibo_core::fibo_textbook)
}

/// The naive Fibonacci recursion of chapter 1, computed in Rust.
#[pymodule(gil_used = false)]
mod fibo_rust {
    #[pymodule_export]
    use super::{fibo, fibo_tutorial};

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("MAX_N", fibo_core::MAX_N)
    }
}
