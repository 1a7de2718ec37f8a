//! The series' Rust step in its own shape: the polymer arrives as an owned `Vec<u8>` (what its pyo3
//! signature `run_polymerization(input: Vec<u8>) -> usize` asked for), and one pass pushes each byte on a
//! `Vec` used as a stack, or pops the top when the two react.
//!
//! Kept so the chapter can show what that signature costs at the boundary; the crate's own
//! [`crate::reduced_length`] computes the same on a borrowed slice.

/// Part a, the series' way: an owned byte vector in, the reduced length out. Bytes are expected to be
/// letters (check them with [`crate::letters`]); any two bytes that differ in bit `0x20` only react.
///
/// ```
/// assert_eq!(aoc_core::steps::run_polymerization(b"dabAcCaCBAcCcaDA".to_vec()), 10);
/// ```
#[must_use]
#[allow(clippy::needless_pass_by_value)] // the owned Vec is the step being shown
pub fn run_polymerization(input: Vec<u8>) -> usize {
    let mut stack: Vec<u8> = Vec::with_capacity(input.len());
    for &unit in &input {
        match stack.last() {
            Some(&top) if crate::reacts(top, unit) => {
                stack.pop();
            }
            _ => stack.push(unit),
        }
    }
    stack.len()
}
