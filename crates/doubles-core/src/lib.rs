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
//! - [`count_doubles`] and [`count_doubles_utf8`]: the fast versions for a Rust string, exact (characters)
//!   and byte-wise (the tutorial's bytes).
//! - [`sample`]: the benchmark inputs.
//!
//! Nothing here can fail: every `&str`, byte slice and code-point slice has an answer, so the crate needs
//! no error type. (Python strings that are not valid UTF-8 are the wrapper's business: it reads them as
//! code points, which always works.)

pub mod fast;
pub mod sample;
pub mod steps;

use fast::{DoublesCounter, count_equal_adjacent_bytes};

/// Code points decoded at a time by [`count_doubles`] for non-ASCII text: 4 KiB of `u32`, small enough to
/// stay in the L1 cache between being written and being counted.
const DECODE_CHUNK: usize = 1024;

/// How many neighbouring characters of `val` are equal: the tutorial's Python loop, for a Rust string.
///
/// ASCII text is counted as bytes ([`fast::count_equal_adjacent_bytes`]); other text is decoded a small
/// chunk at a time into code points and counted with [`fast::count_equal_adjacent_code_points`].
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
    if val.is_ascii() {
        return count_equal_adjacent_bytes(val.as_bytes());
    }
    let mut counter = DoublesCounter::new();
    let mut buffer = [0u32; DECODE_CHUNK];
    let mut chars = val.chars();
    loop {
        let mut filled = 0;
        for (slot, c) in buffer.iter_mut().zip(chars.by_ref()) {
            *slot = u32::from(c);
            filled += 1;
        }
        counter.feed_code_points(&buffer[..filled]);
        if filled < DECODE_CHUNK {
            return counter.total();
        }
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
