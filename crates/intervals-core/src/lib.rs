//! Chapter 7 in pure Rust: combining intervals that carry a value (the series' part 3, `intervalues`).
//!
//! An interval `(start, stop, value)` covers the half-open range `[start, stop)` with `value`. Combining a
//! list of them gives the sorted, disjoint segments on which the values of the covering intervals add up to
//! something other than zero; touching segments with equal values are merged into one. The post's example:
//! `[2, 4) with 3` and `[1, 3) with 2` combine into `[1, 2) 2`, `[2, 3) 5`, `[3, 4) 3`.
//!
//! The contract, for both number types:
//! - `start > stop` is refused ([`IntervalError::StartAfterStop`]); `start == stop` covers nothing and is
//!   left out, as is an interval whose value is zero.
//! - Each segment's value is the **exact** sum of the values of the intervals covering it: 128-bit
//!   integers for 64-bit inputs (no sum of 64-bit values can overflow them), and for floats an exact
//!   binary fixed-point sum, rounded once to the nearest float (ties to even), which is what Python's
//!   `int / int` of the exact sum gives. No epsilon, no rounding of positions, no hashing of floats:
//!   positions are only sorted and compared.
//! - A segment whose exact sum is zero is left out; touching segments with equal (reported) values merge.
//! - Floats: a NaN or infinite start, stop or value is refused ([`IntervalError::NotFinite`]); a sum too
//!   large for a float is [`IntervalError::SumTooLarge`]. `-0.0` as a position is `0.0`.
//!
//! The work is a sweep: the starts and the stops are sorted separately (two sorts of `n`, cheaper than one
//! of `2n`), then walked together from left to right, adding a value at each start and taking it away at
//! each stop. [`IntEvents::new`] / [`FloatEvents::new`] check and copy the input (the part a binding does
//! while it still holds the GIL); `combine` sorts and sweeps (the part it can do without).

use std::convert::Infallible;

use num_bigint::{BigInt, Sign};

/// A combined segment of integer intervals: `(start, stop, value)`. The value is the exact sum of up to
/// `n` 64-bit values, so it is 128 bits wide.
pub type IntSegment = (i64, i64, i128);

/// A combined segment of float intervals: `(start, stop, value)`.
pub type FloatSegment = (f64, f64, f64);

/// Why intervals were refused, or a combined value could not be represented.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntervalError {
    /// An interval ends before it starts.
    #[error("interval {index}: start {start} is greater than stop {stop}")]
    StartAfterStop {
        /// Position of the interval in the input.
        index: usize,
        /// Its start, as written.
        start: String,
        /// Its stop, as written.
        stop: String,
    },
    /// A float start, stop or value is NaN or infinite.
    #[error("interval {index}: {field} is {value}; starts, stops and values must be finite")]
    NotFinite {
        /// Position of the interval in the input.
        index: usize,
        /// `"start"`, `"stop"` or `"value"`.
        field: &'static str,
        /// The number, as written.
        value: String,
    },
    /// The exact sum of a segment is beyond the largest float.
    #[error("the combined value of segment [{start}, {stop}) is too large for a float")]
    SumTooLarge {
        /// The segment's start.
        start: String,
        /// The segment's stop.
        stop: String,
    },
}

/// Combines integer intervals: see the crate documentation for the contract.
///
/// ```
/// let combined = intervals_core::combine_int([(2, 4, 3), (1, 3, 2)]).unwrap();
/// assert_eq!(combined, [(1, 2, 2), (2, 3, 5), (3, 4, 3)]);
/// ```
pub fn combine_int(
    intervals: impl IntoIterator<Item = (i64, i64, i64)>,
) -> Result<Vec<IntSegment>, IntervalError> {
    Ok(IntEvents::new(intervals)?.combine())
}

/// Combines float intervals: see the crate documentation for the contract.
///
/// ```
/// // 0.1 + 0.2 - 0.1 - 0.2 is not 0 in float arithmetic; the exact sum is.
/// let combined =
///     intervals_core::combine_float([(0.0, 2.0, 0.1), (0.0, 1.0, 0.2), (1.0, 2.0, -0.2)]).unwrap();
/// assert_eq!(combined, [(0.0, 1.0, 0.1 + 0.2), (1.0, 2.0, -0.1)]);
/// ```
pub fn combine_float(
    intervals: impl IntoIterator<Item = (f64, f64, f64)>,
) -> Result<Vec<FloatSegment>, IntervalError> {
    FloatEvents::new(intervals)?.combine()
}

/// Checked integer intervals, ready to sort and sweep: `(position, value)` of every start and every stop.
#[derive(Debug, Clone, Default)]
pub struct IntEvents {
    starts: Vec<(i64, i64)>,
    stops: Vec<(i64, i64)>,
}

impl IntEvents {
    /// Checks and copies the intervals; empty ones and zero values are left out.
    pub fn new(
        intervals: impl IntoIterator<Item = (i64, i64, i64)>,
    ) -> Result<Self, IntervalError> {
        let intervals = intervals.into_iter();
        let capacity = intervals.size_hint().0;
        let mut events = Self {
            starts: Vec::with_capacity(capacity),
            stops: Vec::with_capacity(capacity),
        };
        for (index, (start, stop, value)) in intervals.enumerate() {
            if start > stop {
                return Err(IntervalError::StartAfterStop {
                    index,
                    start: start.to_string(),
                    stop: stop.to_string(),
                });
            }
            if start < stop && value != 0 {
                events.starts.push((start, value));
                events.stops.push((stop, value));
            }
        }
        Ok(events)
    }

    /// How many intervals cover something (non-empty, non-zero value).
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether no interval covers anything.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Sorts and sweeps: the combined segments.
    #[must_use]
    pub fn combine(mut self) -> Vec<IntSegment> {
        self.starts.sort_unstable_by_key(|&(position, _)| position);
        self.stops.sort_unstable_by_key(|&(position, _)| position);
        let mut combined: Vec<IntSegment> = Vec::new();
        let swept = sweep(
            &self.starts,
            &self.stops,
            &mut 0_i128,
            |from, to, &value| {
                match combined.last_mut() {
                    Some(last) if last.1 == from && last.2 == value => last.1 = to,
                    _ => combined.push((from, to, value)),
                }
                Ok::<(), Infallible>(())
            },
        );
        match swept {
            Ok(()) => combined,
            Err(never) => match never {},
        }
    }
}

/// Checked float intervals, ready to sort and sweep.
#[derive(Debug, Clone, Default)]
pub struct FloatEvents {
    starts: Vec<(f64, f64)>,
    stops: Vec<(f64, f64)>,
    /// The exponent of the lowest set bit over all values: every value is a whole multiple of `2^lowest`.
    lowest: i32,
    /// The exponent just above the highest set bit over all values.
    highest: i32,
}

impl FloatEvents {
    /// Checks and copies the intervals; empty ones and zero values are left out.
    pub fn new(
        intervals: impl IntoIterator<Item = (f64, f64, f64)>,
    ) -> Result<Self, IntervalError> {
        let intervals = intervals.into_iter();
        let capacity = intervals.size_hint().0;
        let mut events = Self {
            starts: Vec::with_capacity(capacity),
            stops: Vec::with_capacity(capacity),
            lowest: i32::MAX,
            highest: i32::MIN,
        };
        for (index, (start, stop, value)) in intervals.enumerate() {
            for (field, number) in [("start", start), ("stop", stop), ("value", value)] {
                if !number.is_finite() {
                    return Err(IntervalError::NotFinite {
                        index,
                        field,
                        // Python's spelling, which the Python implementation prints too.
                        value: if number.is_nan() {
                            "nan".to_owned()
                        } else {
                            format!("{number}")
                        },
                    });
                }
            }
            if start > stop {
                return Err(IntervalError::StartAfterStop {
                    index,
                    start: format!("{start:?}"),
                    stop: format!("{stop:?}"),
                });
            }
            if start < stop && value != 0.0 {
                let (mantissa, exponent) = decompose(value);
                events.lowest = events.lowest.min(exponent);
                events.highest = events.highest.max(exponent + bit_length(mantissa));
                // `+ 0.0` turns -0.0 into 0.0, so that the two zeros are one position.
                events.starts.push((start + 0.0, value));
                events.stops.push((stop + 0.0, value));
            }
        }
        Ok(events)
    }

    /// How many intervals cover something (non-empty, non-zero value).
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether no interval covers anything.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Whether the exact sums fit in an `i128` (scaled by `2^-lowest`): true unless the values span more
    /// than about 100 binary orders of magnitude. Otherwise the sweep adds big integers, slower but exact.
    #[must_use]
    pub fn sums_fit_in_128_bits(&self) -> bool {
        // |sum| < (number of values) * 2^(highest - lowest); one more bit for the sign.
        let count_bits = 64 - (self.starts.len() as u64).leading_zeros();
        i64::from(self.highest) - i64::from(self.lowest) + i64::from(count_bits) < 127
    }

    /// Sorts and sweeps: the combined segments.
    pub fn combine(mut self) -> Result<Vec<FloatSegment>, IntervalError> {
        // No NaN is left (checked above) and -0.0 became 0.0, so the total order is the numeric order.
        self.starts.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        self.stops.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        let lowest = self.lowest;
        if self.sums_fit_in_128_bits() {
            let mut sum = Narrow { total: 0, lowest };
            Self::sweep_into(&self.starts, &self.stops, &mut sum)
        } else {
            let mut sum = Wide {
                total: BigInt::default(),
                lowest,
            };
            Self::sweep_into(&self.starts, &self.stops, &mut sum)
        }
    }

    // Exact equality is the contract: touching segments merge when their reported values are the same float.
    #[allow(clippy::float_cmp)]
    fn sweep_into<A: ExactSum>(
        starts: &[(f64, f64)],
        stops: &[(f64, f64)],
        sum: &mut A,
    ) -> Result<Vec<FloatSegment>, IntervalError> {
        let mut combined: Vec<FloatSegment> = Vec::new();
        sweep(starts, stops, sum, |from, to, sum| {
            let value = sum.rounded().ok_or_else(|| IntervalError::SumTooLarge {
                start: format!("{from:?}"),
                stop: format!("{to:?}"),
            })?;
            match combined.last_mut() {
                Some(last) if last.1 == from && last.2 == value => last.1 = to,
                _ => combined.push((from, to, value)),
            }
            Ok(())
        })?;
        Ok(combined)
    }
}

/// A running sum that the sweep adds values to and takes them from.
trait Accumulate<V> {
    fn add(&mut self, value: V);
    fn subtract(&mut self, value: V);
    fn is_zero(&self) -> bool;
}

impl Accumulate<i64> for i128 {
    fn add(&mut self, value: i64) {
        // At most 2^62 intervals of |value| <= 2^63: the sum stays below 2^125.
        *self += i128::from(value);
    }
    fn subtract(&mut self, value: i64) {
        *self -= i128::from(value);
    }
    fn is_zero(&self) -> bool {
        *self == 0
    }
}

/// The sweep: walks the sorted starts and stops together; at each position where something starts or
/// stops, reports the segment since the previous position if its sum is not zero, then applies every
/// start (add) and stop (subtract) at this position.
fn sweep<P, V, A, E>(
    starts: &[(P, V)],
    stops: &[(P, V)],
    sum: &mut A,
    mut report: impl FnMut(P, P, &A) -> Result<(), E>,
) -> Result<(), E>
where
    P: Copy + PartialOrd,
    V: Copy,
    A: Accumulate<V>,
{
    let (mut i, mut j) = (0, 0);
    let mut previous = None;
    loop {
        let position = match (starts.get(i), stops.get(j)) {
            (Some(&(start, _)), Some(&(stop, _))) => {
                if start <= stop {
                    start
                } else {
                    stop
                }
            }
            (Some(&(start, _)), None) => start,
            (None, Some(&(stop, _))) => stop,
            (None, None) => return Ok(()),
        };
        if let Some(from) = previous
            && !sum.is_zero()
        {
            report(from, position, sum)?;
        }
        while let Some(&(start, value)) = starts.get(i)
            && start == position
        {
            sum.add(value);
            i += 1;
        }
        while let Some(&(stop, value)) = stops.get(j)
            && stop == position
        {
            sum.subtract(value);
            j += 1;
        }
        previous = Some(position);
    }
}

/// An exact sum of floats that can say what it is, rounded once to the nearest float.
trait ExactSum: Accumulate<f64> {
    /// The sum rounded to the nearest float (ties to even); `None` beyond the largest float.
    fn rounded(&self) -> Option<f64>;
}

/// The exact sum as a whole number of `2^lowest`, in 128 bits.
struct Narrow {
    total: i128,
    lowest: i32,
}

impl Accumulate<f64> for Narrow {
    fn add(&mut self, value: f64) {
        let (mantissa, exponent) = decompose(value);
        self.total += i128::from(mantissa) << (exponent - self.lowest).unsigned_abs();
    }
    fn subtract(&mut self, value: f64) {
        let (mantissa, exponent) = decompose(value);
        self.total -= i128::from(mantissa) << (exponent - self.lowest).unsigned_abs();
    }
    fn is_zero(&self) -> bool {
        self.total == 0
    }
}

impl ExactSum for Narrow {
    fn rounded(&self) -> Option<f64> {
        // Rust's integer-to-float conversion rounds to nearest, ties to even. When it rounds at all (more
        // than 53 significant bits), the result is at least 2^(53 + lowest) >= 2^-1021, a normal float, so
        // the scaling by a power of two below is exact; otherwise the value was exact to begin with.
        let value = times_power_of_two(self.total as f64, self.lowest);
        value.is_finite().then_some(value)
    }
}

/// The exact sum as a whole number of `2^lowest`, as a big integer.
struct Wide {
    total: BigInt,
    lowest: i32,
}

impl Accumulate<f64> for Wide {
    fn add(&mut self, value: f64) {
        let (mantissa, exponent) = decompose(value);
        self.total += BigInt::from(mantissa) << (exponent - self.lowest).unsigned_abs();
    }
    fn subtract(&mut self, value: f64) {
        let (mantissa, exponent) = decompose(value);
        self.total -= BigInt::from(mantissa) << (exponent - self.lowest).unsigned_abs();
    }
    fn is_zero(&self) -> bool {
        self.total.sign() == Sign::NoSign
    }
}

impl ExactSum for Wide {
    fn rounded(&self) -> Option<f64> {
        let magnitude = self.total.magnitude();
        let length = magnitude.bits();
        // Keep the top 64 bits and fold everything below into the lowest one (a "sticky" bit): 64 bits
        // are more than the 53 + 2 that round-to-nearest needs, so u64 -> f64 then rounds exactly as the
        // whole number would.
        let shift = length.saturating_sub(64);
        let mut top = (magnitude >> shift).iter_u64_digits().next().unwrap_or(0);
        if magnitude
            .trailing_zeros()
            .is_some_and(|zeros| zeros < shift)
        {
            top |= 1;
        }
        let shift = i32::try_from(shift).ok()?;
        let value = times_power_of_two(top as f64, self.lowest.checked_add(shift)?);
        let value = if self.total.sign() == Sign::Minus {
            -value
        } else {
            value
        };
        value.is_finite().then_some(value)
    }
}

/// `value = mantissa * 2^exponent` with an odd mantissa, for a finite non-zero `value`.
#[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)] // 53-bit and 11-bit fields
fn decompose(value: f64) -> (i64, i32) {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074) // subnormal
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let zeros = mantissa.trailing_zeros();
    let mantissa = (mantissa >> zeros) as i64;
    let exponent = exponent + zeros as i32;
    if value < 0.0 {
        (-mantissa, exponent)
    } else {
        (mantissa, exponent)
    }
}

/// Number of bits of `|n|`.
#[allow(clippy::cast_possible_wrap)] // at most 64
fn bit_length(n: i64) -> i32 {
    (64 - n.unsigned_abs().leading_zeros()) as i32
}

/// `x * 2^k`, in steps whose factors are normal floats, so that the only rounding is the final one.
fn times_power_of_two(mut x: f64, mut k: i32) -> f64 {
    while k > 1000 {
        x *= power_of_two(1000);
        k -= 1000;
    }
    while k < -1000 {
        x *= power_of_two(-1000);
        k += 1000;
    }
    x * power_of_two(k)
}

/// `2^k` for `-1000 <= k <= 1000`, built from its exponent bits.
fn power_of_two(k: i32) -> f64 {
    f64::from_bits(u64::from((k + 1023).unsigned_abs()) << 52)
}

#[cfg(test)]
#[allow(clippy::float_cmp, clippy::unwrap_used)] // the tests compare exact results
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, cell by cell: the sum over every unit cell `[x, x + 1)` of small integer intervals,
    /// then runs of equal non-zero sums.
    fn by_cells(intervals: &[(i64, i64, i64)]) -> Vec<IntSegment> {
        let mut combined: Vec<IntSegment> = Vec::new();
        for x in -20..20 {
            let sum: i128 = intervals
                .iter()
                .filter(|&&(start, stop, _)| start <= x && x < stop)
                .map(|&(_, _, value)| i128::from(value))
                .sum();
            if sum == 0 {
                continue;
            }
            match combined.last_mut() {
                Some(last) if last.1 == x && last.2 == sum => last.1 = x + 1,
                _ => combined.push((x, x + 1, sum)),
            }
        }
        combined
    }

    #[test]
    fn the_posts_example() {
        assert_eq!(
            combine_int([(2, 4, 3), (1, 3, 2)]),
            Ok(vec![(1, 2, 2), (2, 3, 5), (3, 4, 3)])
        );
        assert_eq!(
            combine_float([(2.0, 4.0, 3.0), (1.0, 3.0, 2.0)]),
            Ok(vec![(1.0, 2.0, 2.0), (2.0, 3.0, 5.0), (3.0, 4.0, 3.0)])
        );
    }

    #[test]
    fn touching_equal_values_merge_and_gaps_stay() {
        assert_eq!(
            combine_int([(0, 1, 5), (1, 2, 5), (3, 4, 5)]),
            Ok(vec![(0, 2, 5), (3, 4, 5)])
        );
        assert_eq!(
            combine_int([(0, 2, 1), (1, 3, -1)]),
            Ok(vec![(0, 1, 1), (2, 3, -1)])
        );
    }

    #[test]
    fn empty_and_zero_intervals_cover_nothing() {
        assert_eq!(combine_int([(3, 3, 7), (1, 2, 0)]), Ok(vec![]));
        assert_eq!(combine_int([]), Ok(vec![]));
        assert_eq!(combine_float([(0.5, 0.5, 1.0)]), Ok(vec![]));
    }

    #[test]
    fn extreme_integers_are_exact() {
        let max = i64::MAX;
        let min = i64::MIN;
        assert_eq!(
            combine_int([(min, max, max), (min, max, max), (0, 1, min)]),
            Ok(vec![
                (min, 0, 2 * i128::from(max)),
                (0, 1, 2 * i128::from(max) + i128::from(min)),
                (1, max, 2 * i128::from(max)),
            ])
        );
    }

    #[test]
    fn bad_intervals_are_named() {
        assert_eq!(
            combine_int([(0, 1, 1), (5, 2, 1)]).unwrap_err().to_string(),
            "interval 1: start 5 is greater than stop 2"
        );
        assert_eq!(
            combine_float([(0.0, f64::NAN, 1.0)])
                .unwrap_err()
                .to_string(),
            "interval 0: stop is nan; starts, stops and values must be finite"
        );
        assert_eq!(
            combine_float([(0.0, 1.0, f64::NEG_INFINITY)])
                .unwrap_err()
                .to_string(),
            "interval 0: value is -inf; starts, stops and values must be finite"
        );
        assert_eq!(
            combine_float([(0.0, 1.0, f64::MAX), (0.0, 1.0, f64::MAX)])
                .unwrap_err()
                .to_string(),
            "the combined value of segment [0.0, 1.0) is too large for a float"
        );
    }

    #[test]
    fn float_sums_are_exact_where_running_sums_drift() {
        // A running float sum leaves 5.55e-17 behind on [1, 2); the exact sum is zero there.
        assert_eq!(
            combine_float([(0.0, 1.0, 0.1), (0.0, 2.0, 0.2), (0.5, 2.0, -0.2)]),
            Ok(vec![(0.0, 0.5, 0.1 + 0.2), (0.5, 1.0, 0.1)])
        );
    }

    #[test]
    fn wide_sums_round_once() {
        // 2^1000 + 2^-1000 + 2^-1074 needs a big integer; it rounds to 2^1000.
        let big = power_of_two(1000);
        let tiny = power_of_two(-1000);
        let events = FloatEvents::new([(0.0, 1.0, big), (0.0, 1.0, tiny), (0.0, 1.0, 5e-324)]);
        let events = events.unwrap();
        assert!(!events.sums_fit_in_128_bits());
        assert_eq!(events.combine(), Ok(vec![(0.0, 1.0, big)]));
        // A sum that cancels the big part exactly leaves the tiny parts, exactly.
        assert_eq!(
            combine_float([(0.0, 2.0, big), (1.0, 2.0, -big), (0.0, 2.0, tiny)]),
            Ok(vec![(0.0, 1.0, big), (1.0, 2.0, tiny)])
        );
        // Halfway cases round to even: 1 + 2^-53 is exactly between 1 and its successor.
        let half_ulp = f64::EPSILON / 2.0;
        assert_eq!(
            combine_float([
                (0.0, 1.0, 1.0),
                (0.0, 1.0, half_ulp),
                (0.0, 1.0, big),
                (0.0, 1.0, -big)
            ]),
            Ok(vec![(0.0, 1.0, 1.0)])
        );
        assert_eq!(
            combine_float([(0.0, 1.0, 1.0), (0.0, 1.0, half_ulp), (0.0, 1.0, tiny)]),
            Ok(vec![(0.0, 1.0, 1.0 + f64::EPSILON)])
        );
    }

    #[test]
    fn subnormal_values_are_exact() {
        let tiny = 5e-324;
        assert_eq!(
            combine_float([(0.0, 1.0, tiny), (0.0, 1.0, tiny), (-0.0, 1.0, -tiny)]),
            Ok(vec![(0.0, 1.0, tiny)])
        );
    }

    #[test]
    fn decompose_round_trips() {
        for value in [1.0, -3.5, 0.1, 5e-324, f64::MAX, -f64::MIN_POSITIVE, 1e-300] {
            let (mantissa, exponent) = decompose(value);
            assert!(mantissa % 2 != 0);
            assert_eq!(times_power_of_two(mantissa as f64, exponent), value);
        }
    }

    proptest! {
        #[test]
        fn equals_the_cell_by_cell_definition(
            intervals in prop::collection::vec((-20i64..20, 0i64..8, -3i64..4), 0..12)
        ) {
            let intervals: Vec<_> = intervals
                .into_iter()
                .map(|(start, length, value)| (start, (start + length).min(20), value))
                .collect();
            let expected = by_cells(&intervals);
            prop_assert_eq!(combine_int(intervals.iter().copied()), Ok(expected.clone()));
            // Whole-number floats take the float path to the same answer.
            let as_floats = intervals.iter().map(|&(a, b, v)| (a as f64, b as f64, v as f64));
            let expected_floats: Vec<FloatSegment> =
                expected.iter().map(|&(a, b, v)| (a as f64, b as f64, v as f64)).collect();
            prop_assert_eq!(combine_float(as_floats), Ok(expected_floats));
        }

        #[test]
        fn narrow_and_wide_sums_agree(
            intervals in prop::collection::vec((-5.0f64..5.0, 0.0f64..3.0, -1e3f64..1e3), 0..12)
        ) {
            let intervals: Vec<_> =
                intervals.into_iter().map(|(start, length, value)| (start, start + length, value)).collect();
            let events = FloatEvents::new(intervals.iter().copied()).unwrap();
            prop_assume!(events.sums_fit_in_128_bits());
            let starts = {
                let mut s = events.starts.clone();
                s.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
                s
            };
            let stops = {
                let mut s = events.stops.clone();
                s.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
                s
            };
            let mut wide = Wide { total: BigInt::default(), lowest: events.lowest };
            let by_wide = FloatEvents::sweep_into(&starts, &stops, &mut wide);
            prop_assert_eq!(events.combine(), by_wide);
        }
    }
}
