//! The flags every pure-Rust binary shares, for clap's builder API.

use clap::{Arg, ArgAction, value_parser};

/// `--repeat R`: how many runs to time; the binaries report the median.
#[must_use]
pub fn repeat(default: &'static str) -> Arg {
    Arg::new("repeat")
        .long("repeat")
        .default_value(default)
        .value_parser(value_parser!(usize))
        .help("runs; the median is reported")
}

/// `--json`: print one JSON line, for the tour.
#[must_use]
pub fn json() -> Arg {
    Arg::new("json")
        .long("json")
        .action(ArgAction::SetTrue)
        .help("print one JSON line (for the tour)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_repeat_and_json() {
        let command = clap::Command::new("t").arg(repeat("7")).arg(json());
        let args = command.clone().get_matches_from(["t"]);
        assert_eq!(args.get_one::<usize>("repeat"), Some(&7));
        assert!(!args.get_flag("json"));
        let args = command
            .clone()
            .get_matches_from(["t", "--repeat", "3", "--json"]);
        assert_eq!(args.get_one::<usize>("repeat"), Some(&3));
        assert!(args.get_flag("json"));
        assert!(
            command
                .try_get_matches_from(["t", "--repeat", "x"])
                .is_err()
        );
    }
}
