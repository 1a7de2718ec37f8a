"""Counting doubled characters in Rust, chapter 2 of rust-in-python.

count_doubles(val) is the tutorial's Python loop, exact for every str and faster than numpy.
count_doubles_bytes(val) is the tutorial's byte-wise variant (right for ASCII only). The tutorial's
steps stay importable: count_doubles_tutorial, count_doubles_bytes_tutorial, count_doubles_pairwise.
"""

from typing import Final

__all__ = [
    "__version__",
    "count_doubles",
    "count_doubles_bytes",
    "count_doubles_bytes_tutorial",
    "count_doubles_pairwise",
    "count_doubles_tutorial",
]

__version__: Final[str]

def count_doubles(val: str) -> int:
    """Return how many neighbouring characters of val are equal: the tutorial's Python loop, exactly.

    Equal to sum(1 for a, b in zip(val, val[1:]) if a == b) for every str, lone surrogates included.
    Copies nothing it need not; releases the GIL while counting a long ASCII string.

    Raises:
        TypeError: val is not a str.
    """

def count_doubles_bytes(val: str) -> int:
    """Return how many neighbouring bytes of val's UTF-8 encoding are equal: the tutorial's byte variant.

    The same as count_doubles() for ASCII text only: "éé" gives 0, "₂€" gives 1.

    Raises:
        TypeError: val is not a str.
        UnicodeEncodeError: val holds a lone surrogate, so it has no UTF-8 encoding.
    """

def count_doubles_tutorial(val: str) -> int:
    """Step 2 of chapter 2, the tutorial's first port: val.chars().zip(val.chars().skip(1)) on a &str.

    Raises:
        TypeError: val is not a str.
        UnicodeEncodeError: val holds a lone surrogate.
    """

def count_doubles_bytes_tutorial(val: str) -> int:
    """Step 4 of chapter 2, the tutorial's byte-wise loop: count_doubles_bytes(), one byte at a time.

    Raises:
        TypeError: val is not a str.
        UnicodeEncodeError: val holds a lone surrogate.
    """

def count_doubles_pairwise(val: str) -> int:
    """Step 5 of chapter 2, itertools' array_windows::<2>() (Python's pairwise): exact, as slow as step 2.

    Raises:
        TypeError: val is not a str.
        UnicodeEncodeError: val holds a lone surrogate.
    """
