"""Chapter 1, step 1: the tutorial's Python program, with nothing but Python.

Run it: python examples/ch1_fibonacci/fibo_python.py [n]   (n = 40 takes minutes in CPython)
"""

import sys
import time


def fibo(n):
    """The n-th Fibonacci number by the naive double recursion: fibo(1) == fibo(2) == 1."""
    if n == 1:
        return 1
    if n == 2:
        return 1
    return fibo(n - 2) + fibo(n - 1)


def main(n: int) -> None:
    before = time.perf_counter()
    result = fibo(n)
    after = time.perf_counter()
    print(f"Result in Python after {after - before:.2f} seconds is: {result}.")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 32)
