"""Chapter 5: what it costs to hand data from Python to Rust."""
