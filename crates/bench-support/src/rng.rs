//! A deterministic random source for benchmark inputs: `SplitMix64`.
//!
//! Benchmarks must build identical inputs on every machine and in every run, and need no cryptographic
//! quality; `SplitMix64` (Steele, Lea and Flood, 2014) is a dozen lines, passes `BigCrush`, and needs no crate.

/// A `SplitMix64` generator: 64 bits of state, one addition and three mix steps per number.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator that always produces the same sequence for the same `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound > 0`), by Lemire's multiply-shift; its bias is below 2^-32 for the
    /// small bounds benchmarks use.
    ///
    /// ```
    /// let mut rng = bench_support::rng::SplitMix64::new(7);
    /// assert!((0..1000).all(|_| rng.below(26) < 26));
    /// ```
    pub fn below(&mut self, bound: u32) -> u32 {
        let product = (self.next_u64() >> 32) * u64::from(bound);
        // The high half of a 32x32-bit product is below `bound`, so it fits in u32.
        u32::try_from(product >> 32).unwrap_or(u32::MAX)
    }

    /// A float in `[0, 1)` with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_first_outputs() {
        // Reference values of SplitMix64 seeded with 1234567 (from the algorithm's published test vector).
        let mut rng = SplitMix64::new(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn below_covers_its_range() {
        let mut rng = SplitMix64::new(3);
        let mut seen = [false; 26];
        for _ in 0..10_000 {
            seen[rng.below(26) as usize] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }

    #[test]
    fn floats_are_in_unit_interval() {
        let mut rng = SplitMix64::new(9);
        assert!(
            (0..10_000)
                .map(|_| rng.next_f64())
                .all(|x| (0.0..1.0).contains(&x))
        );
    }
}
