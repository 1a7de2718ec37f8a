# cython: language_level=3
"""Chapter 1 in Cython: the tutorial's recursion as a typed `cdef` function (C integers, no Python objects),
compiled by the tour with the machine's C compiler (examples/peers.py)."""


cdef long long _fibo(long long n) noexcept nogil:
    if n == 1:
        return 1
    if n == 2:
        return 1
    return _fibo(n - 2) + _fibo(n - 1)


def fibo(long long n):
    """The n-th Fibonacci number by the naive double recursion (n >= 1)."""
    if n < 1:
        raise ValueError(f"fibo() needs n >= 1, got {n}")
    with nogil:
        result = _fibo(n)
    return result
