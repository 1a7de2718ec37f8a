"""Chapter 2: counting doubled characters in Python, numpy and Rust (the wheel `string_doubles`)."""
