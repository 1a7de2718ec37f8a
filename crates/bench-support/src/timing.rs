//! A stopwatch for the pure-Rust binaries: run a closure a few times, keep the median.
//!
//! The median, not the mean, because one run interrupted by the operating system should not move the result.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The result of timing one computation: what it returned and how long it took.
#[derive(Debug, Clone, PartialEq)]
pub struct Timing<T> {
    /// What the last run returned (every run computes the same thing).
    pub value: T,
    /// The median wall-clock time of one run.
    pub median: Duration,
    /// Every run's time, in the order they ran.
    pub runs: Vec<Duration>,
}

/// Runs `f` `repeat` times (at least once) and returns its value with the median time of one run.
///
/// The value passes through [`black_box`], so the optimiser cannot drop the work it came from.
///
/// ```
/// let t = bench_support::timing::time_median(3, || (1..=10u64).sum::<u64>());
/// assert_eq!(t.value, 55);
/// assert_eq!(t.runs.len(), 3);
/// ```
pub fn time_median<T, F: FnMut() -> T>(repeat: usize, mut f: F) -> Timing<T> {
    let repeat = repeat.max(1);
    let mut runs = Vec::with_capacity(repeat);
    let mut value = None;
    for _ in 0..repeat {
        let start = Instant::now();
        let v = black_box(f());
        runs.push(start.elapsed());
        value = Some(v);
    }
    let mut sorted = runs.clone();
    sorted.sort_unstable();
    let median = sorted[sorted.len() / 2];
    match value {
        Some(value) => Timing {
            value,
            median,
            runs,
        },
        // `repeat >= 1`, so the loop ran and `value` is set.
        None => unreachable!("time_median ran its closure at least once"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_repeats_still_runs_once() {
        let mut calls = 0;
        let t = time_median(0, || {
            calls += 1;
            calls
        });
        assert_eq!(t.value, 1);
        assert_eq!(t.runs.len(), 1);
    }

    #[test]
    fn median_is_one_of_the_runs() {
        let t = time_median(5, || std::thread::sleep(Duration::from_micros(50)));
        assert!(t.runs.contains(&t.median));
        assert!(t.median >= Duration::from_micros(50));
    }
}
