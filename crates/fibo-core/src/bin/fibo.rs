//! The tutorial's `main.rs` step: time `fibo(n)` in pure Rust, with no Python involved.
//!
//! `cargo run --release -p fibo-core --bin fibo -- [n] [--repeat R] [--json]`; `n` defaults to 40.
//! `--json` prints one machine-readable line for the tour.

use std::process::ExitCode;

use clap::{Arg, Command, value_parser};

fn command() -> Command {
    Command::new("fibo")
        .about("The naive Fibonacci recursion in pure Rust, timed")
        .arg(
            Arg::new("n")
                .default_value("40")
                .allow_negative_numbers(true)
                .value_parser(value_parser!(i128))
                .help("which Fibonacci number, 1 <= n <= 93"),
        )
        .arg(bench_support::cli::repeat("3"))
        .arg(bench_support::cli::json())
}

fn main() -> ExitCode {
    let mut command = command();
    let args = command.get_matches_mut();
    let (Some(&n), Some(&repeat)) = (args.get_one::<i128>("n"), args.get_one::<usize>("repeat"))
    else {
        return ExitCode::from(2);
    };
    let n = match fibo_core::check_n(n) {
        Ok(n) => n,
        Err(e) => command
            .error(clap::error::ErrorKind::ValueValidation, e)
            .exit(),
    };
    let timing = bench_support::timing::time_median(repeat, || fibo_core::fibo(n));
    let line = if args.get_flag("json") {
        serde_json::json!({
            "n": n,
            "value": timing.value,
            "seconds": timing.median.as_secs_f64(),
        })
        .to_string()
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
