//! numpy's order of summation, for the chapters whose results must equal numpy's to the last bit
//! (chapter 3's polygon centers, chapter 5's `sum_array`).
//!
//! numpy's `np.add.reduce` over a contiguous float64 run starts from the identity `0.0` and adds a
//! *pairwise* sum: fewer than 8 numbers are added in order; up to 128 (`PW_BLOCKSIZE` in numpy's sources)
//! are spread over eight running sums combined as a tree; longer runs are split in two, at the middle
//! rounded down to a multiple of 8, and each half is summed the same way. The rounding error grows like
//! `log n` instead of `n`, and the eight independent sums keep the processor's adders busy.

/// numpy's block size: runs up to this long are summed in eight lanes, longer ones are split.
pub const PAIRWISE_BLOCK: usize = 128;

/// The sum of `values` exactly as numpy's `np.add.reduce` computes it for a contiguous float64 array.
///
/// ```
/// use numpy_order::numpy_sum;
/// assert_eq!(numpy_sum(&[1.0, 2.0, 3.5]), 6.5);
/// assert_eq!(numpy_sum(&[]), 0.0);
/// // -0.0 + 0.0 is 0.0: numpy's sum of negative zeros is a positive zero, and so is this one.
/// assert!(numpy_sum(&[-0.0, -0.0]).is_sign_positive());
/// ```
#[must_use]
pub fn numpy_sum(values: &[f64]) -> f64 {
    0.0 + pairwise_sum(values)
}

/// numpy's `pairwise_sum` of a contiguous run, without the leading `0.0 +` (so that a caller summing a
/// strided view block by block can combine the blocks as numpy does).
#[must_use]
pub fn pairwise_sum(values: &[f64]) -> f64 {
    if values.len() < 8 {
        // -0.0 is the neutral element of addition (0.0 is not, for a sum of negative zeros).
        values.iter().fold(-0.0, |sum, &v| sum + v)
    } else if values.len() <= PAIRWISE_BLOCK {
        let mut blocks = values.chunks_exact(8);
        let mut lanes = [0.0; 8];
        if let Some(first) = blocks.next() {
            lanes.copy_from_slice(first);
        }
        for block in blocks.by_ref() {
            for (lane, &v) in lanes.iter_mut().zip(block) {
                *lane += v;
            }
        }
        let tree = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
            + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        blocks.remainder().iter().fold(tree, |sum, &v| sum + v)
    } else {
        let (left, right) = values.split_at(split_point(values.len()));
        pairwise_sum(left) + pairwise_sum(right)
    }
}

/// Where numpy halves a run longer than one block: the middle, rounded down to a multiple of 8.
#[must_use]
pub fn split_point(len: usize) -> usize {
    let half = len / 2;
    half - half % 8
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // equality to the last bit with numpy is what these tests check
mod tests {
    use super::*;

    /// A run whose sum depends on the order of the additions.
    fn awkward(n: u32) -> Vec<f64> {
        (0..n)
            .map(|i| f64::from((i * 7919) % 1000) / 7.0 + 1e8 * f64::from(i % 3))
            .collect()
    }

    #[test]
    fn sums_equal_numpys() {
        // np.add.reduce of the same numbers (numpy 2.4); the sequential sum of 300 differs.
        assert_eq!(numpy_sum(&awkward(20)), 1_900_001_515.714_285_9);
        assert_eq!(numpy_sum(&awkward(300)), 30_000_021_450.0);
        assert_eq!(awkward(300).iter().sum::<f64>(), 30_000_021_450.000_01);
    }

    #[test]
    fn sum_of_short_runs_is_sequential() {
        let values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
        assert_eq!(numpy_sum(&values), values.iter().fold(0.0, |s, v| s + v));
    }

    #[test]
    fn sum_of_a_block_uses_eight_lanes() {
        let l: Vec<f64> = (1..=10).map(|v| f64::from(v) * 0.1).collect();
        let tree = ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
        assert_eq!(numpy_sum(&l[..8]), tree);
        // Ten values: eight lanes, then the two left over, in order.
        assert_eq!(numpy_sum(&l), tree + l[8] + l[9]);
    }

    #[test]
    fn long_runs_split_at_a_multiple_of_eight() {
        let values = awkward(300);
        // 300 / 2 = 150, rounded down to a multiple of 8: 144.
        assert_eq!(split_point(300), 144);
        assert_eq!(
            numpy_sum(&values),
            0.0 + (pairwise_sum(&values[..144]) + pairwise_sum(&values[144..]))
        );
    }
}
