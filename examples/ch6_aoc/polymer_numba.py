"""Chapter 6 under numba: aoc_rust's algorithm (the stack, part b from the reduced polymer) as
`@numba.njit` loops over the polymer's ASCII bytes.

    python examples/ch6_aoc/polymer_numba.py [FILE]

numba compiles loops over numpy arrays, not over str, so `solve(polymer)` hands it the polymer's bytes as
a uint8 array (`np.frombuffer(polymer.encode("ascii"), np.uint8)`, one copy per call, inside the timing).
Part a reduces with a stack (two units react when they differ by 32: the same letter, opposite case);
part b reduces once, then, for each letter, reduces the reduced polymer with that letter left out.
numba compiles `both_parts` on its first call (or on `.compile(SIGNATURE)`), once per process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numba
import numpy as np

SIGNATURE = "UniTuple(int64, 2)(uint8[::1])"


@numba.njit(cache=False)
def _reduce(units, skip, stack):
    """Reduce `units` (leaving out the letter `skip`, lower case, or none when 0) into `stack`; its length."""
    top = 0
    for i in range(units.shape[0]):
        unit = units[i]
        if skip != 0 and (unit | 32) == skip:
            continue
        if top > 0 and (stack[top - 1] ^ unit) == 32:
            top -= 1
        else:
            stack[top] = unit
            top += 1
    return top


@numba.njit(cache=False)
def both_parts(units):
    """(part a, part b) of the puzzle for the polymer's ASCII letters."""
    stack = np.empty(units.shape[0], dtype=np.uint8)
    reduced_length = _reduce(units, 0, stack)
    reduced = stack[:reduced_length].copy()
    shortest = reduced_length
    for letter in range(ord("a"), ord("z") + 1):
        shortest = min(shortest, _reduce(reduced, letter, stack))
    return reduced_length, shortest


def solve(polymer: str) -> tuple[int, int]:
    """Both parts for a polymer of ASCII letters (as `letters()` returns it)."""
    return both_parts(np.frombuffer(polymer.encode("ascii"), dtype=np.uint8))


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from ch6_aoc.generate import generate_polymer
    from ch6_aoc.polymer_python import letters

    polymer = letters(Path(argv[0]).read_bytes()) if argv else generate_polymer()
    before = time.perf_counter()
    both_parts.compile(SIGNATURE)
    compiled = time.perf_counter()
    a, b = solve(polymer)
    print(
        f"numba: compiled in {compiled - before:.2f} s; part a = {a}, part b = {b} in "
        f"{(time.perf_counter() - compiled) * 1e3:.2f} ms"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
