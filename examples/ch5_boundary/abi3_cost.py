"""What abi3 costs, measured: chapter 5's list reads timed in the abi3 wheel and in a version-specific build
of the same crate, side by side.

    python examples/ch5_boundary/abi3_cost.py

The wheel is abi3 because boundary-py's default feature `abi3` asks pyo3 for `abi3-py310`;
`maturin build --no-default-features` builds the same sources for this interpreter alone
(`builds.build_version_specific`, into target/version-specific/). Both modules then run in fresh child
processes of this interpreter, the installed abi3 wheel and the unpacked version-specific one, each checked
against a Python loop's sum before the same timing (`harness.median_seconds`) of the same calls. If the
build fails (no cargo, no network for a first download of pyo3's sources), `measure` says why instead of a
number.
"""

from __future__ import annotations

import functools
import operator
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builds import build_version_specific, time_in_child
from harness import format_seconds

CALLS = {
    "list → Vec<f64> (sum_list)": "boundary_cost.sum_list(values)",
    "list walked in place (sum_list_streaming)": "boundary_cost.sum_list_streaming(values)",
    "numpy array in place (sum_array_in_order)": "boundary_cost.sum_array_in_order(array)",
}


def values(n: int) -> list[float]:
    return [float(i % 1000) / 7 for i in range(n)]


def timed(site: Path | None, n: int, repeat: int) -> dict[str, float]:
    """Each call's median seconds in a child process importing boundary_cost from `site` (None: the
    installed wheel), every answer checked against a Python loop's in-order sum first."""
    expected = repr(functools.reduce(operator.add, values(n), 0.0))
    setup = f"""
        import boundary_cost
        import numpy as np
        from ch5_boundary.abi3_cost import values as make_values
        values = make_values({n})
        array = np.array(values)
        """
    return time_in_child(site, setup, {name: (call, expected) for name, call in CALLS.items()}, repeat=repeat)


def measure(
    n: int = 1_000_000, repeat: int = 5
) -> tuple[list[tuple[str, float | None, float | None]], list[str]]:
    """(call, abi3 seconds, version-specific seconds) per call, and the notes (build time, or why not)."""
    built = build_version_specific("boundary-py")
    abi3 = timed(None, n, repeat)
    if built.site is None:
        return [(name, abi3[name], None) for name in CALLS], [
            f"abi3 vs version-specific: the version-specific build could not be made here ({built.error})."
        ]
    specific = timed(built.site, n, repeat)
    notes = [
        f"abi3 vs version-specific: the same boundary-py sources built without the crate's abi3 feature "
        f"({built.wheel}, built in {format_seconds(built.seconds)}, cargo reusing target/version-specific/ "
        "from any earlier run; `python examples/ch5_boundary/abi3_cost.py`); "
        "both timed in fresh child processes, answers checked first."
    ]
    return [(name, abi3[name], specific[name]) for name in CALLS], notes


def main() -> None:
    rows, notes = measure()
    print("| call | abi3 wheel | version-specific build | abi3 / version-specific |")
    print("|---|---:|---:|---:|")
    for name, abi3, specific in rows:
        ratio = f"{abi3 / specific:.2f}x" if abi3 and specific else "—"
        print(f"| {name} | {format_seconds(abi3)} | {format_seconds(specific)} | {ratio} |")
    for note in notes:
        print(f"- {note}")


if __name__ == "__main__":
    main()
