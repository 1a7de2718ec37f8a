//! The shoelace area computed exactly and rounded once: the same bits on every CPU, compiler and OS.
//!
//! `0.5 * |Σ x[i]·y[i-1] − Σ y[i]·x[i-1]|` summed in floating point depends on the order of the additions
//! and on whether the products are fused into them, and numpy's `dot` leaves both to the BLAS kernel it
//! picks for the CPU at run time. This module removes the choice: every finite `f64` is an integer times a
//! power of two, `m·2^e`, so every product `x[i]·y[j]` is the 106-bit integer `mx·my` times `2^(ex+ey)`,
//! and the whole sum is one integer in a fixed-point accumulator whose lowest bit is the lowest bit any
//! product can have. Adding integers is exact and does not depend on order; the result is rounded to the
//! nearest `f64` (ties to even) exactly once, at the end. That is what Python gets from
//! `float(abs(sum(Fraction(x[i]) * Fraction(y[i - 1]) ...) - ...) / 2)`, for every finite input: a tiny
//! polygon far from the origin, coordinates from `1e-300` to `1e300` in one polygon, subnormals. An area
//! beyond `f64`'s range is `inf` (where `float(Fraction)` raises `OverflowError`).
//!
//! The accumulator is sized from the inputs (two passes over the vertices): for the article's polygons it
//! is three 64-bit words, at most 68 for any finite coordinates. A crate with an exactly rounded float sum
//! (Shewchuk's expansions as in Python's `math.fsum`, or Neal's superaccumulator) would still need the
//! products split exactly first, which an FMA does only while they neither overflow nor underflow; integer
//! products have no such edge.

/// 64-bit words in the largest accumulator: products span bit `2·(-1074)` to `2·1024`, plus carries.
const MAX_WORDS: usize = 70;

/// A finite, non-zero `f64` as `m·2^e` with `m` odd; `None` for zero.
fn split(v: f64) -> Option<(u64, i32)> {
    let bits = v.to_bits();
    let biased = i32::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 {
        (fraction, -1074) // subnormal (or zero)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    if m == 0 {
        return None;
    }
    let zeros = m.trailing_zeros();
    Some((m >> zeros, e + i32::try_from(zeros).unwrap_or(0)))
}

/// The lowest bit and one past the highest bit of the non-zero values, `(min e, max (e + bit length of m))`.
fn span(values: &[f64]) -> Option<(i32, i32)> {
    values
        .iter()
        .filter_map(|&v| split(v))
        .fold(None, |acc, (m, e)| {
            let top = e + i32::try_from(u64::BITS - m.leading_zeros()).unwrap_or(0);
            Some(match acc {
                None => (e, top),
                Some((low, high)) => (low.min(e), high.max(top)),
            })
        })
}

/// A non-negative integer in `words` 64-bit words, lowest first, to which products are added exactly.
struct Accumulator {
    words: [u64; MAX_WORDS],
    len: usize,
}

impl Accumulator {
    fn new(len: usize) -> Self {
        debug_assert!(len + 3 <= MAX_WORDS);
        Self {
            words: [0; MAX_WORDS],
            len,
        }
    }

    /// Adds `product · 2^shift` (`product` < 2^106).
    #[allow(clippy::cast_possible_truncation)] // splitting a u128 into its two 64-bit halves
    fn add(&mut self, product: u128, shift: u32) {
        let (word, bit) = ((shift / 64) as usize, shift % 64);
        let low = product as u64;
        let high = (product >> 64) as u64;
        let parts = if bit == 0 {
            [low, high, 0]
        } else {
            [
                low << bit,
                (low >> (64 - bit)) | (high << bit),
                high >> (64 - bit),
            ]
        };
        let mut carry = false;
        for (i, part) in parts.into_iter().enumerate() {
            let (sum, c1) = self.words[word + i].overflowing_add(part);
            let (sum, c2) = sum.overflowing_add(u64::from(carry));
            self.words[word + i] = sum;
            carry = c1 || c2;
        }
        let mut i = word + 3;
        while carry {
            let (sum, c) = self.words[i].overflowing_add(1);
            self.words[i] = sum;
            carry = c;
            i += 1;
        }
    }

    fn is_less_than(&self, other: &Self) -> bool {
        for i in (0..self.len).rev() {
            if self.words[i] != other.words[i] {
                return self.words[i] < other.words[i];
            }
        }
        false
    }

    /// `self - other`, for `self >= other`.
    fn minus(mut self, other: &Self) -> Self {
        let mut borrow = false;
        for i in 0..self.len {
            let (d, b1) = self.words[i].overflowing_sub(other.words[i]);
            let (d, b2) = d.overflowing_sub(u64::from(borrow));
            self.words[i] = d;
            borrow = b1 || b2;
        }
        self
    }

    /// The value times `2^scale`, rounded to the nearest `f64`, ties to even (`inf` when out of range).
    fn to_f64(&self, scale: i32) -> f64 {
        let Some(top_word) = (0..self.len).rev().find(|&i| self.words[i] != 0) else {
            return 0.0;
        };
        // The 64 highest bits, `leading`, with the highest one at bit 63; `sticky` if any bit below is set.
        let zeros = self.words[top_word].leading_zeros();
        let below = |i: usize| if i == 0 { 0 } else { self.words[i - 1] };
        let leading = if zeros == 0 {
            self.words[top_word]
        } else {
            (self.words[top_word] << zeros) | (below(top_word) >> (64 - zeros))
        };
        let rest_of_next = if zeros == 0 {
            below(top_word)
        } else {
            below(top_word) << zeros
        };
        let sticky =
            rest_of_next != 0 || (0..top_word.saturating_sub(1)).any(|i| self.words[i] != 0);
        // value ≈ leading · 2^exponent
        let bit_length =
            i32::try_from(64 * top_word).unwrap_or(i32::MAX) + 64 - zeros.cast_signed();
        let exponent = bit_length - 64 + scale;
        round(leading, sticky, exponent)
    }
}

/// `leading · 2^exponent` (+ a little more when `sticky`) rounded to the nearest `f64`, ties to even.
/// `leading` has its highest bit set.
#[allow(clippy::cast_possible_truncation)] // `kept` has at most 53 bits
fn round(leading: u64, sticky: bool, exponent: i32) -> f64 {
    // Keep 53 bits, or fewer where the result is subnormal (its lowest bit cannot be below 2^-1074).
    let dropped = 11.max(-1074 - exponent);
    if dropped > 64 {
        return 0.0; // below half the smallest subnormal
    }
    let wide = u128::from(leading);
    let kept = (wide >> dropped) as u64;
    let remainder = wide & ((1u128 << dropped) - 1);
    let half = 1u128 << (dropped - 1);
    let up = remainder > half || (remainder == half && (sticky || kept & 1 == 1));
    let mantissa = kept + u64::from(up); // at most 2^53: exact as an f64
    let power = exponent + dropped;
    if power > 1023 {
        return f64::INFINITY;
    }
    // mantissa · 2^power is representable (or overflows to inf, the right rounding); scale exactly.
    if power >= -1022 {
        mantissa as f64 * pow2(power)
    } else {
        mantissa as f64 * pow2(power + 64) * pow2(-64)
    }
}

/// `2^k` for `-1022 <= k <= 1023`.
fn pow2(k: i32) -> f64 {
    f64::from_bits(u64::try_from(k + 1023).unwrap_or(0) << 52)
}

/// The shoelace area `|Σ x[i]·y[i-1] − Σ y[i]·x[i-1]| / 2` (indices wrap around) of the first
/// `min(x.len(), y.len())` vertices, computed exactly and rounded once to the nearest `f64`.
///
/// Non-finite coordinates make the exact area meaningless; the result is then the plain floating-point
/// formula's, NaN or infinite as numpy's would be.
#[must_use]
pub fn shoelace_area(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    let (x, y) = (&x[..n], &y[..n]);
    if n == 0 {
        return 0.0;
    }
    if !x.iter().chain(y).all(|v| v.is_finite()) {
        return float_shoelace_area(x, y);
    }
    let (Some((x_low, x_high)), Some((y_low, y_high))) = (span(x), span(y)) else {
        return 0.0; // every x or every y is zero: every product is zero
    };
    // Every product is a multiple of 2^base and below 2^(x_high + y_high); 2n of them add up to less
    // than 2n times that.
    let base = x_low + y_low;
    let carries = i32::try_from(usize::BITS - (2 * n).leading_zeros()).unwrap_or(i32::MAX);
    let bits = x_high + y_high - base + carries;
    let words = usize::try_from(bits / 64 + 1).unwrap_or(MAX_WORDS);
    let mut positive = Accumulator::new(words);
    let mut negative = Accumulator::new(words);
    let mut add = |a: f64, b: f64, sign: bool| {
        if let (Some((ma, ea)), Some((mb, eb))) = (split(a), split(b)) {
            let negative_product = (a < 0.0) != (b < 0.0);
            let target = if negative_product == sign {
                &mut positive
            } else {
                &mut negative
            };
            let shift = u32::try_from(ea + eb - base).unwrap_or(0);
            target.add(u128::from(ma) * u128::from(mb), shift);
        }
    };
    let mut previous = n - 1;
    for i in 0..n {
        add(x[i], y[previous], false); // + x[i]·y[i-1]
        add(y[i], x[previous], true); // − y[i]·x[i-1]
        previous = i;
    }
    let difference = if positive.is_less_than(&negative) {
        negative.minus(&positive)
    } else {
        positive.minus(&negative)
    };
    difference.to_f64(base - 1) // the exact sum times 2^base, halved
}

/// The shoelace formula in plain floating point, each sum left to right (for non-finite coordinates).
fn float_shoelace_area(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len();
    let mut forward = 0.0;
    let mut backward = 0.0;
    let mut previous = n - 1;
    for i in 0..n {
        forward += x[i] * y[previous];
        backward += y[i] * x[previous];
        previous = i;
    }
    0.5 * (forward - backward).abs()
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // bit-for-bit equality is what these tests check
mod tests {
    use super::*;
    use num_bigint::BigInt;
    use proptest::prelude::*;

    /// `v · 2^1100` as a big integer: exact for every finite `f64`, whose lowest bit is at least 2^-1074.
    fn scaled(v: f64) -> BigInt {
        let bits = v.to_bits();
        let exponent = i64::try_from((bits >> 52) & 0x7ff).expect("11 bits");
        let fraction = bits & ((1 << 52) - 1);
        let (mantissa, power) = if exponent == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1 << 52), exponent - 1075)
        };
        let magnitude =
            BigInt::from(mantissa) << usize::try_from(power + 1100).expect("non-negative");
        if v.is_sign_negative() {
            -magnitude
        } else {
            magnitude
        }
    }

    /// The reference: the shoelace sum in big integers (every product scaled by 2^2200), halved, written out
    /// as an exact decimal and parsed by Rust's correctly rounded `str::parse::<f64>`.
    fn reference_area(x: &[f64], y: &[f64]) -> f64 {
        let n = x.len();
        let (x, y): (Vec<BigInt>, Vec<BigInt>) = (
            x.iter().map(|&v| scaled(v)).collect(),
            y.iter().map(|&v| scaled(v)).collect(),
        );
        let mut sum = BigInt::from(0);
        for i in 0..n {
            let previous = (i + n - 1) % n;
            sum += &x[i] * &y[previous];
            sum -= &y[i] * &x[previous];
        }
        // area = |sum| / 2^2201 = |sum| · 5^2201 / 10^2201
        let digits = (sum.magnitude() * num_bigint::BigUint::from(5u32).pow(2201)).to_string();
        let padded = format!("{digits:0>2202}");
        let (whole, fraction) = padded.split_at(padded.len() - 2201);
        format!("{whole}.{fraction}")
            .parse()
            .expect("a decimal number")
    }

    fn check(x: &[f64], y: &[f64]) -> Result<(), TestCaseError> {
        let exact = reference_area(x, y);
        let area = shoelace_area(x, y);
        prop_assert_eq!(
            area.to_bits(),
            exact.to_bits(),
            "area {:e} != exact {:e}",
            area,
            exact
        );
        Ok(())
    }

    /// A coordinate of the given decimal magnitude, with a random sign and all 53 bits used.
    fn magnitude(low: i32, high: i32) -> impl Strategy<Value = f64> {
        (low..=high, 1.0f64..10.0, any::<bool>()).prop_map(|(exp, m, negative)| {
            if negative {
                -m * 10f64.powi(exp)
            } else {
                m * 10f64.powi(exp)
            }
        })
    }

    fn any_finite() -> impl Strategy<Value = f64> {
        prop::num::f64::POSITIVE
            | prop::num::f64::NEGATIVE
            | prop::num::f64::NORMAL
            | prop::num::f64::SUBNORMAL
            | prop::num::f64::ZERO
    }

    #[test]
    fn unit_square_both_ways_round() {
        assert_eq!(
            shoelace_area(&[0.0, 1.0, 1.0, 0.0], &[0.0, 0.0, 1.0, 1.0]),
            1.0
        );
        assert_eq!(
            shoelace_area(&[0.0, 0.0, 1.0, 1.0], &[0.0, 1.0, 1.0, 0.0]),
            1.0
        );
    }

    #[test]
    fn cancellation_that_floats_get_wrong() {
        // A 1e-8 square whose corner is at 1e8: in floating point the products (~1e16) swamp the area.
        let (c, s) = (1e8, 1e-8);
        let x = [c, c + s, c + s, c];
        let y = [c, c, c + s, c + s];
        let float = float_shoelace_area(&x, &y);
        assert_eq!(shoelace_area(&x, &y), reference_area(&x, &y));
        assert!((shoelace_area(&x, &y) - (x[1] - x[0]) * (y[2] - y[1])).abs() < 1e-30);
        assert_ne!(float, shoelace_area(&x, &y));
    }

    #[test]
    fn extremes_of_the_range() {
        let tiny = f64::from_bits(1); // 2^-1074
        // Half of 2^-1074 · 2^-1074 · 2 rounds to zero; an area beyond f64 is infinite.
        assert_eq!(shoelace_area(&[0.0, tiny, 0.0], &[0.0, 0.0, tiny]), 0.0);
        assert_eq!(
            shoelace_area(&[0.0, 1e300, 0.0], &[0.0, 0.0, 1e300]),
            f64::INFINITY
        );
        assert_eq!(shoelace_area(&[0.0, 1e300, 0.0], &[0.0, 0.0, 1e-300]), 0.5);
        let x = [0.0, f64::MAX, f64::MAX, 0.0];
        let y = [0.0, 0.0, f64::MIN_POSITIVE, f64::MIN_POSITIVE];
        assert_eq!(shoelace_area(&x, &y), reference_area(&x, &y));
        assert_eq!(shoelace_area(&x, &y), f64::MAX * f64::MIN_POSITIVE);
    }

    #[test]
    fn non_finite_coordinates_follow_the_float_formula() {
        assert!(shoelace_area(&[0.0, f64::NAN, 1.0], &[0.0, 0.0, 1.0]).is_nan());
        assert!(shoelace_area(&[0.0, f64::INFINITY, 0.0], &[1.0, 2.0, -1.0]).is_infinite());
        assert!(shoelace_area(&[f64::INFINITY], &[1.0]).is_nan()); // inf·1 − 1·inf, as in numpy
    }

    #[test]
    fn all_zero_and_short_outlines() {
        assert_eq!(shoelace_area(&[0.0; 5], &[1.0, 2.0, 3.0, 4.0, 5.0]), 0.0);
        assert_eq!(shoelace_area(&[3.0, 1.0], &[2.0, 5.0]), 0.0);
        assert_eq!(shoelace_area(&[1.0, 2.0, 3.0], &[1.0]), 0.0); // paired up to the shorter
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn article_polygons_anywhere(dx in 0u32..1_000_000, dy in 0u32..1_000_000, scale in 1e-3f64..1e3) {
            let x: Vec<f64> = (0..10).map(|i| f64::from(i) * 0.1 * scale + f64::from(dx)).collect();
            let y: Vec<f64> = (0..10).map(|i| (1.0 - (f64::from(i) * 0.1).powi(2)).sqrt() * scale + f64::from(dy)).collect();
            check(&x, &y)?;
        }

        #[test]
        fn magnitudes_from_1e_minus_3_to_1e6(coords in prop::collection::vec((magnitude(-3, 6), magnitude(-3, 6)), 3..60)) {
            let (x, y): (Vec<f64>, Vec<f64>) = coords.into_iter().unzip();
            check(&x, &y)?;
        }

        #[test]
        fn tiny_shapes_far_from_the_origin(
            center in (magnitude(3, 15), magnitude(3, 15)),
            offsets in prop::collection::vec((magnitude(-12, -3), magnitude(-12, -3)), 3..30),
        ) {
            let x: Vec<f64> = offsets.iter().map(|o| center.0 + o.0).collect();
            let y: Vec<f64> = offsets.iter().map(|o| center.1 + o.1).collect();
            check(&x, &y)?;
        }

        #[test]
        fn any_finite_coordinates(coords in prop::collection::vec((any_finite(), any_finite()), 0..12)) {
            let (x, y): (Vec<f64>, Vec<f64>) = coords.into_iter().unzip();
            check(&x, &y)?;
        }

        #[test]
        fn mixed_extremes(coords in prop::collection::vec((magnitude(-300, 300), magnitude(-300, 300)), 3..20)) {
            let (x, y): (Vec<f64>, Vec<f64>) = coords.into_iter().unzip();
            check(&x, &y)?;
        }

        #[test]
        fn the_starting_vertex_and_the_direction_do_not_matter(
            coords in prop::collection::vec((magnitude(-3, 6), magnitude(-3, 6)), 3..40),
            shift in 0usize..40,
        ) {
            let (x, y): (Vec<f64>, Vec<f64>) = coords.into_iter().unzip();
            let k = shift % x.len();
            let rotate = |v: &[f64]| -> Vec<f64> { v[k..].iter().chain(&v[..k]).copied().collect() };
            let reverse = |v: &[f64]| -> Vec<f64> { v.iter().rev().copied().collect() };
            let area = shoelace_area(&x, &y);
            prop_assert_eq!(area.to_bits(), shoelace_area(&rotate(&x), &rotate(&y)).to_bits());
            prop_assert_eq!(area.to_bits(), shoelace_area(&reverse(&x), &reverse(&y)).to_bits());
        }
    }

    #[test]
    fn long_outlines() {
        // 1,200 vertices on a circle of radius 1e5 around (3e6, -7e5): one accumulator, one rounding.
        let (x, y): (Vec<f64>, Vec<f64>) = (0..1200)
            .map(|i| {
                let t = f64::from(i) / 1200.0 * std::f64::consts::TAU;
                (3e6 + 1e5 * t.cos(), -7e5 + 1e5 * t.sin())
            })
            .unzip();
        assert_eq!(
            shoelace_area(&x, &y).to_bits(),
            reference_area(&x, &y).to_bits()
        );
    }
}
