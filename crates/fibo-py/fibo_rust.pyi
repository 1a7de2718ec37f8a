"""The naive Fibonacci recursion of chapter 1, computed in Rust."""

from typing import Final, SupportsIndex

__all__ = ["MAX_N", "__version__", "fibo", "fibo_tutorial"]

__version__: Final[str]
MAX_N: Final[int]
"""The largest n accepted: fibo(93) is the last Fibonacci number that fits in 64 bits."""

def fibo(n: SupportsIndex, /) -> int:
    """Return the n-th Fibonacci number, computed by the naive double recursion.

    fibo(1) == fibo(2) == 1 and fibo(n) == fibo(n - 1) + fibo(n - 2), evaluated without any caching, so
    the work grows like 1.6**n: fibo(40) makes about 205 million calls. This is the tutorial's deliberately
    slow algorithm, run as fast as native code runs it.

    The GIL is released while computing, so other Python threads keep running, and Ctrl-C interrupts a
    long call with KeyboardInterrupt.

    Raises:
        TypeError: n is not an integer (an int, or a type with __index__ such as numpy.int64).
        ValueError: n is less than 1.
        OverflowError: n is greater than 93 (the result would not fit in 64 bits).
    """

def fibo_tutorial(n: SupportsIndex, /) -> int:
    """The tutorial's Rust function word for word: `fibo(n - 2) + fibo(n - 1)`.

    Same answers and the same argument checks as fibo(); kept so the benchmark can show what the faster
    form of the same recursion gains. Like fibo(), it releases the GIL and stops on Ctrl-C.
    """
