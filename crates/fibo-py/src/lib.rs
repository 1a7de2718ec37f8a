//! The wheel `fibo_rust`: chapter 1's Fibonacci, callable from Python.
//!
//! A thin layer: it checks the Python argument, releases the GIL, runs the core recursion from
//! `fibo-core` (checking for Ctrl-C every few milliseconds) and turns core errors into Python exceptions.

// The `///` comments on `#[pyfunction]`s are Python docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use fibo_core::FiboError;
use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyInt;

/// Turns a refused argument into the Python exception a Python user expects for it.
fn to_py_err(err: &FiboError) -> PyErr {
    match err {
        FiboError::NotPositive(_) => PyValueError::new_err(err.to_string()),
        FiboError::TooLarge(_) => PyOverflowError::new_err(err.to_string()),
    }
}

/// Reads `n` from any Python object: an `int` (or subclass, such as `bool`), or any other integer type
/// (numpy's `int64`, say) that converts through `operator.index`, in `1..=93`.
fn argument(function: &str, n: &Bound<'_, PyAny>) -> PyResult<u64> {
    let converted;
    let int = if let Ok(int) = n.cast::<PyInt>() {
        int
    } else {
        let index = n.py().import("operator")?.getattr("index")?;
        match index.call1((n,)).and_then(|i| Ok(i.cast_into::<PyInt>()?)) {
            Ok(int) => {
                converted = int;
                &converted
            }
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "{function}() argument n must be an int, not {}",
                    n.get_type().name()?
                )));
            }
        }
    };
    match int.extract::<i128>() {
        Ok(value) => fibo_core::check_n(value).map_err(|e| to_py_err(&e)),
        // Wider than 128 bits: out of range either way; say which way in the core's own words.
        Err(_) if int.lt(0)? => Err(to_py_err(&FiboError::NotPositive(int.to_string()))),
        Err(_) => Err(to_py_err(&FiboError::TooLarge(int.to_string()))),
    }
}

/// Runs `compute` with the GIL released, so other Python threads run meanwhile; `compute` gets a callback
/// that briefly re-takes the GIL to run Python's signal handlers, so Ctrl-C raises `KeyboardInterrupt`.
fn detached_interruptible(
    py: Python<'_>,
    compute: impl FnOnce(&mut dyn FnMut() -> PyResult<()>) -> PyResult<u64> + Send,
) -> PyResult<u64> {
    // `Python::check_signals` as a path is not general over lifetimes, so the closure stays.
    #[allow(clippy::redundant_closure_for_method_calls)]
    py.detach(|| compute(&mut || Python::attach(|py| py.check_signals())))
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
    detached_interruptible(py, |keep_going| {
        fibo_core::fibo_interruptible(n, fibo_core::fibo, keep_going)
    })
}

/// The tutorial's Rust function word for word: `fibo(n - 2) + fibo(n - 1)`.
///
/// Same answers and the same argument checks as fibo(); kept so the benchmark can show what the faster
/// form of the same recursion gains. Like fibo(), it releases the GIL and stops on Ctrl-C.
#[pyfunction]
#[pyo3(signature = (n, /))]
fn fibo_tutorial(py: Python<'_>, n: &Bound<'_, PyAny>) -> PyResult<u64> {
    let n = argument("fibo_tutorial", n)?;
    detached_interruptible(py, |keep_going| {
        fibo_core::fibo_interruptible(n, fibo_core::fibo_textbook, keep_going)
    })
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
