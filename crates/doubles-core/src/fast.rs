//! The fast counts: adjacent equal elements of a slice of bytes or of code points, written so that LLVM
//! turns them into SIMD code on any x86-64 or aarch64 target, with no `target-cpu` flag.
//!
//! The trick is the shape of the loop, not `unsafe` or intrinsics. Comparing `items[i]` with `items[i + 1]`
//! is the same as comparing two slices one element apart, `left = items[..n - 1]` and
//! `right = items[1..]`, element by element, with no dependency from one comparison to the next: exactly
//! what SIMD instructions do. What remains is to add up the 0/1 results without overflowing:
//!
//! - bytes: each block of [`BYTE_LANES`] comparisons adds into a fixed array of `u8` counters, one per
//!   lane, which the compiler keeps in vector registers (a compare and a subtract per 16 bytes with SSE2);
//!   the counters are emptied into the total every 255 blocks, before they can overflow;
//! - code points (`u32`, or `u16` where every code point fits, as in CPython's two-byte strings): a plain
//!   `u32` sum, which LLVM vectorises the same way.

/// Bytes compared per block: four 16-byte SSE2 registers (two 32-byte AVX2 ones) per step, so the loop
/// overhead is paid once per 64 comparisons.
pub const BYTE_LANES: usize = 64;

/// How many blocks a `u8` lane counter can take before it could overflow: each block adds at most 1.
const BYTE_BLOCKS_PER_FLUSH: usize = u8::MAX as usize;

/// Pairs of code points summed in one `u32`: far below `u32::MAX`, so the sum cannot overflow, and long
/// enough that starting a new piece costs nothing measurable.
const CODE_POINT_PIECE: usize = 1 << 30;

/// How many `i` have `bytes[i] == bytes[i + 1]`: the count of doubled characters when `bytes` is ASCII
/// text, and the tutorial's byte-wise count for any other encoding.
///
/// ```
/// use doubles_core::fast::count_equal_adjacent_bytes;
/// assert_eq!(count_equal_adjacent_bytes(b"abbcCddef"), 2);
/// assert_eq!(count_equal_adjacent_bytes(b"aaaa"), 3);
/// assert_eq!(count_equal_adjacent_bytes(b""), 0);
/// ```
#[must_use]
pub fn count_equal_adjacent_bytes(bytes: &[u8]) -> u64 {
    let Some(pairs) = bytes.len().checked_sub(1) else {
        return 0;
    };
    let (left, right) = (&bytes[..pairs], &bytes[1..]);
    let (left_blocks, left_tail) = left.as_chunks::<BYTE_LANES>();
    let (right_blocks, _) = right.as_chunks::<BYTE_LANES>();
    let right_tail = &right[left_blocks.len() * BYTE_LANES..];

    let mut total = 0;
    for (left_group, right_group) in left_blocks
        .chunks(BYTE_BLOCKS_PER_FLUSH)
        .zip(right_blocks.chunks(BYTE_BLOCKS_PER_FLUSH))
    {
        let mut lanes = [0u8; BYTE_LANES];
        for (l, r) in left_group.iter().zip(right_group) {
            for lane in 0..BYTE_LANES {
                lanes[lane] += u8::from(l[lane] == r[lane]);
            }
        }
        total += sum_lanes(&lanes);
    }
    total + count_scalar(left_tail, right_tail)
}

/// How many `i` have `code_points[i] == code_points[i + 1]`: the count of doubled characters of any
/// text given as its code points (UCS-4/UTF-32, as Python's `PyUnicode_AsUCS4` writes them).
///
/// Here the plainest loop is the fastest: a 0/1 per pair summed as `u32`, which LLVM turns into a compare
/// and a subtract per four code points in several independent registers. (The lane-array shape of
/// [`count_equal_adjacent_bytes`], needed there because a `u8` sum overflows, makes LLVM vectorise
/// across blocks instead of along them for `u32`, which measured twice as slow.) Summing in pieces of at
/// most `u32::MAX` pairs keeps every piece's sum exact.
///
/// ```
/// use doubles_core::fast::count_equal_adjacent_code_points;
/// let text: Vec<u32> = "ééa🦀🦀".chars().map(u32::from).collect();
/// assert_eq!(count_equal_adjacent_code_points(&text), 2);
/// ```
#[must_use]
pub fn count_equal_adjacent_code_points(code_points: &[u32]) -> u64 {
    let Some(pairs) = code_points.len().checked_sub(1) else {
        return 0;
    };
    let (left, right) = (&code_points[..pairs], &code_points[1..]);
    left.chunks(CODE_POINT_PIECE)
        .zip(right.chunks(CODE_POINT_PIECE))
        .map(|(l, r)| {
            let piece: u32 = l.iter().zip(r).map(|(a, b)| u32::from(a == b)).sum();
            u64::from(piece)
        })
        .sum()
}

/// How many `i` have `units[i] == units[i + 1]`, for text whose every code point fits in 16 bits: the
/// count of doubled characters of a string CPython stores with two bytes per character (its UCS-2 kind,
/// which holds no character above U+FFFF, so no surrogate pairs: each unit is one character).
///
/// The same loop as [`count_equal_adjacent_code_points`], on half the bytes, summed in `u16` (pieces of
/// at most `u16::MAX` pairs): a `u32` sum would make LLVM widen every comparison first, which measured
/// slower than the four-byte count on half the data.
///
/// ```
/// use doubles_core::fast::count_equal_adjacent_ucs2;
/// let text: Vec<u16> = "ддa€€".encode_utf16().collect();
/// assert_eq!(count_equal_adjacent_ucs2(&text), 2);
/// ```
#[must_use]
pub fn count_equal_adjacent_ucs2(units: &[u16]) -> u64 {
    const PIECE: usize = u16::MAX as usize;
    let Some(pairs) = units.len().checked_sub(1) else {
        return 0;
    };
    let (left, right) = (&units[..pairs], &units[1..]);
    left.chunks(PIECE)
        .zip(right.chunks(PIECE))
        .map(|(l, r)| {
            let piece: u16 = l.iter().zip(r).map(|(a, b)| u16::from(a == b)).sum();
            u64::from(piece)
        })
        .sum()
}

/// Counts equal adjacent bytes over the longest ASCII prefix of `bytes` that it can vouch for, a group
/// of [`BYTE_BLOCKS_PER_FLUSH`] blocks at a time, checking the bytes are ASCII in the same pass.
///
/// Returns the count and where the prefix ends: `bytes.len()` when every byte is ASCII. The prefix
/// always ends just after an ASCII byte (or at 0), so in UTF-8 text it ends on a character boundary, and
/// the count covers exactly the pairs that start inside it (the last of them may reach one byte beyond).
///
/// ```
/// use doubles_core::fast::count_ascii_prefix;
/// assert_eq!(count_ascii_prefix(b"aabb"), (2, 4));
/// assert_eq!(count_ascii_prefix("aaé".as_bytes()), (0, 0)); // short input: one group, not all ASCII
/// ```
#[must_use]
pub fn count_ascii_prefix(bytes: &[u8]) -> (u64, usize) {
    let Some(pairs) = bytes.len().checked_sub(1) else {
        return (0, 0);
    };
    let (left, right) = (&bytes[..pairs], &bytes[1..]);
    let (left_blocks, left_tail) = left.as_chunks::<BYTE_LANES>();
    let (right_blocks, _) = right.as_chunks::<BYTE_LANES>();
    let right_tail = &right[left_blocks.len() * BYTE_LANES..];

    let mut total = 0;
    let mut done = 0;
    for (left_group, right_group) in left_blocks
        .chunks(BYTE_BLOCKS_PER_FLUSH)
        .zip(right_blocks.chunks(BYTE_BLOCKS_PER_FLUSH))
    {
        let mut lanes = [0u8; BYTE_LANES];
        let mut seen = [0u8; BYTE_LANES];
        for (l, r) in left_group.iter().zip(right_group) {
            for lane in 0..BYTE_LANES {
                lanes[lane] += u8::from(l[lane] == r[lane]);
                seen[lane] |= l[lane];
            }
        }
        if seen.iter().fold(0, |acc, &b| acc | b) >= 0x80 {
            return (total, done);
        }
        total += sum_lanes(&lanes);
        done += left_group.len() * BYTE_LANES;
    }
    // The last byte is only ever on the right of a pair, which the group check above does not look at.
    let last_is_ascii = bytes.last().is_some_and(u8::is_ascii);
    if left_tail.is_ascii() && right_tail.is_ascii() && last_is_ascii {
        (total + count_scalar(left_tail, right_tail), bytes.len())
    } else {
        (total, done)
    }
}

/// Bytes of UTF-8 looked at per position by [`count_equal_adjacent_chars`]: the lead byte, the rest of a
/// character of up to four bytes, and a next character of the same length.
const UTF8_WINDOW: usize = 8;

/// How many neighbouring characters of `text` are equal, found by comparing their UTF-8 encodings,
/// without decoding a single character.
///
/// A character that starts at byte `i` and takes `L` bytes (read off its lead byte) equals the next
/// character exactly when `bytes[i..i + L] == bytes[i + L..i + 2 * L]`. For each `L` that is a fixed
/// handful of byte comparisons, so every position can be tested with the same branch-free arithmetic,
/// and LLVM runs it on 16 positions at a time. (Continuation bytes are not lead bytes; they test false.)
/// Decoding `char`s one by one, by contrast, branches on each character's length, which random text
/// makes unpredictable.
///
/// ```
/// use doubles_core::fast::count_equal_adjacent_chars;
/// assert_eq!(count_equal_adjacent_chars("ééa🦀🦀₂€"), 2);
/// ```
#[must_use]
pub fn count_equal_adjacent_chars(text: &str) -> u64 {
    const SPAN: usize = BYTE_LANES + UTF8_WINDOW - 1;
    let bytes = text.as_bytes();
    let mut total = 0;
    let mut start = 0;
    'groups: loop {
        let mut lanes = [0u8; BYTE_LANES];
        for _ in 0..BYTE_BLOCKS_PER_FLUSH {
            let Some(window) = bytes.get(start..).and_then(<[u8]>::first_chunk::<SPAN>) else {
                total += sum_lanes(&lanes);
                break 'groups;
            };
            for lane in 0..BYTE_LANES {
                let at: &[u8; UTF8_WINDOW] =
                    window[lane..].first_chunk().unwrap_or(&[0; UTF8_WINDOW]);
                lanes[lane] += u8::from(starts_a_double(at));
            }
            start += BYTE_LANES;
        }
        total += sum_lanes(&lanes);
    }
    // The last few positions: the same test on a copy padded with 0xFF, a byte UTF-8 never uses, so a
    // comparison that reaches past the end is never equal to a real byte.
    // Fewer than SPAN bytes are left, so every position's window fits in the padded copy.
    let tail = &bytes[start.min(bytes.len())..];
    let mut padded = [0xFF; SPAN + UTF8_WINDOW];
    padded[..tail.len()].copy_from_slice(tail);
    let tail_doubles = (0..tail.len())
        .filter_map(|i| padded[i..].first_chunk())
        .filter(|at| starts_a_double(at))
        .count();
    total + tail_doubles as u64
}

/// Whether the character whose encoding starts `at[0]` is followed by an equal character. `at` holds
/// the eight bytes from there on; a continuation byte in `at[0]` gives `false`.
#[inline]
#[allow(clippy::needless_bitwise_bool)] // `&` evaluates both sides: no branch, so LLVM can vectorise it
#[allow(clippy::trivially_copy_pass_by_ref)] // by value, LLVM gathered the 8 bytes per lane: 40x slower
fn starts_a_double(at: &[u8; UTF8_WINDOW]) -> bool {
    let lead = at[0];
    let one = (lead < 0x80) & (at[0] == at[1]);
    let two = (lead & 0xE0 == 0xC0) & (at[0] == at[2]) & (at[1] == at[3]);
    let three = (lead & 0xF0 == 0xE0) & (at[0] == at[3]) & (at[1] == at[4]) & (at[2] == at[5]);
    let four =
        (lead >= 0xF0) & (at[0] == at[4]) & (at[1] == at[5]) & (at[2] == at[6]) & (at[3] == at[7]);
    one | two | three | four
}

/// Adds up the per-lane counters of one group of blocks.
fn sum_lanes(lanes: &[u8; BYTE_LANES]) -> u64 {
    lanes.iter().map(|&c| u64::from(c)).sum()
}

/// The plain loop, for the few elements after the last full block.
fn count_scalar<T: PartialEq>(left: &[T], right: &[T]) -> u64 {
    left.iter().zip(right).map(|(l, r)| u64::from(l == r)).sum()
}

/// Counts doubled characters of a text that arrives in pieces, such as a long Python string read a chunk
/// at a time: it remembers the last character of each piece, so a pair split across two pieces counts.
///
/// A piece holds one code point per element, in one of the three widths CPython stores a `str` in: bytes
/// (ASCII or Latin-1), `u16` (every code point below U+10000) or `u32` (any). A code point is the same
/// number whatever its width, so pieces of all kinds can follow each other.
///
/// ```
/// use doubles_core::fast::DoublesCounter;
/// let mut counter = DoublesCounter::new();
/// counter.feed_ucs1(b"abb");
/// counter.feed_code_points(&[u32::from('b'), u32::from('é'), u32::from('é')]);
/// counter.feed_ucs1(b"");
/// counter.feed_ucs2(&[0xE9, 0x20AC]); // "é€"
/// assert_eq!(counter.total(), 4); // "bb", the "b|b" across the pieces, "éé", the "é|é" across
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DoublesCounter {
    last: Option<u32>,
    total: u64,
}

impl DoublesCounter {
    /// A counter that has seen no text yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts a piece of text given as one byte per character, each byte the character's code point:
    /// ASCII, or Latin-1 (U+0000 to U+00FF) as CPython stores a string of such characters. UTF-8 is not
    /// such text (its non-ASCII characters take several bytes): the caller must know what it holds.
    pub fn feed_ucs1(&mut self, latin1: &[u8]) {
        if let (Some(&first), Some(&last)) = (latin1.first(), latin1.last()) {
            self.join(u32::from(first));
            self.total += count_equal_adjacent_bytes(latin1);
            self.last = Some(u32::from(last));
        }
    }

    /// Counts a piece of text given as one `u16` code point per character (CPython's two-byte strings;
    /// not UTF-16, whose surrogate pairs would be counted as two characters).
    pub fn feed_ucs2(&mut self, units: &[u16]) {
        if let (Some(&first), Some(&last)) = (units.first(), units.last()) {
            self.join(u32::from(first));
            self.total += count_equal_adjacent_ucs2(units);
            self.last = Some(u32::from(last));
        }
    }

    /// Counts a piece of text given as its code points.
    pub fn feed_code_points(&mut self, code_points: &[u32]) {
        if let (Some(&first), Some(&last)) = (code_points.first(), code_points.last()) {
            self.join(first);
            self.total += count_equal_adjacent_code_points(code_points);
            self.last = Some(last);
        }
    }

    /// The number of doubled characters in everything fed so far.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Counts the pair made of the previous piece's last character and this piece's first.
    fn join(&mut self, first: u32) {
        if self.last == Some(first) {
            self.total += 1;
        }
    }
}
