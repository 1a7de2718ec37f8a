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
//! - code points: a plain `u32` sum, which LLVM vectorises the same way.

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
/// Each piece may be ASCII bytes or code points; both are characters (an ASCII byte is its own code
/// point), so pieces of both kinds can follow each other.
///
/// ```
/// use doubles_core::fast::DoublesCounter;
/// let mut counter = DoublesCounter::new();
/// counter.feed_ascii(b"abb");
/// counter.feed_code_points(&[u32::from('b'), u32::from('é'), u32::from('é')]);
/// counter.feed_ascii(b"");
/// assert_eq!(counter.total(), 3); // "bb", the "b|b" across the pieces, "éé"
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

    /// Counts a piece of ASCII text given as bytes. For other bytes it counts equal bytes, which are not
    /// characters: the caller must know the piece is ASCII.
    pub fn feed_ascii(&mut self, ascii: &[u8]) {
        if let (Some(&first), Some(&last)) = (ascii.first(), ascii.last()) {
            self.join(u32::from(first));
            self.total += count_equal_adjacent_bytes(ascii);
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
