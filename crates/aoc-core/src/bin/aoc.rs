//! The series' pure-Rust step: solve the puzzle from a file, timed with no Python involved.
//!
//! `cargo run --release -p aoc-core --bin aoc -- FILE [--repeat R] [--json]`. Each part is timed as the
//! wheel runs it from Python: check the input, then reduce (part a) or reduce 26 times (part b).
//! `--json` prints one machine-readable line for the tour.

use std::path::PathBuf;
use std::process::ExitCode;

use bench_support::timing::time_median;
use clap::{Arg, Command, value_parser};

fn command() -> Command {
    Command::new("aoc")
        .about("Advent of Code 2018 day 5 (polymer reduction) in pure Rust, timed")
        .arg(
            Arg::new("file")
                .required(true)
                .value_parser(value_parser!(PathBuf))
                .help("the puzzle input: ASCII letters, optionally ending with line breaks"),
        )
        .arg(bench_support::cli::repeat("7"))
        .arg(bench_support::cli::json())
}

fn main() -> ExitCode {
    let args = command().get_matches();
    let (Some(path), Some(&repeat)) = (
        args.get_one::<PathBuf>("file"),
        args.get_one::<usize>("repeat"),
    ) else {
        return fail("the file and --repeat are required");
    };
    let input = match std::fs::read(path) {
        Ok(input) => input,
        Err(e) => return fail(&format!("cannot read {}: {e}", path.display())),
    };
    if let Err(e) = aoc_core::letters(&input) {
        return fail(&format!("{}: {e}", path.display()));
    }
    let a = time_median(repeat, || aoc_core::part_a(&input));
    let b = time_median(repeat, || aoc_core::part_b(&input));
    let (Ok(part_a), Ok(part_b)) = (a.value, b.value) else {
        return fail("the input was checked above; this cannot happen");
    };
    let length = aoc_core::letters(&input).map_or(0, <[u8]>::len);
    let (sa, sb) = (a.median.as_secs_f64(), b.median.as_secs_f64());
    let line = if args.get_flag("json") {
        serde_json::json!({
            "length": length,
            "part_a": part_a,
            "part_b": part_b,
            "seconds_part_a": sa,
            "seconds_part_b": sb,
            "seconds": sa + sb,
        })
        .to_string()
    } else {
        format!(
            "{length} letters: part a = {part_a} in {:?}, part b = {part_b} in {:?} (medians of {repeat}).",
            a.median, b.median
        )
    };
    #[allow(clippy::print_stdout)] // a binary's job is to print
    {
        println!("{line}");
    }
    ExitCode::SUCCESS
}

fn fail(problem: &str) -> ExitCode {
    eprintln!("aoc: {problem}");
    ExitCode::from(2)
}
