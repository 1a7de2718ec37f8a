//! Criterion benchmark of chapter 1 in pure Rust: the tutorial's recursion against the compiler-friendly
//! form, at a size where one call takes milliseconds. `cargo bench -p fibo-core`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn recursion_forms(c: &mut Criterion) {
    let mut group = c.benchmark_group("fibo(32)");
    group.sample_size(20);
    group.bench_function("tutorial (fibo_textbook)", |b| {
        b.iter(|| fibo_core::fibo_textbook(black_box(32)));
    });
    group.bench_function("fast (fibo)", |b| b.iter(|| fibo_core::fibo(black_box(32))));
    group.bench_function("interruptible (as the wheel runs it)", |b| {
        b.iter(|| {
            fibo_core::fibo_interruptible(black_box(32), fibo_core::fibo, &mut || Ok::<(), ()>(()))
        });
    });
    group.finish();
}

criterion_group!(benches, recursion_forms);
criterion_main!(benches);
