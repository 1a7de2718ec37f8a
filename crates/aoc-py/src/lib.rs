//! The wheel `aoc_rust`: chapter 6's polymer reduction (Advent of Code 2018, day 5), callable from Python.
//!
//! A thin layer over `aoc-core`. It borrows the polymer from the Python object without copying it (an
//! ASCII `str` and a `bytes` object both hold their bytes in place), checks it against the input rule,
//! runs the core with the GIL released when the polymer is long, and turns a refused character into a
//! `ValueError` that names its position and shows it as Python would.
//!
//! The series' own steps stay callable beside the best versions: the `Vec<u8>` signature it wrote, a
//! `&str` argument, and a file path that Rust opens and reads itself.

// The `///` comments on `#[pyfunction]`s are Python docstrings, written for `help()`, not rustdoc.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;

use aoc_core::PolymerError;
use py_glue::args::wrong_type;
use py_glue::errors::os_error;
use py_glue::{Plan, detach_if, keep_going, run_detached, text};
use pyo3::exceptions::{PySystemError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// Above this many letters the work runs with the GIL released. Part a of 64 Ki letters takes some
/// tens of microseconds, about what handing the GIL to a waiting thread and taking it back can cost.
const DETACH_ABOVE: usize = 1 << 16;

/// The `ValueError` for a character that is not a letter: its position and Python's `repr` of it (a
/// one-character `str`, or a one-byte `bytes`), in the words of the core's error.
fn not_a_letter(position: usize, shown: &Bound<'_, PyAny>) -> PyErr {
    let shown = shown
        .repr()
        .map_or_else(|_| "?".to_owned(), |r| r.to_string());
    PyValueError::new_err(format!(
        "polymer[{position}] is {shown}, not a letter A-Z or a-z (only line breaks at the end are ignored)"
    ))
}

/// A refused byte of a Rust string (UTF-8): the character that starts there, as a Python `str`. Every
/// byte before it is an ASCII letter, so its byte position is its position in characters too.
fn not_a_letter_in_text(py: Python<'_>, text: &str, err: &PolymerError) -> PyErr {
    let PolymerError::NotALetter { position, byte } = *err;
    let character = text
        .get(position..)
        .and_then(|rest| rest.chars().next())
        .unwrap_or(char::from(byte));
    not_a_letter(
        position,
        &PyString::new(py, character.encode_utf8(&mut [0; 4])),
    )
}

/// A refused byte of a `bytes` object, shown as one-byte `bytes`.
fn not_a_letter_in_bytes(py: Python<'_>, err: &PolymerError) -> PyErr {
    let PolymerError::NotALetter { position, byte } = *err;
    not_a_letter(position, &PyBytes::new(py, &[byte]))
}

/// The first character of a non-ASCII `str` that is not a letter (there is one: the non-ASCII
/// character, if nothing before it), found by walking the characters as Python sees them, so that a
/// lone surrogate is reported as itself. Only refused input comes here.
fn not_a_letter_in_str(text: &Bound<'_, PyString>) -> PyErr {
    let walk = || -> PyResult<PyErr> {
        for (position, character) in text::characters(text)?.enumerate() {
            let character = character?;
            let letter = character
                .cast::<PyString>()
                .ok()
                .and_then(|c| c.to_str().ok().map(str::as_bytes))
                .is_some_and(|c| c.len() == 1 && c[0].is_ascii_alphabetic());
            if !letter {
                return Ok(not_a_letter(position, &character));
            }
        }
        Err(PySystemError::new_err(
            "aoc_rust: a non-ASCII str had no character that is not a letter",
        ))
    };
    walk().unwrap_or_else(|err| err)
}

/// The letters of `polymer` (a `str` or `bytes`, subclasses included), borrowed in place and checked
/// against the input rule, or the exception that says what is wrong with it.
fn polymer_letters<'a>(function: &str, polymer: &'a Bound<'_, PyAny>) -> PyResult<&'a [u8]> {
    let py = polymer.py();
    if let Ok(text) = polymer.cast::<PyString>() {
        // Read in place if ASCII; asking a non-ASCII str for UTF-8 would build a copy and keep it
        // inside the object, and such a str cannot be a polymer anyway.
        let Some(ascii) = text::ascii_bytes(text)? else {
            return Err(not_a_letter_in_str(text));
        };
        let shown = std::str::from_utf8(ascii).unwrap_or_default();
        return aoc_core::letters(ascii).map_err(|e| not_a_letter_in_text(py, shown, &e));
    }
    if let Ok(bytes) = polymer.cast::<PyBytes>() {
        return aoc_core::letters(bytes.as_bytes()).map_err(|e| not_a_letter_in_bytes(py, &e));
    }
    Err(wrong_type(function, "polymer", "str or bytes", polymer))
}

/// Part a on checked letters, with the GIL released when they are many. The letters are borrowed from
/// an immutable `str` or `bytes`, or owned, so no Python code can change them meanwhile.
fn reduced_length_detached(py: Python<'_>, letters: &[u8]) -> usize {
    detach_if(py, letters.len() > DETACH_ABOVE, || {
        aoc_core::reduced_length(letters)
    })
}

/// Return the length of polymer after every reacting pair is removed, repeatedly (part a).
///
/// Two neighbours that are the same letter in opposite case, such as "aA" or "Bb", react and
/// disappear; the letters that meet in the gap may react in turn. One pass with a stack finds what is
/// left, so this takes time proportional to len(polymer).
///
/// polymer is a str or bytes of ASCII letters. Line breaks at its end (a puzzle file ends with one) are
/// ignored; any other character is refused. An ASCII str or bytes is read in place, without a copy,
/// and a long one with the GIL released.
///
/// Raises:
///     TypeError: polymer is not a str or bytes.
///     ValueError: polymer holds something that is not a letter A-Z or a-z (the message names its
///         position), other than line breaks at the end.
#[pyfunction]
#[pyo3(signature = (polymer, /))]
fn run_polymerization(py: Python<'_>, polymer: &Bound<'_, PyAny>) -> PyResult<usize> {
    let letters = polymer_letters("run_polymerization", polymer)?;
    Ok(reduced_length_detached(py, letters))
}

/// Return the shortest length polymer can reach with one letter removed first (part b).
///
/// Each of the 26 letters in turn is removed, both cases, and the rest reduced as in
/// run_polymerization(); the shortest result is returned (0 for an empty polymer). Same input rule
/// and exceptions as run_polymerization(). A long polymer is reduced with the GIL released, and
/// Ctrl-C raises KeyboardInterrupt between two of the 26 reductions.
///
/// Raises:
///     TypeError: polymer is not a str or bytes.
///     ValueError: polymer holds something that is not a letter A-Z or a-z, other than line breaks
///         at the end.
#[pyfunction]
#[pyo3(signature = (polymer, /))]
fn shortest_polymer(py: Python<'_>, polymer: &Bound<'_, PyAny>) -> PyResult<usize> {
    let letters = polymer_letters("shortest_polymer", polymer)?;
    if letters.len() <= DETACH_ABOVE {
        return Ok(aoc_core::shortest_length(letters));
    }
    let plan = Plan {
        parallel: false,
        watched: true,
    };
    run_detached(py, plan, |stop| {
        aoc_core::shortest_length_interruptible(letters, &mut || keep_going(stop)).ok()
    })
}

/// The series' step: part a with the signature it wrote, run_polymerization(input: Vec<u8>).
///
/// pyo3 copies the argument into a new Rust Vec<u8> element by element, so it takes bytes (as
/// polymer.encode() gives) or any other sequence of ints 0..=255, and refuses a str. Same answers and
/// input rule as run_polymerization().
///
/// Raises:
///     TypeError: input is a str, or not a sequence of ints 0..=255.
///     ValueError: input holds a byte that is not a letter, other than line breaks at the end.
#[pyfunction]
#[pyo3(signature = (input, /))]
fn run_polymerization_vec(py: Python<'_>, mut input: Vec<u8>) -> PyResult<usize> {
    let length = aoc_core::letters(&input)
        .map_err(|e| not_a_letter_in_bytes(py, &e))?
        .len();
    input.truncate(length);
    Ok(py.detach(|| aoc_core::steps::run_polymerization(input)))
}

/// Part a with a &str argument: what pyo3 does for a Rust string parameter.
///
/// pyo3 asks CPython for the str's UTF-8 form: for an ASCII str that is the str's own data, for any
/// other str a UTF-8 copy that CPython then keeps inside the object. Same answers and input rule as
/// run_polymerization().
///
/// Raises:
///     TypeError: polymer is not a str.
///     UnicodeEncodeError: polymer holds a lone surrogate (no UTF-8 form, so not a Rust &str).
///     ValueError: polymer holds something that is not a letter, other than line breaks at the end.
#[pyfunction]
#[pyo3(signature = (polymer, /))]
fn run_polymerization_str(py: Python<'_>, polymer: &str) -> PyResult<usize> {
    let letters =
        aoc_core::letters(polymer.as_bytes()).map_err(|e| not_a_letter_in_text(py, polymer, &e))?;
    Ok(reduced_length_detached(py, letters))
}

/// Part a of the polymer in a file that Rust opens and reads itself: nothing but the path crosses.
///
/// The file holds the puzzle input, ASCII letters, optionally ending with line breaks. The file is read
/// with the GIL released.
///
/// Raises:
///     TypeError: path is not a str or os.PathLike.
///     OSError: the file cannot be read (FileNotFoundError, PermissionError, IsADirectoryError, ...).
///     ValueError: the file holds a byte that is not a letter, other than line breaks at the end.
#[pyfunction]
#[pyo3(signature = (path, /))]
#[allow(clippy::needless_pass_by_value)] // pyo3 hands the argument over as an owned PathBuf
fn run_polymerization_file(py: Python<'_>, path: PathBuf) -> PyResult<usize> {
    let input = py
        .detach(|| std::fs::read(&path))
        .map_err(|e| os_error(py, &e, &path))?;
    let letters = aoc_core::letters(&input).map_err(|e| not_a_letter_in_bytes(py, &e))?;
    Ok(reduced_length_detached(py, letters))
}

/// Advent of Code 2018, day 5 (polymer reduction), in Rust: chapter 6 of rust-in-python.
///
/// run_polymerization(polymer) is part a, shortest_polymer(polymer) part b; both take str or bytes.
/// The series' steps stay callable: run_polymerization_vec (its Vec<u8> signature),
/// run_polymerization_str (a &str argument) and run_polymerization_file (Rust reads the file).
#[pymodule(gil_used = false)]
mod aoc_rust {
    #[pymodule_export]
    use super::{
        run_polymerization, run_polymerization_file, run_polymerization_str,
        run_polymerization_vec, shortest_polymer,
    };

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
