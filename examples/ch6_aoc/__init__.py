"""Chapter 6: Advent of Code 2018 day 5 (polymer reduction) in Python, in Rust, and across the boundary."""
