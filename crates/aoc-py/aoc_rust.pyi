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
    """Return the length of polymer after every reacting pair ("aA", "Bb") is removed, repeatedly (part a).

    polymer holds ASCII letters; line breaks at its end are ignored. Read in place, without a copy; the
    GIL is released while a long polymer is reduced.

    Raises:
        TypeError: polymer is not a str or bytes.
        ValueError: polymer holds something that is not a letter A-Z or a-z (the message names its
            position), other than line breaks at the end.
    """

def shortest_polymer(polymer: str | bytes, /) -> int:
    """Return the shortest length polymer can reach with one letter (both cases) removed first (part b).

    Same input rule and exceptions as run_polymerization(); 0 for an empty polymer. Releases the GIL for a
    long polymer; Ctrl-C raises KeyboardInterrupt between two of its 26 reductions.

    Raises:
        TypeError: polymer is not a str or bytes.
        ValueError: polymer holds something that is not a letter, other than line breaks at the end.
    """

def run_polymerization_vec(input: bytes | Sequence[int], /) -> int:
    """The series' step: part a with its signature, Vec<u8> (a copy made element by element).

    Raises:
        TypeError: input is a str, or not a sequence of ints 0..=255.
        ValueError: input holds a byte that is not a letter, other than line breaks at the end.
    """

def run_polymerization_str(polymer: str, /) -> int:
    """Part a with a &str argument (UTF-8 from CPython; a non-ASCII str keeps a UTF-8 copy of itself).

    Raises:
        TypeError: polymer is not a str.
        UnicodeEncodeError: polymer holds a lone surrogate.
        ValueError: polymer holds something that is not a letter, other than line breaks at the end.
    """

def run_polymerization_file(path: str | PathLike[str], /) -> int:
    """Part a of the polymer in a file that Rust opens and reads itself: only the path crosses.

    Raises:
        TypeError: path is not a str or os.PathLike.
        OSError: the file cannot be read (FileNotFoundError, PermissionError, ...).
        ValueError: the file holds a byte that is not a letter, other than line breaks at the end.
    """
