//! Criterion benchmarks of chapter 2 in pure Rust: every step on the tutorial's million random letters,
//! and the exact counts on a million characters of mixed non-ASCII text.

#![allow(missing_docs)] // criterion's macros generate undocumented items

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use doubles_core::{count_doubles, count_doubles_utf8, fast, sample, steps};
use std::hint::black_box;

const LENGTH: usize = 1_000_000;

fn ascii_steps(c: &mut Criterion) {
    let text = sample::ascii_letters(LENGTH, 42);
    let mut group = c.benchmark_group("1M ASCII letters");
    group.throughput(Throughput::Bytes(LENGTH as u64));
    group.bench_function("tutorial: chars zip", |b| {
        b.iter(|| steps::count_doubles_tutorial(black_box(&text)));
    });
    group.bench_function("tutorial: byte loop", |b| {
        b.iter(|| steps::count_doubles_bytes_tutorial(black_box(&text)));
    });
    group.bench_function("itertools array_windows", |b| {
        b.iter(|| steps::count_doubles_pairwise(black_box(&text)));
    });
    group.bench_function(
        "count_doubles (bytes, ASCII checked in the same pass)",
        |b| {
            b.iter(|| count_doubles(black_box(&text)));
        },
    );
    group.bench_function("vectorised bytes alone (count_doubles_utf8)", |b| {
        b.iter(|| count_doubles_utf8(black_box(&text)));
    });
    group.finish();
}

fn mixed_text(c: &mut Criterion) {
    let text = sample::mixed_text(LENGTH, 42);
    let code_points: Vec<u32> = text.chars().map(u32::from).collect();
    let mut group = c.benchmark_group("1M mixed characters");
    group.throughput(Throughput::Elements(LENGTH as u64));
    group.bench_function("tutorial: chars zip", |b| {
        b.iter(|| steps::count_doubles_tutorial(black_box(&text)));
    });
    group.bench_function("count_doubles (UTF-8 encodings compared)", |b| {
        b.iter(|| count_doubles(black_box(&text)));
    });
    group.bench_function(
        "code points already decoded (as Python's str holds them)",
        |b| {
            b.iter(|| fast::count_equal_adjacent_code_points(black_box(&code_points)));
        },
    );
    group.finish();
}

criterion_group!(benches, ascii_steps, mixed_text);
criterion_main!(benches, cache);

fn in_cache(c: &mut Criterion) {
    let text = sample::mixed_text(4096, 42);
    let code_points: Vec<u32> = text.chars().map(u32::from).collect();
    let bytes = sample::ascii_letters(16384, 42).into_bytes();
    let mut group = c.benchmark_group("L1");
    group.throughput(Throughput::Elements(4096));
    group.bench_function("4096 code points", |b| {
        b.iter(|| fast::count_equal_adjacent_code_points(black_box(&code_points)));
    });
    group.throughput(Throughput::Elements(16384));
    group.bench_function("16384 bytes", |b| {
        b.iter(|| fast::count_equal_adjacent_bytes(black_box(&bytes)));
    });
    group.finish();
}
criterion_group!(cache, in_cache);
