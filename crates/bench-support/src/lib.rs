//! For benchmarks and the pure-Rust binaries of every chapter, and nothing else.
//!
//! - [`timing`]: the stopwatch that every chapter's pure-Rust binary uses to time the tutorial's
//!   computation without Python in the way (the tutorials' `main.rs` with `Instant`).
//! - [`cli`]: the `--repeat` and `--json` flags of those binaries.
//! - [`rng`]: a tiny deterministic random source, so the Rust benchmarks of every chapter build the same
//!   inputs on every machine without pulling in a random-number crate.

pub mod cli;
pub mod rng;
pub mod timing;
