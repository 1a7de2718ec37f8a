//! The tests of this crate embed Python (pyo3's `auto-initialize`): link them with an rpath to the
//! libpython that pyo3 found (`PYO3_PYTHON`, the project's `.venv`), so they run without `LD_LIBRARY_PATH`.

fn main() {
    pyo3_build_config::add_libpython_rpath_link_args();
}
