"""Chapter 1 under numba: the tutorial's recursion, unchanged, compiled by `@numba.njit`.

    python examples/ch1_fibonacci/fibo_numba.py [n]

numba compiles on the first call (or on `fibo.compile("int64(int64)")`), once per process; the tour times
that compilation on its own line and the calls after it in the row.
"""

import sys
import time

import numba


@numba.njit(cache=False)
def fibo(n):
    """The n-th Fibonacci number by the naive double recursion, as machine integers (int64)."""
    if n == 1:
        return 1
    if n == 2:
        return 1
    return fibo(n - 2) + fibo(n - 1)


def main(n: int) -> None:
    before = time.perf_counter()
    fibo.compile("int64(int64)")
    compiled = time.perf_counter()
    result = fibo(n)
    after = time.perf_counter()
    print(f"numba: compiled in {compiled - before:.2f} s; fibo({n}) = {result} in {after - compiled:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 35)
