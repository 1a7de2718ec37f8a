"""Chapter 1: the naive Fibonacci recursion in Python, in Rust, and in C."""
