//! Benchmark inputs, the same on every machine: the tutorial's random ASCII letters, and a non-ASCII text
//! of the same length where byte-wise counting goes wrong.

use bench_support::rng::SplitMix64;

/// The tutorial's alphabet: `string.ascii_letters`.
pub const ASCII_LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// A mixed alphabet: accented Latin (2 bytes in UTF-8), Greek and Cyrillic (2 bytes), CJK (3 bytes) and
/// emoji (4 bytes), so every UTF-8 length occurs and Python stores the text with 4 bytes per character.
pub const MIXED_ALPHABET: &str = "éèàçñöüßåøæαβγδεζηθλμπσωабвгдежзиклмн中文字符汉语日本😀🦀🐍🎉";

/// `length` characters drawn uniformly from `alphabet` (which must not be empty), reproducibly from `seed`.
///
/// ```
/// let text = doubles_core::sample::random_text(10, "ab", 1);
/// assert_eq!(text.chars().count(), 10);
/// assert!(text.chars().all(|c| c == 'a' || c == 'b'));
/// ```
#[must_use]
pub fn random_text(length: usize, alphabet: &str, seed: u64) -> String {
    let letters: Vec<char> = alphabet.chars().collect();
    let Ok(bound) = u32::try_from(letters.len()) else {
        return String::new();
    };
    if bound == 0 {
        return String::new();
    }
    let mut rng = SplitMix64::new(seed);
    (0..length)
        .map(|_| letters[rng.below(bound) as usize])
        .collect()
}

/// The tutorial's workload: `length` random letters from [`ASCII_LETTERS`].
#[must_use]
pub fn ascii_letters(length: usize, seed: u64) -> String {
    random_text(length, ASCII_LETTERS, seed)
}

/// `length` random characters from [`MIXED_ALPHABET`].
#[must_use]
pub fn mixed_text(length: usize, seed: u64) -> String {
    random_text(length, MIXED_ALPHABET, seed)
}
