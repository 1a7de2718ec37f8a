//! The Python glue every wrapper crate (`crates/*-py`) shares, so that each wrapper shows only what its
//! chapter is about: signatures, conversions, the call into its core, error mapping and the tutorial's
//! own steps.
//!
//! - [`detach`]: long work with the GIL released, stopped by Ctrl-C (one mechanism for every chapter),
//!   on a thread pool that survives `fork()` ([`pool`]);
//! - [`args`]: naming a Python object's type in messages, walking any iterable argument, and the
//!   `TypeError`s the project raises for the wrong kind of argument;
//! - [`arrays`]: numpy arguments of any layout and real dtype, read in place where a view can;
//! - [`text`]: a Python `str` read without copying it and without assuming it has a UTF-8 form;
//! - [`errors`]: Rust I/O errors as the `OSError` Python's own `open()` raises.
//!
//! Every part is tested against a real interpreter by `cargo test -p py-glue` (the tests need numpy in the
//! environment that `VIRTUAL_ENV` names, as `./just test-rs` sets it).

#![allow(clippy::doc_markdown)] // the prose names CPython and its API as Python users write them

pub mod args;
pub mod arrays;
pub mod detach;
pub mod errors;
pub mod pool;
pub mod text;

pub use args::type_name;
pub use detach::{Plan, detach_if, keep_going, run_detached};

#[cfg(test)]
pub(crate) mod testing {
    use pyo3::prelude::*;

    /// Runs `f` attached to the embedded interpreter, with the project's `.venv` (named by `VIRTUAL_ENV`)
    /// on `sys.path`, so that numpy imports.
    pub fn with_python<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
        Python::attach(|py| {
            py.run(
                c"import glob, os, site, sys\n\
                  venv = os.environ.get('VIRTUAL_ENV')\n\
                  if venv and not getattr(sys, '_py_glue_venv', False):\n\
                  \x20   for path in glob.glob(os.path.join(venv, 'lib', 'python3*', 'site-packages')):\n\
                  \x20       site.addsitedir(path)\n\
                  \x20   sys._py_glue_venv = True\n",
                None,
                None,
            )
            .expect("sys.path set up");
            f(py)
        })
    }

    /// Evaluates a Python expression (numpy imported as `np`).
    pub fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
        let globals = pyo3::types::PyDict::new(py);
        globals
            .set_item("np", py.import("numpy").expect("numpy in VIRTUAL_ENV"))
            .expect("globals");
        let code = std::ffi::CString::new(code).expect("no NUL");
        py.eval(&code, Some(&globals), None)
            .unwrap_or_else(|e| panic!("{code:?}: {e}"))
    }

    /// The message of an error, as `str(exception)` shows it, with its type name.
    pub fn message(py: Python<'_>, err: &PyErr) -> String {
        format!(
            "{}: {}",
            err.get_type(py).name().expect("type name"),
            err.value(py)
        )
    }
}
