//! The tutorial's Rust steps, each a function of a UTF-8 `&str` as the tutorial wrote them.
//!
//! They stay here so the benchmark can run the whole progression and the tests can show where each one
//! agrees with Python and where it does not:
//!
//! - [`count_doubles_tutorial`]: the first port, two `chars()` iterators zipped one apart. Exact on every
//!   Rust string, one decoded `char` at a time.
//! - [`count_doubles_bytes_tutorial`]: the byte-wise variant. Faster, and only right for ASCII: it counts
//!   equal neighbouring *bytes of the UTF-8 encoding*, which is a different question once a character
//!   takes more than one byte (see [`crate::count_doubles_utf8`] for where the answers part).
//! - [`count_doubles_pairwise`]: what a Python programmer who thinks "`itertools.pairwise`" writes in
//!   Rust with the `itertools` crate. Exact, and as slow as the first port.

use itertools::Itertools;

/// The tutorial's first port: walk `val.chars()` and `val.chars().skip(1)` side by side and count the
/// positions where both give the same character.
///
/// ```
/// use doubles_core::steps::count_doubles_tutorial;
/// assert_eq!(count_doubles_tutorial("abbcCddef"), 2);
/// assert_eq!(count_doubles_tutorial("ééé"), 2);
/// ```
#[must_use]
pub fn count_doubles_tutorial(val: &str) -> u64 {
    let mut total = 0;
    for (first, second) in val.chars().zip(val.chars().skip(1)) {
        if first == second {
            total += 1;
        }
    }
    total
}

/// The tutorial's byte-wise variant: remember the previous byte of the UTF-8 encoding and count each byte
/// equal to it.
///
/// Same answer as [`count_doubles_tutorial`] on ASCII text; on other text it answers a different question
/// (equal adjacent *bytes*), so `"éé"` gives 0 and `"₂"` (three bytes, the last two equal) gives 1.
///
/// ```
/// use doubles_core::steps::count_doubles_bytes_tutorial;
/// assert_eq!(count_doubles_bytes_tutorial("abbcCddef"), 2);
/// assert_eq!(count_doubles_bytes_tutorial("éé"), 0); // two equal characters, no equal neighbouring bytes
/// assert_eq!(count_doubles_bytes_tutorial("₂"), 1); // one character, encoded E2 82 82
/// ```
#[must_use]
pub fn count_doubles_bytes_tutorial(val: &str) -> u64 {
    let mut total = 0;
    let mut bytes = val.bytes();
    if let Some(mut previous) = bytes.next() {
        for byte in bytes {
            if byte == previous {
                total += 1;
            }
            previous = byte;
        }
    }
    total
}

/// The "pythonic Rust" step: `itertools`' `array_windows::<2>()` is Python's `itertools.pairwise`, and
/// `filter(..).count()` is `sum(1 for a, b in pairwise(val) if a == b)`.
///
/// itertools 0.15 introduced `array_windows` as the successor of `tuple_windows`; the pattern
/// `[first, second]` destructures each window like Python's `for a, b in ...`.
///
/// ```
/// use doubles_core::steps::count_doubles_pairwise;
/// assert_eq!(count_doubles_pairwise("abbcCddef"), 2);
/// assert_eq!(count_doubles_pairwise("🦀🦀"), 1);
/// ```
#[must_use]
pub fn count_doubles_pairwise(val: &str) -> u64 {
    let pairs = val
        .chars()
        .array_windows::<2>()
        .filter(|[first, second]| first == second)
        .count();
    // A usize always fits in a u64 on the platforms Rust supports (pointers are at most 64 bits).
    pairs as u64
}
