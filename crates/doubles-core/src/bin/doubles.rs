//! The tutorial's "pure Rust" measurement for chapter 2: count the doubles of a million random letters
//! with no Python involved.
//!
//! `cargo run --release -p doubles-core --bin doubles -- [length] [--text ascii|mixed] [--repeat R] [--json]`
//! `length` defaults to 1,000,000 characters; `--json` prints one machine-readable line for the tour.

use clap::{Arg, Command, value_parser};

fn command() -> Command {
    Command::new("doubles")
        .about("Count the doubled characters of random text in pure Rust, timed")
        .arg(
            Arg::new("length")
                .default_value("1000000")
                .value_parser(value_parser!(usize))
                .help("characters of text"),
        )
        .arg(
            Arg::new("text")
                .long("text")
                .default_value("ascii")
                .value_parser(["ascii", "mixed"])
                .help("ASCII letters, or text mixing in other characters"),
        )
        .arg(bench_support::cli::repeat("101"))
        .arg(bench_support::cli::json())
}

fn main() {
    let args = command().get_matches();
    let length = args
        .get_one::<usize>("length")
        .copied()
        .unwrap_or(1_000_000);
    let repeat = args.get_one::<usize>("repeat").copied().unwrap_or(101);
    let kind = args
        .get_one::<String>("text")
        .map_or("ascii", String::as_str);
    let text = if kind == "mixed" {
        doubles_core::sample::mixed_text(length, 42)
    } else {
        doubles_core::sample::ascii_letters(length, 42)
    };
    let timing = bench_support::timing::time_median(repeat, || {
        doubles_core::count_doubles(std::hint::black_box(&text))
    });
    let line = if args.get_flag("json") {
        serde_json::json!({
            "length": length,
            "text": kind,
            "doubles": timing.value,
            "seconds": timing.median.as_secs_f64(),
        })
        .to_string()
    } else {
        format!(
            "{} doubles in {length} {kind} characters, counted in Rust in {:?} (median of {repeat}).",
            timing.value, timing.median
        )
    };
    #[allow(clippy::print_stdout)] // a binary's job is to print
    {
        println!("{line}");
    }
}
