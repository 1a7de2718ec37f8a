//! Any text, any code points (surrogates included), cut into any pieces: every fast count equals the
//! tutorial's plain loop, and the chunked counter equals a count over the whole.
#![no_main]

use doubles_core::fast::{
    DoublesCounter, count_equal_adjacent_bytes, count_equal_adjacent_code_points, count_equal_adjacent_ucs2,
};
use libfuzzer_sys::fuzz_target;

fn naive<T: PartialEq>(items: &[T]) -> u64 {
    items.windows(2).filter(|w| w[0] == w[1]).count() as u64
}

fuzz_target!(|input: (String, Vec<u8>, Vec<u32>, Vec<u8>)| {
    let (text, bytes, code_points, cuts) = input;

    assert_eq!(doubles_core::count_doubles(&text), doubles_core::steps::count_doubles_tutorial(&text));
    assert_eq!(
        doubles_core::count_doubles_utf8(&text),
        doubles_core::steps::count_doubles_bytes_tutorial(&text)
    );
    assert_eq!(count_equal_adjacent_bytes(&bytes), naive(&bytes));
    assert_eq!(count_equal_adjacent_code_points(&code_points), naive(&code_points));
    let units: Vec<u16> = code_points.iter().map(|&c| c as u16).collect();
    assert_eq!(count_equal_adjacent_ucs2(&units), naive(&units));

    // Feed the code points in pieces whose sizes come from `cuts`, as the wrapper feeds chunks of a str,
    // each in the narrowest width that holds it, as CPython stores a str.
    let mut counter = DoublesCounter::new();
    let mut rest = code_points.as_slice();
    let mut sizes = cuts.iter().map(|&c| usize::from(c));
    while !rest.is_empty() {
        let size = sizes.next().unwrap_or(rest.len()).min(rest.len());
        let (piece, tail) = rest.split_at(size);
        if piece.iter().all(|&c| c < 0x100) {
            let latin1: Vec<u8> = piece.iter().map(|&c| c as u8).collect();
            counter.feed_ucs1(&latin1);
        } else if piece.iter().all(|&c| c < 0x1_0000) {
            let ucs2: Vec<u16> = piece.iter().map(|&c| c as u16).collect();
            counter.feed_ucs2(&ucs2);
        } else {
            counter.feed_code_points(piece);
        }
        rest = tail;
    }
    assert_eq!(counter.total(), naive(&code_points));
});
