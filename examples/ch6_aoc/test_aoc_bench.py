"""Chapter 6's pytest-benchmark file: the tour's own steps (`ch6_aoc.tour.steps`), on the same polymer, in
one run, each answer checked against the stack algorithm in Python.

    ./just bench                      (all chapters)
    python -m pytest examples/ch6_aoc --benchmark-enable --benchmark-only

The whole-puzzle group uses the chapter's seeded polymer cut to 5,000 letters, so that the series' naive
loop takes a fraction of a second per round. The crossings group uses all 50,000 letters: on a short
input timed thousands of times over, the CPU's branch predictor learns the input by heart, which flatters
loops that branch on the data (the series' push/pop loop in the Vec<u8> step) and misleads. Compare the
`mean` column: pytest-benchmark lists the fastest first.
"""

import pytest

from ch6_aoc.generate import generate_polymer
from ch6_aoc.tour import polymer_file, steps

FULL = generate_polymer()
POLYMER = FULL[:5_000]
WHOLE, _, _ = steps(POLYMER, POLYMER, polymer_file(POLYMER, "ch6_bench_polymer.txt"))
_, PART_A, _ = steps(
    FULL,
    "",  # no naive rows here
    polymer_file(FULL, "ch6_bench_full.txt"),
)


@pytest.mark.parametrize("step", WHOLE, ids=[step.key for step in WHOLE])
def test_both_parts(benchmark, step):
    benchmark.group = f"both parts, {len(POLYMER):,} letters"
    assert step.check(benchmark(step.run)) == ""


@pytest.mark.parametrize("step", PART_A, ids=[step.key for step in PART_A])
def test_part_a_crossings(benchmark, step):
    benchmark.group = f"part a, {len(FULL):,} letters: how the polymer crosses"
    assert step.check(benchmark(step.run)) == ""
