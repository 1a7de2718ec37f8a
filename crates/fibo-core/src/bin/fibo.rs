//! The tutorial's `main.rs` step: time `fibo(n)` in pure Rust, with no Python involved.
//!
//! `cargo run --release -p fibo-core --bin fibo -- [n] [--function textbook|fibo] [--repeat R] [--json]`;
//! `n` defaults to 40. By default it times `fibo_textbook`, the tutorial's function word for word, as the
//! tutorial did; `--function fibo` times `fibo_core::fibo`, the recursion with five levels expanded that
//! `fibo_rust.fibo` runs. `--json` prints one machine-readable line for the tour.

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
        .arg(
            Arg::new("function")
                .long("function")
                .default_value("textbook")
                .value_parser(["textbook", "fibo"])
                .help("textbook: the tutorial's function; fibo: the expanded recursion fibo_rust.fibo runs"),
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
    let function = args
        .get_one::<String>("function")
        .map_or("textbook", String::as_str);
    let fibo = if function == "fibo" {
        fibo_core::fibo
    } else {
        fibo_core::fibo_textbook
    };
    let timing = bench_support::timing::time_median(repeat, || fibo(std::hint::black_box(n)));
    let line = if args.get_flag("json") {
        serde_json::json!({
            "n": n,
            "function": function,
            "value": timing.value,
            "seconds": timing.median.as_secs_f64(),
        })
        .to_string()
    } else {
        format!(
            "Result in Rust ({function}) after {:?} is: {} (median of {repeat}).",
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
