//! - pyo3's configuration flags (`Py_LIMITED_API`, `Py_3_12`, ...) for this crate's own `#[cfg]`s: the
//!   `str` reader borrows the interpreter's character storage where the build is version-specific
//!   (`#[cfg(not(Py_LIMITED_API))]`), which the stable ABI does not allow.
//! - The tests of this crate embed Python (pyo3's `auto-initialize`): link them with an rpath to the
//!   libpython that pyo3 found (`PYO3_PYTHON`, the project's `.venv`), so they run without
//!   `LD_LIBRARY_PATH`.

fn main() {
    pyo3_build_config::use_pyo3_cfgs();
    pyo3_build_config::add_libpython_rpath_link_args();
}
