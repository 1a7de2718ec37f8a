//! Chapter 2 in pure Rust: how many neighbouring characters of a text are equal.
//!
//! Python's answer is `sum(1 for a, b in zip(val, val[1:]) if a == b)`: it compares *code points*. The
//! tutorial ports that loop to Rust, then speeds it up by comparing *bytes* instead, which is only the same
//! question for ASCII text. This crate keeps every step and adds the fast exact version:
//!
//! - [`steps`]: the tutorial's functions of a `&str` (the `chars()` port, the byte loop, an `itertools`
//!   variant), kept for the benchmark and the tests.
//! - [`fast`]: the counts LLVM vectorises: over ASCII bytes, over code points (`u32`), and
//!   [`fast::DoublesCounter`] for text that arrives in chunks, as a long Python `str` does when read a piece
//!   at a time.
//! - [`count_doubles`] and [`count_doubles_utf8`]: the fast versions for a Rust string, exact (characters,
//!   compared by their UTF-8 encodings without decoding them) and byte-wise (the tutorial's bytes).
//! - [`sample`]: the benchmark inputs.
//!
//! Nothing here can fail: every `&str`, byte slice and code-point slice has an answer, so the crate needs
//! no error type. (Python strings that are not valid UTF-8 are the wrapper's business: it reads them as
//! code points, which always works.)

#![allow(clippy::doc_markdown)] // the prose names CPython and its string kinds as Python users write them

pub mod fast;
pub mod sample;
pub mod steps;

use fast::count_equal_adjacent_bytes;

/// How many neighbouring characters of `val` are equal: the tutorial's Python loop, for a Rust string.
///
/// It counts the ASCII start of the text as bytes, checking that it is ASCII in the same pass
/// ([`fast::count_ascii_prefix`]), and the rest, from the first group that holds another character, by
/// comparing whole characters' UTF-8 encodings ([`fast::count_equal_adjacent_chars`]); neither decodes
/// a `char`.
///
/// ```
/// use doubles_core::count_doubles;
/// assert_eq!(count_doubles("abbcCddef"), 2); // the tutorial's docstring example
/// assert_eq!(count_doubles("éé"), 1);
/// assert_eq!(count_doubles("₂€"), 0);
/// assert_eq!(count_doubles(""), 0);
/// ```
#[must_use]
pub fn count_doubles(val: &str) -> u64 {
    let (ascii_doubles, ascii_end) = fast::count_ascii_prefix(val.as_bytes());
    // The prefix ends on a character boundary (after an ASCII byte), so `get` always succeeds; were it
    // ever not to, counting the whole text the slower way is still exact.
    match val.get(ascii_end..) {
        Some("") => ascii_doubles,
        Some(rest) => ascii_doubles + fast::count_equal_adjacent_chars(rest),
        None => fast::count_equal_adjacent_chars(val),
    }
}

/// How many neighbouring *bytes* of `val`'s UTF-8 encoding are equal: the tutorial's byte-wise variant,
/// vectorised.
///
/// It equals [`count_doubles`] exactly when `val` is ASCII. Otherwise the two part ways in both
/// directions, because in UTF-8:
///
/// - two equal characters of two or more bytes are never equal *byte* neighbours where they meet (the
///   last byte of one is a continuation byte `0x80..=0xBF`, the first byte of the next is not), so `"éé"`
///   has one doubled character but no doubled byte;
/// - one character can hold equal bytes inside its own encoding: `'₂'` is `E2 82 82`, so `"₂€"` has no
///   doubled character but one doubled byte.
///
/// ```
/// use doubles_core::count_doubles_utf8;
/// assert_eq!(count_doubles_utf8("abbcCddef"), 2);
/// assert_eq!(count_doubles_utf8("éé"), 0);
/// assert_eq!(count_doubles_utf8("₂€"), 1);
/// ```
#[must_use]
pub fn count_doubles_utf8(val: &str) -> u64 {
    count_equal_adjacent_bytes(val.as_bytes())
}

#[cfg(test)]
mod tests;
