//! Why a polygon or a point was refused.
//!
//! The core checks only what its own types cannot express: that `x` and `y` pair up into vertices, and that a
//! point given as a slice or an array has exactly two coordinates. Everything else (dtypes, dimensions, what
//! kind of Python object was passed) is the wrapper's business, because only the wrapper knows the names
//! the caller used.

/// A polygon or a point the core cannot work with. Each variant carries the sizes the caller passed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolyError {
    /// `x` and `y` were both empty: a polygon has at least one vertex, and its center would be 0/0.
    #[error("a polygon needs at least one vertex, but x and y are empty")]
    Empty,
    /// `x` and `y` have different lengths, so they do not pair up into vertices.
    #[error("x and y must have the same length, got {x} x values and {y} y values")]
    LengthMismatch {
        /// How many `x` values were given.
        x: usize,
        /// How many `y` values were given.
        y: usize,
    },
    /// A point (or a center) was given with a number of coordinates other than two.
    #[error("a point has 2 coordinates, got {0}")]
    PointLength(usize),
    /// Flat outlines (all polygons' vertices one after the other) whose starts do not cut them into
    /// polygons; the text says which rule was broken.
    #[error("outlines do not split into polygons: {0}")]
    Outlines(String),
}
