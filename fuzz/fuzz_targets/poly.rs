//! Any coordinates, any polygon sizes, any `max_dist` (NaN, infinities, zero, negative, subnormal, huge, and
//! exactly a center's distance to a point, one ulp either side): nothing panics, the grid finds exactly what
//! a plain scan with the Python original's test finds, and the whole of `main` picks what the in-order
//! Python loop picks.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use ndarray::{Array1, ArrayView1};
use poly_core::geometry::{Reach, is_close, norm_distance, numpy_mean, point_from, shoelace_area};
use poly_core::{GridIndex, Point, Search, CenterArea, SmallestArea, best_polygons, find_all_close};

/// A coordinate: mostly small numbers on a lattice (so centers coincide, areas tie and points sit on cell
/// edges), sometimes any bit pattern at all, sometimes a value chosen to hurt.
#[derive(Debug, Arbitrary)]
enum Coordinate {
    Lattice(i8),
    Fine(i16),
    Bits(u64),
    Special(u8),
}

const SPECIALS: [f64; 12] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    0.0,
    -0.0,
    f64::MAX,
    f64::MIN,
    f64::MIN_POSITIVE,
    5e-324,
    1e-160,
    1e154,
    1e300,
];

impl Coordinate {
    fn value(&self) -> f64 {
        match *self {
            Coordinate::Lattice(i) => f64::from(i),
            Coordinate::Fine(i) => f64::from(i) / 64.0,
            Coordinate::Bits(bits) => f64::from_bits(bits),
            Coordinate::Special(i) => SPECIALS[usize::from(i) % SPECIALS.len()],
        }
    }
}

/// `max_dist`: any number, or exactly the distance from one center to one point (nudged by a few ulps),
/// where the rounding of `sqrt(dx² + dy²)` decides.
#[derive(Debug, Arbitrary)]
enum MaxDist {
    Value(Coordinate),
    Boundary { shape: u8, point: u8, ulps: i8 },
}

#[derive(Debug, Arbitrary)]
struct Input {
    /// Polygons as vertex lists; `x` and `y` are cut to the same length unless `mismatch` says otherwise.
    polygons: Vec<Vec<(Coordinate, Coordinate)>>,
    /// Extra shapes given directly by center and area (NaN and infinite areas included).
    shapes: Vec<(Coordinate, Coordinate, Coordinate)>,
    points: Vec<(Coordinate, Coordinate)>,
    max_dist: MaxDist,
    /// Repeat the points past `PARALLEL_MIN_POINTS`, for the threaded, cell-ordered path.
    many_points: bool,
    /// A polygon whose `x` and `y` differ in length, and a point of the wrong size.
    mismatch: (u8, u8),
}

fn nudge(value: f64, ulps: i8) -> f64 {
    let mut v = value;
    for _ in 0..ulps.unsigned_abs() % 4 {
        v = if ulps > 0 { v.next_up() } else { v.next_down() };
    }
    v
}

/// The Python original, literally: scan every center with `norm(center - point) < max_dist`, then the
/// in-order `area < best_area` loop.
fn python_main(shapes: &[CenterArea], points: &[Point], max_dist: f64) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (p, &point) in points.iter().enumerate() {
        let close = scan(shapes, point, max_dist);
        let Some((&first, rest)) = close.split_first() else {
            continue;
        };
        let mut best = first;
        for &i in rest {
            if shapes[i].area < shapes[best].area {
                best = i;
            }
        }
        out.push((p, best));
    }
    out
}

fn scan(shapes: &[CenterArea], point: Point, max_dist: f64) -> Vec<usize> {
    (0..shapes.len())
        .filter(|&i| is_close(shapes[i].center, point, max_dist))
        .collect()
}

fuzz_target!(|input: Input| {
    // Polygons from vertices: never a panic, whatever the numbers; refused only when empty.
    let mut shapes = Vec::new();
    for vertices in &input.polygons {
        let x: Vec<f64> = vertices.iter().map(|(x, _)| x.value()).collect();
        let y: Vec<f64> = vertices.iter().map(|(_, y)| y.value()).collect();
        match CenterArea::new(&x, &y) {
            Ok(shape) => {
                assert_eq!(shape.center[0].to_bits(), numpy_mean(&x).to_bits());
                let area = shoelace_area(&x, &y);
                assert!(
                    shape.area.to_bits() == area.to_bits()
                        || (shape.area.is_nan() && area.is_nan())
                );
                assert!(
                    !(shape.area < 0.0),
                    "an area is never negative: {}",
                    shape.area
                );
                shapes.push(shape);
            }
            Err(_) => assert!(x.is_empty()),
        }
    }
    let (cut_x, cut_y) = (
        usize::from(input.mismatch.0 % 4),
        usize::from(input.mismatch.1 % 4),
    );
    let lone: Vec<f64> = input.points.iter().map(|(x, _)| x.value()).collect();
    let (short_x, short_y) = (
        &lone[..cut_x.min(lone.len())],
        &lone[..cut_y.min(lone.len())],
    );
    assert_eq!(
        CenterArea::new(short_x, short_y).is_err(),
        short_x.len() != short_y.len() || short_x.is_empty()
    );
    let _ = shoelace_area(short_x, short_y); // mismatched lengths: paired up to the shorter, no panic
    assert_eq!(point_from(short_x).is_ok(), short_x.len() == 2);
    let _ = norm_distance(Array1::from(short_x.to_vec()), &ArrayView1::from(short_y));

    shapes.extend(input.shapes.iter().map(|(cx, cy, area)| CenterArea {
        center: [cx.value(), cy.value()],
        area: area.value(),
    }));
    let mut points: Vec<Point> = input
        .points
        .iter()
        .map(|(x, y)| [x.value(), y.value()])
        .collect();
    if input.many_points && !points.is_empty() {
        while points.len() <= poly_core::search::PARALLEL_MIN_POINTS {
            points.extend_from_within(..points.len().min(64));
        }
    }
    let max_dist = match input.max_dist {
        MaxDist::Value(ref v) => v.value(),
        MaxDist::Boundary { shape, point, ulps } => match (shapes.is_empty(), points.is_empty()) {
            (false, false) => {
                let center = shapes[usize::from(shape) % shapes.len()].center;
                let point = points[usize::from(point) % points.len()];
                nudge(poly_core::geometry::distance(center, point), ulps)
            }
            _ => 1.0,
        },
    };

    // The shortcut test equals the exact one, everywhere.
    let reach = Reach::new(max_dist);
    for &point in points.iter().take(64) {
        for shape in &shapes {
            assert_eq!(
                reach.contains(shape.center, point),
                is_close(shape.center, point, max_dist)
            );
        }
    }

    // The grid, when it agrees to be built, finds what a scan finds, and picks what the Python loop picks.
    if let Some(grid) = GridIndex::new(&shapes, max_dist) {
        for &point in points.iter().take(64) {
            let expected = scan(&shapes, point, max_dist);
            assert_eq!(
                grid.close_to(point),
                expected,
                "point {point:?}, max_dist {max_dist:?}"
            );
            let mut rule = SmallestArea::default();
            for &i in &expected {
                rule.offer(i, shapes[i].area);
            }
            assert_eq!(grid.smallest_close(point), rule.index());
        }
    }

    // A search for one point (a scan) and for many (a grid when it can), and the whole of `main`.
    let search = Search::new(&shapes, max_dist, points.len());
    for &point in points.iter().take(16) {
        assert_eq!(search.close_to(point), scan(&shapes, point, max_dist));
    }
    assert_eq!(
        best_polygons(&shapes, &points, max_dist),
        python_main(&shapes, &points, max_dist)
    );
    let expected: Vec<(usize, Vec<usize>)> = points
        .iter()
        .map(|&p| scan(&shapes, p, max_dist))
        .enumerate()
        .filter(|(_, close)| !close.is_empty())
        .collect();
    assert_eq!(find_all_close(&shapes, &points, max_dist), expected);
});
