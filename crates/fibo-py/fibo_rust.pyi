"""Chapter 1 of rust-in-python: the naive Fibonacci recursion, computed in Rust."""

from typing import Final, SupportsIndex

__all__ = ["MAX_N", "__version__", "fibo", "fibo_tutorial"]

__version__: Final[str]
MAX_N: Final[int]
"""The largest n accepted: fibo(93) is the last Fibonacci number that fits in 64 bits."""

def fibo(n: SupportsIndex, /) -> int:
    """Return the n-th Fibonacci number (fibo(1) == fibo(2) == 1) by the naive double recursion.

    Releases the GIL while computing; Ctrl-C raises KeyboardInterrupt.

    Raises:
        TypeError: n is not an integer (int, or a type with __index__ such as numpy.int64).
        ValueError: n is less than 1.
        OverflowError: n is greater than 93.
    """

def fibo_tutorial(n: SupportsIndex, /) -> int:
    """The tutorial's Rust function word for word: same answers and checks as fibo(), slower."""
