//! Polygon geometry: the vertex mean, the shoelace area and the distance test, each the same on every
//! machine.
//!
//! The Python original computes a polygon's center with `np.array([x, y]).mean(axis=1)`, its area with
//! `0.5 * abs(dot(x, roll(y, 1)) - dot(y, roll(x, 1)))`, and keeps a polygon when
//! `np.linalg.norm(center - point) < max_dist`. Floating-point sums depend on their order, so:
//!
//! - the mean uses numpy's pairwise summation ([`numpy_sum`]), so [`CenterArea::center`] equals numpy's center
//!   bit for bit, for any number of vertices (numpy sums without BLAS, the same way on every CPU);
//! - the area is exact, rounded once ([`shoelace_area`], from [`crate::exact`]): numpy's `dot` goes to the
//!   BLAS kernel chosen for the CPU at run time, whose order of additions and use of fused multiply-adds
//!   differ between CPUs, so no fixed order could match numpy everywhere;
//! - the distance is `sqrt(dx * dx + dy * dy)` with no fused multiply-add, which is numpy's 2-vector norm.
//!
//! Exact areas matter here because the article's polygons are copies of one shape: their areas agree to
//! about ten digits, and which one is "smallest" is decided in the last bits. The exact area decides it the
//! same way everywhere.

use ndarray::{Array1, ArrayView1};
use ndarray_linalg::Norm;

use crate::PolyError;

/// A point in the plane, `[x, y]`; also the type of a polygon's center.
pub type Point = [f64; 2];

pub use numpy_order::numpy_sum;

/// The mean of `values` as numpy's `mean` computes it: [`numpy_sum`] divided by the count. NaN when empty.
///
/// ```
/// assert_eq!(poly_core::geometry::numpy_mean(&[0.0, 0.1, 0.2]), (0.0 + 0.1 + 0.2) / 3.0);
/// ```
#[must_use]
pub fn numpy_mean(values: &[f64]) -> f64 {
    numpy_sum(values) / values.len() as f64
}

pub use crate::exact::shoelace_area;

/// `dx² + dy²`, the squared distance between two points (the article's fourth step compares these).
#[must_use]
#[inline]
pub fn squared_distance(a: Point, b: Point) -> f64 {
    let dx = a[0] - b[0];
    let dy = a[1] - b[1];
    dx * dx + dy * dy
}

/// `max_dist²`, for the article's fourth step, which compares squared distances with it.
///
/// Squaring loses the sign: a negative `max_dist` (which admits nothing in Python, no distance being
/// negative) would become a positive reach. This returns negative infinity for it, and for zero and NaN,
/// so that `squared_distance(a, b) < squared_reach(max_dist)` is false for every pair, as in Python.
///
/// ```
/// use poly_core::geometry::{squared_distance, squared_reach};
/// assert_eq!(squared_reach(3.0), 9.0);
/// assert!(!(squared_distance([0.0, 0.0], [0.5, 0.0]) < squared_reach(-1.0)));
/// assert!(!(squared_distance([0.0, 0.0], [0.5, 0.0]) < squared_reach(f64::NEG_INFINITY)));
/// ```
#[must_use]
pub fn squared_reach(max_dist: f64) -> f64 {
    if max_dist > 0.0 {
        max_dist * max_dist
    } else {
        f64::NEG_INFINITY
    }
}

/// The distance between two points, `sqrt(dx² + dy²)`, rounded as `np.linalg.norm(a - b)` rounds it.
///
/// ```
/// assert_eq!(poly_core::geometry::distance([0.0, 0.0], [3.0, 4.0]), 5.0);
/// ```
#[must_use]
#[inline]
pub fn distance(a: Point, b: Point) -> f64 {
    squared_distance(a, b).sqrt()
}

/// The Python original's test, `norm(center - point) < max_dist`, with its exact rounding.
///
/// Anything NaN (a coordinate, the point, `max_dist`) makes it false, as in Python; so does a distance that
/// overflows to infinity, even when `max_dist` is infinite.
///
/// ```
/// use poly_core::geometry::is_close;
/// assert!(is_close([0.0, 0.0], [3.0, 4.0], 5.5));
/// assert!(!is_close([0.0, 0.0], [3.0, 4.0], 5.0)); // strictly closer
/// assert!(!is_close([0.0, 0.0], [f64::NAN, 0.0], 5.0));
/// assert!(!is_close([0.0, 0.0], [1.0, 0.0], f64::NAN));
/// ```
#[must_use]
#[inline]
pub fn is_close(center: Point, point: Point, max_dist: f64) -> bool {
    distance(center, point) < max_dist
}

/// The Python original's test against one `max_dist`, answered mostly without the square root.
///
/// [`is_close`] takes a square root per polygon. Squaring instead (`d² < max_dist²`) is the article's
/// fourth step, but it rounds differently within an ulp or two of the boundary, and `max_dist²` underflows
/// for tiny distances. `Reach` keeps the exact answer: it compares `d²` with `max_dist²` widened and narrowed
/// by a relative 1e-12, far more than the rounding of either form, and takes the square root only for the
/// rare `d²` between the two. When `max_dist²` is not a normal positive number (NaN, zero, negative,
/// subnormal, infinite `max_dist`), every test is exact.
///
/// ```
/// use poly_core::geometry::{Reach, is_close};
/// let reach = Reach::new(5.0);
/// for d in [4.0, 4.999_999_999_999_999, 5.0, 5.000_000_000_000_001, 6.0] {
///     assert_eq!(reach.contains([0.0, 0.0], [d, 0.0]), is_close([0.0, 0.0], [d, 0.0], 5.0));
/// }
/// assert!(!Reach::new(-5.0).contains([0.0, 0.0], [1.0, 0.0]));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reach {
    max_dist: f64,
    /// Below this squared distance a center is surely close.
    inside: f64,
    /// At or above this squared distance a center is surely not close.
    outside: f64,
}

impl Reach {
    /// The relative margin around `max_dist²` inside which the square root decides.
    const MARGIN: f64 = 1e-12;

    /// Prepares the test `distance(center, point) < max_dist`.
    #[must_use]
    pub fn new(max_dist: f64) -> Self {
        let square = max_dist * max_dist;
        if max_dist > 0.0 && square.is_normal() {
            Self {
                max_dist,
                inside: square * (1.0 - Self::MARGIN),
                outside: square * (1.0 + Self::MARGIN),
            }
        } else {
            // No shortcut: every finite squared distance goes to the exact test.
            Self {
                max_dist,
                inside: f64::NEG_INFINITY,
                outside: f64::INFINITY,
            }
        }
    }

    /// The `max_dist` this test was made for.
    #[must_use]
    pub fn max_dist(&self) -> f64 {
        self.max_dist
    }

    /// Exactly [`is_close`]`(center, point, max_dist)`.
    #[must_use]
    #[inline]
    #[allow(clippy::needless_bitwise_bool)] // no short-circuit on purpose: see below
    pub fn contains(&self, center: Point, point: Point) -> bool {
        let square = squared_distance(center, point);
        // Written with `|` and `&` rather than `if`s so that the common cases compile to flag arithmetic
        // and no branch: whether a center is close is a coin toss the branch predictor would often lose.
        // The one branch left, into the square root, is taken only near the boundary (or for NaN).
        let surely_in = square < self.inside;
        let undecided = !(surely_in | (square >= self.outside));
        surely_in | (undecided && square.sqrt() < self.max_dist)
    }
}

/// The article's first distance: `(center - point).norm()` with ndarray-linalg's `Norm`, on an owned copy of
/// the center, as the article's naive port computed it. Kept to show what the allocation costs; the result
/// is the same number as [`distance`].
///
/// Both arrays must hold two numbers; anything else is refused rather than broadcast (or panicked on).
///
/// ```
/// use ndarray::array;
/// use poly_core::geometry::norm_distance;
/// assert_eq!(norm_distance(array![0.0, 0.0], &array![3.0, 4.0].view()), Ok(5.0));
/// assert!(norm_distance(array![0.0, 0.0, 0.0], &array![3.0, 4.0].view()).is_err());
/// ```
pub fn norm_distance(center: Array1<f64>, point: &ArrayView1<'_, f64>) -> Result<f64, PolyError> {
    if center.len() != 2 {
        return Err(PolyError::PointLength(center.len()));
    }
    if point.len() != 2 {
        return Err(PolyError::PointLength(point.len()));
    }
    Ok((center - point).norm_l2())
}

/// What the search needs to know about one polygon: its center and its area, computed once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CenterArea {
    /// The mean of the vertices, `[mean(x), mean(y)]`, as numpy computes it.
    pub center: Point,
    /// The exact shoelace area, rounded once (see [`shoelace_area`]).
    pub area: f64,
}

impl CenterArea {
    /// Center and area of the polygon with vertices `(x[i], y[i])`.
    ///
    /// NaN and infinite coordinates are accepted, as in Python; such a polygon's center is NaN or infinite,
    /// and it is close to no point.
    ///
    /// ```
    /// use poly_core::{PolyError, CenterArea};
    /// let square = CenterArea::new(&[0.0, 2.0, 2.0, 0.0], &[0.0, 0.0, 2.0, 2.0])?;
    /// assert_eq!(square.center, [1.0, 1.0]);
    /// assert_eq!(square.area, 4.0);
    /// assert_eq!(CenterArea::new(&[], &[]), Err(PolyError::Empty));
    /// assert_eq!(CenterArea::new(&[1.0], &[]), Err(PolyError::LengthMismatch { x: 1, y: 0 }));
    /// # Ok::<(), PolyError>(())
    /// ```
    pub fn new(x: &[f64], y: &[f64]) -> Result<Self, PolyError> {
        if x.len() != y.len() {
            return Err(PolyError::LengthMismatch {
                x: x.len(),
                y: y.len(),
            });
        }
        if x.is_empty() {
            return Err(PolyError::Empty);
        }
        Ok(Self {
            center: [numpy_mean(x), numpy_mean(y)],
            area: shoelace_area(x, y),
        })
    }
}

/// Reads a point from a slice (or an ndarray row) of exactly two numbers.
///
/// ```
/// use poly_core::{geometry::point_from, PolyError};
/// assert_eq!(point_from(&[1.0, 2.0]), Ok([1.0, 2.0]));
/// assert_eq!(point_from(&[1.0, 2.0, 3.0]), Err(PolyError::PointLength(3)));
/// ```
pub fn point_from(coordinates: &[f64]) -> Result<Point, PolyError> {
    match *coordinates {
        [x, y] => Ok([x, y]),
        _ => Err(PolyError::PointLength(coordinates.len())),
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // equality to the last bit with numpy is what these tests check
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The article's template polygon: x = 0, 0.1, .., 0.9 (as `np.arange(0.0, 1.0, 0.1)` computes them,
    /// `i * 0.1`) and y = sqrt(1 - x²).
    fn template() -> (Vec<f64>, Vec<f64>) {
        let x: Vec<f64> = (0..10).map(|i| f64::from(i) * 0.1).collect();
        let y = x.iter().map(|v| (1.0 - v * v).sqrt()).collect();
        (x, y)
    }

    #[test]
    fn mean_is_numpys() {
        // np.mean of the same numbers (numpy 2.4): numpy's pairwise sum divided by the count.
        let awkward = |n: u32| -> Vec<f64> {
            (0..n)
                .map(|i| f64::from((i * 7919) % 1000) / 7.0 + 1e8 * f64::from(i % 3))
                .collect()
        };
        assert_eq!(numpy_mean(&awkward(20)), 95_000_075.785_714_3);
        assert_eq!(numpy_mean(&awkward(300)), 100_000_071.5);
    }

    #[test]
    fn template_polygon_center_is_numpys_and_area_is_exact() {
        // The center: numpy's Polygon(x, y).center of the article's template (printed with repr()). The area:
        // Python's float(abs(sum of Fraction products) / 2), which numpy's dot misses in the last bits.
        let (x, y) = template();
        let shape = CenterArea::new(&x, &y).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            shape.center,
            [0.450_000_000_000_000_07, 0.826_129_581_562_079_5]
        );
        assert_eq!(shape.area, 0.108_184_634_385_045_93);
    }

    #[test]
    fn degenerate_polygons_have_no_area() {
        assert_eq!(shoelace_area(&[1.0], &[2.0]), 0.0);
        assert_eq!(shoelace_area(&[1.0, 3.0], &[2.0, 5.0]), 0.0);
        assert_eq!(shoelace_area(&[], &[]), 0.0);
    }

    #[test]
    fn nan_and_infinity_are_never_close() {
        assert!(!is_close([f64::NAN, 0.0], [0.0, 0.0], 10.0));
        assert!(!is_close([f64::INFINITY, 0.0], [0.0, 0.0], f64::INFINITY));
        assert!(!is_close(
            [0.0, 0.0],
            [f64::NEG_INFINITY, 0.0],
            f64::INFINITY
        ));
        assert!(
            is_close([1e300, 0.0], [0.0, 0.0], f64::INFINITY)
                == (distance([1e300, 0.0], [0.0, 0.0]) < f64::INFINITY)
        );
        assert!(!is_close([0.0, 0.0], [0.0, 0.0], 0.0));
        assert!(!is_close([0.0, 0.0], [0.0, 0.0], -1.0));
    }

    #[test]
    fn errors_name_the_sizes() {
        assert_eq!(
            PolyError::LengthMismatch { x: 3, y: 2 }.to_string(),
            "x and y must have the same length, got 3 x values and 2 y values"
        );
        assert_eq!(
            PolyError::PointLength(3).to_string(),
            "a point has 2 coordinates, got 3"
        );
    }

    proptest! {
        #[test]
        fn norm_distance_equals_distance(a in prop::array::uniform2(-1e6f64..1e6), b in prop::array::uniform2(-1e6f64..1e6)) {
            let by_norm = norm_distance(Array1::from(a.to_vec()), &ArrayView1::from(&b[..]));
            prop_assert_eq!(by_norm, Ok(distance(a, b)));
        }

        #[test]
        fn area_does_not_depend_on_the_starting_vertex(
            coords in prop::collection::vec((-100f64..100.0, -100f64..100.0), 3..40),
            shift in 0usize..40,
        ) {
            let (x, y): (Vec<f64>, Vec<f64>) = coords.iter().copied().unzip();
            let k = shift % x.len();
            let rotate = |v: &[f64]| -> Vec<f64> { v[k..].iter().chain(&v[..k]).copied().collect() };
            let a = shoelace_area(&x, &y);
            let b = shoelace_area(&rotate(&x), &rotate(&y));
            prop_assert_eq!(a.to_bits(), b.to_bits());
        }

        #[test]
        fn mean_is_within_the_values(values in prop::collection::vec(-1e9f64..1e9, 1..500)) {
            let mean = numpy_mean(&values);
            let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(mean >= lo - 1e-6 && mean <= hi + 1e-6);
        }

        #[test]
        fn reach_is_exactly_is_close(
            a in prop::array::uniform2(-1e3f64..1e3),
            b in prop::array::uniform2(-1e3f64..1e3),
            r in prop_oneof![0.0f64..2e3, Just(f64::NAN), Just(-3.0), Just(f64::INFINITY), 1e-200f64..1e-150],
        ) {
            prop_assert_eq!(Reach::new(r).contains(a, b), is_close(a, b, r));
            // On the boundary itself, where rounding decides.
            let d = distance(a, b);
            for r in [d, d.next_up(), d.next_down()] {
                prop_assert_eq!(Reach::new(r).contains(a, b), is_close(a, b, r));
            }
        }

        #[test]
        fn is_close_agrees_with_squared_comparison_away_from_the_boundary(
            a in prop::array::uniform2(-1e3f64..1e3),
            b in prop::array::uniform2(-1e3f64..1e3),
            r in 0.0f64..2e3,
        ) {
            let d2 = squared_distance(a, b);
            prop_assume!((d2 - r * r).abs() > 1e-6 * (1.0 + r * r));
            prop_assert_eq!(is_close(a, b, r), d2 < r * r);
        }
    }
}
