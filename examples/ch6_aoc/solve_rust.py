"""Chapter 6, the series' mixed program: Python reads the puzzle file, Rust solves it.

First build the wheel into your environment:
    cd crates/aoc-py && maturin develop --release
Then run: python examples/ch6_aoc/solve_rust.py [FILE]
(without FILE, the chapter's seeded 50,000-letter polymer)
"""

import sys
import time
from pathlib import Path

import aoc_rust

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ch6_aoc.generate import generate_polymer


def main(argv: list[str]) -> None:
    polymer = Path(argv[0]).read_bytes() if argv else generate_polymer()
    start = time.perf_counter()
    part_a = aoc_rust.run_polymerization(polymer)
    part_b = aoc_rust.shortest_polymer(polymer)
    elapsed = time.perf_counter() - start
    print(f"Rust from Python: part a = {part_a}, part b = {part_b} in {elapsed * 1000:.2f} ms")
    if argv:
        start = time.perf_counter()
        part_a = aoc_rust.run_polymerization_file(argv[0])
        elapsed = time.perf_counter() - start
        print(f"Rust reading the file itself: part a = {part_a} in {elapsed * 1000:.3f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
