"""aoc_rust: no memory growth over 100,000 rounds of calls to every public function, good
input and bad; the resident memory must stay where a warm-up of 10,000 rounds left it (tests/support.py
says how much it may move).
`./just test-py` runs these with the normal allocator, outside its PYTHONMALLOC=debug pass."""

from collections.abc import Callable
from pathlib import Path

import aoc_rust
from support import memory_tests, raises


def aoc_round(workdir: Path) -> Callable[[], None]:
    polymer, data = "dabAcCaCBAcCcaDA" * 3 + "\n", b"abBAcCdx" * 5
    path = workdir / "memory_round_polymer.txt"
    path.write_bytes(data)
    bad = [
        raises(lambda: aoc_rust.run_polymerization("ab c"), ValueError),
        raises(lambda: aoc_rust.shortest_polymer("abé"), ValueError),
        raises(lambda: aoc_rust.shortest_polymer("ab\ud800"), ValueError),
        raises(lambda: aoc_rust.run_polymerization(None), TypeError),
        raises(lambda: aoc_rust.run_polymerization_vec(b"aA1"), ValueError),
        raises(lambda: aoc_rust.run_polymerization_str("aA\ud800"), UnicodeEncodeError),
        raises(lambda: aoc_rust.run_polymerization_file(path.with_suffix(".missing")), FileNotFoundError),
    ]

    def run() -> None:
        aoc_rust.run_polymerization(polymer)
        aoc_rust.run_polymerization(data)
        aoc_rust.shortest_polymer(polymer)
        aoc_rust.shortest_polymer(data)
        aoc_rust.run_polymerization_vec(data)
        aoc_rust.run_polymerization_str(polymer)
        aoc_rust.run_polymerization_file(path)
        for refused in bad:
            refused()

    return run


test_no_growth_over_100_000_rounds, test_every_public_function_is_in_the_round = memory_tests(
    [aoc_rust], aoc_round
)
