//! Chapter 1 in pure Rust: the tutorial's deliberately naive Fibonacci.
//!
//! The tutorial computes `fibo(n)` by double recursion, `fibo(n) = fibo(n - 1) + fibo(n - 2)` with
//! `fibo(1) == fibo(2) == 1`, recomputing the same values an exponential number of times. That waste is the
//! point: it is a pure-CPU workload where the language, not the algorithm, decides the speed.
//!
//! - [`fibo`] is the recursion itself, for `1 <= n <= 93`.
//! - [`checked_fibo`] refuses what the tutorial's code would crash on or get wrong: `n < 1` recurses until
//!   the stack overflows, and `n > 93` wraps around 64 bits silently.
//! - [`fibo_interruptible`] does the same work but calls back every few milliseconds, so a caller (the
//!   Python wrapper) can stop a call that would otherwise run for years.
//! - [`fibo_textbook`] is the tutorial's Rust word for word, kept as the step the benchmark compares.

use std::fmt;

/// The largest `n` whose Fibonacci number fits in a `u64`: `fibo(93) = 12_200_160_415_121_876_738`.
pub const MAX_N: u64 = 93;

/// Below this `n`, [`fibo_interruptible`] runs the plain recursion without calling back. `fibo(30)` makes
/// about 1.7 million calls, a few milliseconds of native work: often enough for Ctrl-C to feel instant,
/// rare enough that the call-back costs nothing measurable.
pub const INTERRUPT_CHECK_ABOVE: u64 = 30;

/// Why a Fibonacci number was refused. Each variant carries `n` as the caller wrote it, so a caller whose
/// integers are wider than `i128` (Python's) can report them in the same words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FiboError {
    /// `n` was below 1; the sequence starts at `fibo(1) == 1`.
    #[error("n must be at least 1, got {0}")]
    NotPositive(String),
    /// The result would not fit in 64 bits.
    #[error("fibo({0}) does not fit in 64 bits; n must be at most {MAX_N}")]
    TooLarge(String),
}

/// The naive double recursion of the tutorial, for `n >= 1`, as fast as native code runs it.
///
/// It walks the tutorial's exponential call tree and does its additions, one per node, returning `1` for
/// `n <= 2` (so `n == 0` gives `1` here; [`checked_fibo`] refuses it). Two things differ from the
/// word-for-word [`fibo_textbook`], both of which `gcc -O2` does to the C version by itself and LLVM does not:
///
/// - one of the two recursive calls becomes a loop, using `fibo(n) = fibo(n-1) + fibo(n-3) + fibo(n-5) + ...`
///   down to the base case (the same nodes, visited in the same order);
/// - five levels of the tree are expanded in place ([`sum_children`] is `#[inline(always)]`), so the many
///   nodes near the leaves cost an add and a compare instead of a function call.
///
/// No call is ever made twice with the same argument in one body, so the compiler cannot merge calls and
/// quietly turn this into a smarter algorithm: the work stays the tutorial's `2 * fibo(n) - 1` nodes.
/// Results are exact up to [`MAX_N`]; above it the sum wraps (release) or panics (debug), which is why
/// callers go through [`checked_fibo`].
///
/// ```
/// assert_eq!(fibo_core::fibo(1), 1);
/// assert_eq!(fibo_core::fibo(2), 1);
/// assert_eq!(fibo_core::fibo(10), 55);
/// ```
#[must_use]
pub fn fibo(n: u64) -> u64 {
    sum_children(n, |n| {
        sum_children(n, |n| {
            sum_children(n, |n| sum_children(n, |n| sum_children(n, fibo)))
        })
    })
}

/// One node of the recursion tree: `1` at a leaf (`n <= 2`), otherwise `child(n-1) + child(n-3) + ... + 1`,
/// which is `child(n-1) + child(n-2)` with the second call unrolled into the loop.
#[allow(clippy::inline_always)] // the expansion in place is the whole point; see `fibo`
#[inline(always)]
fn sum_children(mut n: u64, child: impl Fn(u64) -> u64) -> u64 {
    let mut sum = 0;
    while n > 2 {
        sum += child(n - 1);
        n -= 2;
    }
    sum + 1
}

/// The tutorial's recursion word for word, `fibo(n - 2) + fibo(n - 1)`: the step the tutorial took, kept
/// so the benchmark can show what the compiler-friendly [`fibo`] gains, and so the tests can show both
/// compute the same thing.
///
/// ```
/// assert_eq!(fibo_core::fibo_textbook(20), fibo_core::fibo(20));
/// ```
#[must_use]
pub fn fibo_textbook(n: u64) -> u64 {
    if n == 1 || n == 2 {
        1
    } else {
        fibo_textbook(n - 2) + fibo_textbook(n - 1)
    }
}

/// Checks that `fibo(n)` is defined and fits in 64 bits, and returns `n` as the recursion's argument type.
///
/// ```
/// use fibo_core::{check_n, FiboError};
/// assert_eq!(check_n(40), Ok(40));
/// assert_eq!(check_n(0), Err(FiboError::NotPositive("0".into())));
/// assert_eq!(check_n(94), Err(FiboError::TooLarge("94".into())));
/// ```
pub fn check_n(n: i128) -> Result<u64, FiboError> {
    if n < 1 {
        Err(FiboError::NotPositive(n.to_string()))
    } else if n > i128::from(MAX_N) {
        Err(FiboError::TooLarge(n.to_string()))
    } else {
        u64::try_from(n).map_err(|_| FiboError::TooLarge(n.to_string()))
    }
}

/// [`fibo`] with the argument checked first: never a stack overflow, never a wrapped result.
///
/// ```
/// assert_eq!(fibo_core::checked_fibo(40), Ok(102_334_155));
/// assert!(fibo_core::checked_fibo(-3).is_err());
/// ```
pub fn checked_fibo(n: i128) -> Result<u64, FiboError> {
    check_n(n).map(fibo)
}

/// The recursion for a checked `n`, calling `keep_going` every few milliseconds of work; the first `Err`
/// it returns stops the computation and is passed back.
///
/// The top of the tree (nodes with `n > INTERRUPT_CHECK_ABOVE`) is walked here, calling back once per
/// node; each subtree below is handed whole to `plain` ([`fibo`] or [`fibo_textbook`]), so the hot part of
/// the recursion carries no extra branch.
///
/// ```
/// use fibo_core::{fibo, fibo_interruptible};
/// let mut calls = 0;
/// let r: Result<u64, ()> = fibo_interruptible(35, fibo, &mut || { calls += 1; Ok(()) });
/// assert_eq!(r, Ok(9_227_465));
/// assert!(calls > 0);
///
/// let stopped: Result<u64, &str> = fibo_interruptible(90, fibo, &mut || Err("stop"));
/// assert_eq!(stopped, Err("stop"));
/// ```
pub fn fibo_interruptible<E>(
    n: u64,
    plain: fn(u64) -> u64,
    keep_going: &mut dyn FnMut() -> Result<(), E>,
) -> Result<u64, E> {
    if n <= INTERRUPT_CHECK_ABOVE {
        return Ok(plain(n));
    }
    keep_going()?;
    let a = fibo_interruptible(n - 1, plain, keep_going)?;
    let b = fibo_interruptible(n - 2, plain, keep_going)?;
    // Wrapping is impossible for n <= MAX_N; saturate rather than panic if a caller skipped the check.
    Ok(a.saturating_add(b))
}

/// A `Display` helper for the binaries: `fibo(40) = 102334155`.
#[derive(Debug, Clone, Copy)]
pub struct Shown {
    /// The argument.
    pub n: u64,
    /// The result.
    pub value: u64,
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fibo({}) = {}", self.n, self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The iterative definition, as the independent reference.
    fn iterative(n: u64) -> u64 {
        let (mut a, mut b) = (1u64, 1u64);
        for _ in 2..n {
            (a, b) = (b, a + b);
        }
        if n <= 2 { 1 } else { b }
    }

    #[test]
    fn first_values() {
        let first: Vec<u64> = (1..=12).map(fibo).collect();
        assert_eq!(first, [1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144]);
    }

    #[test]
    fn tutorial_value() {
        assert_eq!(fibo(40), 102_334_155);
    }

    #[test]
    fn largest_that_fits() {
        assert_eq!(iterative(MAX_N), 12_200_160_415_121_876_738);
        assert!(iterative(MAX_N).checked_add(iterative(MAX_N - 1)).is_none());
    }

    #[test]
    fn checks_bounds() {
        assert_eq!(checked_fibo(0), Err(FiboError::NotPositive("0".into())));
        assert_eq!(checked_fibo(-1), Err(FiboError::NotPositive("-1".into())));
        assert_eq!(
            checked_fibo(i128::MIN),
            Err(FiboError::NotPositive(i128::MIN.to_string()))
        );
        assert_eq!(checked_fibo(94), Err(FiboError::TooLarge("94".into())));
        assert_eq!(
            checked_fibo(i128::MAX),
            Err(FiboError::TooLarge(i128::MAX.to_string()))
        );
        assert_eq!(checked_fibo(1), Ok(1));
    }

    #[test]
    fn error_messages_name_the_input_and_the_limit() {
        assert_eq!(
            FiboError::NotPositive("-5".into()).to_string(),
            "n must be at least 1, got -5"
        );
        assert_eq!(
            FiboError::TooLarge("100".into()).to_string(),
            "fibo(100) does not fit in 64 bits; n must be at most 93"
        );
    }

    #[test]
    fn interruptible_stops_on_first_error() {
        let mut calls = 0;
        let r = fibo_interruptible(60, fibo, &mut || {
            calls += 1;
            if calls == 3 { Err(calls) } else { Ok(()) }
        });
        assert_eq!(r, Err(3));
    }

    proptest! {
        #[test]
        fn fast_form_equals_textbook_recursion(n in 1u64..=25) {
            prop_assert_eq!(fibo(n), fibo_textbook(n));
        }

        #[test]
        fn equals_iterative_definition(n in 1u64..=32) {
            prop_assert_eq!(fibo(n), iterative(n));
        }

        #[test]
        fn interruptible_equals_plain(n in 1u64..=34) {
            let r: Result<u64, ()> = fibo_interruptible(n, fibo, &mut || Ok(()));
            prop_assert_eq!(r, Ok(fibo(n)));
            let r: Result<u64, ()> = fibo_interruptible(n, fibo_textbook, &mut || Ok(()));
            prop_assert_eq!(r, Ok(fibo(n)));
        }

        #[test]
        fn checked_accepts_exactly_1_to_93(n in any::<i128>()) {
            let ok = check_n(n).is_ok();
            prop_assert_eq!(ok, (1..=93).contains(&n));
        }
    }
}
