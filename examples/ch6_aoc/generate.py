"""A stand-in for the puzzle input, which may not be redistributed: a seeded polymer of the same size and
character (50,000 letters whose reactions nest deeply, and one letter whose removal unblocks many more).

    python examples/ch6_aoc/generate.py [--length N] [--seed S] [-o FILE]

Writes the polymer with a line break at the end, as a puzzle file has; to standard output without -o.
"""

from __future__ import annotations

import argparse
import random
import string
import sys

LENGTH = 50_000
SEED = 2018
CLOSE = 0.45
"""How often the next letter closes the latest unclosed one (its other case) rather than opening another."""
BLOCK = 0.025
"""How often a closing letter is preceded by the blocking letter, which keeps the pair apart until the
blocking letter is removed (part b)."""


def generate_polymer(length: int = LENGTH, seed: int = SEED) -> str:
    """`length` letters, the same for the same seed on every machine and Python version."""
    rng = random.Random(seed)
    blocker = rng.choice(string.ascii_lowercase)
    openers = [c for c in string.ascii_letters if c.lower() != blocker]
    out: list[str] = []
    unclosed: list[str] = []
    while len(out) < length:
        if unclosed and rng.random() < CLOSE:
            if rng.random() < BLOCK:
                out.append(rng.choice((blocker, blocker.upper())))
            out.append(unclosed.pop().swapcase())
        else:
            letter = rng.choice(openers)
            out.append(letter)
            unclosed.append(letter)
    return "".join(out[:length])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--length", type=int, default=LENGTH)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args()
    polymer = generate_polymer(args.length, args.seed) + "\n"
    if args.output:
        with open(args.output, "w", encoding="ascii", newline="\n") as file:
            file.write(polymer)
    else:
        sys.stdout.write(polymer)


if __name__ == "__main__":
    main()
