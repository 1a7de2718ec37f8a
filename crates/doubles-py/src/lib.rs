//! The wheel `string_doubles`: chapter 2's counts of doubled characters, callable from Python.
//!
//! A thin layer over `doubles-core`. Its one real job is *reading* a Python `str` without copying it and
//! without assuming it is valid UTF-8 (a `str` may hold lone surrogates, which UTF-8 cannot encode):
//!
//! - ASCII strings (`str.isascii()` reads a flag; no scan) are read in place: for them CPython hands out
//!   its own character buffer from `PyUnicode_AsUTF8AndSize`, and the byte count runs with the GIL
//!   released when the string is long.
//! - Other strings are read as code points, a chunk at a time, with the stable ABI's
//!   `PyUnicode_Substring` and `PyUnicode_AsUCS4`, into a small buffer that stays in the cache (on the
//!   stack; for long strings a 256 KiB batch, counted with the GIL released). This never asks CPython
//!   for the UTF-8 form of a non-ASCII string, which would build a UTF-8 copy and keep it inside the
//!   string object for the rest of the string's life.
//!
//! The tutorial's steps take the string the way a `&str` argument does (UTF-8, via
//! `PyUnicode_AsUTF8AndSize`), so they keep the tutorial's behaviour, limits included.

// The `///` comments on `#[pyfunction]`s are Python docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use doubles_core::fast::{DoublesCounter, count_equal_adjacent_bytes};
use pyo3::exceptions::{PySystemError, PyTypeError, PyUnicodeEncodeError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};

/// Code points read per chunk of a non-ASCII string: 16 KiB of `u32` plus the chunk's temporary `str`
/// (at most 16 KiB more) fit the L1 data cache together. Measured against 1 Ki to 16 Ki: smaller chunks
/// pay the two calls per chunk too often, larger ones gain nothing.
const CHUNK: usize = 4096;

/// Above this many characters the count releases the GIL. Shorter counts take well under 100 µs, not
/// worth what handing the GIL over and taking it back can cost when other threads are waiting for it.
const DETACH_ABOVE: usize = 1 << 18;

/// Code points of a long non-ASCII string read (with the GIL) before they are counted (without it).
/// Reading calls into CPython and needs the GIL; counting does not. Batches of 64 Ki code points (a
/// 256 KiB buffer, in the L2 cache) give other threads the GIL for about half of a long call.
const BATCH: usize = 1 << 16;

/// The unbound method `str.isascii`, looked up once. Calling it through the type, not through the
/// object, means a `str` subclass that overrides `isascii` cannot make us misread its data.
static STR_ISASCII: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `val` as a `str` (subclasses included), or a `TypeError` naming the function and what was passed.
fn expect_str<'a, 'py>(
    function: &str,
    val: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, PyString>> {
    val.cast::<PyString>().map_err(|_| {
        let passed = val
            .get_type()
            .name()
            .map_or_else(|_| "another type".to_owned(), |name| name.to_string());
        PyTypeError::new_err(format!(
            "{function}() argument 'val' must be str, not {passed}"
        ))
    })
}

/// Whether every character of `text` is ASCII, from the flag CPython keeps in every `str`: O(1).
fn is_ascii(text: &Bound<'_, PyString>) -> PyResult<bool> {
    let py = text.py();
    let isascii = STR_ISASCII.get_or_try_init(py, || {
        PyType::new::<PyString>(py)
            .getattr("isascii")
            .map(Bound::unbind)
    })?;
    isascii.bind(py).call1((text,))?.is_truthy()
}

/// The bytes of `text` if it is ASCII, borrowed from the object itself; `None` otherwise.
///
/// For an ASCII string CPython's UTF-8 form *is* its character data: `PyUnicode_AsUTF8AndSize` (behind
/// pyo3's `to_str`) returns a pointer into the object and copies nothing, for `str` subclasses too. On
/// any other string the same call would build and cache a UTF-8 copy, hence the flag is read first. The
/// length check makes a surprise there a slower path, never a wrong count: ASCII has one byte per
/// character.
fn ascii_bytes<'a>(text: &'a Bound<'_, PyString>) -> PyResult<Option<&'a [u8]>> {
    if !is_ascii(text)? {
        return Ok(None);
    }
    let bytes = text.to_str()?.as_bytes();
    Ok((bytes.len() == text.code_point_len()?).then_some(bytes))
}

/// `text[start:end]` as a new `str`, through the C API, so a subclass's `__getitem__` is not involved.
fn substring<'py>(
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyString>> {
    let py = text.py();
    // SAFETY: `text` is a live `str` (its `Bound` holds a reference and proves this thread is attached
    // to the interpreter), and the indices are within `0..=len(text)` (the caller's loop bounds; CPython
    // checks them again). The result is a new reference, or NULL with an exception set, which
    // `from_owned_ptr_or_err` turns into `Err`.
    let piece = unsafe {
        Bound::from_owned_ptr_or_err(
            py,
            ffi::PyUnicode_Substring(text.as_ptr(), to_ssize(start), to_ssize(end)),
        )?
    };
    // `PyUnicode_Substring` always returns a `str`; the checked cast costs nothing and keeps this safe.
    Ok(piece.cast_into::<PyString>()?)
}

/// Copies the code points of `piece` to the start of `buffer` and returns how many there were.
fn read_code_points(piece: &Bound<'_, PyString>, buffer: &mut [u32]) -> PyResult<usize> {
    let length = piece.code_point_len()?;
    if length > buffer.len() {
        // The caller always leaves room for a whole chunk; refuse rather than trust that here.
        return Err(PySystemError::new_err(
            "string_doubles: a chunk is longer than the room left in its buffer",
        ));
    }
    // SAFETY: `piece` is a live `str` of `length <= buffer.len()` code points, and `buffer` is valid for
    // writes of `buffer.len()` `Py_UCS4` (= `u32`) values. We pass that capacity, so CPython writes at
    // most that many values or fails with NULL and an exception set. `copy_null = 0`: no terminating NUL.
    let written = unsafe {
        ffi::PyUnicode_AsUCS4(
            piece.as_ptr(),
            buffer.as_mut_ptr(),
            to_ssize(buffer.len()),
            0,
        )
    };
    if written.is_null() {
        return Err(PyErr::fetch(piece.py()));
    }
    Ok(length)
}

/// A length or index of a Python object as `Py_ssize_t`. Python objects never hold more than
/// `isize::MAX` items, so the conversion never saturates for the values it is given.
fn to_ssize(n: usize) -> ffi::Py_ssize_t {
    ffi::Py_ssize_t::try_from(n).unwrap_or(ffi::Py_ssize_t::MAX)
}

/// Runs `count` over `data`, with the GIL released when there are more than [`DETACH_ABOVE`] items.
fn count_detached<T: Sync>(py: Python<'_>, data: &[T], count: fn(&[T]) -> u64) -> u64 {
    if data.len() > DETACH_ABOVE {
        py.detach(|| count(data))
    } else {
        count(data)
    }
}

/// Counts the doubled characters of a non-ASCII `str`, read a chunk at a time.
///
/// A short string is read into a chunk-sized buffer on the stack and counted chunk by chunk, all in the
/// L1 cache. A long one is read into a [`BATCH`]-sized buffer, and each full batch is counted with the
/// GIL released. Either way, a chunk that happens to be ASCII (in text that is mostly ASCII with a few
/// other characters) is counted as bytes, in place.
fn count_in_chunks(text: &Bound<'_, PyString>) -> PyResult<u64> {
    let length = text.code_point_len()?;
    if length > DETACH_ABOVE {
        count_chunks_into(text, length, &mut vec![0u32; BATCH], true)
    } else {
        count_chunks_into(text, length, &mut [0u32; CHUNK], false)
    }
}

/// The loop of [`count_in_chunks`]: `buffer` has room for at least one chunk; `detach` says whether to
/// release the GIL while counting what it holds.
fn count_chunks_into(
    text: &Bound<'_, PyString>,
    length: usize,
    buffer: &mut [u32],
    detach: bool,
) -> PyResult<u64> {
    let py = text.py();
    let mut counter = DoublesCounter::new();
    let mut filled = 0;
    for start in (0..length).step_by(CHUNK) {
        let piece = substring(text, start, (start + CHUNK).min(length))?;
        if let Some(bytes) = ascii_bytes(&piece)? {
            // Pieces must reach the counter in order: first what the buffer holds, then this one.
            feed_buffered(py, &mut counter, &buffer[..filled], detach);
            filled = 0;
            counter.feed_ascii(bytes);
            continue;
        }
        if buffer.len() - filled < CHUNK {
            feed_buffered(py, &mut counter, &buffer[..filled], detach);
            filled = 0;
        }
        filled += read_code_points(&piece, &mut buffer[filled..])?;
    }
    feed_buffered(py, &mut counter, &buffer[..filled], detach);
    Ok(counter.total())
}

/// Counts code points read earlier, releasing the GIL if `detach`: they live in our own buffer, so no
/// Python object is touched meanwhile.
fn feed_buffered(py: Python<'_>, counter: &mut DoublesCounter, code_points: &[u32], detach: bool) {
    if detach {
        py.detach(|| counter.feed_code_points(code_points));
    } else {
        counter.feed_code_points(code_points);
    }
}

/// The UTF-8 form of `text` for the functions that count bytes the way the tutorial did, with a
/// clearer `UnicodeEncodeError` when there is none (a lone surrogate).
///
/// Like pyo3's `&str` argument, this uses `PyUnicode_AsUTF8AndSize`: for a non-ASCII string CPython
/// keeps the UTF-8 copy inside the string object afterwards. That is the tutorial's behaviour, kept for
/// its steps; `count_doubles` never does this.
fn utf8_of<'a>(function: &str, text: &'a Bound<'_, PyString>) -> PyResult<&'a str> {
    text.to_str()
        .map_err(|err| explain_unencodable(text.py(), function, err))
}

/// Re-raises CPython's "surrogates not allowed" `UnicodeEncodeError` with the same position and a
/// reason that says what the function needed and what to use instead.
fn explain_unencodable(py: Python<'_>, function: &str, err: PyErr) -> PyErr {
    if !err.is_instance_of::<PyUnicodeEncodeError>(py) {
        return err;
    }
    let value = err.value(py);
    let (Ok(object), Ok(start), Ok(end), Ok(reason)) = (
        value.getattr("object"),
        value.getattr("start"),
        value.getattr("end"),
        value.getattr("reason"),
    ) else {
        return err;
    };
    let reason = format!(
        "{reason}; {function}() needs val as UTF-8, and this str has no UTF-8 form \
         (count_doubles() counts the characters of every str)"
    );
    match py
        .get_type::<PyUnicodeEncodeError>()
        .call1(("utf-8", object, start, end, reason))
    {
        Ok(exception) => {
            let clearer = PyErr::from_value(exception);
            clearer.set_cause(py, Some(err));
            clearer
        }
        Err(_) => err,
    }
}

/// Return how many neighbouring characters of val are equal: the tutorial's Python loop, exactly.
///
/// Equal to sum(1 for a, b in zip(val, val[1:]) if a == b) for every str: ASCII, any other text,
/// emoji, combining marks (each mark is a character of its own, as in Python) and strings holding lone
/// surrogates, which have no UTF-8 form. A subclass of str is read as the str it is.
///
/// Copies nothing it need not: an ASCII string is read in place and counted with SIMD instructions, with
/// the GIL released when it is long; other strings are read as code points a small chunk at a time.
///
/// Raises:
///     TypeError: val is not a str.
#[pyfunction]
#[pyo3(signature = (val))]
fn count_doubles(py: Python<'_>, val: &Bound<'_, PyAny>) -> PyResult<u64> {
    let text = expect_str("count_doubles", val)?;
    match ascii_bytes(text)? {
        Some(bytes) => Ok(count_detached(py, bytes, count_equal_adjacent_bytes)),
        None => count_in_chunks(text),
    }
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
    if let Some(bytes) = ascii_bytes(text)? {
        return Ok(count_detached(py, bytes, count_equal_adjacent_bytes));
    }
    let encoded = text
        .encode_utf8()
        .map_err(|err| explain_unencodable(py, "count_doubles_bytes", err))?;
    Ok(count_detached(
        py,
        encoded.as_bytes(),
        count_equal_adjacent_bytes,
    ))
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
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
