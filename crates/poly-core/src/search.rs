//! The close-polygon search and the whole of the article's `main`, over plain data.
//!
//! - [`close_indices`]: the Python `find_close_polygons` for one point, a scan in input order.
//! - [`SmallestArea`]: the Python `select_best_polygon` rule (smallest area, first on ties), as a reducer
//!   that accepts candidates in any order and still gives the answer the in-order Python loop gives.
//! - [`Search`]: one `max_dist`, many points; a [`GridIndex`] when it pays, otherwise a scan.
//! - [`find_all_close`] and [`best_polygons`]: every point at once, spread over the threads of the current
//!   rayon pool when there are enough points to be worth it; [`find_all_close_stoppable`] and
//!   [`best_polygons_stoppable`] can be stopped half-way by another thread (points × polygons can be years of
//!   work, and a Python user expects Ctrl-C to stop it).

use std::borrow::Cow;
use std::cmp;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::geometry::{CenterArea, Point, Reach};
use crate::grid::GridIndex;

/// Below this many points a batch runs on the calling thread: waking the pool costs more than it saves.
pub const PARALLEL_MIN_POINTS: usize = 512;

/// Points per rayon task, so that small queries are not split into tasks smaller than their overhead.
const POINTS_PER_TASK: usize = 128;

/// Below this many points a scan over the centers is as fast as building a grid first.
const GRID_MIN_POINTS: usize = 4;

/// Indices of the centers strictly closer than `max_dist` to `point`, in input order: the Python
/// `find_close_polygons`, one comparison per polygon.
///
/// ```
/// let centers = [[0.0, 0.0], [9.0, 0.0], [10.0, 0.0]];
/// assert_eq!(poly_core::close_indices(&centers, [0.0, 0.0], 10.0), vec![0, 1]);
/// ```
#[must_use]
pub fn close_indices(centers: &[Point], point: Point, max_dist: f64) -> Vec<usize> {
    let reach = Reach::new(max_dist);
    centers
        .iter()
        .enumerate()
        .filter(|&(_, &center)| reach.contains(center, point))
        .map(|(index, _)| index)
        .collect()
}

/// The Python `select_best_polygon` rule, order-independent.
///
/// Python walks the candidates in input order and replaces its best when `area < best_area`. With ordinary
/// numbers that is the smallest area, the earliest polygon on ties. NaN areas make it subtle: nothing is
/// smaller than NaN, so a NaN first candidate stays the answer, and a NaN later candidate is never taken.
/// This reducer gives exactly that answer whatever order the candidates are offered in, which lets the grid
/// visit cells in any order without sorting.
///
/// ```
/// use poly_core::SmallestArea;
/// let mut best = SmallestArea::default();
/// for (index, area) in [(4, 2.0), (1, 3.0), (7, 2.0), (9, f64::NAN)] {
///     best.offer(index, area);
/// }
/// assert_eq!(best.index(), Some(4)); // area 2.0, and 4 comes before 7
///
/// let mut nan_first = SmallestArea::default();
/// nan_first.offer(3, 1.0);
/// nan_first.offer(0, f64::NAN);
/// assert_eq!(nan_first.index(), Some(0)); // Python's loop never replaces a NaN first candidate
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct SmallestArea {
    /// The candidate with the smallest index, and its area.
    first: Option<(usize, f64)>,
    /// The candidate with the smallest non-NaN area, the smallest index among equals.
    smallest: Option<(usize, f64)>,
}

impl SmallestArea {
    /// Considers polygon `index`, whose area is `area`.
    #[inline]
    pub fn offer(&mut self, index: usize, area: f64) {
        if self.first.is_none_or(|(first, _)| index < first) {
            self.first = Some((index, area));
        }
        let better = |&(best, best_area): &(usize, f64)| match area.partial_cmp(&best_area) {
            Some(cmp::Ordering::Less) => true,
            Some(cmp::Ordering::Equal) => index < best,
            Some(cmp::Ordering::Greater) | None => false,
        };
        if !area.is_nan() && self.smallest.as_ref().is_none_or(better) {
            self.smallest = Some((index, area));
        }
    }

    /// The polygon Python's loop would choose, or `None` when nothing was offered.
    #[must_use]
    pub fn index(&self) -> Option<usize> {
        match (self.first, self.smallest) {
            (Some((first, area)), _) if area.is_nan() => Some(first),
            (_, Some((best, _))) => Some(best),
            (first, None) => first.map(|(index, _)| index),
        }
    }
}

/// Close-polygon queries for one `max_dist` over many points: a grid when it pays, a scan otherwise.
#[derive(Debug, Clone)]
pub struct Search<'a> {
    shapes: &'a [CenterArea],
    reach: Reach,
    /// Built for this search, or borrowed from a [`crate::PolygonIndex`] that built it once.
    grid: Option<Cow<'a, GridIndex>>,
}

impl<'a> Search<'a> {
    /// Prepares to answer `expected_points` queries against `shapes` (a grid only if there are enough).
    #[must_use]
    pub fn new(shapes: &'a [CenterArea], max_dist: f64, expected_points: usize) -> Self {
        let grid = if expected_points >= GRID_MIN_POINTS && !shapes.is_empty() {
            GridIndex::new(shapes, max_dist)
        } else {
            None
        };
        Self {
            shapes,
            reach: Reach::new(max_dist),
            grid: grid.map(Cow::Owned),
        }
    }

    /// A search over `shapes` through a grid built beforehand for the same `shapes` and `max_dist`
    /// (or a scan when there is none): what a [`crate::PolygonIndex`] answers each query with.
    #[must_use]
    pub(crate) fn prepared(
        shapes: &'a [CenterArea],
        max_dist: f64,
        grid: Option<&'a GridIndex>,
    ) -> Self {
        Self {
            shapes,
            reach: Reach::new(max_dist),
            grid: grid.map(Cow::Borrowed),
        }
    }

    /// Calls `found(index, shape)` for every polygon whose center is strictly closer than `max_dist`.
    pub fn for_each_close(&self, point: Point, mut found: impl FnMut(usize, &CenterArea)) {
        match &self.grid {
            Some(grid) => grid.for_each_close(point, found),
            None => {
                for (index, shape) in self.shapes.iter().enumerate() {
                    if self.reach.contains(shape.center, point) {
                        found(index, shape);
                    }
                }
            }
        }
    }

    /// The points' indices sorted by grid cell, or `None` without a grid (or with too few points to gain).
    fn visiting_order(&self, points: &[Point]) -> Option<Vec<usize>> {
        let grid = self.grid.as_ref()?;
        if points.len() < PARALLEL_MIN_POINTS {
            return None;
        }
        let mut order: Vec<(usize, usize)> = points
            .iter()
            .enumerate()
            .map(|(i, &p)| (grid.cell_index(p), i))
            .collect();
        order.sort_unstable();
        Some(order.into_iter().map(|(_, i)| i).collect())
    }

    /// Indices of the close polygons, in input order.
    #[must_use]
    pub fn close_to(&self, point: Point) -> Vec<usize> {
        let mut close = Vec::new();
        self.for_each_close(point, |index, _| close.push(index));
        if self.grid.is_some() {
            close.sort_unstable();
        }
        close
    }

    /// The close polygon of smallest area (first on ties, Python's rule), if any is close.
    #[must_use]
    pub fn best_for(&self, point: Point) -> Option<usize> {
        if let Some(grid) = &self.grid {
            return grid.smallest_close(point);
        }
        let mut best = SmallestArea::default();
        self.for_each_close(point, |index, shape| best.offer(index, shape.area));
        best.index()
    }
}

/// Runs `query` for every point and returns the answers in the points' order; on the current rayon pool
/// when there are enough points. `None` if `stop` was set before every point had its answer.
///
/// With a grid, the points are visited in the order of their cells, not in the caller's order: nearby
/// points read the same cells, which are then still in the cache. At the scale of 100,000 polygons the
/// cells no longer fit in the per-core cache, and random order spends most of its time waiting for memory.
///
/// `stop` is read once per point (one relaxed load, nothing next to a query): a point costs at most one pass
/// over the polygons, so a search stops within a few milliseconds of being told to, however big it is.
pub(crate) fn per_point<T: Send>(
    search: &Search<'_>,
    points: &[Point],
    stop: &AtomicBool,
    query: impl Fn(Point) -> T + Sync,
) -> Option<Vec<T>> {
    let answer = |p: Point| (!stop.load(Ordering::Relaxed)).then(|| query(p));
    let Some(order) = search.visiting_order(points) else {
        return if points.len() < PARALLEL_MIN_POINTS {
            points.iter().map(|&p| answer(p)).collect()
        } else {
            points
                .par_iter()
                .with_min_len(POINTS_PER_TASK)
                .map(|&p| answer(p))
                .collect()
        };
    };
    let answers: Vec<(usize, T)> = if points.len() < PARALLEL_MIN_POINTS {
        order
            .iter()
            .map(|&i| Some((i, answer(points[i])?)))
            .collect::<Option<_>>()?
    } else {
        order
            .par_iter()
            .with_min_len(POINTS_PER_TASK)
            .map(|&i| Some((i, answer(points[i])?)))
            .collect::<Option<_>>()?
    };
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(points.len()).collect();
    for (i, answer) in answers {
        slots[i] = Some(answer);
    }
    // Every index appears once in `order`, so every slot is filled.
    Some(slots.into_iter().flatten().collect())
}

/// For each point (in order) that has at least one polygon closer than `max_dist`: the point's index and
/// the close polygons' indices in input order. The Python loop of `main` over `find_close_polygons`.
///
/// ```
/// use poly_core::{find_all_close, CenterArea};
/// let shapes = [
///     CenterArea { center: [0.0, 0.0], area: 1.0 },
///     CenterArea { center: [5.0, 0.0], area: 2.0 },
/// ];
/// let found = find_all_close(&shapes, &[[1.0, 0.0], [100.0, 0.0], [4.0, 0.0]], 2.0);
/// assert_eq!(found, vec![(0, vec![0]), (2, vec![1])]);
/// ```
#[must_use]
pub fn find_all_close(
    shapes: &[CenterArea],
    points: &[Point],
    max_dist: f64,
) -> Vec<(usize, Vec<usize>)> {
    find_all_close_stoppable(shapes, points, max_dist, &AtomicBool::new(false)).unwrap_or_default()
}

/// [`find_all_close`], abandoned as soon as another thread sets `stop`: then `None`.
///
/// For callers that must be able to stop a long search (the Python wrapper, on Ctrl-C). The work is at
/// most one pass over `shapes` per point, and `stop` is checked before each point.
///
/// ```
/// use std::sync::atomic::AtomicBool;
/// use poly_core::{find_all_close_stoppable, CenterArea};
/// let shapes = [CenterArea { center: [0.0, 0.0], area: 1.0 }];
/// let go_on = AtomicBool::new(false);
/// assert_eq!(find_all_close_stoppable(&shapes, &[[1.0, 0.0]], 2.0, &go_on), Some(vec![(0, vec![0])]));
/// assert_eq!(find_all_close_stoppable(&shapes, &[[1.0, 0.0]], 2.0, &AtomicBool::new(true)), None);
/// ```
#[must_use]
pub fn find_all_close_stoppable(
    shapes: &[CenterArea],
    points: &[Point],
    max_dist: f64,
    stop: &AtomicBool,
) -> Option<Vec<(usize, Vec<usize>)>> {
    close_per_point(&Search::new(shapes, max_dist, points.len()), points, stop)
}

/// The body of [`find_all_close_stoppable`], for any prepared [`Search`].
pub(crate) fn close_per_point(
    search: &Search<'_>,
    points: &[Point],
    stop: &AtomicBool,
) -> Option<Vec<(usize, Vec<usize>)>> {
    let found = per_point(search, points, stop, |p| search.close_to(p))?;
    Some(
        found
            .into_iter()
            .enumerate()
            .filter(|(_, close)| !close.is_empty())
            .collect(),
    )
}

/// The whole of the article's `main`: for each point (in order) with at least one polygon closer than
/// `max_dist`, the point's index and the index of the close polygon of smallest area (first on ties).
///
/// ```
/// use poly_core::{best_polygons, CenterArea};
/// let shapes = [
///     CenterArea { center: [0.0, 0.0], area: 3.0 },
///     CenterArea { center: [1.0, 0.0], area: 1.0 },
///     CenterArea { center: [2.0, 0.0], area: 1.0 },
/// ];
/// assert_eq!(best_polygons(&shapes, &[[0.5, 0.0], [50.0, 0.0]], 5.0), vec![(0, 1)]);
/// ```
#[must_use]
pub fn best_polygons(
    shapes: &[CenterArea],
    points: &[Point],
    max_dist: f64,
) -> Vec<(usize, usize)> {
    best_polygons_stoppable(shapes, points, max_dist, &AtomicBool::new(false)).unwrap_or_default()
}

/// [`best_polygons`], abandoned as soon as another thread sets `stop`: then `None`.
///
/// For callers that must be able to stop a long search (the Python wrapper, on Ctrl-C). The work is at
/// most one pass over `shapes` per point, and `stop` is checked before each point.
///
/// ```
/// use std::sync::atomic::AtomicBool;
/// use poly_core::{best_polygons_stoppable, CenterArea};
/// let shapes = [CenterArea { center: [0.0, 0.0], area: 1.0 }];
/// let go_on = AtomicBool::new(false);
/// assert_eq!(best_polygons_stoppable(&shapes, &[[1.0, 0.0]], 2.0, &go_on), Some(vec![(0, 0)]));
/// assert_eq!(best_polygons_stoppable(&shapes, &[[1.0, 0.0]], 2.0, &AtomicBool::new(true)), None);
/// ```
#[must_use]
pub fn best_polygons_stoppable(
    shapes: &[CenterArea],
    points: &[Point],
    max_dist: f64,
    stop: &AtomicBool,
) -> Option<Vec<(usize, usize)>> {
    let search = Search::new(shapes, max_dist, points.len());
    let best = per_point(&search, points, stop, |p| search.best_for(p))?;
    Some(
        best.into_iter()
            .enumerate()
            .filter_map(|(point, best)| best.map(|polygon| (point, polygon)))
            .collect(),
    )
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // equality to the last bit with numpy is what these tests check
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The Python original, transcribed literally: scan, then the in-order `<` loop.
    fn python_main(shapes: &[CenterArea], points: &[Point], max_dist: f64) -> Vec<(usize, usize)> {
        let centers: Vec<Point> = shapes.iter().map(|s| s.center).collect();
        let mut out = Vec::new();
        for (pi, &p) in points.iter().enumerate() {
            let close = close_indices(&centers, p, max_dist);
            let Some((&first, rest)) = close.split_first() else {
                continue;
            };
            let mut best = first;
            for &i in rest {
                if shapes[i].area < shapes[best].area {
                    best = i;
                }
            }
            out.push((pi, best));
        }
        out
    }

    #[test]
    fn empty_inputs() {
        assert!(best_polygons(&[], &[[0.0, 0.0]], 1.0).is_empty());
        assert!(find_all_close(&[], &[], 1.0).is_empty());
        let s = [CenterArea {
            center: [0.0, 0.0],
            area: 1.0,
        }];
        assert!(best_polygons(&s, &[], 1.0).is_empty());
    }

    #[test]
    fn a_stopped_search_answers_nothing() {
        let shapes: Vec<CenterArea> = (0..50)
            .map(|i| CenterArea {
                center: [f64::from(i), 0.0],
                area: 1.0,
            })
            .collect();
        let stop = AtomicBool::new(true);
        // Few points (one thread), many points (the pool), with a grid and without (infinite max_dist).
        for n in [1, 10, 2 * PARALLEL_MIN_POINTS] {
            let points = vec![[3.0, 0.0]; n];
            for max_dist in [2.0, f64::INFINITY] {
                assert_eq!(
                    best_polygons_stoppable(&shapes, &points, max_dist, &stop),
                    None
                );
                assert_eq!(
                    find_all_close_stoppable(&shapes, &points, max_dist, &stop),
                    None
                );
                let go_on = AtomicBool::new(false);
                assert_eq!(
                    best_polygons_stoppable(&shapes, &points, max_dist, &go_on),
                    Some(best_polygons(&shapes, &points, max_dist))
                );
            }
        }
        // Nothing to do is done, stop or not.
        assert_eq!(
            best_polygons_stoppable(&shapes, &[], 2.0, &stop),
            Some(vec![])
        );
    }

    #[test]
    fn smallest_area_of_nothing_is_none() {
        assert_eq!(SmallestArea::default().index(), None);
    }

    #[test]
    fn all_nan_areas_give_the_first() {
        let mut best = SmallestArea::default();
        best.offer(5, f64::NAN);
        best.offer(2, f64::NAN);
        assert_eq!(best.index(), Some(2));
    }

    #[test]
    fn infinite_reach_takes_every_finite_center() {
        let shapes = [
            CenterArea {
                center: [1e100, 0.0],
                area: 1.0,
            },
            CenterArea {
                center: [f64::INFINITY, 0.0],
                area: 0.5,
            },
            CenterArea {
                center: [-3.0, 2.0],
                area: 2.0,
            },
        ];
        let points = [[0.0, 0.0]; 8];
        assert_eq!(
            find_all_close(&shapes, &points, f64::INFINITY)[0],
            (0, vec![0, 2])
        );
        assert_eq!(
            best_polygons(&shapes, &points, f64::INFINITY),
            python_main(&shapes, &points, f64::INFINITY)
        );
    }

    #[test]
    fn many_points_take_the_parallel_path_and_keep_their_order() {
        let shapes: Vec<CenterArea> = (0..400)
            .map(|i| CenterArea {
                center: [f64::from(i % 20), f64::from(i / 20)],
                area: f64::from((i * 37) % 11),
            })
            .collect();
        let points: Vec<Point> = (0..2000)
            .map(|i| [f64::from(i % 45) * 0.5 - 1.0, f64::from(i / 45) * 0.5 - 1.0])
            .collect();
        assert!(points.len() >= PARALLEL_MIN_POINTS);
        assert_eq!(
            best_polygons(&shapes, &points, 1.5),
            python_main(&shapes, &points, 1.5)
        );
    }

    fn area() -> impl Strategy<Value = f64> {
        // Few distinct values, so ties are common; NaN now and then.
        prop_oneof![10 => (0u8..4).prop_map(f64::from), 1 => Just(f64::NAN)]
    }

    fn shape() -> impl Strategy<Value = CenterArea> {
        (prop::array::uniform2(-30.0f64..30.0), area())
            .prop_map(|(center, area)| CenterArea { center, area })
    }

    proptest! {
        #[test]
        fn best_polygons_equals_the_python_loop(
            shapes in prop::collection::vec(shape(), 0..150),
            points in prop::collection::vec(prop::array::uniform2(-35.0f64..35.0), 0..40),
            max_dist in prop_oneof![0.5f64..20.0, Just(f64::NAN), Just(-1.0), Just(f64::INFINITY)],
        ) {
            prop_assert_eq!(best_polygons(&shapes, &points, max_dist), python_main(&shapes, &points, max_dist));
        }

        #[test]
        fn find_all_equals_a_scan_per_point(
            shapes in prop::collection::vec(shape(), 0..150),
            points in prop::collection::vec(prop::array::uniform2(-35.0f64..35.0), 0..40),
            max_dist in 0.5f64..20.0,
        ) {
            let centers: Vec<Point> = shapes.iter().map(|s| s.center).collect();
            let expected: Vec<(usize, Vec<usize>)> = points
                .iter()
                .map(|&p| close_indices(&centers, p, max_dist))
                .enumerate()
                .filter(|(_, c)| !c.is_empty())
                .collect();
            prop_assert_eq!(find_all_close(&shapes, &points, max_dist), expected);
        }

        #[test]
        fn smallest_area_ignores_the_offer_order(
            offers in prop::collection::vec(area(), 1..30),
            seed in any::<u64>(),
        ) {
            let mut in_order = SmallestArea::default();
            for (i, &a) in offers.iter().enumerate() {
                in_order.offer(i, a);
            }
            // The Python loop, literally.
            let mut best = 0;
            for (i, &a) in offers.iter().enumerate() {
                if a < offers[best] {
                    best = i;
                }
            }
            prop_assert_eq!(in_order.index(), Some(best));
            let mut shuffled: Vec<(usize, f64)> = offers.iter().copied().enumerate().collect();
            let mut rng = bench_support::rng::SplitMix64::new(seed);
            for i in (1..shuffled.len()).rev() {
                let j = rng.below(u32::try_from(i + 1).unwrap_or(u32::MAX)) as usize;
                shuffled.swap(i, j);
            }
            let mut any_order = SmallestArea::default();
            for (i, a) in shuffled {
                any_order.offer(i, a);
            }
            prop_assert_eq!(any_order.index(), Some(best));
        }
    }
}
