"""Chapter 2 in Python: the tutorial's loop, its numpy one-liner, and the texts every benchmark uses.

    python examples/ch2_doubles/doubles_python.py      # time the Python loop and numpy on both texts

The loop is the definition everything else is checked against: a "double" is a position where a
character (a code point, as Python sees it) equals the next one.
"""

from __future__ import annotations

import itertools
import random
import string
import time

import numpy as np

LENGTH = 1_000_000
"""The tutorial's input size: a million characters."""

MIXED_ALPHABET = "éèàçñöüßåøæαβγδεζηθλμπσωабвгдежзиклмн中文字符汉语日本😀🦀🐍🎉"
"""Accented Latin, Greek and Cyrillic (2 bytes each in UTF-8), CJK (3 bytes) and emoji (4 bytes): the
same alphabet as doubles-core's `sample::MIXED_ALPHABET`. With the emoji in it, CPython stores such a text
with 4 bytes per character."""


def count_doubles(val: str) -> int:
    """How many neighbouring characters of val are equal: 'abbcCddef' has 2 ('bb' and 'dd')."""
    total = 0
    # The tutorial's zip of val with itself shifted by one; itertools.pairwise(val) says the same, and is
    # the idiom the Rust step count_doubles_pairwise mirrors.
    for first, second in zip(val, val[1:]):  # noqa: B905, RUF007 - the tutorial's loop, as it wrote it
        if first == second:
            total += 1
    return total


def count_doubles_bytes(val: str) -> int:
    """The same loop over the bytes of val's UTF-8 encoding: what the tutorial's byte-wise variants count.

    Raises UnicodeEncodeError for a str holding a lone surrogate, which has no UTF-8 encoding.
    """
    encoded = val.encode("utf-8")
    return sum(1 for first, second in itertools.pairwise(encoded) if first == second)


def count_doubles_numpy(val: str) -> int:
    """The tutorial's numpy one-liner: view the UTF-8 bytes as an array, compare it with itself shifted by
    one, add up the matches. Right for ASCII; for other text it counts bytes, like count_doubles_bytes."""
    codes = np.frombuffer(val.encode("utf-8"), dtype=np.uint8)
    return int((codes[:-1] == codes[1:]).sum())


def count_doubles_numpy_exact(val: str) -> int:
    """numpy made exact: compare code points instead of bytes. UTF-32 gives every character four bytes;
    "surrogatepass" lets lone surrogates through as their own code point, as Python compares them."""
    codes = np.frombuffer(val.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return int((codes[:-1] == codes[1:]).sum())


def ascii_letters(length: int = LENGTH, seed: int = 2) -> str:
    """The tutorial's benchmark input: random letters from string.ascii_letters (seeded, so that every
    process, the debug-build one included, times the same text)."""
    rng = random.Random(seed)
    return "".join(rng.choices(string.ascii_letters, k=length))


def mixed_text(length: int = LENGTH, seed: int = 2) -> str:
    """Random characters from MIXED_ALPHABET: non-ASCII text, where byte counting goes wrong."""
    rng = random.Random(seed)
    return "".join(rng.choices(MIXED_ALPHABET, k=length))


def main() -> None:
    for name, text in (("ASCII letters", ascii_letters()), ("mixed text", mixed_text())):
        for function in (count_doubles, count_doubles_numpy, count_doubles_numpy_exact):
            before = time.perf_counter()
            result = function(text)
            after = time.perf_counter()
            print(f"{name:13} {function.__name__:26} {result:7} in {(after - before) * 1e3:7.2f} ms")


if __name__ == "__main__":
    main()
