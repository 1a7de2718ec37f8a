//! The article's kind of data, generated in Rust for the benchmarks and the stopwatch binary.
//!
//! The article copies one ten-vertex polygon (x = 0, 0.1, .., 0.9 and y = sqrt(1 - x²), a slice of the unit
//! circle) to random whole-number offsets on a 100 × 100 field, and asks about 100 points on that field
//! with `max_dist = 10`. The Python side draws its numbers from numpy's `RandomState(6)`; this module draws
//! the same kind of numbers from [`SplitMix64`], so the sizes and densities match but not the exact values.

use bench_support::rng::SplitMix64;

use crate::geometry::{CenterArea, Point};

/// The article's `max_dist`.
pub const MAX_DIST: f64 = 10.0;

/// The article's template polygon: `x = i * 0.1` for `i in 0..10` (what `np.arange(0.0, 1.0, 0.1)` holds)
/// and `y = sqrt(1 - x²)`.
#[must_use]
pub fn template() -> (Vec<f64>, Vec<f64>) {
    let x: Vec<f64> = (0..10).map(|i| f64::from(i) * 0.1).collect();
    let y = x.iter().map(|v| (1.0 - v * v).sqrt()).collect();
    (x, y)
}

/// Polygons and points on a square field.
#[derive(Debug, Clone)]
pub struct Field {
    /// Each polygon's vertices, `(x, y)`.
    pub polygons: Vec<(Vec<f64>, Vec<f64>)>,
    /// The query points.
    pub points: Vec<Point>,
}

impl Field {
    /// `polygons` copies of the template shifted by whole numbers in `0..size`, and `points` points with
    /// coordinates uniform in `[0, size)`; the same `seed` always gives the same field.
    ///
    /// ```
    /// let field = poly_core::example::Field::new(1000, 100, 100, 6);
    /// assert_eq!(field.polygons.len(), 1000);
    /// assert!(field.points.iter().all(|p| (0.0..100.0).contains(&p[0])));
    /// ```
    #[must_use]
    pub fn new(polygons: usize, points: usize, size: u32, seed: u64) -> Self {
        let mut rng = SplitMix64::new(seed);
        let (tx, ty) = template();
        let polygons = (0..polygons)
            .map(|_| {
                let dx = f64::from(rng.below(size));
                let dy = f64::from(rng.below(size));
                (
                    tx.iter().map(|v| v + dx).collect(),
                    ty.iter().map(|v| v + dy).collect(),
                )
            })
            .collect();
        let size = f64::from(size);
        let points = (0..points)
            .map(|_| [rng.next_f64() * size, rng.next_f64() * size])
            .collect();
        Self { polygons, points }
    }

    /// The article's sizes: 1000 polygons and 100 points on a 100 × 100 field.
    #[must_use]
    pub fn article() -> Self {
        Self::new(1000, 100, 100, 6)
    }

    /// Center and area of every polygon (the work a `Polygon` constructor does once).
    #[must_use]
    pub fn shapes(&self) -> Vec<CenterArea> {
        self.polygons
            .iter()
            .filter_map(|(x, y)| CenterArea::new(x, y).ok())
            .collect()
    }
}
