//! The article's `main` in pure Rust, timed with no Python involved: the floor under every Python call.
//!
//! `cargo run --release -p poly-core --bin poly-match -- [--polygons N] [--points M] [--field S]
//! [--repeat R] [--json]`. Defaults are the article's sizes (1000 polygons, 100 points, a 100 × 100 field,
//! `max_dist = 10`). The data has the article's shape but comes from `SplitMix64`, not numpy.

use std::process::ExitCode;

use poly_core::example::{Field, MAX_DIST};

struct Options {
    polygons: usize,
    points: usize,
    field: u32,
    repeat: usize,
    json: bool,
}

fn parse() -> Result<Options, String> {
    let mut options = Options {
        polygons: 1000,
        points: 100,
        field: 100,
        repeat: 20,
        json: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a whole number"))
        };
        match arg.as_str() {
            "--json" => options.json = true,
            "--polygons" => options.polygons = number("--polygons")?,
            "--points" => options.points = number("--points")?,
            "--repeat" => options.repeat = number("--repeat")?,
            "--field" => {
                options.field = u32::try_from(number("--field")?)
                    .ok()
                    .filter(|&f| f > 0)
                    .ok_or("--field must be between 1 and 2^32 - 1")?;
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse() {
        Ok(options) => options,
        Err(problem) => {
            eprintln!(
                "poly-match: {problem}\nusage: poly-match [--polygons N] [--points M] [--field S] [--repeat R] [--json]"
            );
            return ExitCode::from(2);
        }
    };
    let field = Field::new(options.polygons, options.points, options.field, 6);
    let shapes = field.shapes();
    let timing = shared_core::timing::time_median(options.repeat, || {
        poly_core::best_polygons(&shapes, &field.points, MAX_DIST)
    });
    let seconds = timing.median.as_secs_f64();
    let line = if options.json {
        format!(
            r#"{{"polygons": {}, "points": {}, "field": {}, "matched": {}, "seconds": {seconds}}}"#,
            options.polygons,
            options.points,
            options.field,
            timing.value.len()
        )
    } else {
        format!(
            "best_polygons over {} polygons and {} points: {:?} (median of {}); {} points matched.",
            options.polygons,
            options.points,
            timing.median,
            options.repeat,
            timing.value.len()
        )
    };
    #[allow(clippy::print_stdout)] // a binary's job is to print
    {
        println!("{line}");
    }
    ExitCode::SUCCESS
}
