"""How the series' naive loop grows with the input: both parts on the first 10,000, 25,000 and 50,000
letters of the chapter's polymer, in CPU seconds of this thread (so a busy machine does not inflate them).

    python examples/ch6_aoc/scaling.py
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ch6_aoc.generate import generate_polymer
from ch6_aoc.polymer_python import reduce_naive, reduce_stack, shortest_naive, shortest_reduced_first


def cpu_seconds(part_a, part_b, polymer: str) -> float:
    start = time.thread_time()
    part_a(polymer)
    part_b(polymer)
    return time.thread_time() - start


def main() -> None:
    polymer = generate_polymer()
    print("letters   naive loop   stack, part b reduced first")
    for n in (10_000, 25_000, 50_000):
        naive = cpu_seconds(reduce_naive, shortest_naive, polymer[:n])
        stack = cpu_seconds(reduce_stack, shortest_reduced_first, polymer[:n])
        print(f"{n:>7,}   {naive:8.2f} s   {stack * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
