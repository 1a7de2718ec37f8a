//! Chapter 5 in pure Rust: one trivial computation, a sum, over the three shapes in which numbers arrive
//! from Python.
//!
//! The work is deliberately tiny (one addition per number) so that what chapter 5 measures is the cost of
//! getting the numbers to Rust, not the cost of the computation:
//! - [`sum_slice`]: a contiguous `&[f64]`, what a Python `list` becomes after conversion to `Vec<f64>`;
//! - [`sum_view`]: an `ndarray` view of any stride, what a numpy array is when read in place;
//! - [`sum_bytes`]: raw bytes, what `bytes` or a memory-mapped file gives.
//!
//! Those add in order, one number after the other, as a Python loop does: each addition waits for the one
//! before it. numpy's `array.sum()` does not; it adds pairwise over eight running sums ([`numpy_sum_view`]),
//! which the processor can overlap, and which rounds less. Comparing a Rust in-order loop with numpy's sum
//! would measure that choice, not the boundary, so chapter 5 shows both orders.

use ndarray::{ArrayView1, Axis};
/// The sum of a contiguous slice in numpy's order: the same bits as `np.add.reduce`, i.e. `array.sum()`
/// (the order lives in the `numpy-order` crate, which chapter 3 uses for numpy's `mean`).
pub use numpy_order::numpy_sum;
use numpy_order::{PAIRWISE_BLOCK, pairwise_sum, split_point};

/// The sum of a contiguous slice of floats, added one at a time in order, as a plain Python loop adds them
/// (and as Python's `sum` did before 3.12; since then it compensates rounding errors).
///
/// Python starts from `0`, so the sum of nothing, or of negative zeros, is a positive zero; so is
/// this one (Rust's own `Iterator::sum` for floats starts from `-0.0`).
///
/// ```
/// assert_eq!(boundary_core::sum_slice(&[0.5, 1.5, 2.0]), 4.0);
/// assert!(boundary_core::sum_slice(&[-0.0]).is_sign_positive());
/// ```
#[must_use]
pub fn sum_slice(values: &[f64]) -> f64 {
    sum_in_order(values.iter())
}

/// `0.0 + v0 + v1 + ...`, left to right: a Python `for` loop's `total += v`.
fn sum_in_order<'a>(values: impl Iterator<Item = &'a f64>) -> f64 {
    values.fold(0.0, |sum, &v| sum + v)
}

/// The sum of a one-dimensional array view of any stride, in order.
///
/// ```
/// let a = ndarray::array![1.0, 2.0, 3.0, 4.0];
/// assert_eq!(boundary_core::sum_view(&a.slice(ndarray::s![..;2])), 4.0);
/// ```
#[must_use]
pub fn sum_view(values: &ArrayView1<'_, f64>) -> f64 {
    // `as_slice` is the contiguous fast path; a strided view (every other element, reversed) falls back
    // to the element iterator, which follows the strides.
    match values.as_slice() {
        Some(slice) => sum_slice(slice),
        None => sum_in_order(values.iter()),
    }
}

/// The sum of a one-dimensional view of any stride in numpy's order (numpy follows the view's own order,
/// reversed or strided, without copying it; so does this).
///
/// ```
/// let a = ndarray::array![1.0, 2.0, 3.0, 4.0];
/// assert_eq!(boundary_core::numpy_sum_view(&a.slice(ndarray::s![..;-2])), 6.0);
/// ```
#[must_use]
pub fn numpy_sum_view(values: &ArrayView1<'_, f64>) -> f64 {
    match values.as_slice() {
        Some(slice) => numpy_sum(slice),
        None => 0.0 + pairwise_strided(values),
    }
}

/// The same order on a strided view: halves are split off the view, and each block of at most 128 numbers
/// is read into a buffer on the stack (the array itself is never copied).
fn pairwise_strided(values: &ArrayView1<'_, f64>) -> f64 {
    let n = values.len();
    if n <= PAIRWISE_BLOCK {
        let mut block = [0.0; PAIRWISE_BLOCK];
        for (slot, &v) in block.iter_mut().zip(values.iter()) {
            *slot = v;
        }
        pairwise_sum(&block[..n])
    } else {
        let (left, right) = values.view().split_at(Axis(0), split_point(n));
        pairwise_strided(&left) + pairwise_strided(&right)
    }
}

/// The sum of the byte values, as an integer that cannot overflow for any input that fits in memory.
///
/// ```
/// assert_eq!(boundary_core::sum_bytes(b"\x01\x02\xff"), 258);
/// ```
#[must_use]
pub fn sum_bytes(bytes: &[u8]) -> u64 {
    bytes.iter().map(|&b| u64::from(b)).sum()
}

#[cfg(test)]
// Sums taken in the same order are bit-identical, so exact float comparison is the right test.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use ndarray::{Array1, s};
    use proptest::prelude::*;

    /// numpy's order written out plainly, the way its C source reads: the reference for the proptests.
    fn numpy_reference(values: &[f64]) -> f64 {
        fn pairwise(v: &[f64]) -> f64 {
            let n = v.len();
            if n < 8 {
                let mut sum = -0.0;
                for x in v {
                    sum += x;
                }
                sum
            } else if n <= 128 {
                let mut r = [v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]];
                let mut i = 8;
                while i + 8 <= n {
                    for k in 0..8 {
                        r[k] += v[i + k];
                    }
                    i += 8;
                }
                let mut sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                for x in &v[i..] {
                    sum += x;
                }
                sum
            } else {
                let mut half = n / 2;
                half -= half % 8;
                pairwise(&v[..half]) + pairwise(&v[half..])
            }
        }
        0.0 + pairwise(values)
    }

    #[test]
    fn empty_inputs_sum_to_zero() {
        assert_eq!(numpy_sum(&[]), 0.0);
        assert_eq!(numpy_sum_view(&Array1::<f64>::zeros(0).view()), 0.0);
        assert_eq!(sum_slice(&[]), 0.0);
        assert_eq!(sum_view(&Array1::<f64>::zeros(0).view()), 0.0);
        assert_eq!(sum_bytes(&[]), 0);
    }

    #[test]
    fn zeros_sum_to_a_positive_zero_as_in_python() {
        // Python: sum([]) == 0, sum([-0.0]) == 0.0, and repr() shows no sign. Compared by bits, since
        // -0.0 == 0.0.
        let minus = Array1::from(vec![-0.0, 7.0, -0.0]);
        for sum in [
            sum_slice(&[]),
            sum_slice(&[-0.0]),
            sum_slice(&[-0.0, -0.0]),
            sum_view(&minus.slice(s![..;2])),
            sum_view(&Array1::<f64>::zeros(0).view()),
            numpy_sum(&[-0.0; 20]),
            numpy_sum_view(&minus.slice(s![..;-2])),
        ] {
            assert_eq!(sum.to_bits(), 0.0f64.to_bits());
        }
    }

    proptest! {
        #[test]
        fn view_equals_slice_for_any_stride(values in prop::collection::vec(-1e6f64..1e6, 0..200), step in 1isize..4) {
            let array = Array1::from(values);
            let strided = array.slice(s![..;step]);
            let reversed = array.slice(s![..;-step]);
            let expected = strided.iter().fold(0.0, |s, v| s + v);
            prop_assert_eq!(sum_view(&strided), expected);
            prop_assert_eq!(sum_view(&reversed), reversed.iter().fold(0.0, |s, v| s + v));
            prop_assert_eq!(sum_view(&array.view()), sum_slice(array.as_slice().unwrap_or(&[])));
        }

        #[test]
        fn numpy_order_on_any_stride(values in prop::collection::vec(-1e6f64..1e6, 0..1100), step in 1isize..4) {
            let array = Array1::from(values);
            for view in [array.view(), array.slice(s![..;step]), array.slice(s![..;-step])] {
                let copied: Vec<f64> = view.iter().copied().collect();
                let expected = numpy_reference(&copied);
                prop_assert_eq!(numpy_sum_view(&view).to_bits(), expected.to_bits());
                prop_assert_eq!(numpy_sum(&copied).to_bits(), expected.to_bits());
            }
        }

        #[test]
        fn bytes_sum_is_exact(bytes in prop::collection::vec(any::<u8>(), 0..500)) {
            let expected: u64 = bytes.iter().map(|&b| u64::from(b)).sum();
            prop_assert_eq!(sum_bytes(&bytes), expected);
        }
    }
}
