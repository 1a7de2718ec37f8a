"""Chapter 6's pytest-benchmark file: every way of solving the puzzle, on the same polymer, in one run.

    ./just bench                      (all chapters)
    python -m pytest examples/ch6_aoc --benchmark-enable --benchmark-only

The whole-puzzle group uses the chapter's seeded polymer cut to 5,000 letters, so that the series' naive
loop takes a fraction of a second per round. The crossings group uses all 50,000 letters: on a short
input timed thousands of times over, the CPU's branch predictor learns the input by heart, which flatters
loops that branch on the data (the series' push/pop loop in the Vec<u8> step) and misleads. Compare the
`mean` column: pytest-benchmark lists the fastest first.
"""

import aoc_rust
import pytest

from ch6_aoc.generate import generate_polymer
from ch6_aoc.polymer_python import (
    reduce_naive,
    reduce_stack,
    shortest_naive,
    shortest_reduced_first,
    shortest_stack,
)

FULL = generate_polymer()
POLYMER = FULL[:5_000]
EXPECTED = (reduce_stack(POLYMER), shortest_stack(POLYMER))
EXPECTED_FULL = reduce_stack(FULL)

STEPS = {
    "python-naive": (reduce_naive, shortest_naive),
    "python-stack": (reduce_stack, shortest_stack),
    "python-stack-reduced-first": (reduce_stack, shortest_reduced_first),
    "rust-str": (aoc_rust.run_polymerization, aoc_rust.shortest_polymer),
}


@pytest.mark.parametrize("step", STEPS)
def test_both_parts(benchmark, step):
    part_a, part_b = STEPS[step]
    benchmark.group = f"both parts, {len(POLYMER):,} letters"
    assert benchmark(lambda: (part_a(POLYMER), part_b(POLYMER))) == EXPECTED


PART_A = {
    "str": lambda: aoc_rust.run_polymerization(FULL),
    "encode-per-call": lambda: aoc_rust.run_polymerization(FULL.encode()),
    "vec-step": lambda: aoc_rust.run_polymerization_vec(FULL.encode()),
    "str-step": lambda: aoc_rust.run_polymerization_str(FULL),
}


@pytest.mark.parametrize("way", PART_A)
def test_part_a_crossings(benchmark, way):
    benchmark.group = f"part a, {len(FULL):,} letters: how the polymer crosses"
    assert benchmark(PART_A[way]) == EXPECTED_FULL


def test_rust_reads_the_file(benchmark, tmp_path):
    path = tmp_path / "input.txt"
    path.write_text(FULL + "\n")
    benchmark.group = f"part a, {len(FULL):,} letters: how the polymer crosses"
    assert benchmark(aoc_rust.run_polymerization_file, path) == EXPECTED_FULL
