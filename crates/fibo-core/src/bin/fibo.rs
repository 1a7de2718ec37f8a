//! The tutorial's `main.rs` step: time `fibo(n)` in pure Rust, with no Python involved.
//!
//! `cargo run --release -p fibo-core --bin fibo -- [n] [--repeat R] [--json]`; `n` defaults to 40.
//! `--json` prints one machine-readable line for the tour.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut n: i128 = 40;
    let mut repeat = 3;
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--repeat" => match args.next().and_then(|r| r.parse().ok()) {
                Some(r) => repeat = r,
                None => return usage("--repeat needs a whole number"),
            },
            other => match other.parse() {
                Ok(value) => n = value,
                Err(_) => return usage(&format!("not a whole number: {other:?}")),
            },
        }
    }
    let n = match fibo_core::check_n(n) {
        Ok(n) => n,
        Err(e) => return usage(&e.to_string()),
    };
    let timing = shared_core::timing::time_median(repeat, || fibo_core::fibo(n));
    let seconds = timing.median.as_secs_f64();
    let line = if json {
        format!(
            r#"{{"n": {n}, "value": {}, "seconds": {seconds}}}"#,
            timing.value
        )
    } else {
        format!(
            "Result in Rust after {:?} is: {} (median of {repeat}).",
            timing.median,
            fibo_core::Shown {
                n,
                value: timing.value
            }
        )
    };
    #[allow(clippy::print_stdout)] // a binary's job is to print
    {
        println!("{line}");
    }
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "fibo: {problem}\nusage: fibo [n] [--repeat R] [--json]   (1 <= n <= 93; default 40)"
    );
    ExitCode::from(2)
}
