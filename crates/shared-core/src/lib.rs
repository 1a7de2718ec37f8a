//! What two or more chapters genuinely share, and nothing else.
//!
//! - [`timing`]: the stopwatch that every chapter's pure-Rust binary uses to time the tutorial's
//!   computation without Python in the way (the tutorials' `main.rs` with `Instant`).
//! - [`numpy_order`]: numpy's pairwise order of summation, for results that must equal numpy's to the last
//!   bit (chapter 3's polygon centers, chapter 5's `sum_array`).
//! - [`rng`]: a tiny deterministic random source, so the Rust benchmarks of every chapter build the same
//!   inputs on every machine without pulling in a random-number crate.

pub mod numpy_order;
pub mod rng;
pub mod timing;
