//! The article's `main` in pure Rust, timed with no Python involved: the floor under every Python call.
//!
//! `cargo run --release -p poly-core --bin poly-match -- [--polygons N] [--points M] [--field S]
//! [--repeat R] [--json]`. Defaults are the article's sizes (1000 polygons, 100 points, a 100 × 100 field,
//! `max_dist = 10`). The data has the article's shape but comes from `SplitMix64`, not numpy.

use clap::{Arg, ArgMatches, Command, value_parser};
use poly_core::example::{Field, MAX_DIST};

fn command() -> Command {
    let number = |name: &'static str, default: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .default_value(default)
            .value_parser(value_parser!(usize))
            .help(help)
    };
    Command::new("poly-match")
        .about("The article's main (best polygon per point) in pure Rust, timed")
        .arg(number("polygons", "1000", "how many polygons"))
        .arg(number("points", "100", "how many points"))
        .arg(
            Arg::new("field")
                .long("field")
                .default_value("100")
                .value_parser(value_parser!(u32).range(1..))
                .help("side of the square field the polygons and points lie in"),
        )
        .arg(bench_support::cli::repeat("20"))
        .arg(bench_support::cli::json())
}

/// A `usize` option, which has a default.
fn count(args: &ArgMatches, name: &str) -> usize {
    args.get_one::<usize>(name).copied().unwrap_or_default()
}

fn main() {
    let args = command().get_matches();
    let (polygons, points, repeat) = (
        count(&args, "polygons"),
        count(&args, "points"),
        count(&args, "repeat"),
    );
    let field_size = args.get_one::<u32>("field").copied().unwrap_or(100);
    let field = Field::new(polygons, points, field_size, 6);
    let shapes = field.shapes();
    let timing = bench_support::timing::time_median(repeat, || {
        poly_core::best_polygons(&shapes, &field.points, MAX_DIST)
    });
    let line = if args.get_flag("json") {
        serde_json::json!({
            "polygons": polygons,
            "points": points,
            "field": field_size,
            "matched": timing.value.len(),
            "seconds": timing.median.as_secs_f64(),
        })
        .to_string()
    } else {
        format!(
            "best_polygons over {polygons} polygons and {points} points: {:?} (median of {repeat}); {} points matched.",
            timing.median,
            timing.value.len()
        )
    };
    #[allow(clippy::print_stdout)] // a binary's job is to print
    {
        println!("{line}");
    }
}
