"""Chapter 6 in plain Python: the puzzle's input rule, the series' naive loop, and the stack algorithm.

    python examples/ch6_aoc/polymer_python.py [FILE] [--naive]

FILE is a puzzle input (ASCII letters, a line break at the end); without one, the chapter's seeded
50,000-letter polymer is used. --naive also runs the series' str.replace loop (many seconds on 50,000
letters). Nothing here imports anything outside the standard library, so PyPy runs it too.
"""

from __future__ import annotations

import string
import sys
import time
from itertools import pairwise

LETTERS = frozenset(string.ascii_letters)


def letters(polymer: str | bytes) -> str:
    """The polymer's letters as a str: line breaks at the end are dropped, anything else that is not an
    ASCII letter raises ValueError naming its position (the same rule and words as aoc_rust)."""
    if isinstance(polymer, bytes):
        body = polymer.rstrip(b"\r\n")
        if not body or body.isalpha():  # bytes.isalpha() is true for ASCII letters only
            return body.decode("ascii")
        position, unit = next((i, b) for i, b in enumerate(body) if chr(b) not in LETTERS)
        shown = repr(bytes([unit]))
    else:
        body = str.rstrip(polymer, "\r\n")
        if not body or (body.isascii() and body.isalpha()):
            return str(body)
        position, shown = next((i, repr(c)) for i, c in enumerate(body) if c not in LETTERS)
    raise ValueError(
        f"polymer[{position}] is {shown}, not a letter A-Z or a-z (only line breaks at the end are ignored)"
    )


def reduce_naive(polymer: str) -> int:
    """Part a the series' way: walk the neighbouring pairs, and wherever two letters differ by 32 in
    `ord` (the same letter, opposite case) delete every copy of that pair with str.replace; scan again
    until a whole scan changes nothing."""
    while True:
        before = len(polymer)
        for a, b in pairwise(polymer):
            if ord(a) - ord(b) in (32, -32):
                polymer = polymer.replace(a + b, "")
        if len(polymer) == before:
            return before


def shortest_naive(polymer: str) -> int:
    """Part b the series' way: remove each letter in turn (both cases), reduce with reduce_naive."""
    return min(
        reduce_naive(polymer.replace(letter, "").replace(letter.upper(), ""))
        for letter in string.ascii_lowercase
    )


def reduced_stack(polymer: str) -> str:
    """The reduced polymer, in one pass: each letter cancels the letter on top of the stack or goes on top."""
    stack: list[str] = []
    for unit in polymer:
        if stack and stack[-1] == unit.swapcase():
            stack.pop()
        else:
            stack.append(unit)
    return "".join(stack)


def reduce_stack(polymer: str) -> int:
    """Part a with the stack."""
    return len(reduced_stack(polymer))


def shortest_stack(polymer: str) -> int:
    """Part b with the stack: the same 26 reductions of the whole polymer as shortest_naive, each one pass."""
    return min(
        reduce_stack(polymer.replace(letter, "").replace(letter.upper(), ""))
        for letter in string.ascii_lowercase
    )


def shortest_reduced_first(polymer: str) -> int:
    """Part b as aoc_rust computes it: reduce once, then remove each letter from the *reduced* polymer.

    The same answers (removing a letter and reacting pairs can be done in either order), with 26 passes
    over the reduced polymer instead of the whole one."""
    reduced = reduced_stack(polymer)
    return min(
        reduce_stack(reduced.replace(letter, "").replace(letter.upper(), ""))
        for letter in string.ascii_lowercase
    )


def main(argv: list[str]) -> None:
    naive = "--naive" in argv
    paths = [a for a in argv if a != "--naive"]
    if paths:
        with open(paths[0], "rb") as file:
            polymer = letters(file.read())
    else:
        sys.path.insert(0, __file__.rsplit("/", 2)[0])
        from ch6_aoc.generate import generate_polymer

        polymer = generate_polymer()
    ways = [
        ("stack", reduce_stack, shortest_stack),
        ("stack, part b reduced first", reduce_stack, shortest_reduced_first),
    ]
    if naive:
        ways.insert(0, ("naive str.replace", reduce_naive, shortest_naive))
    for name, part_a, part_b in ways:
        start = time.perf_counter()
        a, b = part_a(polymer), part_b(polymer)
        seconds = time.perf_counter() - start
        print(f"{name}: part a = {a}, part b = {b} in {seconds:.3f} s ({len(polymer):,} letters)")


if __name__ == "__main__":
    main(sys.argv[1:])
