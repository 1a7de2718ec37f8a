//! Chapter 6 in pure Rust: Advent of Code 2018, day 5, "polymer reduction".
//!
//! A polymer is a string of ASCII letters. Two neighbours of the same letter in opposite case (`aA`, `Bb`)
//! react and both disappear; the neighbours that meet in the gap may react in turn, until no pair is left.
//! Part a asks how long the polymer is then. Part b removes one letter entirely (both cases) before
//! reducing, tries all 26, and asks for the shortest result.
//!
//! The series' Python finds a reacting pair, deletes it with `str.replace`, and scans again until nothing
//! changes. Here, as in the series' Rust, one pass with a stack does it: each letter either cancels the
//! letter on top of the stack or goes on top itself. What is left on the stack is the reduced polymer.
//!
//! - [`letters`] applies the input rule: trailing line breaks (a puzzle file ends with one) are ignored,
//!   anything else that is not a letter `A-Z`/`a-z` is refused with its position.
//! - [`reduced_length`] (part a) and [`shortest_length`] (part b) work on checked letters;
//!   [`part_a`] and [`part_b`] check first.
//! - [`shortest_length_interruptible`] is part b with a call-back between its 26 reductions, so the Python
//!   wrapper can stop a long call on Ctrl-C.
//! - [`steps`] keeps the series' Rust function in its own shape, `Vec<u8>` in, `usize` out.

pub mod steps;

/// Why an input is not a polymer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolymerError {
    /// A byte that is not an ASCII letter, and not one of the line breaks at the very end.
    #[error(
        "polymer[{position}] is {}, not a letter A-Z or a-z (only line breaks at the end are ignored)",
        shown(*byte)
    )]
    NotALetter {
        /// Where it is, counted from 0.
        position: usize,
        /// The byte itself.
        byte: u8,
    },
}

/// A byte as Rust escapes it, quoted: `'a'`, `' '`, `'\n'`, `'\xc3'`.
fn shown(byte: u8) -> String {
    format!("'{}'", byte.escape_ascii())
}

/// The letters of `input`: without its trailing line breaks (any run of `\n` and `\r` at the end), and
/// only if every other byte is an ASCII letter.
///
/// ```
/// use aoc_core::{letters, PolymerError};
/// assert_eq!(letters(b"dabAcCaCBAcCcaDA\n"), Ok(&b"dabAcCaCBAcCcaDA"[..]));
/// assert_eq!(letters(b"ab\r\n"), Ok(&b"ab"[..]));
/// assert_eq!(letters(b"a b"), Err(PolymerError::NotALetter { position: 1, byte: b' ' }));
/// assert_eq!(letters(b"ab\ncd"), Err(PolymerError::NotALetter { position: 2, byte: b'\n' }));
/// ```
pub fn letters(input: &[u8]) -> Result<&[u8], PolymerError> {
    let end = input
        .iter()
        .rposition(|&b| b != b'\n' && b != b'\r')
        .map_or(0, |last| last + 1);
    let body = &input[..end];
    match body.iter().position(|b| !b.is_ascii_alphabetic()) {
        None => Ok(body),
        Some(position) => Err(PolymerError::NotALetter {
            position,
            byte: body[position],
        }),
    }
}

/// Whether two letters react: the same letter in opposite case. In ASCII the cases of a letter differ
/// in exactly one bit, `0x20` (`b'A' ^ b'a' == 0x20`).
///
/// ```
/// use aoc_core::reacts;
/// assert!(reacts(b'a', b'A') && reacts(b'B', b'b'));
/// assert!(!reacts(b'a', b'a') && !reacts(b'a', b'B'));
/// ```
#[must_use]
#[inline]
pub fn reacts(a: u8, b: u8) -> bool {
    a ^ b == 0x20
}

/// The memory of a reduction, reused from one reduction to the next: `stack[1..=top]` holds the letters
/// still standing (`stack[0]` is unused, so that "the top" is a valid index even when the stack is empty).
struct Stack {
    stack: Vec<u8>,
}

impl Stack {
    /// A stack with room for `capacity` letters.
    fn with_capacity(capacity: usize) -> Self {
        Self {
            stack: vec![0; capacity + 2],
        }
    }

    /// Reduces `polymer` with every letter `skip` (lower case) or its upper case left out, starting
    /// from an empty stack; `skip = 0` leaves nothing out. Returns what is left standing.
    ///
    /// The loop has no unpredictable branch: the next letter is always written one place above the
    /// top, and the top then moves up (it stays), down (it reacted) or not at all (it is skipped).
    #[allow(clippy::needless_bitwise_bool)] // `&` evaluates both sides: no branch in the loop
    fn reduce(&mut self, polymer: &[u8], skip: u8) -> &[u8] {
        let mut top = 0;
        // The bounds checks below never fail, `top < polymer.len() + 1`, and are predicted as such.
        for &letter in polymer {
            let skipped = letter | 0x20 == skip;
            let reacted = !skipped & (top > 0) & reacts(self.stack[top], letter);
            let kept = !skipped & !reacted;
            self.stack[top + 1] = letter;
            top = top + usize::from(kept) - usize::from(reacted);
        }
        &self.stack[1..=top]
    }
}

/// Part a on checked letters: the length of the fully reduced polymer.
///
/// ```
/// assert_eq!(aoc_core::reduced_length(b"dabAcCaCBAcCcaDA"), 10); // the puzzle's example
/// assert_eq!(aoc_core::reduced_length(b"aA"), 0);
/// assert_eq!(aoc_core::reduced_length(b"abBA"), 0);
/// assert_eq!(aoc_core::reduced_length(b"aabAAB"), 6);
/// ```
#[must_use]
pub fn reduced_length(polymer: &[u8]) -> usize {
    Stack::with_capacity(polymer.len()).reduce(polymer, 0).len()
}

/// The fully reduced polymer itself (checked letters in, the letters left standing out).
///
/// ```
/// assert_eq!(aoc_core::reduce(b"dabAcCaCBAcCcaDA"), b"dabCBAcaDA");
/// ```
#[must_use]
pub fn reduce(polymer: &[u8]) -> Vec<u8> {
    Stack::with_capacity(polymer.len())
        .reduce(polymer, 0)
        .to_vec()
}

/// The length after every `letter` (either case) is removed and the rest reduced.
///
/// ```
/// assert_eq!(aoc_core::reduced_length_without(b"dabAcCaCBAcCcaDA", b'c'), 4);
/// assert_eq!(aoc_core::reduced_length_without(b"dabAcCaCBAcCcaDA", b'A'), 6);
/// ```
#[must_use]
pub fn reduced_length_without(polymer: &[u8], letter: u8) -> usize {
    Stack::with_capacity(polymer.len())
        .reduce(polymer, letter.to_ascii_lowercase())
        .len()
}

/// Part b on checked letters: the shortest reduced length over the 26 letters removed in turn.
/// An empty polymer gives 0.
///
/// The polymer is reduced once first, and each letter is removed from the *reduced* polymer: a fifth
/// of the original here, so the 26 passes read a fifth as much. The answers are the same, because
/// removing a letter and reacting pairs can be done in either order: a pair that reacts contains the
/// removed letter in both of its halves or in neither. (In group terms, reduction computes the normal
/// form of a word in the free group on the 26 letters, and removing a letter is a homomorphism.) The
/// tests check it against the definition.
///
/// ```
/// assert_eq!(aoc_core::shortest_length(b"dabAcCaCBAcCcaDA"), 4); // the puzzle's example
/// assert_eq!(aoc_core::shortest_length(b""), 0);
/// ```
#[must_use]
pub fn shortest_length(polymer: &[u8]) -> usize {
    let never: Result<usize, std::convert::Infallible> =
        shortest_length_interruptible(polymer, &mut || Ok(()));
    match never {
        Ok(length) => length,
        Err(infallible) => match infallible {},
    }
}

/// [`shortest_length`], calling `keep_going` before each of the 26 reductions with a letter removed; the
/// first `Err` it returns stops the work and is passed back. Each reduction is one pass over (at most)
/// the polymer, so the call-back comes at least once a pass.
///
/// ```
/// let mut calls = 0;
/// let r: Result<usize, ()> =
///     aoc_core::shortest_length_interruptible(b"dabAcCaCBAcCcaDA", &mut || { calls += 1; Ok(()) });
/// assert_eq!((r, calls), (Ok(4), 26));
/// let stopped: Result<usize, &str> = aoc_core::shortest_length_interruptible(b"ab", &mut || Err("stop"));
/// assert_eq!(stopped, Err("stop"));
/// ```
pub fn shortest_length_interruptible<E>(
    polymer: &[u8],
    keep_going: &mut dyn FnMut() -> Result<(), E>,
) -> Result<usize, E> {
    let mut stack = Stack::with_capacity(polymer.len());
    let reduced = stack.reduce(polymer, 0).to_vec();
    let mut shortest = reduced.len();
    for letter in b'a'..=b'z' {
        keep_going()?;
        shortest = shortest.min(stack.reduce(&reduced, letter).len());
    }
    Ok(shortest)
}

/// Part a of the puzzle on raw input (a file's bytes, say): [`letters`], then [`reduced_length`].
///
/// ```
/// assert_eq!(aoc_core::part_a(b"dabAcCaCBAcCcaDA\n"), Ok(10));
/// assert!(aoc_core::part_a(b"dab1").is_err());
/// ```
pub fn part_a(input: &[u8]) -> Result<usize, PolymerError> {
    letters(input).map(reduced_length)
}

/// Part b of the puzzle on raw input: [`letters`], then [`shortest_length`].
///
/// ```
/// assert_eq!(aoc_core::part_b(b"dabAcCaCBAcCcaDA\n"), Ok(4));
/// ```
pub fn part_b(input: &[u8]) -> Result<usize, PolymerError> {
    letters(input).map(shortest_length)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, slowly: delete the first reacting pair, start again, until there is none.
    fn reference_reduce(polymer: &[u8]) -> Vec<u8> {
        let mut p = polymer.to_vec();
        while let Some(i) = p.windows(2).position(|w| reacts(w[0], w[1])) {
            p.drain(i..i + 2);
        }
        p
    }

    fn reference_shortest(polymer: &[u8]) -> usize {
        (b'a'..=b'z')
            .map(|l| {
                let kept: Vec<u8> = polymer
                    .iter()
                    .copied()
                    .filter(|b| b.to_ascii_lowercase() != l)
                    .collect();
                reference_reduce(&kept).len()
            })
            .min()
            .unwrap_or(0)
    }

    /// Letters from a small alphabet, so that reacting pairs are common and nest.
    fn polymers() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(prop::sample::select(b"aAbBcCzZ".to_vec()), 0..200)
    }

    #[test]
    fn the_puzzles_example() {
        let example = b"dabAcCaCBAcCcaDA";
        assert_eq!(reduce(example), b"dabCBAcaDA");
        let without: Vec<usize> = [b'a', b'b', b'c', b'd']
            .iter()
            .map(|&l| reduced_length_without(example, l))
            .collect();
        assert_eq!(without, [6, 8, 4, 6]);
        assert_eq!(shortest_length(example), 4);
    }

    #[test]
    fn empty_and_tiny() {
        assert_eq!(reduced_length(b""), 0);
        assert_eq!(reduced_length(b"a"), 1);
        assert_eq!(shortest_length(b"a"), 0);
        assert_eq!(shortest_length(b"Zz"), 0);
        assert_eq!(reduced_length(b"aa"), 2);
        assert_eq!(reduced_length(b"AAAA"), 4);
    }

    #[test]
    fn the_input_rule() {
        assert_eq!(letters(b""), Ok(&b""[..]));
        assert_eq!(letters(b"\n\r\n"), Ok(&b""[..]));
        assert_eq!(
            letters(b"\nab"),
            Err(PolymerError::NotALetter {
                position: 0,
                byte: b'\n'
            })
        );
        assert_eq!(
            letters("aé".as_bytes()),
            Err(PolymerError::NotALetter {
                position: 1,
                byte: 0xC3
            })
        );
        assert_eq!(
            letters(b"ab@"),
            Err(PolymerError::NotALetter {
                position: 2,
                byte: b'@'
            })
        );
    }

    #[test]
    fn error_messages_name_the_position_and_the_byte() {
        assert_eq!(
            part_a(b"ab c").map_err(|e| e.to_string()),
            Err(
                "polymer[2] is ' ', not a letter A-Z or a-z (only line breaks at the end are ignored)"
                    .to_owned()
            )
        );
        assert_eq!(
            part_b("aé".as_bytes()).map_err(|e| e.to_string()),
            Err(
                "polymer[1] is '\\xc3', not a letter A-Z or a-z (only line breaks at the end are ignored)"
                    .to_owned()
            )
        );
    }

    #[test]
    fn symbols_that_differ_by_0x20_are_refused_not_reacted() {
        // '@' and '`' differ in bit 0x20 as 'A' and 'a' do; only letters may react.
        assert!(part_a(b"@`").is_err());
        assert!(part_a(b"1Q").is_err());
    }

    #[test]
    fn interruptible_stops_on_first_error() {
        let mut calls = 0;
        let r = shortest_length_interruptible(b"abcABC", &mut || {
            calls += 1;
            if calls == 3 { Err(calls) } else { Ok(()) }
        });
        assert_eq!(r, Err(3));
    }

    proptest! {
        #[test]
        fn reduce_equals_the_definition(p in polymers()) {
            prop_assert_eq!(reduce(&p), reference_reduce(&p));
            prop_assert_eq!(reduced_length(&p), reference_reduce(&p).len());
        }

        #[test]
        fn shortest_equals_the_definition(p in polymers()) {
            prop_assert_eq!(shortest_length(&p), reference_shortest(&p));
        }

        #[test]
        fn removing_a_letter_commutes_with_reducing(p in polymers(), letter in prop::sample::select(b"abcz".to_vec())) {
            prop_assert_eq!(
                reduced_length_without(&reduce(&p), letter),
                reduced_length_without(&p, letter)
            );
        }

        #[test]
        fn any_letters_equal_the_definition(p in "[a-zA-Z]{0,60}") {
            let p = p.as_bytes();
            prop_assert_eq!(reduced_length(p), reference_reduce(p).len());
            prop_assert_eq!(shortest_length(p), reference_shortest(p));
            prop_assert_eq!(steps::run_polymerization(p.to_vec()), reference_reduce(p).len());
        }

        #[test]
        fn letters_accepts_exactly_letters_then_line_breaks(input in prop::collection::vec(any::<u8>(), 0..40)) {
            let body_end = input.iter().rposition(|&b| b != b'\n' && b != b'\r').map_or(0, |i| i + 1);
            let ok = input[..body_end].iter().all(u8::is_ascii_alphabetic);
            prop_assert_eq!(letters(&input).is_ok(), ok);
        }
    }
}
