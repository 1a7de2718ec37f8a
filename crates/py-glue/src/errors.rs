//! Rust errors as the Python exceptions a Python user expects for them.

use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

/// An I/O error as the `OSError` Python's own `open()` raises: `OSError(errno, strerror, filename)`,
/// which Python turns into the matching subclass (`FileNotFoundError`, ...) and prints with the path.
#[must_use]
pub fn os_error(py: Python<'_>, err: &std::io::Error, path: &std::path::Path) -> PyErr {
    let Some(code) = err.raw_os_error() else {
        return PyOSError::new_err(format!("{}: {err}", path.display()));
    };
    let reason = std::io::Error::from_raw_os_error(code).to_string();
    // The OS's message without Rust's " (os error N)" suffix, as Python shows it.
    let reason = reason
        .split(" (os error")
        .next()
        .unwrap_or(&reason)
        .to_owned();
    match py
        .get_type::<PyOSError>()
        .call1((code, reason, path.as_os_str()))
    {
        Ok(exception) => PyErr::from_value(exception),
        Err(other) => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{message, with_python};

    #[test]
    fn a_missing_file_is_pythons_file_not_found_error() {
        with_python(|py| {
            let path = std::path::Path::new("/nonexistent/py-glue/input.txt");
            let err = std::fs::read(path).expect_err("missing");
            let ours = os_error(py, &err, path);
            let python = py
                .run(c"open('/nonexistent/py-glue/input.txt')", None, None)
                .expect_err("missing");
            assert_eq!(message(py, &ours), message(py, &python));
            assert!(message(py, &ours).starts_with("FileNotFoundError: [Errno 2]"));
        });
    }

    #[test]
    fn an_error_without_errno_keeps_its_text() {
        with_python(|py| {
            let err = std::io::Error::other("truncated");
            let ours = os_error(py, &err, std::path::Path::new("p"));
            assert_eq!(message(py, &ours), "OSError: p: truncated");
        });
    }
}
