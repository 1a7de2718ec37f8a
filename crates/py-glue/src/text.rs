//! Reading a Python `str` without copying it and without assuming it has a UTF-8 form (a `str` may hold
//! lone surrogates, which UTF-8 cannot encode).
//!
//! - An ASCII `str` (`str.isascii()` reads a flag; no scan) is read in place: for it CPython hands out its
//!   own character buffer from `PyUnicode_AsUTF8AndSize` ([`ascii_bytes`]).
//! - Any other `str` is handed over by [`for_each_piece`] in one of two ways, chosen when the wheel is
//!   built. A version-specific build (pyo3 without `abi3`) borrows CPython's own character storage, one,
//!   two or four bytes per character, in place (pyo3's `PyString::data`). The stable ABI has no such call,
//!   so an abi3 build reads code points a chunk at a time, with `PyUnicode_Substring` and
//!   `PyUnicode_AsUCS4`, into a small buffer that stays in the cache. Neither asks CPython for the UTF-8
//!   form of a non-ASCII string, which would build a UTF-8 copy and keep it inside the string object for
//!   the rest of the string's life.
//! - Where a function does need UTF-8 (the tutorials' `&str` steps), [`utf8`] and [`explain_unencodable`]
//!   say in the `UnicodeEncodeError` what the function needed and what to use instead.

use pyo3::exceptions::PyUnicodeEncodeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyIterator, PyString, PyType};
#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
use pyo3::{exceptions::PySystemError, ffi};

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
/// Code points read per chunk of a non-ASCII string: 16 KiB of `u32` plus the chunk's temporary `str`
/// (at most 16 KiB more) fit the L1 data cache together. Measured (chapter 2) against 1 Ki to 16 Ki:
/// smaller chunks pay the two calls per chunk too often, larger ones gain nothing.
const CHUNK: usize = 4096;

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
/// Code points of a long non-ASCII string read (with the GIL) before they are handed over (without it).
/// Reading calls into CPython and needs the GIL; the work on what was read does not. Batches of 64 Ki
/// code points (a 256 KiB buffer, in the L2 cache) give other threads the GIL for about half of a long
/// call.
const BATCH: usize = 1 << 16;

/// The unbound methods `str.isascii` and `str.__iter__`, looked up once. Calling them through the type,
/// not the object, means a `str` subclass that overrides them cannot make us misread its data.
static STR_ISASCII: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static STR_ITER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `str`'s own method `name`, looked up once into `cell`.
fn str_method<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let method = cell.get_or_try_init(py, || {
        PyType::new::<PyString>(py).getattr(name).map(Bound::unbind)
    })?;
    Ok(method.bind(py).clone())
}

/// Whether every character of `text` is ASCII, from the flag CPython keeps in every `str`: O(1).
pub fn is_ascii(text: &Bound<'_, PyString>) -> PyResult<bool> {
    str_method(text.py(), &STR_ISASCII, "isascii")?
        .call1((text,))?
        .is_truthy()
}

/// The characters of `text` as Python sees them (`str.__iter__`, so a subclass cannot change them):
/// one-character `str` objects, lone surrogates included.
pub fn characters<'py>(text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyIterator>> {
    str_method(text.py(), &STR_ITER, "__iter__")?
        .call1((text,))?
        .try_iter()
}

/// The bytes of `text` if it is ASCII, borrowed from the object itself; `None` otherwise.
///
/// For an ASCII string CPython's UTF-8 form *is* its character data: `PyUnicode_AsUTF8AndSize` (behind
/// pyo3's `to_str`) returns a pointer into the object and copies nothing, for `str` subclasses too. On
/// any other string the same call would build and cache a UTF-8 copy, hence the flag is read first. The
/// length check makes a surprise there a slower path, never a wrong answer: ASCII has one byte per
/// character.
pub fn ascii_bytes<'a>(text: &'a Bound<'_, PyString>) -> PyResult<Option<&'a [u8]>> {
    if !is_ascii(text)? {
        return Ok(None);
    }
    let bytes = text.to_str()?.as_bytes();
    Ok((bytes.len() == text.code_point_len()?).then_some(bytes))
}

/// A piece of a `str`, as [`for_each_piece`] hands it over: one code point per element, in one of the
/// three widths CPython stores a `str` in (PEP 393). Never empty.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// One byte per character, borrowed in place: a run of ASCII, or in a version-specific build a
    /// whole string CPython stores as Latin-1 (every character below U+0100). Not UTF-8.
    Ucs1(&'a [u8]),
    /// Two bytes per character (every character below U+10000; no surrogate pairs), borrowed in place
    /// from a string CPython stores that way. Only a version-specific build hands these over.
    Ucs2(&'a [u16]),
    /// Four bytes per character: borrowed in place from a string CPython stores that way
    /// (version-specific build), or read into a buffer of ours (abi3 build).
    Ucs4(&'a [u32]),
}

/// Hands every character of a non-ASCII (or any) `str` to `feed`, in order, as [`Piece`]s; a string of
/// more than `detach_above` characters is fed with the GIL released.
///
/// - Version-specific build: the whole string, in place, as one piece of CPython's own width.
/// - abi3 build: a chunk that happens to be ASCII (text that is mostly ASCII with a few other characters)
///   is borrowed in place, other chunks are read as code points. A string of at most `detach_above`
///   characters is read into a chunk-sized buffer on the stack and fed chunk by chunk, all in the L1
///   cache. A longer one is read into a larger batch, and each batch is fed with the GIL released (the
///   code points live in our own buffer, so no Python object is touched meanwhile).
pub fn for_each_piece(
    text: &Bound<'_, PyString>,
    detach_above: usize,
    mut feed: impl FnMut(Piece<'_>) + Send,
) -> PyResult<()> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    return in_place(text, detach_above, &mut feed);
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        let length = text.code_point_len()?;
        if length > detach_above {
            pieces_into(text, length, &mut vec![0u32; BATCH], true, &mut feed)
        } else {
            pieces_into(text, length, &mut [0u32; CHUNK], false, &mut feed)
        }
    }
}

/// Whether this build reads a `str` in place ([`for_each_piece`] in a version-specific build) rather
/// than through the stable ABI's copies.
pub const READS_STR_IN_PLACE: bool = cfg!(not(any(Py_LIMITED_API, PyPy, GraalPy)));

/// [`for_each_piece`] in a version-specific build: CPython's own storage, one piece, no copy.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn in_place(
    text: &Bound<'_, PyString>,
    detach_above: usize,
    feed: &mut (impl FnMut(Piece<'_>) + Send),
) -> PyResult<()> {
    use pyo3::types::string::PyStringData;
    // SAFETY: `text` is a live `str` (its `Bound` holds a reference and proves this thread is attached).
    // `data` reads the string's kind, length and data pointer from the object's header, the way
    // CPython's own `PyUnicode_KIND` and `PyUnicode_DATA` macros do; pyo3 decodes the kind's bitfield
    // by hand, which is why it is `unsafe`: pyo3 tests it on x86-64, this crate's tests read every kind
    // of `str` through it (`cargo test -p py-glue` builds without abi3), and the Python tests run
    // against a version-specific `string_doubles` on every CPython the project tests. The slices borrow
    // `text`, and a `str`'s characters never change while a reference to it is held elsewhere: CPython
    // resizes a string in place only when its one reference is the caller's own (`s += t`), and our
    // caller holds the one we read through for the whole call, GIL released or not.
    let data = unsafe { text.data() }?;
    let long = text.code_point_len()? > detach_above;
    crate::detach_if(text.py(), long, || match data {
        PyStringData::Ucs1(bytes) if !bytes.is_empty() => feed(Piece::Ucs1(bytes)),
        PyStringData::Ucs2(units) if !units.is_empty() => feed(Piece::Ucs2(units)),
        PyStringData::Ucs4(code_points) if !code_points.is_empty() => {
            feed(Piece::Ucs4(code_points));
        }
        _ => {}
    });
    Ok(())
}

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
/// The loop of [`for_each_piece`]: `buffer` has room for at least one chunk; `detach` says whether to
/// release the GIL while feeding what it holds.
fn pieces_into(
    text: &Bound<'_, PyString>,
    length: usize,
    buffer: &mut [u32],
    detach: bool,
    feed: &mut (impl FnMut(Piece<'_>) + Send),
) -> PyResult<()> {
    let py = text.py();
    let mut filled = 0;
    for start in (0..length).step_by(CHUNK) {
        let piece = substring(text, start, (start + CHUNK).min(length))?;
        if let Some(bytes) = ascii_bytes(&piece)? {
            // Pieces must be fed in order: first what the buffer holds, then this one.
            feed_buffered(py, feed, &buffer[..filled], detach);
            filled = 0;
            feed(Piece::Ucs1(bytes));
            continue;
        }
        if buffer.len() - filled < CHUNK {
            feed_buffered(py, feed, &buffer[..filled], detach);
            filled = 0;
        }
        filled += read_code_points(&piece, &mut buffer[filled..])?;
    }
    feed_buffered(py, feed, &buffer[..filled], detach);
    Ok(())
}

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
/// Feeds code points read earlier (if any), releasing the GIL if `detach`.
fn feed_buffered(
    py: Python<'_>,
    feed: &mut (impl FnMut(Piece<'_>) + Send),
    code_points: &[u32],
    detach: bool,
) {
    if !code_points.is_empty() {
        crate::detach_if(py, detach, || feed(Piece::Ucs4(code_points)));
    }
}

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
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

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
/// Copies the code points of `piece` to the start of `buffer` and returns how many there were.
fn read_code_points(piece: &Bound<'_, PyString>, buffer: &mut [u32]) -> PyResult<usize> {
    let length = piece.code_point_len()?;
    if length > buffer.len() {
        // The caller always leaves room for a whole chunk; refuse rather than trust that here.
        return Err(PySystemError::new_err(
            "a chunk of a str is longer than the room left in its buffer",
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

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
/// A length or index of a Python object as `Py_ssize_t`. Python objects never hold more than
/// `isize::MAX` items, so the conversion never saturates for the values it is given.
fn to_ssize(n: usize) -> ffi::Py_ssize_t {
    ffi::Py_ssize_t::try_from(n).unwrap_or(ffi::Py_ssize_t::MAX)
}

/// The UTF-8 form of `text`, for a function that takes it as a Rust `&str` the way the tutorials did,
/// with a clearer `UnicodeEncodeError` when there is none (a lone surrogate; see
/// [`explain_unencodable`]).
///
/// Like pyo3's `&str` argument, this uses `PyUnicode_AsUTF8AndSize`: for a non-ASCII string CPython
/// keeps the UTF-8 copy inside the string object afterwards.
pub fn utf8<'a>(
    text: &'a Bound<'_, PyString>,
    function: &str,
    argument: &str,
    instead: &str,
) -> PyResult<&'a str> {
    text.to_str()
        .map_err(|err| explain_unencodable(text.py(), err, function, argument, instead))
}

/// Re-raises CPython's "surrogates not allowed" `UnicodeEncodeError` with the same position and a
/// reason that says what the function needed and what to use `instead`; other errors pass unchanged.
pub fn explain_unencodable(
    py: Python<'_>,
    err: PyErr,
    function: &str,
    argument: &str,
    instead: &str,
) -> PyErr {
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
        "{reason}; {function}() needs {argument} as UTF-8, and this str has no UTF-8 form ({instead})"
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{eval, message, with_python};

    /// Every piece of `code`'s `str`, as (its width in bytes, its code points).
    fn pieces(py: Python<'_>, code: &str, detach_above: usize) -> Vec<(usize, Vec<u32>)> {
        let text = eval(py, code);
        let mut seen = Vec::new();
        for_each_piece(
            text.cast::<PyString>().expect("str"),
            detach_above,
            |piece| {
                seen.push(match piece {
                    Piece::Ucs1(bytes) => (1, bytes.iter().map(|&b| u32::from(b)).collect()),
                    Piece::Ucs2(units) => (2, units.iter().map(|&u| u32::from(u)).collect()),
                    Piece::Ucs4(cps) => (4, cps.to_vec()),
                });
            },
        )
        .expect("read");
        seen
    }

    /// The code points of `code`'s `str`, as Python's `ord` gives them.
    fn ords(py: Python<'_>, code: &str) -> Vec<u32> {
        eval(py, &format!("[ord(c) for c in str.__str__({code})]"))
            .extract()
            .expect("ints")
    }

    #[test]
    fn every_character_in_order_whatever_the_text() {
        with_python(|py| {
            for code in [
                "''",
                "'abc'",
                "'h\u{e9}llo'",
                "'h\u{e9}llo \u{2603} \u{1f600}'",
                "'a\\ud800b'",
                "'x' * 5000 + '\u{e9}' * 5000 + 'y' * 9000",
                "'\u{434}' * 70000 + '\\udfff'",
                "'\u{1f600}' * 70000 + 'z' * 4096 + '\\udfff'",
                "type('S', (str,), {'__iter__': lambda s: iter('zz')})('\u{e9}t\u{e9}')",
            ] {
                for detach_above in [0, usize::MAX] {
                    let read = pieces(py, code, detach_above);
                    let all: Vec<u32> = read.iter().flat_map(|(_, cps)| cps.clone()).collect();
                    assert_eq!(all, ords(py, code), "{code}, detach above {detach_above}");
                    assert!(
                        read.iter().all(|(_, cps)| !cps.is_empty()),
                        "{code}: no empty pieces"
                    );
                }
            }
        });
    }

    /// The (width, length) of each piece of `code`'s `str`.
    fn shape(py: Python<'_>, code: &str) -> Vec<(usize, usize)> {
        pieces(py, code, 0)
            .iter()
            .map(|(width, cps)| (*width, cps.len()))
            .collect()
    }

    #[test]
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    fn abi3_borrows_ascii_runs_and_reads_others_as_code_points() {
        const { assert!(!READS_STR_IN_PLACE) };
        with_python(|py| {
            assert_eq!(
                shape(py, "'a' * 4096 + '\u{e9}' * 10"),
                [(1, 4096), (4, 10)]
            );
            assert_eq!(shape(py, "'\u{434}' * 5000"), [(4, 5000)]);
        });
    }

    #[test]
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn version_specific_borrows_each_kind_whole() {
        const { assert!(READS_STR_IN_PLACE) };
        with_python(|py| {
            assert_eq!(shape(py, "'a' * 4096 + '\u{e9}' * 10"), [(1, 4106)]);
            assert_eq!(shape(py, "'\u{e9}' + '\u{434}' * 5000"), [(2, 5001)]);
            assert_eq!(shape(py, "'\u{434}' * 5000 + '\u{1f600}'"), [(4, 5001)]);
            // A lone surrogate is a code point below U+10000: CPython stores it in two bytes.
            assert_eq!(shape(py, "'a\\ud800'"), [(2, 2)]);
            assert!(shape(py, "''").is_empty());
        });
    }

    #[test]
    fn ascii_is_borrowed_in_place() {
        with_python(|py| {
            let text = eval(py, "'abc'");
            let text = text.cast::<PyString>().expect("str");
            assert_eq!(ascii_bytes(text).expect("ascii"), Some(&b"abc"[..]));
            let text = eval(py, "'\u{e9}'");
            assert_eq!(
                ascii_bytes(text.cast::<PyString>().expect("str")).expect("read"),
                None
            );
        });
    }

    #[test]
    fn characters_are_the_strs_own() {
        with_python(|py| {
            let text = eval(
                py,
                "type('S', (str,), {'__iter__': lambda s: iter('zz')})('a\\ud800')",
            );
            let seen: Vec<String> = characters(text.cast::<PyString>().expect("str"))
                .expect("iter")
                .map(|c| {
                    c.and_then(|c| c.repr())
                        .map(|r| r.to_string())
                        .expect("repr")
                })
                .collect();
            assert_eq!(seen, ["'a'", "'\\ud800'"]);
        });
    }

    #[test]
    fn no_utf8_form_says_what_to_use_instead() {
        with_python(|py| {
            let text = eval(py, "'ab\\ud800'");
            let text = text.cast::<PyString>().expect("str");
            let err = utf8(text, "f", "val", "g() reads every str").expect_err("a surrogate");
            assert_eq!(
                message(py, &err),
                "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 2: \
                 surrogates not allowed; f() needs val as UTF-8, and this str has no UTF-8 form \
                 (g() reads every str)"
            );
            assert!(err.cause(py).is_some());
            let text = eval(py, "'h\u{e9}'");
            let text = text.cast::<PyString>().expect("str");
            assert_eq!(utf8(text, "f", "v", "").expect("utf-8"), "h\u{e9}");
            let other = pyo3::exceptions::PySystemError::new_err("x");
            assert!(
                explain_unencodable(py, other, "f", "v", "")
                    .is_instance_of::<pyo3::exceptions::PySystemError>(py)
            );
        });
    }
}
