//! The wheel `string_doubles`: chapter 2's counts of doubled characters, callable from Python.
//!
//! A thin layer over `doubles-core`. The `str` is read without assuming it is valid UTF-8 (a `str` may
//! hold lone surrogates) by `py_glue::text`: an ASCII string in place; any other in place too in a
//! version-specific build, or, in the abi3 wheel, as code points a cache-sized chunk at a time; all fed to
//! the core's counter in order (a long string with the GIL released).
//!
//! The tutorial's steps take the string the way a `&str` argument does (UTF-8, via
//! `PyUnicode_AsUTF8AndSize`), so they keep the tutorial's behaviour, limits included.

// The `///` comments on `#[pyfunction]`s are Python docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use doubles_core::fast::{DoublesCounter, count_equal_adjacent_bytes};
use py_glue::args::expect;
use py_glue::detach_if;
use py_glue::text::{self, Piece};
use pyo3::prelude::*;
use pyo3::types::PyString;

/// Above this many characters the count releases the GIL. Shorter counts take well under 100 µs, not
/// worth what handing the GIL over and taking it back can cost when other threads are waiting for it.
const DETACH_ABOVE: usize = 1 << 18;

/// `val` as a `str` (subclasses included), or a `TypeError` naming the function and what was passed.
fn expect_str<'a, 'py>(
    function: &str,
    val: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, PyString>> {
    expect(function, "val", "str", val)
}

/// The UTF-8 form of `val` for the tutorial's steps, which take a `&str` (see `py_glue::text::utf8`).
fn utf8_of<'a>(function: &str, text: &'a Bound<'_, PyString>) -> PyResult<&'a str> {
    text::utf8(
        text,
        function,
        "val",
        "count_doubles() counts the characters of every str",
    )
}

/// Counts the equal neighbouring bytes of ASCII text, with the GIL released when it is long.
fn count_bytes(py: Python<'_>, bytes: &[u8]) -> u64 {
    detach_if(py, bytes.len() > DETACH_ABOVE, || {
        count_equal_adjacent_bytes(bytes)
    })
}

/// Return how many neighbouring characters of val are equal: the tutorial's Python loop, exactly.
///
/// Equal to sum(1 for a, b in zip(val, val[1:]) if a == b) for every str: ASCII, any other text,
/// emoji, combining marks (each mark is a character of its own, as in Python) and strings holding lone
/// surrogates, which have no UTF-8 form. A subclass of str is read as the str it is.
///
/// Copies nothing it need not: an ASCII string is read in place and counted with SIMD instructions, with
/// the GIL released when it is long. Other strings are read in place as well where this module was built
/// for one Python version (READS_STR_IN_PLACE is True); the abi3 wheel, which serves every version, has
/// to copy them as code points, a small chunk at a time.
///
/// Raises:
///     TypeError: val is not a str.
#[pyfunction]
#[pyo3(signature = (val))]
fn count_doubles(py: Python<'_>, val: &Bound<'_, PyAny>) -> PyResult<u64> {
    let text = expect_str("count_doubles", val)?;
    if let Some(bytes) = text::ascii_bytes(text)? {
        return Ok(count_bytes(py, bytes));
    }
    let mut counter = DoublesCounter::new();
    text::for_each_piece(text, DETACH_ABOVE, |piece| match piece {
        Piece::Ucs1(bytes) => counter.feed_ucs1(bytes),
        Piece::Ucs2(units) => counter.feed_ucs2(units),
        Piece::Ucs4(code_points) => counter.feed_code_points(code_points),
    })?;
    Ok(counter.total())
}

/// Return how many neighbouring bytes of val's UTF-8 encoding are equal: the tutorial's byte variant.
///
/// The same as count_doubles() for ASCII text, and a different question otherwise: "éé" has one doubled
/// character but no doubled byte (C3 A9 C3 A9), and "₂€" has no doubled character but one doubled byte
/// (E2 82 82 E2 82 AC). It is what the tutorial's numpy one-liner computes, too.
///
/// ASCII strings are read in place; any other string is encoded to a temporary bytes object, as
/// val.encode() would, and counted with SIMD instructions.
///
/// Raises:
///     TypeError: val is not a str.
///     UnicodeEncodeError: val holds a lone surrogate, so it has no UTF-8 encoding to count.
#[pyfunction]
#[pyo3(signature = (val))]
fn count_doubles_bytes(py: Python<'_>, val: &Bound<'_, PyAny>) -> PyResult<u64> {
    let text = expect_str("count_doubles_bytes", val)?;
    if let Some(bytes) = text::ascii_bytes(text)? {
        return Ok(count_bytes(py, bytes));
    }
    let encoded = text.encode_utf8().map_err(|err| {
        let instead = "count_doubles() counts the characters of every str";
        text::explain_unencodable(py, err, "count_doubles_bytes", "val", instead)
    })?;
    Ok(count_bytes(py, encoded.as_bytes()))
}

/// Step 2 of chapter 2, the tutorial's first port: val.chars().zip(val.chars().skip(1)) on a &str.
///
/// Exact on every str that has a UTF-8 form, one decoded character at a time. Like the tutorial's
/// function it takes a &str, so a str holding a lone surrogate raises, and a non-ASCII str keeps a UTF-8
/// copy of itself afterwards (CPython caches it inside the object).
///
/// Raises:
///     TypeError: val is not a str.
///     UnicodeEncodeError: val holds a lone surrogate (not valid UTF-8, so not a Rust &str).
#[pyfunction]
#[pyo3(signature = (val))]
fn count_doubles_tutorial(py: Python<'_>, val: &Bound<'_, PyAny>) -> PyResult<u64> {
    let text = expect_str("count_doubles_tutorial", val)?;
    let utf8 = utf8_of("count_doubles_tutorial", text)?;
    Ok(py.detach(|| doubles_core::steps::count_doubles_tutorial(utf8)))
}

/// Step 4 of chapter 2, the tutorial's byte-wise loop over val's UTF-8 bytes, as it was written.
///
/// Same answers as count_doubles_bytes() (right for ASCII only), one byte at a time.
///
/// Raises:
///     TypeError: val is not a str.
///     UnicodeEncodeError: val holds a lone surrogate.
#[pyfunction]
#[pyo3(signature = (val))]
fn count_doubles_bytes_tutorial(py: Python<'_>, val: &Bound<'_, PyAny>) -> PyResult<u64> {
    let text = expect_str("count_doubles_bytes_tutorial", val)?;
    let utf8 = utf8_of("count_doubles_bytes_tutorial", text)?;
    Ok(py.detach(|| doubles_core::steps::count_doubles_bytes_tutorial(utf8)))
}

/// Step 5 of chapter 2, "pythonic" Rust: itertools' array_windows::<2>(), Python's pairwise.
///
/// Exact on every str that has a UTF-8 form; as slow as the first port (step 2).
///
/// Raises:
///     TypeError: val is not a str.
///     UnicodeEncodeError: val holds a lone surrogate.
#[pyfunction]
#[pyo3(signature = (val))]
fn count_doubles_pairwise(py: Python<'_>, val: &Bound<'_, PyAny>) -> PyResult<u64> {
    let text = expect_str("count_doubles_pairwise", val)?;
    let utf8 = utf8_of("count_doubles_pairwise", text)?;
    Ok(py.detach(|| doubles_core::steps::count_doubles_pairwise(utf8)))
}

/// Counting doubled characters in Rust, chapter 2 of rust-in-python.
///
/// count_doubles(val) is the tutorial's Python loop, exact for every str and faster than numpy.
/// count_doubles_bytes(val) is the tutorial's byte-wise variant (right for ASCII only). The tutorial's
/// steps stay importable: count_doubles_tutorial, count_doubles_bytes_tutorial, count_doubles_pairwise.
/// READS_STR_IN_PLACE tells which build this is: True where it was built for this Python version alone
/// (non-ASCII text read in place), False in the abi3 wheel (copied a chunk at a time).
#[pymodule(gil_used = false)]
mod string_doubles {
    #[pymodule_export]
    use super::{
        count_doubles, count_doubles_bytes, count_doubles_bytes_tutorial, count_doubles_pairwise,
        count_doubles_tutorial,
    };

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("READS_STR_IN_PLACE", py_glue::text::READS_STR_IN_PLACE)
    }
}
