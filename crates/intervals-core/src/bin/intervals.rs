//! The post's pure-Rust timing, with the tour's own input: combine `n` intervals in Rust alone.
//!
//! `intervals (--int | --float) INPUT [--out OUTPUT] [--repeat R]`
//!
//! INPUT holds `3 n` little-endian 64-bit numbers: the `n` starts, then the `n` stops, then the `n` values
//! (int64 with `--int`, float64 with `--float`), as numpy's `tobytes()` writes them. The time is the median
//! of R runs of the whole combination from a `Vec` of `(start, stop, value)`: checking, sorting, sweeping.
//! OUTPUT, if given, receives the result the same way (starts, stops, values; int64 or float64), so that
//! the caller can check it. One JSON line goes to stdout: `{"n": .., "segments": .., "seconds": ..}`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgAction, ArgGroup, Command, value_parser};

/// The numbers of one run: integer or float intervals.
enum Input {
    Int(Vec<(i64, i64, i64)>),
    Float(Vec<(f64, f64, f64)>),
}

fn command() -> Command {
    Command::new("intervals")
        .about("Combine valued intervals in pure Rust, timed, with the tour's own input")
        .arg(
            Arg::new("int")
                .long("int")
                .action(ArgAction::SetTrue)
                .help("int64 numbers"),
        )
        .arg(
            Arg::new("float")
                .long("float")
                .action(ArgAction::SetTrue)
                .help("float64 numbers"),
        )
        .group(ArgGroup::new("kind").args(["int", "float"]).required(true))
        .arg(
            Arg::new("input")
                .required(true)
                .value_parser(value_parser!(PathBuf))
                .help("3 n little-endian numbers: the starts, the stops, the values"),
        )
        .arg(
            Arg::new("out")
                .long("out")
                .value_parser(value_parser!(PathBuf))
                .help("where to write the result, the same way"),
        )
        .arg(bench_support::cli::repeat("5"))
}

fn main() -> ExitCode {
    match run() {
        Ok(line) => {
            #[allow(clippy::print_stdout)] // a binary's job is to print
            {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("intervals: {problem}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<String, String> {
    let args = command().get_matches();
    let ints = args.get_flag("int");
    let repeat = args.get_one::<usize>("repeat").copied().unwrap_or(5);
    let path = args.get_one::<PathBuf>("input").ok_or("no INPUT file")?;
    let output = args.get_one::<PathBuf>("out");
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let words: Vec<[u8; 8]> = bytes
        .chunks_exact(8)
        .map(|chunk| chunk.try_into().unwrap_or_default())
        .collect();
    if bytes.len() % 24 != 0 {
        return Err(format!(
            "{} holds {} bytes, not a multiple of 24",
            path.display(),
            bytes.len()
        ));
    }
    let n = words.len() / 3;
    let input = if ints {
        let numbers: Vec<i64> = words.iter().map(|w| i64::from_le_bytes(*w)).collect();
        Input::Int(triples(&numbers, n))
    } else {
        let numbers: Vec<f64> = words.iter().map(|w| f64::from_le_bytes(*w)).collect();
        Input::Float(triples(&numbers, n))
    };
    let (segments, seconds, out_bytes) = match &input {
        Input::Int(intervals) => {
            let timing = bench_support::timing::time_median(repeat, || {
                intervals_core::combine_int(intervals.iter().copied())
            });
            let combined = timing.value.map_err(|e| e.to_string())?;
            let mut values = Vec::with_capacity(combined.len());
            for &(start, stop, value) in &combined {
                values.push(i64::try_from(value).map_err(|_| {
                    format!("the value of segment [{start}, {stop}) does not fit in int64")
                })?);
            }
            let bytes = columns(&combined, |s| s.0.to_le_bytes(), |s| s.1.to_le_bytes())
                .chain(values.iter().flat_map(|v| v.to_le_bytes()))
                .collect::<Vec<u8>>();
            (combined.len(), timing.median.as_secs_f64(), bytes)
        }
        Input::Float(intervals) => {
            let timing = bench_support::timing::time_median(repeat, || {
                intervals_core::combine_float(intervals.iter().copied())
            });
            let combined = timing.value.map_err(|e| e.to_string())?;
            let bytes = columns(&combined, |s| s.0.to_le_bytes(), |s| s.1.to_le_bytes())
                .chain(combined.iter().flat_map(|s| s.2.to_le_bytes()))
                .collect::<Vec<u8>>();
            (combined.len(), timing.median.as_secs_f64(), bytes)
        }
    };
    if let Some(output) = output {
        std::fs::write(output, out_bytes)
            .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    }
    Ok(serde_json::json!({
        "n": n,
        "segments": segments,
        "seconds": seconds,
        "repeat": repeat,
    })
    .to_string())
}

/// The `n` starts, stops and values of a flat list of `3 n` numbers, as `(start, stop, value)`.
fn triples<T: Copy>(numbers: &[T], n: usize) -> Vec<(T, T, T)> {
    let (starts, rest) = numbers.split_at(n);
    let (stops, values) = rest.split_at(n);
    starts
        .iter()
        .zip(stops)
        .zip(values)
        .map(|((&start, &stop), &value)| (start, stop, value))
        .collect()
}

/// The bytes of the start column, then of the stop column.
fn columns<'a, S>(
    segments: &'a [S],
    start: impl Fn(&S) -> [u8; 8] + 'a,
    stop: impl Fn(&S) -> [u8; 8] + 'a,
) -> impl Iterator<Item = u8> + 'a {
    segments
        .iter()
        .flat_map(start)
        .chain(segments.iter().flat_map(stop))
}
