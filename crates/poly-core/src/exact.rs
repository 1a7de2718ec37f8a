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
//! is five 32-bit digits, at most 135 for any finite coordinates. Each digit sits in an `i64`, so products
//! are added and subtracted without carrying, and carried once at the end. A crate with an exactly rounded float sum
//! (Shewchuk's expansions as in Python's `math.fsum`, or Neal's superaccumulator) would still need the
//! products split exactly first, which an FMA does only while they neither overflow nor underflow; integer
//! products have no such edge.

/// 32-bit digits in the largest accumulator: products span bit `2·(-1074)` to `2·1024`, plus carries.
const MAX_DIGITS: usize = 140;

/// Products added between two carry passes: each adds less than 2^33 to a digit's `i64`, so 2^28 of them
/// cannot overflow it.
const PRODUCTS_PER_PASS: usize = 1 << 28;

const DIGIT: i64 = 0xffff_ffff;

#[allow(clippy::cast_possible_truncation)] // the 11 exponent bits fit an i32
/// A finite `f64` as `(m, e)` with `|v| = m·2^e` (`m` < 2^53, not reduced); `m` is 0 for zero.
fn split(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074) // subnormal (or zero)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// `(lowest e, one past the highest bit)` over the non-zero values, or `None` when all are zero.
fn span(values: &[f64]) -> Option<(i32, i32)> {
    values
        .iter()
        .map(|&v| split(v))
        .filter(|&(m, _)| m != 0)
        .fold(None, |acc, (m, e)| {
            let top = e + (u64::BITS - m.leading_zeros()).cast_signed();
            Some(match acc {
                None => (e, top),
                Some((low, high)) => (low.min(e), high.max(top)),
            })
        })
}

/// A signed integer as `N` 32-bit digits, lowest first, each kept in an `i64` so that products can be added
/// and subtracted without carrying; [`Accumulator::carry`] carries.
struct Accumulator<const N: usize> {
    digits: [i64; N],
}

impl<const N: usize> Accumulator<N> {
    /// Adds `±product · 2^shift` (`product` < 2^106; `negative` selects the sign), without carrying.
    #[inline]
    #[allow(clippy::cast_possible_truncation)] // splitting a u128 into 32-bit digits
    fn add(&mut self, product: u128, shift: u32, negative: bool) {
        let (digit, bit) = ((shift / 32) as usize, shift % 32);
        let low = u128::from(product as u64) << bit; // < 2^96
        let high = (product >> 64) << bit; // < 2^74, two digits higher
        let sign = -i64::from(negative); // 0 or -1: `(v ^ sign) - sign` is v or -v
        let signed = |v: u128| ((v as i64) ^ sign) - sign;
        let d = &mut self.digits[digit..digit + 5];
        d[0] += signed(low & 0xffff_ffff);
        d[1] += signed((low >> 32) & 0xffff_ffff);
        d[2] += signed((low >> 64) + (high & 0xffff_ffff));
        d[3] += signed((high >> 32) & 0xffff_ffff);
        d[4] += signed(high >> 64);
    }

    /// Carries, so that every digit but the last is in `0..2^32`; the last keeps the sign.
    fn carry(&mut self) {
        let mut carry = 0;
        for digit in &mut self.digits {
            let v = *digit + carry;
            *digit = v & DIGIT;
            carry = v >> 32; // arithmetic shift: floor division, negative carries included
        }
        self.digits[N - 1] += carry << 32;
    }

    /// The absolute value, times `2^scale`, rounded to the nearest `f64`, ties to even.
    #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)] // bit lengths of a few thousand
    fn magnitude_to_f64(&mut self, scale: i32) -> f64 {
        self.carry();
        if self.digits[N - 1] < 0 {
            // Two's complement over the digits: invert and add one.
            let mut carry = 1;
            for digit in &mut self.digits {
                let v = (!*digit & DIGIT) + carry;
                *digit = v & DIGIT;
                carry = v >> 32;
            }
        }
        let digits = &self.digits;
        let Some(top) = (0..N).rev().find(|&i| digits[i] != 0) else {
            return 0.0;
        };
        // The top three digits as a 96-bit window (zeros below digit 0), then the 64 highest bits of the
        // number, `leading`, with the highest one at bit 63; `sticky` if any bit below them is set.
        let at = |i: Option<usize>| u128::from(i.map_or(0, |i| digits[i].cast_unsigned()));
        let window =
            (at(Some(top)) << 64) | (at(top.checked_sub(1)) << 32) | at(top.checked_sub(2));
        let zeros = window.leading_zeros() - 32; // within the 96-bit window
        let leading = (window >> (32 - zeros)) as u64;
        let rest = window & ((1u128 << (32 - zeros)) - 1);
        let sticky = rest != 0 || digits[..top.saturating_sub(2)].iter().any(|&d| d != 0);
        // value ≈ leading · 2^exponent
        let bit_length = (32 * (top + 1)) as i32 - zeros as i32;
        round(leading, sticky, bit_length - 64 + scale)
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
    // than 2n times that, and the sign takes one more bit.
    let base = x_low + y_low;
    let carries = (usize::BITS - (2 * n).leading_zeros()).cast_signed();
    let bits = x_high + y_high - base + carries + 1;
    let digits = (bits / 32 + 1).cast_unsigned() as usize + 5;
    // The article's polygons need 10 digits; a small array is cheaper to clear and scan.
    if digits <= 16 {
        exact_sum::<16>(x, y, base)
    } else {
        exact_sum::<MAX_DIGITS>(x, y, base)
    }
}

/// The shoelace sum in an `N`-digit accumulator whose lowest bit is `2^base`, halved and rounded.
fn exact_sum<const N: usize>(x: &[f64], y: &[f64], base: i32) -> f64 {
    let n = x.len();
    let mut sum = Accumulator::<N> { digits: [0; N] };
    let mut added = 0;
    let (mut x_prev, mut y_prev) = (split(x[n - 1]), split(y[n - 1]));
    let (mut x_prev_negative, mut y_prev_negative) = (x[n - 1] < 0.0, y[n - 1] < 0.0);
    for (&xv, &yv) in x.iter().zip(y) {
        let ((mx, ex), (my, ey)) = (split(xv), split(yv));
        let (x_negative, y_negative) = (xv < 0.0, yv < 0.0);
        // + x[i]·y[i-1]
        if mx != 0 && y_prev.0 != 0 {
            let shift = (ex + y_prev.1 - base).cast_unsigned();
            sum.add(
                u128::from(mx) * u128::from(y_prev.0),
                shift,
                x_negative != y_prev_negative,
            );
        }
        // − y[i]·x[i-1]
        if my != 0 && x_prev.0 != 0 {
            let shift = (ey + x_prev.1 - base).cast_unsigned();
            sum.add(
                u128::from(my) * u128::from(x_prev.0),
                shift,
                y_negative == x_prev_negative,
            );
        }
        (x_prev, y_prev, x_prev_negative, y_prev_negative) =
            ((mx, ex), (my, ey), x_negative, y_negative);
        added += 2;
        if added >= PRODUCTS_PER_PASS {
            sum.carry();
            added = 0;
        }
    }
    sum.magnitude_to_f64(base - 1) // the exact sum times 2^base, halved
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
