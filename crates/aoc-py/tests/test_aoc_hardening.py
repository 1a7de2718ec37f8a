"""aoc_rust under pressure: long reductions let other Python threads run, and a short one (below the
2**16-letter threshold, too short to be worth handing the GIL over) is seen keeping it, which proves the
method (tests/support.py, `calls_done_when_main_woke`); and a 100-million-letter polymer within its memory
budget: the polymer is read in place and reduced on a stack of one byte per letter; part b also keeps the
reduced polymer: the polymer's length in bytes, plus the reduced polymer's, plus 4 MB (measured exactly on
Linux, where the peak can be reset; see tests/memory_probe.py)."""

import aoc_rust
import numpy as np
import pytest
from records import record_huge, timed_peak_growth
from support import gil_tests

MB = 1024 * 1024
N_CHARACTERS = 100_000_000


@pytest.fixture(scope="module")
def calls(tmp_path_factory):
    """Inputs that take at least a millisecond of work per call, mostly with the GIL released."""
    polymer = "".join(np.random.default_rng(5).choice(list("aAbBcCdD"), size=2_000_000))
    polymer_file = tmp_path_factory.mktemp("gil") / "polymer.txt"
    polymer_file.write_text(polymer)
    polymer_bytes = polymer.encode()
    return {
        "run_polymerization": lambda: aoc_rust.run_polymerization(polymer),
        "shortest_polymer": lambda: aoc_rust.shortest_polymer(polymer[:300_000]),
        "run_polymerization_vec": lambda: aoc_rust.run_polymerization_vec(polymer_bytes[:300_000]),
        "run_polymerization_str": lambda: aoc_rust.run_polymerization_str(polymer),
        "run_polymerization_file": lambda: aoc_rust.run_polymerization_file(polymer_file),
        "run_polymerization, short polymer": lambda: aoc_rust.run_polymerization(polymer[:60_000]),
    }


RELEASES = [
    "run_polymerization",
    "shortest_polymer",
    "run_polymerization_vec",
    "run_polymerization_str",
    "run_polymerization_file",
]
KEEPS = ["run_polymerization, short polymer"]

test_long_work_lets_other_threads_run, test_calls_that_keep_the_gil_are_told_apart = gil_tests(
    RELEASES, KEEPS
)


@pytest.mark.soak
def test_a_100_million_letter_polymer():
    # Each 50-letter unit reduces to "xy" (its 12 "aBbA" collapse), so the answers are known: part a
    # leaves 2 letters per unit, and removing x (or y) leaves 1.
    unit = "x" + "aBbA" * 12 + "y"
    repeats = N_CHARACTERS // len(unit)
    polymer = unit * repeats
    assert len(polymer) == N_CHARACTERS

    length, grown, seconds = timed_peak_growth(lambda: aoc_rust.run_polymerization(polymer))
    assert length == 2 * repeats
    budget = N_CHARACTERS + 4 * MB
    assert grown < budget, f"run_polymerization used {grown / MB:.0f} MB"
    record_huge("run_polymerization", budget, grown, seconds, input="str", characters=len(polymer))

    data = polymer.encode()
    length, grown, seconds = timed_peak_growth(lambda: aoc_rust.shortest_polymer(data))
    assert length == repeats
    budget = N_CHARACTERS + 2 * repeats + 4 * MB
    assert grown < budget, f"shortest_polymer used {grown / MB:.0f} MB (budget {budget / MB:.0f} MB)"
    record_huge("shortest_polymer", budget, grown, seconds, input="bytes", characters=len(data))
