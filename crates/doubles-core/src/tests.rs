//! Unit and property tests: every fast count against the plainest possible loop.

use super::fast::{
    BYTE_LANES, DoublesCounter, count_ascii_prefix, count_equal_adjacent_bytes,
    count_equal_adjacent_chars, count_equal_adjacent_code_points, count_equal_adjacent_ucs2,
};
use super::steps::{count_doubles_bytes_tutorial, count_doubles_pairwise, count_doubles_tutorial};
use super::{count_doubles, count_doubles_utf8, sample};
use proptest::prelude::*;

/// The reference: Python's `zip(val, val[1:])` loop over any sequence.
fn naive<T: PartialEq>(items: &[T]) -> u64 {
    items.windows(2).filter(|w| w[0] == w[1]).count() as u64
}

fn code_points(text: &str) -> Vec<u32> {
    text.chars().map(u32::from).collect()
}

/// Characters chosen so that doubles are frequent and every UTF-8 length occurs, including the
/// characters whose encodings hold equal bytes ('₂' is E2 82 82) and a combining mark.
fn awkward_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        'a',
        'b',
        'A',
        ' ',
        '\0',
        '\u{7f}',
        'é',
        'e',
        '\u{301}',
        '₂',
        '€',
        '中',
        '\u{ffff}',
        '🦀',
        '😀',
        '\u{10ffff}',
    ])
}

fn awkward_text() -> impl Strategy<Value = String> {
    prop::collection::vec(awkward_char(), 0..400).prop_map(|cs| cs.into_iter().collect())
}

#[test]
fn tutorial_docstring_example() {
    for f in [
        count_doubles,
        count_doubles_utf8,
        count_doubles_tutorial,
        count_doubles_bytes_tutorial,
        count_doubles_pairwise,
    ] {
        assert_eq!(f("abbcCddef"), 2);
        assert_eq!(f(""), 0);
        assert_eq!(f("a"), 0);
        assert_eq!(f("aaa"), 2);
    }
}

#[test]
fn bytes_and_characters_part_ways_on_non_ascii_text() {
    // "éé": one doubled character, no doubled byte (C3 A9 C3 A9).
    assert_eq!(count_doubles("éé"), 1);
    assert_eq!(count_doubles_utf8("éé"), 0);
    assert_eq!(count_doubles_bytes_tutorial("éé"), 0);
    // "₂€": no doubled character, one doubled byte inside '₂' (E2 82 82 E2 82 AC).
    assert_eq!(count_doubles("₂€"), 0);
    assert_eq!(count_doubles_utf8("₂€"), 1);
    assert_eq!(count_doubles_bytes_tutorial("₂€"), 1);
}

#[test]
fn combining_marks_are_characters_of_their_own() {
    // "é" written as 'e' + U+0301: Python compares code points, so two of them make 3 pairs, 0 equal...
    assert_eq!(count_doubles("e\u{301}e\u{301}"), 0);
    // ...and a doubled accent is a doubled character.
    assert_eq!(count_doubles("e\u{301}\u{301}"), 1);
}

#[test]
fn lane_counters_never_overflow() {
    // Every pair is equal, across many flushes of the u8 lane counters (255 blocks of 64 bytes each).
    let long = vec![b'x'; 100 * BYTE_LANES * 255 + 17];
    assert_eq!(count_equal_adjacent_bytes(&long), long.len() as u64 - 1);
    let long = vec![0x1F980_u32; 1_000_003];
    assert_eq!(
        count_equal_adjacent_code_points(&long),
        long.len() as u64 - 1
    );
    // And the u16 sums of the two-byte count, a piece of u16::MAX pairs at a time.
    let long = vec![0x434_u16; 3 * usize::from(u16::MAX) + 5];
    assert_eq!(count_equal_adjacent_ucs2(&long), long.len() as u64 - 1);
}

#[test]
fn every_length_around_the_block_size() {
    for len in 0..4 * BYTE_LANES + 3 {
        let text = sample::random_text(len, "ab", len as u64);
        assert_eq!(
            count_equal_adjacent_bytes(text.as_bytes()),
            naive(text.as_bytes()),
            "{len}"
        );
        let cps = code_points(&sample::random_text(len, "a🦀", len as u64));
        assert_eq!(count_equal_adjacent_code_points(&cps), naive(&cps), "{len}");
        let units: Vec<u16> = sample::random_text(len, "д€", len as u64)
            .encode_utf16()
            .collect();
        assert_eq!(count_equal_adjacent_ucs2(&units), naive(&units), "{len}");
    }
}

#[test]
fn samples_have_the_promised_shape() {
    let ascii = sample::ascii_letters(10_000, 1);
    assert_eq!(ascii.len(), 10_000);
    assert!(ascii.bytes().all(|b| b.is_ascii_alphabetic()));
    let mixed = sample::mixed_text(10_000, 1);
    assert_eq!(mixed.chars().count(), 10_000);
    assert!(mixed.chars().all(|c| sample::MIXED_ALPHABET.contains(c)));
    // With 52 letters, about one pair in 52 is a double.
    let doubles = count_doubles(&ascii);
    assert!((100..300).contains(&doubles), "{doubles}");
    assert_eq!(sample::random_text(5, "", 1), "");
}

#[test]
fn counter_joins_pieces_of_every_width() {
    let mut counter = DoublesCounter::new();
    counter.feed_code_points(&[]);
    counter.feed_ucs1(b"a");
    counter.feed_ucs1(b"");
    counter.feed_ucs2(&[]);
    counter.feed_code_points(&[u32::from('a')]);
    counter.feed_code_points(&code_points("aé"));
    counter.feed_code_points(&code_points("é"));
    counter.feed_ucs1(b"bb");
    counter.feed_ucs2(&[u16::from(b'b'), 0xE9]);
    counter.feed_ucs1(&[0xE9, 0xE9]); // "éé" in Latin-1, as CPython stores it
    assert_eq!(counter.total(), 7); // a|a, a|a, é|é, bb, b|b, é|é, éé
}

#[test]
fn ascii_prefix_checks_the_last_byte_too() {
    // 65 bytes: one full block of pairs and no tail, so the last byte is only ever a right-hand side.
    let mut bytes = vec![b'a'; BYTE_LANES];
    bytes.push(0xC3);
    assert_eq!(count_ascii_prefix(&bytes), (63, 64));
    bytes.pop();
    bytes.push(b'a');
    assert_eq!(count_ascii_prefix(&bytes), (64, 65));
}

#[test]
fn chars_and_prefix_at_every_length_and_position() {
    // Every length around one block and one flush group, with the first non-ASCII character anywhere.
    let base = sample::random_text(3 * 255 * BYTE_LANES, "ab", 5);
    for len in (0..300).chain(255 * BYTE_LANES - 70..255 * BYTE_LANES + 70) {
        let ascii = &base[..len];
        assert_eq!(
            count_ascii_prefix(ascii.as_bytes()),
            (naive(ascii.as_bytes()), len)
        );
        for position in [0, len / 2, len.saturating_sub(1)] {
            let text = format!(
                "{}ää{}",
                &ascii[..position.min(len)],
                &ascii[position.min(len)..]
            );
            let expected = naive(&code_points(&text));
            assert_eq!(count_doubles(&text), expected, "{len} {position}");
            assert_eq!(
                count_equal_adjacent_chars(&text),
                expected,
                "{len} {position}"
            );
        }
    }
    let mixed = sample::mixed_text(20_000, 3);
    assert_eq!(
        count_equal_adjacent_chars(&mixed),
        naive(&code_points(&mixed))
    );
    let crabs = "🦀".repeat(255 * BYTE_LANES + 3);
    assert_eq!(
        count_equal_adjacent_chars(&crabs),
        crabs.chars().count() as u64 - 1
    );
}

proptest! {
    #[test]
    fn utf8_comparison_equals_the_python_loop(text in any::<String>()) {
        prop_assert_eq!(count_equal_adjacent_chars(&text), naive(&code_points(&text)));
    }

    #[test]
    fn utf8_comparison_on_long_awkward_text(text in awkward_text(), times in 1usize..40) {
        let text = text.repeat(times);
        prop_assert_eq!(count_equal_adjacent_chars(&text), naive(&code_points(&text)));
        prop_assert_eq!(count_doubles(&text), naive(&code_points(&text)));
    }

    #[test]
    fn ascii_prefix_stops_in_the_group_of_the_first_other_byte(
        ascii in prop::collection::vec(prop::sample::select(vec![b'a', b'b']), 0..40_000),
        at in any::<prop::sample::Index>(),
        with_other in any::<bool>(),
    ) {
        let mut bytes = ascii;
        let other = with_other.then(|| at.index(bytes.len() + 1));
        if let Some(i) = other {
            bytes.insert(i, 0xC3);
        }
        let (doubles, end) = count_ascii_prefix(&bytes);
        prop_assert!(bytes[..end].is_ascii());
        prop_assert_eq!(doubles, naive(&bytes[..(end + 1).min(bytes.len())]));
        match other {
            None => prop_assert_eq!(end, bytes.len()),
            Some(i) => prop_assert!(end <= i && i <= end + 255 * BYTE_LANES),
        }
    }

    #[test]
    fn count_doubles_equals_the_python_loop(text in any::<String>()) {
        prop_assert_eq!(count_doubles(&text), naive(&code_points(&text)));
    }

    #[test]
    fn count_doubles_equals_the_python_loop_on_awkward_text(text in awkward_text()) {
        let expected = naive(&code_points(&text));
        prop_assert_eq!(count_doubles(&text), expected);
        prop_assert_eq!(count_doubles_tutorial(&text), expected);
        prop_assert_eq!(count_doubles_pairwise(&text), expected);
    }

    #[test]
    fn byte_counts_equal_the_byte_loop(text in awkward_text()) {
        let expected = naive(text.as_bytes());
        prop_assert_eq!(count_doubles_utf8(&text), expected);
        prop_assert_eq!(count_doubles_bytes_tutorial(&text), expected);
    }

    #[test]
    fn byte_count_is_ascii_pairs_plus_pairs_inside_characters(text in awkward_text()) {
        // The explanation in `count_doubles_utf8`'s documentation, checked: equal bytes meet across two
        // characters only when both are ASCII; all other equal bytes sit inside one character's encoding.
        let chars: Vec<char> = text.chars().collect();
        let across = chars.windows(2).filter(|w| w[0] == w[1] && w[0].is_ascii()).count() as u64;
        let inside: u64 = chars
            .iter()
            .map(|c| naive(c.encode_utf8(&mut [0; 4]).as_bytes()))
            .sum();
        prop_assert_eq!(count_doubles_utf8(&text), across + inside);
    }

    #[test]
    fn byte_kernel_equals_the_plain_loop(bytes in prop::collection::vec(0u8..4, 0..2000)) {
        prop_assert_eq!(count_equal_adjacent_bytes(&bytes), naive(&bytes));
    }

    #[test]
    fn code_point_kernel_equals_the_plain_loop(cps in prop::collection::vec(0u32..4, 0..700)) {
        prop_assert_eq!(count_equal_adjacent_code_points(&cps), naive(&cps));
    }

    #[test]
    fn ucs2_kernel_equals_the_plain_loop(units in prop::collection::vec(0u16..4, 0..700)) {
        prop_assert_eq!(count_equal_adjacent_ucs2(&units), naive(&units));
    }

    #[test]
    fn counter_over_pieces_equals_the_whole(
        cps in prop::collection::vec(prop::sample::select(vec![97u32, 98, 0xE9, 0x434, 0x1F980]), 0..500),
        cuts in prop::collection::vec(0usize..500, 0..8),
    ) {
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(cps.len())).collect();
        cuts.push(0);
        cuts.push(cps.len());
        cuts.sort_unstable();
        let mut counter = DoublesCounter::new();
        for piece in cuts.windows(2).map(|w| &cps[w[0]..w[1]]) {
            // Feed each piece in the narrowest width that holds it, as CPython stores a str.
            let ucs1: Option<Vec<u8>> = piece.iter().map(|&c| u8::try_from(c).ok()).collect();
            let ucs2: Option<Vec<u16>> = piece.iter().map(|&c| u16::try_from(c).ok()).collect();
            match (ucs1, ucs2) {
                (Some(bytes), _) => counter.feed_ucs1(&bytes),
                (None, Some(units)) => counter.feed_ucs2(&units),
                (None, None) => counter.feed_code_points(piece),
            }
        }
        prop_assert_eq!(counter.total(), naive(&cps));
    }
}
