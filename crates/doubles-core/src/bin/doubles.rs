//! The tutorial's "pure Rust" measurement for chapter 2: count the doubles of a million random letters
//! with no Python involved.
//!
//! `cargo run --release -p doubles-core --bin doubles -- [length] [--text ascii|mixed] [--repeat R] [--json]`
//! `length` defaults to 1,000,000 characters; `--json` prints one machine-readable line for the tour.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut length: usize = 1_000_000;
    let mut repeat = 101;
    let mut json = false;
    let mut mixed = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--repeat" => match args.next().and_then(|r| r.parse().ok()) {
                Some(r) => repeat = r,
                None => return usage("--repeat needs a whole number"),
            },
            "--text" => match args.next().as_deref() {
                Some("ascii") => mixed = false,
                Some("mixed") => mixed = true,
                _ => return usage("--text must be `ascii` or `mixed`"),
            },
            other => match other.parse() {
                Ok(value) => length = value,
                Err(_) => return usage(&format!("not a whole number: {other:?}")),
            },
        }
    }
    let text = if mixed {
        doubles_core::sample::mixed_text(length, 42)
    } else {
        doubles_core::sample::ascii_letters(length, 42)
    };
    let timing = shared_core::timing::time_median(repeat, || {
        doubles_core::count_doubles(std::hint::black_box(&text))
    });
    let seconds = timing.median.as_secs_f64();
    let kind = if mixed { "mixed" } else { "ascii" };
    let line = if json {
        format!(
            r#"{{"length": {length}, "text": "{kind}", "doubles": {}, "seconds": {seconds}}}"#,
            timing.value
        )
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
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "doubles: {problem}\nusage: doubles [length] [--text ascii|mixed] [--repeat R] [--json]"
    );
    ExitCode::from(2)
}
