//! A uniform grid over polygon centers, for asking "which centers are within `max_dist` of this point?"
//! many times with the same `max_dist`.
//!
//! The plane is cut into square cells at least `max_dist` wide, and each finite center is filed under its
//! cell. A center closer than `max_dist` to a point lies in the point's cell or in one of the neighbouring
//! cells, so a query reads three short runs of rows instead of every polygon. With the article's density
//! (about 30 centers within reach of each point), a query reads about 90 centers, however many polygons
//! there are.
//!
//! The layout is compressed-sparse-row: one array of entries sorted by cell (row-major, so the three cells
//! of a row are one contiguous run) and one array of where each cell starts. Within a cell, entries keep the
//! polygons' input order. Building is two passes of a counting sort.
//!
//! Edge cases, and why they are safe:
//! - Centers that are NaN or infinite are never close to anything, so they are left out.
//! - The cells read are those of `point ± reach`, where `reach` is `max_dist` widened a little: the exact
//!   test accepts no center farther than `max_dist * (1 + 1e-12)` along an axis (`max_dist` below about
//!   1e-154, where `dx * dx` underflows, accepts up to `1.25 * max_dist + 1.6e-162`), and `reach =
//!   max_dist * (1 + 1e-9) + 2e-154` covers both. The cell of a coordinate is computed by the same monotone
//!   steps (subtract, divide, floor, clamp) for centers and for `point ± reach`, so a center inside that
//!   range is in one of the cells read, whatever the rounding. Cells are never narrower than 1e-150.
//! - The number of cells is capped at a few per center; far-apart centers with a tiny `max_dist` get wider
//!   cells instead of a grid that does not fit in memory.
//! - [`GridIndex::new`] returns `None` when a grid cannot help (a `max_dist` that is NaN, zero, negative or
//!   infinite, centers spread over more than `f64::MAX`, more than `u32::MAX` polygons); callers then
//!   scan every center.

use crate::geometry::{CenterArea, Point, Reach};

/// Cells are never narrower than this, so the exact distance test cannot accept a center outside the cells
/// read even where `dx * dx` underflows (see the module notes).
const MIN_CELL: f64 = 1e-150;

/// At most this many cells per center (plus a constant), bounding the memory of a sparse grid.
const CELLS_PER_CENTER: usize = 4;

/// Polygons (center and area) filed by the grid cell of their center; built once for one `max_dist`,
/// queried by any number of points. Each entry carries the area too, so that choosing the smallest close
/// polygon reads only the cells' own memory, not a random place in a large array.
#[derive(Debug, Clone)]
pub struct GridIndex {
    /// The smallest finite center coordinates: the corner of cell (0, 0).
    origin: Point,
    /// The width and height of every cell, at least `max_dist`.
    cell: f64,
    columns: usize,
    rows: usize,
    /// `starts[c]..starts[c + 1]` are the entries of cell `c` (row-major); `columns * rows + 1` long.
    starts: Vec<u32>,
    /// The polygons with a finite center, with their index, sorted by cell and then by index.
    entries: Vec<(CenterArea, u32)>,
    reach: Reach,
}

impl GridIndex {
    /// Files `shapes` by center (in input order: the polygon index is the position) for queries with
    /// `max_dist`.
    ///
    /// Returns `None` when a grid cannot help; see the module notes.
    ///
    /// ```
    /// use poly_core::{GridIndex, CenterArea};
    /// let shapes: Vec<CenterArea> = [[0.0, 0.0], [5.0, 5.0], [50.0, 50.0]]
    ///     .into_iter()
    ///     .map(|center| CenterArea { center, area: 1.0 })
    ///     .collect();
    /// let grid = GridIndex::new(&shapes, 10.0).expect("a grid fits");
    /// assert_eq!(grid.close_to([1.0, 1.0]), vec![0, 1]);
    /// assert!(GridIndex::new(&shapes, f64::NAN).is_none());
    /// ```
    #[must_use]
    pub fn new(shapes: &[CenterArea], max_dist: f64) -> Option<Self> {
        if !(max_dist.is_finite() && max_dist > 0.0) || u32::try_from(shapes.len()).is_err() {
            return None;
        }
        let finite = |c: &Point| c[0].is_finite() && c[1].is_finite();
        let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for c in shapes.iter().map(|s| s.center).filter(finite) {
            for axis in 0..2 {
                lo[axis] = lo[axis].min(c[axis]);
                hi[axis] = hi[axis].max(c[axis]);
            }
        }
        let (width, height) = if lo[0] <= hi[0] {
            (hi[0] - lo[0], hi[1] - lo[1])
        } else {
            // No finite center at all: one empty cell answers every query with nothing.
            lo = [0.0; 2];
            (0.0, 0.0)
        };
        if !(width.is_finite() && height.is_finite()) {
            return None;
        }

        let cap = (CELLS_PER_CENTER * shapes.len() + 64) as f64;
        let mut cell = max_dist.max(MIN_CELL).max(width.max(height) / cap);
        let (columns, rows) = loop {
            let columns = (width / cell).floor() + 1.0;
            let rows = (height / cell).floor() + 1.0;
            if columns * rows <= cap {
                // Both are whole numbers no larger than `cap`, which is far below 2^52.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                break (columns as usize, rows as usize);
            }
            cell *= 2.0;
        };

        let mut grid = Self {
            origin: lo,
            cell,
            columns,
            rows,
            starts: vec![0; columns * rows + 1],
            entries: Vec::new(),
            reach: Reach::new(max_dist),
        };
        // Counting sort, pass one: how many polygons in each cell (shifted by one, to become the starts).
        let mut cells = Vec::with_capacity(shapes.len());
        for (index, shape) in shapes.iter().enumerate() {
            if finite(&shape.center) {
                let cell = grid.cell_of(shape.center);
                grid.starts[cell + 1] += 1;
                cells.push((cell, index));
            }
        }
        for i in 1..grid.starts.len() {
            grid.starts[i] += grid.starts[i - 1];
        }
        // Pass two: each polygon to the next free slot of its cell; input order is kept within a cell.
        let mut next: Vec<u32> = grid.starts[..grid.starts.len() - 1].to_vec();
        let blank = CenterArea {
            center: [0.0; 2],
            area: 0.0,
        };
        grid.entries = vec![(blank, 0); cells.len()];
        for (cell, index) in cells {
            let slot = &mut next[cell];
            // `index < shapes.len() <= u32::MAX`, checked on entry.
            #[allow(clippy::cast_possible_truncation)]
            {
                grid.entries[*slot as usize] = (shapes[index], index as u32);
            }
            *slot += 1;
        }
        Some(grid)
    }

    /// The `max_dist` this grid was built for.
    #[must_use]
    pub fn max_dist(&self) -> f64 {
        self.reach.max_dist()
    }

    /// Column or row of a coordinate, clamped into the grid (points far outside land on the border).
    fn axis_cell(&self, value: f64, axis: usize, count: usize) -> usize {
        let at = ((value - self.origin[axis]) / self.cell).floor();
        // Clamped to 0..count-1 in floating point first, so the cast is exact (NaN becomes 0).
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let cell = at.clamp(0.0, (count - 1) as f64) as usize;
        cell
    }

    /// The cell a point falls in (clamped into the grid; NaN lands in a border cell), as a row-major
    /// index: sorting points by it puts neighbours next to each other.
    #[must_use]
    pub fn cell_index(&self, point: Point) -> usize {
        self.cell_of(point)
    }

    fn cell_of(&self, c: Point) -> usize {
        self.axis_cell(c[1], 1, self.rows) * self.columns + self.axis_cell(c[0], 0, self.columns)
    }

    /// The cells that can hold a polygon close to `point`, as a range of columns and a range of rows
    /// (module notes); `None` if `point` is too far outside the grid for any.
    fn cells_near(&self, point: Point) -> Option<((usize, usize), (usize, usize))> {
        let reach = self.reach.max_dist() * (1.0 + 1e-9) + 2e-154;
        let span = |axis: usize, count: usize| -> Option<(usize, usize)> {
            let (low, high) = (point[axis] - reach, point[axis] + reach);
            let past_the_start = ((high - self.origin[axis]) / self.cell).floor() < 0.0;
            let past_the_end = ((low - self.origin[axis]) / self.cell).floor() > (count - 1) as f64;
            if past_the_start || past_the_end {
                return None;
            }
            Some((
                self.axis_cell(low, axis, count),
                self.axis_cell(high, axis, count),
            ))
        };
        Some((span(0, self.columns)?, span(1, self.rows)?))
    }

    /// Calls `found(index, shape)` for every polygon whose center is strictly closer than `max_dist` to
    /// `point` (exactly the Python original's test, see [`Reach`]), in no particular order across cells.
    #[inline]
    pub fn for_each_close(&self, point: Point, mut found: impl FnMut(usize, &CenterArea)) {
        if !(point[0].is_finite() && point[1].is_finite()) {
            return; // an infinite or NaN point is at an infinite or NaN distance from everything
        }
        let Some(((x0, x1), (y0, y1))) = self.cells_near(point) else {
            return;
        };
        for row in y0..=y1 {
            // Row-major cells: columns x0..=x1 of one row are one contiguous run of entries.
            let first = self.starts[row * self.columns + x0] as usize;
            let end = self.starts[row * self.columns + x1 + 1] as usize;
            for (shape, index) in &self.entries[first..end] {
                if self.reach.contains(shape.center, point) {
                    found(*index as usize, shape);
                }
            }
        }
    }

    /// The close polygon of smallest area, the first in input order on ties, with the Python loop's
    /// treatment of NaN areas (see [`crate::SmallestArea`]); `None` if no polygon is close.
    ///
    /// The same answer as offering every close polygon to a [`crate::SmallestArea`], computed with selects
    /// instead of branches in the loop over the cells' entries.
    #[must_use]
    #[allow(clippy::needless_bitwise_bool, clippy::float_cmp)] // branch-free selects; ties are exact
    pub fn smallest_close(&self, point: Point) -> Option<usize> {
        if !(point[0].is_finite() && point[1].is_finite()) {
            return None;
        }
        let ((x0, x1), (y0, y1)) = self.cells_near(point)?;
        // The close entry of smallest (area, index), NaN areas never taken; and the close entry of
        // smallest index, with its area. `u32::MAX` is no index: there are fewer polygons (see `new`).
        let (mut best_area, mut best_index) = (f64::INFINITY, u32::MAX);
        let (mut first_area, mut first_index) = (0.0, u32::MAX);
        for row in y0..=y1 {
            let first = self.starts[row * self.columns + x0] as usize;
            let end = self.starts[row * self.columns + x1 + 1] as usize;
            for &(shape, index) in &self.entries[first..end] {
                let close = self.reach.contains(shape.center, point);
                let area = shape.area;
                let better =
                    close & ((area < best_area) | ((area == best_area) & (index < best_index)));
                best_area = if better { area } else { best_area };
                best_index = if better { index } else { best_index };
                let earlier = close & (index < first_index);
                first_area = if earlier { area } else { first_area };
                first_index = if earlier { index } else { first_index };
            }
        }
        let chosen = match (first_index, best_index) {
            (u32::MAX, _) => return None,
            (first, _) if first_area.is_nan() => first,
            (first, u32::MAX) => first,
            (_, best) => best,
        };
        Some(chosen as usize)
    }

    /// Indices of the polygons whose center is strictly closer than `max_dist` to `point`, in input order.
    #[must_use]
    pub fn close_to(&self, point: Point) -> Vec<usize> {
        let mut close = Vec::new();
        self.for_each_close(point, |index, _| close.push(index));
        close.sort_unstable();
        close
    }

    /// How many cells the grid has, as `(columns, rows)`; for tests and curiosity.
    #[must_use]
    pub fn dimensions(&self) -> (usize, usize) {
        (self.columns, self.rows)
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // equality to the last bit with numpy is what these tests check
mod tests {
    use super::*;
    use crate::geometry::is_close;
    use crate::search::close_indices;
    use proptest::prelude::*;

    fn shapes(centers: &[Point]) -> Vec<CenterArea> {
        centers
            .iter()
            .map(|&center| CenterArea { center, area: 1.0 })
            .collect()
    }

    fn scan(centers: &[Point], point: Point, max_dist: f64) -> Vec<usize> {
        centers
            .iter()
            .enumerate()
            .filter(|(_, c)| is_close(**c, point, max_dist))
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn refuses_what_it_cannot_index() {
        let centers = [[0.0, 0.0]];
        for bad in [f64::NAN, 0.0, -1.0, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(GridIndex::new(&shapes(&centers), bad).is_none(), "{bad}");
        }
        assert!(GridIndex::new(&shapes(&[[-1e308, 0.0], [1e308, 0.0]]), 1.0).is_none());
    }

    #[test]
    fn no_finite_center_answers_nothing() {
        let centers = [[f64::NAN, 0.0], [f64::INFINITY, 1.0]];
        let grid = GridIndex::new(&shapes(&centers), 1.0).expect("grid");
        assert!(grid.close_to([0.0, 0.0]).is_empty());
        let grid = GridIndex::new(&[], 1.0).expect("grid");
        assert!(grid.close_to([0.0, 0.0]).is_empty());
    }

    #[test]
    fn far_apart_centers_with_a_tiny_reach_stay_small() {
        let centers = [[0.0, 0.0], [1e12, 1e12], [1e-9, 0.0]];
        let grid = GridIndex::new(&shapes(&centers), 1e-6).expect("grid");
        let (c, r) = grid.dimensions();
        assert!(c * r <= CELLS_PER_CENTER * 3 + 64);
        assert_eq!(grid.close_to([0.0, 0.0]), vec![0, 2]);
    }

    #[test]
    fn underflowing_distances_are_found_as_the_exact_test_finds_them() {
        // dx * dx underflows to zero, so the exact test accepts a center 1e-162 away for a reach of 1e-170.
        let centers = [[1e-162, 0.0], [0.0, 0.0], [1.0, 1.0]];
        let point = [0.0, 0.0];
        let reach = 1e-170;
        assert!(is_close(centers[0], point, reach));
        let grid = GridIndex::new(&shapes(&centers), reach).expect("grid");
        assert_eq!(grid.close_to(point), scan(&centers, point, reach));
    }

    #[test]
    fn points_outside_the_field_are_handled() {
        let centers: Vec<Point> = (0..100)
            .map(|i| [f64::from(i), f64::from(i % 10)])
            .collect();
        let grid = GridIndex::new(&shapes(&centers), 3.0).expect("grid");
        for point in [
            [-2.0, -2.0],
            [1e300, 0.0],
            [-1e300, -1e300],
            [101.5, 5.0],
            [f64::NAN, 1.0],
        ] {
            assert_eq!(
                grid.close_to(point),
                scan(&centers, point, 3.0),
                "{point:?}"
            );
        }
    }

    fn coordinate() -> impl Strategy<Value = f64> {
        prop_oneof![
            8 => -50.0f64..50.0,
            1 => (-20i32..20).prop_map(f64::from),
            1 => Just(f64::NAN),
            1 => Just(f64::INFINITY),
        ]
    }

    proptest! {
        #[test]
        fn grid_finds_what_a_scan_finds(
            centers in prop::collection::vec(prop::array::uniform2(coordinate()), 0..200),
            points in prop::collection::vec(prop::array::uniform2(coordinate()), 1..20),
            max_dist in prop_oneof![0.001f64..40.0, (1i32..10).prop_map(f64::from), 1e-200f64..1e-150],
        ) {
            let grid = GridIndex::new(&shapes(&centers), max_dist).expect("a finite positive reach");
            for point in points {
                prop_assert_eq!(grid.close_to(point), scan(&centers, point, max_dist));
                prop_assert_eq!(close_indices(&centers, point, max_dist), scan(&centers, point, max_dist));
            }
        }

        #[test]
        fn centers_on_the_boundary_are_found_as_the_exact_test_finds_them(
            point in prop::array::uniform2(-1e4f64..1e4),
            max_dist in prop_oneof![1e-3f64..100.0, 1e-160f64..1e-150],
            others in prop::collection::vec(prop::array::uniform2(-1e4f64..1e4), 0..30),
            angle in 0.0f64..std::f64::consts::TAU,
        ) {
            // Centers at max_dist from the point, and one ulp either side, along the axes and a diagonal.
            let mut centers = others;
            let (s, c) = angle.sin_cos();
            for r in [max_dist.next_down(), max_dist, max_dist.next_up()] {
                for offset in [[r, 0.0], [-r, 0.0], [0.0, r], [0.0, -r], [r * c, r * s]] {
                    centers.push([point[0] + offset[0], point[1] + offset[1]]);
                }
            }
            let grid = GridIndex::new(&shapes(&centers), max_dist).expect("grid");
            prop_assert_eq!(grid.close_to(point), scan(&centers, point, max_dist));
        }

        #[test]
        fn smallest_close_is_the_smallest_area_rule(
            centers in prop::collection::vec(prop::array::uniform2(coordinate()), 0..150),
            areas in prop::collection::vec(prop_oneof![8 => (0u8..4).prop_map(f64::from), 1 => Just(f64::NAN), 1 => Just(f64::INFINITY)], 150),
            points in prop::collection::vec(prop::array::uniform2(coordinate()), 1..10),
            max_dist in 0.5f64..30.0,
        ) {
            let shapes: Vec<CenterArea> = centers
                .iter()
                .zip(&areas)
                .map(|(&center, &area)| CenterArea { center, area })
                .collect();
            let grid = GridIndex::new(&shapes, max_dist).expect("grid");
            for point in points {
                let mut rule = crate::SmallestArea::default();
                grid.for_each_close(point, |index, shape| rule.offer(index, shape.area));
                prop_assert_eq!(grid.smallest_close(point), rule.index());
            }
        }

        #[test]
        fn wide_fields_cap_the_cells(
            centers in prop::collection::vec(prop::array::uniform2(-1e9f64..1e9), 1..100),
            max_dist in 1e-3f64..1.0,
        ) {
            let grid = GridIndex::new(&shapes(&centers), max_dist).expect("grid");
            let (c, r) = grid.dimensions();
            prop_assert!(c * r <= CELLS_PER_CENTER * centers.len() + 64);
            for &point in centers.iter().take(5) {
                prop_assert_eq!(grid.close_to(point), scan(&centers, point, max_dist));
            }
        }
    }
}
