"""Counting doubled characters in Rust, chapter 2 of rust-in-python.

count_doubles(val) is the tutorial's Python loop, exact for every str and faster than numpy.
count_doubles_bytes(val) is the tutorial's byte-wise variant (right for ASCII only). The tutorial's
steps stay importable: count_doubles_tutorial, count_doubles_bytes_tutorial, count_doubles_pairwise.
READS_STR_IN_PLACE tells which build this is: True where it was built for this Python version alone
(non-ASCII text read in place), False in the abi3 wheel (copied a chunk at a time).
"""

from typing import Final

__all__ = [
    "READS_STR_IN_PLACE",
    "__version__",
    "count_doubles",
    "count_doubles_bytes",
    "count_doubles_bytes_tutorial",
    "count_doubles_pairwise",
    "count_doubles_tutorial",
]

__version__: Final[str]
READS_STR_IN_PLACE: Final[bool]

def count_doubles(val: str) -> int:
    """Return how many neighbouring characters of val are equal: the tutorial's Python loop, exactly.

    Equal to sum(1 for a, b in zip(val, val[1:]) if a == b) for every str: ASCII, any other text,
    emoji, combining marks (each mark is a character of its own, as in Python) and strings holding lone
    surrogates, which have no UTF-8 form. A subclass of str is read as the str it is.

    Copies nothing it need not: an ASCII string is read in place and counted with SIMD instructions, with
    the GIL released when it is long. Other strings are read in place as well where this module was built
    for one Python version (READS_STR_IN_PLACE is True); the abi3 wheel, which serves every version, has
    to copy them as code points, a small chunk at a time.

    Raises:
        TypeError: val is not a str.
    """

def count_doubles_bytes(val: str) -> int:
    """Return how many neighbouring bytes of val's UTF-8 encoding are equal: the tutorial's byte variant.

    The same as count_doubles() for ASCII text, and a different question otherwise: "éé" has one doubled
    character but no doubled byte (C3 A9 C3 A9), and "₂€" has no doubled character but one doubled byte
    (E2 82 82 E2 82 AC). It is what the tutorial's numpy one-liner computes, too.

    ASCII strings are read in place; any other string is encoded to a temporary bytes object, as
    val.encode() would, and counted with SIMD instructions.

    Raises:
        TypeError: val is not a str.
        UnicodeEncodeError: val holds a lone surrogate, so it has no UTF-8 encoding to count.
    """

def count_doubles_tutorial(val: str) -> int:
    """Step 2 of chapter 2, the tutorial's first port: val.chars().zip(val.chars().skip(1)) on a &str.

    Exact on every str that has a UTF-8 form, one decoded character at a time. Like the tutorial's
    function it takes a &str, so a str holding a lone surrogate raises, and a non-ASCII str keeps a UTF-8
    copy of itself afterwards (CPython caches it inside the object).

    Raises:
        TypeError: val is not a str.
        UnicodeEncodeError: val holds a lone surrogate (not valid UTF-8, so not a Rust &str).
    """

def count_doubles_bytes_tutorial(val: str) -> int:
    """Step 4 of chapter 2, the tutorial's byte-wise loop over val's UTF-8 bytes, as it was written.

    Same answers as count_doubles_bytes() (right for ASCII only), one byte at a time.

    Raises:
        TypeError: val is not a str.
        UnicodeEncodeError: val holds a lone surrogate.
    """

def count_doubles_pairwise(val: str) -> int:
    """Step 5 of chapter 2, "pythonic" Rust: itertools' array_windows::<2>(), Python's pairwise.

    Exact on every str that has a UTF-8 form; as slow as the first port (step 2).

    Raises:
        TypeError: val is not a str.
        UnicodeEncodeError: val holds a lone surrogate.
    """
