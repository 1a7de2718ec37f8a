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
the machine's C compiler) when this file is imported, before any timing.
"""

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # examples/, when run as a script

import pytest
import string_doubles
from harness import ROOT
from peers import build_cython, jit
from pytest_benchmark.fixture import BenchmarkFixture

from ch2_doubles import doubles_numba
from ch2_doubles.doubles_python import (
    ascii_letters,
    count_doubles,
    count_doubles_bytes,
    count_doubles_numpy,
    count_doubles_numpy_exact,
    mixed_text,
)

# The tutorial's benchmark data: a million random letters.
val = ascii_letters()
text = mixed_text()
ASCII = "1M random ASCII letters (the tutorial's input)"
NON_ASCII = "1M characters of non-ASCII text"

# What each function should answer: the Python loop's count of characters, or, for the functions that
# count UTF-8 bytes, the same loop over the bytes.
CHARACTERS = {ASCII: count_doubles(val), NON_ASCII: count_doubles(text)}
BYTES = {ASCII: CHARACTERS[ASCII], NON_ASCII: count_doubles_bytes(text)}

for signature in doubles_numba.SIGNATURES:
    jit(doubles_numba.count_equal_neighbours, signature)
CYTHON = build_cython(ROOT / "examples/ch2_doubles/doubles_cython.pyx")


def cython(name: str) -> Callable[[str], int]:
    if CYTHON.module is None:
        return lambda _val: pytest.skip(f"Cython: {CYTHON.error}")
    function: Callable[[str], int] = getattr(CYTHON.module, name)
    return function


STEPS: dict[str, tuple[Callable[[str], int], dict[str, int]]] = {
    "python-loop": (count_doubles, CHARACTERS),
    "rust-tutorial-port": (string_doubles.count_doubles_tutorial, CHARACTERS),
    "numpy-one-liner": (count_doubles_numpy, BYTES),
    "rust-tutorial-bytes": (string_doubles.count_doubles_bytes_tutorial, BYTES),
    "rust-pairwise": (string_doubles.count_doubles_pairwise, CHARACTERS),
    "numpy-exact-utf32": (count_doubles_numpy_exact, CHARACTERS),
    "rust-count_doubles_bytes": (string_doubles.count_doubles_bytes, BYTES),
    "rust-count_doubles": (string_doubles.count_doubles, CHARACTERS),
    "numba-utf8": (doubles_numba.count_doubles_utf8, BYTES),
    "numba-utf32": (doubles_numba.count_doubles_utf32, CHARACTERS),
    "cython-str": (cython("count_doubles"), CHARACTERS),
    "cython-utf8": (cython("count_doubles_bytes"), BYTES),
}


@pytest.mark.parametrize("step", STEPS)
def test_ascii_letters(benchmark: BenchmarkFixture, step: str) -> None:
    function, expected = STEPS[step]
    benchmark.group = ASCII
    assert benchmark(function, val) == expected[ASCII]


@pytest.mark.parametrize("step", STEPS)
def test_non_ascii_text(benchmark: BenchmarkFixture, step: str) -> None:
    function, expected = STEPS[step]
    benchmark.group = NON_ASCII
    assert benchmark(function, text) == expected[NON_ASCII]


def test_bytes_are_the_wrong_answer_on_non_ascii_text() -> None:
    # Not a benchmark: the reason the non-ASCII group exists.
    assert count_doubles_numpy(text) != count_doubles(text)


if __name__ == "__main__":
    sys.exit(
        pytest.main(
            [__file__, "--benchmark-enable", "--benchmark-only", "--benchmark-columns=min,median,mean,rounds"]
        )
    )
