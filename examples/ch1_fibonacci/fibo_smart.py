"""Chapter 0's other way to be fast: change the algorithm, not the language.

The same recursion with a cache computes each Fibonacci number once instead of ~1.6**n times, so pure
Python beats the naive recursion in any language by orders of magnitude. Rust is for when the algorithm is
already as good as it gets.

Run it: python examples/ch1_fibonacci/fibo_smart.py [n]
"""

import sys
import time
from functools import cache


@cache
def fibo_memo(n: int) -> int:
    """The n-th Fibonacci number by the same recursion, each value computed once."""
    if n <= 2:
        return 1
    return fibo_memo(n - 2) + fibo_memo(n - 1)


def fibo_loop(n: int) -> int:
    """The n-th Fibonacci number by iteration: n additions, no recursion."""
    a, b = 1, 1
    for _ in range(n - 2):
        a, b = b, a + b
    return b if n > 1 else 1


def main(n: int) -> None:
    for name, function in [("memoised recursion", fibo_memo), ("loop", fibo_loop)]:
        fibo_memo.cache_clear()
        before = time.perf_counter()
        result = function(n)
        after = time.perf_counter()
        print(f"{name}: fibo({n}) = {result} in {(after - before) * 1e6:.1f} µs")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
