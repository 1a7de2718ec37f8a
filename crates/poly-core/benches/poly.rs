//! Criterion benchmarks of chapter 3 in pure Rust: the article's `main` as a scan and through the grid, at
//! the article's size and at scale (100,000 polygons, 10,000 points, a 1000 × 1000 field).
//! `cargo bench -p poly-core`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use poly_core::example::{Field, MAX_DIST, template};
use poly_core::{CenterArea, Point, Search, SmallestArea, best_polygons, close_indices};

/// The article's loop without any index: every point compared with every polygon.
fn scan_main(shapes: &[CenterArea], points: &[Point]) -> Vec<(usize, usize)> {
    let centers: Vec<Point> = shapes.iter().map(|s| s.center).collect();
    points
        .iter()
        .enumerate()
        .filter_map(|(pi, &p)| {
            let mut best = SmallestArea::default();
            for i in close_indices(&centers, p, MAX_DIST) {
                best.offer(i, shapes[i].area);
            }
            best.index().map(|b| (pi, b))
        })
        .collect()
}

/// The grid on the calling thread only, to show what the threads add.
fn grid_one_thread(shapes: &[CenterArea], points: &[Point]) -> Vec<(usize, usize)> {
    let search = Search::new(shapes, MAX_DIST, points.len());
    points
        .iter()
        .enumerate()
        .filter_map(|(pi, &p)| search.best_for(p).map(|b| (pi, b)))
        .collect()
}

fn shapes(c: &mut Criterion) {
    let (x, y) = template();
    c.bench_function("CenterArea::new (10 vertices)", |b| {
        b.iter(|| CenterArea::new(black_box(&x), black_box(&y)));
    });
    // A 1,000-vertex outline far from the origin: the exact area's cost per vertex.
    let (x, y): (Vec<f64>, Vec<f64>) = (0..1000)
        .map(|i| {
            let t = f64::from(i) / 1000.0 * std::f64::consts::TAU;
            (5e5 + 1e3 * t.cos(), 1e3 * t.sin())
        })
        .unzip();
    c.bench_function("CenterArea::new (1,000 vertices)", |b| {
        b.iter(|| CenterArea::new(black_box(&x), black_box(&y)));
    });
}

fn article(c: &mut Criterion) {
    let field = Field::article();
    let shapes = field.shapes();
    let mut group = c.benchmark_group("article: 1000 polygons, 100 points");
    group.bench_function("scan", |b| {
        b.iter(|| scan_main(black_box(&shapes), &field.points));
    });
    group.bench_function("best_polygons (grid)", |b| {
        b.iter(|| best_polygons(black_box(&shapes), &field.points, MAX_DIST));
    });
    group.finish();
}

fn at_scale(c: &mut Criterion) {
    let field = Field::new(100_000, 10_000, 1000, 6);
    let shapes = field.shapes();
    let mut group = c.benchmark_group("scale: 100k polygons, 10k points");
    group.sample_size(20);
    group.bench_function("building the grid only", |b| {
        b.iter(|| Search::new(black_box(&shapes), MAX_DIST, field.points.len()));
    });
    group.bench_function("grid, one thread", |b| {
        b.iter(|| grid_one_thread(black_box(&shapes), &field.points));
    });
    group.bench_function("best_polygons (grid, all threads)", |b| {
        b.iter(|| best_polygons(black_box(&shapes), &field.points, MAX_DIST));
    });
    group.finish();
}

criterion_group!(benches, shapes, article, at_scale);
criterion_main!(benches);
