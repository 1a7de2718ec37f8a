"""Chapter 7: combining valued intervals (the series' part 3), with Rust as an optional extension."""
