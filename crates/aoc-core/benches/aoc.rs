//! Criterion benchmark of chapter 6 in pure Rust: both parts and the series' `Vec<u8>` step, on 50,000
//! letters with nested reacting pairs. `cargo bench -p aoc-core`.

use bench_support::rng::SplitMix64;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// 50,000 letters: random opening letters, each closed later by its other case with some probability,
/// so reactions nest as in the puzzle's inputs.
fn polymer(n: usize) -> Vec<u8> {
    let mut rng = SplitMix64::new(2018);
    let (mut out, mut open) = (Vec::with_capacity(n), Vec::new());
    while out.len() < n {
        if !open.is_empty() && rng.below(100) < 45 {
            if let Some(letter) = open.pop() {
                out.push(letter ^ 0x20);
            }
        } else {
            let letter =
                b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[rng.below(52) as usize];
            out.push(letter);
            open.push(letter);
        }
    }
    out
}

fn polymer_reduction(c: &mut Criterion) {
    let input = polymer(50_000);
    let mut group = c.benchmark_group("50,000 letters");
    group.bench_function("part a (reduced_length)", |b| {
        b.iter(|| aoc_core::reduced_length(black_box(&input)));
    });
    group.bench_function("part a, the series' step (Vec<u8>)", |b| {
        b.iter(|| aoc_core::steps::run_polymerization(black_box(input.clone())));
    });
    group.bench_function("part b (shortest_length)", |b| {
        b.iter(|| aoc_core::shortest_length(black_box(&input)));
    });
    group.finish();
}

criterion_group!(benches, polymer_reduction);
criterion_main!(benches);
