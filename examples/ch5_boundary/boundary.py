"""Chapter 5's micro-benchmark: the same sum, behind every way numbers can reach Rust, at several sizes.

    python examples/ch5_boundary/boundary.py [--sizes 10 1000 100000 1000000]

The work is one addition per number, so each column is, in effect, the price of getting that many numbers
to compiled code: Python's own `sum` over a list, a list converted to a Rust `Vec<f64>` by pyo3, the same
list walked without the Vec, `np.array(list)` (the conversion a numpy user pays), and a float64 array or a
`bytes` object read where it lies.

The array is summed twice in Rust: in numpy's own order (pairwise over eight running sums: the same bits as
`array.sum()`) and one number after another, as a loop adds. The in-order sum is slower because each
addition must wait for the one before it; the pairwise one keeps several additions in flight.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import boundary_cost
import numpy as np
from harness import format_seconds, median_seconds

SIZES = [10, 1_000, 100_000, 1_000_000]


def values_of(n: int) -> tuple[list[float], np.ndarray, bytes]:
    """The n numbers as a list of floats, the same as a float64 array, and n bytes."""
    values = [float(i % 1000) / 7 for i in range(n)]
    return values, np.array(values), bytes(i % 251 for i in range(n))


def ways(n: int) -> dict[str, Callable[[], object]]:
    """Every way of summing n numbers, each closed over inputs built beforehand."""
    values, array, data = values_of(n)
    return {
        "Python sum(list)": lambda: sum(values),
        "Rust, list → Vec<f64>": lambda: boundary_cost.sum_list(values),
        "Rust, list walked in place": lambda: boundary_cost.sum_list_streaming(values),
        "numpy, np.array(list).sum()": lambda: np.array(values).sum(),
        "numpy, array.sum()": lambda: array.sum(),
        "Rust, numpy array in place (numpy's order)": lambda: boundary_cost.sum_array(array),
        "Rust, numpy array in place, in order": lambda: boundary_cost.sum_array_in_order(array),
        "Rust, bytes in place": lambda: boundary_cost.sum_bytes(data),
    }


def per_element_ns(seconds: float, n: int) -> float:
    return seconds / n * 1e9


def measure_matrix(sizes: list[int]) -> dict[str, dict[int, float]]:
    table: dict[str, dict[int, float]] = {}
    for n in sizes:
        for name, call in ways(n).items():
            table.setdefault(name, {})[n] = median_seconds(call, repeat=5, min_run=0.02)
    return table


def markdown(table: dict[str, dict[int, float]], sizes: list[int]) -> str:
    head = "| way | " + " | ".join(f"n = {n:,}" for n in sizes) + " | ns per number at the largest n |"
    rule = "|---|" + "---:|" * (len(sizes) + 1)
    rows = [
        f"| {name} | "
        + " | ".join(format_seconds(times[n]) for n in sizes)
        + f" | {per_element_ns(times[sizes[-1]], sizes[-1]):.2f} |"
        for name, times in table.items()
    ]
    return "\n".join([head, rule, *rows])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    args = parser.parse_args()
    print(markdown(measure_matrix(args.sizes), args.sizes))


if __name__ == "__main__":
    main()
