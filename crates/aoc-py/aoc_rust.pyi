"""Advent of Code 2018, day 5 (polymer reduction), in Rust: chapter 6 of rust-in-python.

run_polymerization(polymer) is part a, shortest_polymer(polymer) part b; both take str or bytes.
The series' steps stay callable: run_polymerization_vec (its Vec<u8> signature),
run_polymerization_str (a &str argument) and run_polymerization_file (Rust reads the file).
"""

from collections.abc import Sequence
from os import PathLike
from typing import Final

__all__ = [
    "__version__",
    "run_polymerization",
    "run_polymerization_file",
    "run_polymerization_str",
    "run_polymerization_vec",
    "shortest_polymer",
]

__version__: Final[str]

def run_polymerization(polymer: str | bytes, /) -> int:
    """Return the length of polymer after every reacting pair is removed, repeatedly (part a).

    Two neighbours that are the same letter in opposite case, such as "aA" or "Bb", react and
    disappear; the letters that meet in the gap may react in turn. One pass with a stack finds what is
    left, so this takes time proportional to len(polymer).

    polymer is a str or bytes of ASCII letters. Line breaks at its end (a puzzle file ends with one) are
    ignored; any other character is refused. An ASCII str or bytes is read in place, without a copy,
    and a long one with the GIL released.

    Raises:
        TypeError: polymer is not a str or bytes.
        ValueError: polymer holds something that is not a letter A-Z or a-z (the message names its
            position), other than line breaks at the end.
    """

def shortest_polymer(polymer: str | bytes, /) -> int:
    """Return the shortest length polymer can reach with one letter removed first (part b).

    Each of the 26 letters in turn is removed, both cases, and the rest reduced as in
    run_polymerization(); the shortest result is returned (0 for an empty polymer). Same input rule
    and exceptions as run_polymerization(). A long polymer is reduced with the GIL released, and
    Ctrl-C raises KeyboardInterrupt between two of the 26 reductions.

    Raises:
        TypeError: polymer is not a str or bytes.
        ValueError: polymer holds something that is not a letter A-Z or a-z, other than line breaks
            at the end.
    """

def run_polymerization_vec(input: bytes | Sequence[int], /) -> int:
    """The series' step: part a with the signature it wrote, run_polymerization(input: Vec<u8>).

    pyo3 copies the argument into a new Rust Vec<u8> element by element, so it takes bytes (as
    polymer.encode() gives) or any other sequence of ints 0..=255, and refuses a str. Same answers and
    input rule as run_polymerization().

    Raises:
        TypeError: input is a str, or not a sequence of ints 0..=255.
        ValueError: input holds a byte that is not a letter, other than line breaks at the end.
    """

def run_polymerization_str(polymer: str, /) -> int:
    """Part a with a &str argument: what pyo3 does for a Rust string parameter.

    pyo3 asks CPython for the str's UTF-8 form: for an ASCII str that is the str's own data, for any
    other str a UTF-8 copy that CPython then keeps inside the object. Same answers and input rule as
    run_polymerization().

    Raises:
        TypeError: polymer is not a str.
        UnicodeEncodeError: polymer holds a lone surrogate (no UTF-8 form, so not a Rust &str).
        ValueError: polymer holds something that is not a letter, other than line breaks at the end.
    """

def run_polymerization_file(path: str | PathLike[str], /) -> int:
    """Part a of the polymer in a file that Rust opens and reads itself: nothing but the path crosses.

    The file holds the puzzle input, ASCII letters, optionally ending with line breaks. The file is read
    with the GIL released.

    Raises:
        TypeError: path is not a str or os.PathLike.
        OSError: the file cannot be read (FileNotFoundError, PermissionError, IsADirectoryError, ...).
        ValueError: the file holds a byte that is not a letter, other than line breaks at the end.
    """
