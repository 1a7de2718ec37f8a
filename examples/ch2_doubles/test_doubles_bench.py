"""Chapter 2's pytest-benchmark file: the tutorial's doubles.py, with every step it took and the ones it
did not, on the same million characters, in one run.

    cd crates/doubles-py && maturin develop --release && cd ../..
    python -m pytest examples/ch2_doubles --benchmark-enable        # the tutorial's `pytest doubles.py`
    python examples/ch2_doubles/test_doubles_bench.py                # the same, benchmarks only
    ./just bench                                                     # every chapter

(The project's pytest settings switch benchmarks off so the test run stays quick: hence --benchmark-enable.
Without it each function still runs once, and its answer is checked.)

Two groups: the tutorial's input (a million random ASCII letters), where every function gives the same
answer, and a million characters of non-ASCII text, where the byte counts (numpy's one-liner among them)
answer a different question. Read the `mean` column: pytest-benchmark lists each group fastest first.
The debug-build trap needs a second environment: `./just trap`. numba compiles (and Cython builds, with
the machine's C compiler) when this file is imported, before any timing. The steps are the tour's own
list (`ch2_doubles.tour.steps`).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # examples/, when run as a script

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from ch2_doubles.doubles_python import ascii_letters, count_doubles, count_doubles_numpy, mixed_text
from ch2_doubles.tour import steps

# The tutorial's benchmark data: a million random letters; and a million characters of non-ASCII text.
val = ascii_letters()
text = mixed_text()
ASCII = "1M random ASCII letters (the tutorial's input)"
NON_ASCII = "1M characters of non-ASCII text"

# The tour's own steps, each with the count it must give: the Python loop's count of characters, or, for
# the functions documented to count UTF-8 bytes, the same loop over the bytes.
ASCII_STEPS, TEXT_STEPS, _ = steps(val, text)
STEPS = [(ASCII, step) for step in ASCII_STEPS] + [(NON_ASCII, step) for step in TEXT_STEPS]


@pytest.mark.parametrize(("group", "step"), STEPS, ids=[step.key for _, step in STEPS])
def test_doubles(benchmark: BenchmarkFixture, group: str, step) -> None:
    benchmark.group = group
    if step.run is None:
        pytest.skip(step.missing)
    assert step.check(benchmark(step.run)) == ""


def test_bytes_are_the_wrong_answer_on_non_ascii_text() -> None:
    # Not a benchmark: the reason the non-ASCII group exists.
    assert count_doubles_numpy(text) != count_doubles(text)


if __name__ == "__main__":
    sys.exit(
        pytest.main(
            [__file__, "--benchmark-enable", "--benchmark-only", "--benchmark-columns=min,median,mean,rounds"]
        )
    )
