"""Chapter 1's pytest-benchmark file: every step on the same fibo(N), in one run.

    ./just bench                      (all chapters)
    python -m pytest examples/ch1_fibonacci --benchmark-enable --benchmark-only

Compare the `mean` column: pytest-benchmark lists the steps fastest first. numba compiles (and Cython
builds, with the machine's C compiler) when this file is imported, before any timing.
"""

import fibo_rust
import pytest
from harness import ROOT
from peers import build_cython, jit

from ch1_fibonacci import fibo_numba
from ch1_fibonacci.fibo_python import fibo as fibo_python
from ch1_fibonacci.fibo_smart import fibo_loop

N = 27
EXPECTED = fibo_loop(N)

jit(fibo_numba.fibo, "int64(int64)")
CYTHON = build_cython(ROOT / "examples/ch1_fibonacci/fibo_cython.pyx")

STEPS = {
    "python": fibo_python,
    "rust-tutorial": fibo_rust.fibo_tutorial,
    "rust-fibo": fibo_rust.fibo,
    "numba": fibo_numba.fibo,
    "cython": CYTHON.module.fibo if CYTHON.module else None,
}


@pytest.mark.parametrize("step", STEPS)
def test_fibo(benchmark, step):
    benchmark.group = f"fibo({N})"
    if STEPS[step] is None:
        pytest.skip(f"Cython: {CYTHON.error}")
    assert benchmark(STEPS[step], N) == EXPECTED
