//! A search prepared once and asked many times: [`PolygonIndex`].
//!
//! [`crate::best_polygons`] builds its grid over the centers on every call, which is right for one call
//! and wasteful for a stream of batches of points against the same polygons. A [`PolygonIndex`] owns the
//! polygons' centers and areas and the [`GridIndex`] over them, built once; every query then goes through
//! the same [`Search`] code as the one-shot functions, so both give the same answers.
//!
//! It can also be rebuilt from flat arrays of vertices ([`PolygonIndex::from_outlines`]): all the `x`
//! values one polygon after the other, the same for `y`, and where each polygon starts. That is how the
//! Python wrapper ships an index to another process (pickle, a process pool, a Dask worker) without one
//! Python object per polygon; the centers and areas are computed again there by [`CenterArea::new`], the one
//! function every polygon of this crate gets its area from.

use std::sync::atomic::AtomicBool;

use crate::PolyError;
use crate::geometry::{CenterArea, Point};
use crate::grid::GridIndex;
use crate::search::{Search, close_per_point, per_point};

/// Polygons (center and area) filed for one `max_dist`, answering any number of queries, from any
/// number of threads.
///
/// ```
/// use poly_core::{PolygonIndex, CenterArea};
/// let shapes = vec![
///     CenterArea { center: [0.0, 0.0], area: 3.0 },
///     CenterArea { center: [1.0, 0.0], area: 1.0 },
/// ];
/// let index = PolygonIndex::new(shapes, 5.0);
/// // One answer per point: the chosen polygon's position, or None when nothing is close.
/// assert_eq!(index.best_indices(&[[0.5, 0.0], [50.0, 0.0]]), vec![Some(1), None]);
/// assert_eq!(index.find_all_close(&[[0.5, 0.0]]), vec![(0, vec![0, 1])]);
/// ```
#[derive(Debug, Clone)]
pub struct PolygonIndex {
    shapes: Vec<CenterArea>,
    max_dist: f64,
    /// `None` where a grid cannot help (no polygons; a `max_dist` that is infinite, zero, negative or
    /// NaN; centers spread wider than `f64::MAX`): then every query scans every center, as Python does.
    grid: Option<GridIndex>,
}

impl PolygonIndex {
    /// Files `shapes` (a polygon's position in `shapes` is its index in every answer) for `max_dist`.
    ///
    /// Any `max_dist` is accepted and means what it means to [`crate::best_polygons`]: NaN, zero or a
    /// negative number find nothing, infinity finds every polygon with a finite center.
    #[must_use]
    pub fn new(shapes: Vec<CenterArea>, max_dist: f64) -> Self {
        let grid = if shapes.is_empty() {
            None
        } else {
            GridIndex::new(&shapes, max_dist)
        };
        Self {
            shapes,
            max_dist,
            grid,
        }
    }

    /// The index of the polygons whose vertices are `x[starts[i]..starts[i + 1]]` and the same range of
    /// `y`: polygon `i` of `starts.len() - 1`. `starts` begins at 0, rises strictly (every polygon has a
    /// vertex) and ends at `x.len()`, which is `y.len()`.
    ///
    /// ```
    /// use poly_core::{PolygonIndex, PolyError};
    /// // A unit square and a triangle, one after the other.
    /// let x = [0.0, 1.0, 1.0, 0.0, 5.0, 7.0, 5.0];
    /// let y = [0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 2.0];
    /// let index = PolygonIndex::from_outlines(&x, &y, &[0, 4, 7], 10.0)?;
    /// assert_eq!(index.len(), 2);
    /// assert_eq!(index.best_indices(&[[3.0, 0.0]]), vec![Some(0)]);
    /// assert!(PolygonIndex::from_outlines(&x, &y, &[0, 4, 4, 7], 10.0).is_err());
    /// # Ok::<(), PolyError>(())
    /// ```
    pub fn from_outlines(
        x: &[f64],
        y: &[f64],
        starts: &[usize],
        max_dist: f64,
    ) -> Result<Self, PolyError> {
        if x.len() != y.len() {
            return Err(PolyError::LengthMismatch {
                x: x.len(),
                y: y.len(),
            });
        }
        let bad = |reason: String| Err(PolyError::Outlines(reason));
        match (starts.first(), starts.last()) {
            (None, _) => {
                return bad("starts is empty; it must hold at least the 0 it begins with".into());
            }
            (Some(&first), _) if first != 0 => {
                return bad(format!("starts must begin at 0, not {first}"));
            }
            (_, Some(&last)) if last != x.len() => {
                return bad(format!(
                    "starts must end at the number of vertices, {}, not {last}",
                    x.len()
                ));
            }
            _ => {}
        }
        let mut shapes = Vec::with_capacity(starts.len() - 1);
        for (i, pair) in starts.windows(2).enumerate() {
            let (from, to) = (pair[0], pair[1]);
            if from >= to {
                return bad(format!(
                    "starts must rise strictly (every polygon has a vertex), but polygon {i} runs from \
                     {from} to {to}"
                ));
            }
            shapes.push(CenterArea::new(&x[from..to], &y[from..to])?);
        }
        Ok(Self::new(shapes, max_dist))
    }

    /// How many polygons the index holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.shapes.len()
    }

    /// Whether the index holds no polygon (it then answers every point with nothing).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.shapes.is_empty()
    }

    /// The `max_dist` the index was built for.
    #[must_use]
    pub fn max_dist(&self) -> f64 {
        self.max_dist
    }

    /// Each polygon's center and area, in input order.
    #[must_use]
    pub fn shapes(&self) -> &[CenterArea] {
        &self.shapes
    }

    fn search(&self) -> Search<'_> {
        Search::prepared(&self.shapes, self.max_dist, self.grid.as_ref())
    }

    /// For every point, in order: the close polygon of smallest area (first on ties, the Python rule),
    /// or `None` when no polygon is close. On the current rayon pool when there are many points.
    #[must_use]
    pub fn best_indices(&self, points: &[Point]) -> Vec<Option<usize>> {
        self.best_indices_stoppable(points, &AtomicBool::new(false))
            .unwrap_or_default()
    }

    /// [`Self::best_indices`], abandoned as soon as another thread sets `stop` (checked before each
    /// point): then `None`.
    #[must_use]
    pub fn best_indices_stoppable(
        &self,
        points: &[Point],
        stop: &AtomicBool,
    ) -> Option<Vec<Option<usize>>> {
        let search = self.search();
        per_point(&search, points, stop, |p| search.best_for(p))
    }

    /// [`crate::best_polygons`] through this index: `(point, polygon)` for each point with a close
    /// polygon; `None` if `stop` was set.
    #[must_use]
    pub fn best_polygons_stoppable(
        &self,
        points: &[Point],
        stop: &AtomicBool,
    ) -> Option<Vec<(usize, usize)>> {
        let best = self.best_indices_stoppable(points, stop)?;
        Some(
            best.into_iter()
                .enumerate()
                .filter_map(|(point, best)| best.map(|polygon| (point, polygon)))
                .collect(),
        )
    }

    /// [`crate::find_all_close`] through this index: `(point, close polygons in input order)` for each
    /// point with at least one close polygon.
    #[must_use]
    pub fn find_all_close(&self, points: &[Point]) -> Vec<(usize, Vec<usize>)> {
        self.find_all_close_stoppable(points, &AtomicBool::new(false))
            .unwrap_or_default()
    }

    /// [`Self::find_all_close`], abandoned as soon as another thread sets `stop`: then `None`.
    #[must_use]
    pub fn find_all_close_stoppable(
        &self,
        points: &[Point],
        stop: &AtomicBool,
    ) -> Option<Vec<(usize, Vec<usize>)>> {
        close_per_point(&self.search(), points, stop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{best_polygons, find_all_close};
    use proptest::prelude::*;

    fn coordinate() -> impl Strategy<Value = f64> {
        prop_oneof![
            10 => -40.0f64..40.0,
            2 => (-10i32..10).prop_map(f64::from),
            1 => Just(f64::NAN),
            1 => Just(f64::INFINITY),
        ]
    }

    fn shape() -> impl Strategy<Value = CenterArea> {
        let area = prop_oneof![10 => (0u8..4).prop_map(f64::from), 1 => Just(f64::NAN)];
        (prop::array::uniform2(coordinate()), area)
            .prop_map(|(center, area)| CenterArea { center, area })
    }

    #[test]
    fn empty_index_answers_none() {
        let index = PolygonIndex::new(Vec::new(), 1.0);
        assert!(index.is_empty());
        assert_eq!(index.best_indices(&[[0.0, 0.0]; 3]), vec![None; 3]);
        assert!(index.find_all_close(&[[0.0, 0.0]]).is_empty());
    }

    #[test]
    fn a_stopped_index_answers_nothing() {
        let shapes = vec![
            CenterArea {
                center: [0.0, 0.0],
                area: 1.0,
            };
            10
        ];
        let index = PolygonIndex::new(shapes, 2.0);
        let stop = AtomicBool::new(true);
        for n in [1, 2000] {
            let points = vec![[0.5, 0.0]; n];
            assert_eq!(index.best_indices_stoppable(&points, &stop), None);
            assert_eq!(index.best_polygons_stoppable(&points, &stop), None);
            assert_eq!(index.find_all_close_stoppable(&points, &stop), None);
        }
    }

    #[test]
    fn outlines_are_checked() {
        let x = [0.0, 1.0, 1.0];
        let y = [0.0, 0.0, 1.0];
        for starts in [&[][..], &[1, 3], &[0, 2], &[0, 2, 2, 3], &[0, 3, 2, 3]] {
            assert!(
                matches!(
                    PolygonIndex::from_outlines(&x, &y, starts, 1.0),
                    Err(PolyError::Outlines(_))
                ),
                "{starts:?}"
            );
        }
        assert_eq!(
            PolygonIndex::from_outlines(&x, &y[..2], &[0, 2], 1.0).err(),
            Some(PolyError::LengthMismatch { x: 3, y: 2 })
        );
        let none = PolygonIndex::from_outlines(&[], &[], &[0], 1.0).expect("no polygon is fine");
        assert!(none.is_empty());
    }

    proptest! {
        #[test]
        fn the_index_answers_as_the_one_shot_functions(
            shapes in prop::collection::vec(shape(), 0..120),
            points in prop::collection::vec(prop::array::uniform2(coordinate()), 0..30),
            max_dist in prop_oneof![0.5f64..20.0, Just(0.0), Just(f64::NAN), Just(-1.0), Just(f64::INFINITY)],
        ) {
            let index = PolygonIndex::new(shapes.clone(), max_dist);
            let best = best_polygons(&shapes, &points, max_dist);
            let indices = index.best_indices(&points);
            prop_assert_eq!(indices.len(), points.len());
            let pairs: Vec<(usize, usize)> = indices
                .iter()
                .enumerate()
                .filter_map(|(p, b)| b.map(|b| (p, b)))
                .collect();
            prop_assert_eq!(&pairs, &best);
            let never = AtomicBool::new(false);
            prop_assert_eq!(index.best_polygons_stoppable(&points, &never), Some(best));
            prop_assert_eq!(index.find_all_close(&points), find_all_close(&shapes, &points, max_dist));
        }

        #[test]
        fn outlines_give_the_shapes_of_each_polygon(
            polygons in prop::collection::vec(
                prop::collection::vec(prop::array::uniform2(-50.0f64..50.0), 1..12), 0..20),
            max_dist in 0.5f64..30.0,
        ) {
            let mut starts = vec![0];
            let (mut x, mut y) = (Vec::new(), Vec::new());
            let mut shapes = Vec::new();
            for vertices in &polygons {
                let (px, py): (Vec<f64>, Vec<f64>) = vertices.iter().map(|v| (v[0], v[1])).unzip();
                shapes.push(CenterArea::new(&px, &py).expect("non-empty"));
                x.extend(px);
                y.extend(py);
                starts.push(x.len());
            }
            let index = PolygonIndex::from_outlines(&x, &y, &starts, max_dist).expect("valid outlines");
            prop_assert_eq!(index.shapes(), &shapes[..]);
            prop_assert_eq!(index.max_dist().to_bits(), max_dist.to_bits());
        }
    }
}
