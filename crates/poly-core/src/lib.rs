//! Chapter 3 in pure Rust: which polygons are close to a point, and which of them is the smallest.
//!
//! Ohad Ravid's article "Making Python 100x faster with less than 100 lines of Rust" starts from a Python
//! `main` that, for each of 100 points, keeps the polygons whose center is closer than `max_dist` and then
//! picks the one with the smallest area. This crate is the computation without Python:
//!
//! - [`geometry`]: a polygon's center (numpy's own rounding) and its exact shoelace area ([`CenterArea`], the
//!   area from [`exact`]), and the distance test of the Python original;
//! - [`search`]: the search for one point, the smallest-area rule, and the whole of `main` for many points
//!   ([`best_polygons`], [`find_all_close`]);
//! - [`grid`]: the uniform grid ([`GridIndex`]) that lets many points share one pass over the polygons;
//! - [`index`]: [`PolygonIndex`], the grid built once and asked many times (chapter 8), and rebuilt from
//!   flat arrays of vertices in another process;
//! - [`example`]: the article's kind of data, for benchmarks and the `poly-match` binary.
//!
//! The pyo3 wrapper (`crates/poly-py`, the wheel `poly_match_rs`) converts Python objects to these types,
//! calls in here with the GIL released, and converts back.
//!
//! ```
//! use poly_core::{best_polygons, CenterArea};
//! let triangle = CenterArea::new(&[0.0, 4.0, 0.0], &[0.0, 0.0, 3.0])?;
//! let square = CenterArea::new(&[10.0, 11.0, 11.0, 10.0], &[0.0, 0.0, 1.0, 1.0])?;
//! assert_eq!(triangle.area, 6.0);
//! // Point 0 is near both polygons and gets the smaller one; point 1 is near neither.
//! assert_eq!(best_polygons(&[triangle, square], &[[6.0, 1.0], [50.0, 50.0]], 10.0), vec![(0, 1)]);
//! # Ok::<(), poly_core::PolyError>(())
//! ```

pub mod error;
pub mod exact;
pub mod example;
pub mod geometry;
pub mod grid;
pub mod index;
pub mod search;

pub use error::PolyError;
pub use geometry::{CenterArea, Point};
pub use grid::GridIndex;
pub use index::PolygonIndex;
pub use search::{
    Search, SmallestArea, best_polygons, best_polygons_stoppable, close_indices, find_all_close,
    find_all_close_stoppable,
};
