"""The exact shoelace area, and the article's `main` decided by it: the answer every machine agrees on.

numpy's `dot` hands the two sums of the shoelace formula to the BLAS library, which picks a kernel for the
CPU at run time (`OPENBLAS_CORETYPE` overrides the choice); kernels add in different orders and some fuse
the multiplications into the additions, so the last bits of `Polygon.area()` depend on the machine. The
article's polygons are shifted copies of one shape, whose areas agree to about ten digits, so which one is
"smallest" is decided by those bits. Here the area is computed with `fractions.Fraction`, exactly, and
rounded once, as `poly_match_rs.Polygon.area()` computes it in Rust.

    python examples/ch3_polygons/exact.py                  # this process's BLAS kernel, one line
    python examples/ch3_polygons/exact.py --every-kernel   # one line per OpenBLAS kernel this CPU runs
    python examples/ch3_polygons/exact.py --list-kernels   # the kernels forced by `./just test-kernels`
"""

from __future__ import annotations

import math
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ch3_polygons import poly_match
from ch3_polygons.poly_match import MAX_DIST, Array

EPSILON = 2.0**-53  # the unit roundoff of float64


def exact_area(x: Sequence[float] | Array, y: Sequence[float] | Array) -> float:
    """`|Σ x[i]·y[i-1] − Σ y[i]·x[i-1]| / 2` in exact rational arithmetic, rounded once to a float.

    An area too large for a float is `inf`. Non-finite coordinates have no exact area; for them this is
    the plain float formula summed in order (NaN or infinite), which is also `poly_match_rs`'s contract.
    """
    xs, ys = [float(v) for v in x], [float(v) for v in y]
    n = min(len(xs), len(ys))
    xs, ys = xs[:n], ys[:n]
    if not all(math.isfinite(v) for v in xs + ys):
        forward = backward = 0.0
        for i in range(n):
            forward += xs[i] * ys[i - 1]
            backward += ys[i] * xs[i - 1]
        return 0.5 * abs(forward - backward)
    fx, fy = [Fraction(v) for v in xs], [Fraction(v) for v in ys]
    total = sum(fx[i] * fy[i - 1] for i in range(n)) - sum(fy[i] * fx[i - 1] for i in range(n))
    try:
        return float(abs(total) / 2)
    except OverflowError:
        return math.inf


def rounding_bound(x: Sequence[float] | Array, y: Sequence[float] | Array) -> float:
    """How far a floating-point shoelace area (numpy's, in any order, with or without fused multiply-adds)
    can be from the exact one: each of the two dot products of n terms is within n·ε of the sum of their
    absolute values, and the subtraction adds one more rounding. Doubled, for a safe margin."""
    xs, ys = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    n = min(len(xs), len(ys))
    xs, ys = xs[:n], ys[:n]
    magnitude = float(np.abs(xs * np.roll(ys, 1)).sum() + np.abs(ys * np.roll(xs, 1)).sum())
    return 2.0 * (n + 2) * EPSILON * magnitude


class ExactPolygon(poly_match.Polygon):
    """The Python original's polygon with the exact area (computed on first use and cached): the yardsticks
    (numpy, scipy), which rank polygons by `area()`, then give the same answer as `poly_match_rs`."""

    def area(self) -> float:
        if self._area is None:
            self._area = exact_area(self.x, self.y)
        return self._area


def main(polygons: list[Any], points: Array, max_dist: float = MAX_DIST) -> list[tuple[Array, Any]]:
    """The article's `main` with the exact area: numpy's centers and distances, the smallest exact area."""
    areas = {id(p): exact_area(p.x, p.y) for p in polygons}
    answer = []
    for point in points:
        close = poly_match.find_close_polygons(polygons, point, max_dist)
        if close:
            answer.append((point, min(close, key=lambda p: areas[id(p)])))
    return answer


def disagreements(
    polygons: list[Any], points: Array, answer: list[tuple[Array, Any]], max_dist: float = MAX_DIST
) -> list[str]:
    """Where `answer` (the article's `main` run with some floating-point area) is not the exact `main`'s
    answer *up to rounding*: a different set of points, a polygon that is not a candidate, or one whose
    exact area exceeds the smallest by more than both areas' rounding bounds. Empty when it agrees."""
    problems = []
    exact_answer = main(polygons, points, max_dist)
    if [tuple(row) for row, _ in answer] != [tuple(row) for row, _ in exact_answer]:
        return ["the answer covers other points than the exact main's"]
    for (row, chosen), (_, best) in zip(answer, exact_answer, strict=True):
        if chosen is best:
            continue
        close = poly_match.find_close_polygons(polygons, row, max_dist)
        if not any(chosen is p for p in close):
            problems.append(f"point {tuple(row)}: the chosen polygon is not close to it")
            continue
        gap = exact_area(chosen.x, chosen.y) - exact_area(best.x, best.y)
        allowed = rounding_bound(chosen.x, chosen.y) + rounding_bound(best.x, best.y)
        if gap > allowed:
            problems.append(f"point {tuple(row)}: area larger than the smallest by {gap:.3g} > {allowed:.3g}")
    return problems


def differing_points(answer: list[tuple[Array, Any]], exact_answer: list[tuple[Array, Any]]) -> int:
    """On how many points two answers to the same points chose different polygons."""
    return sum(a is not b for (_, a), (_, b) in zip(answer, exact_answer, strict=True))


def report() -> str:
    """One line for this process's BLAS kernel: on how many of the article's points the Python original
    picks another polygon than the exact area does, and whether `poly_match_rs.best_polygons` (if
    installed) gives the exact answer."""
    polygons, points = poly_match.generate_example()
    numpy_answer = poly_match.main(polygons, points)
    exact_answer = main(polygons, points)
    problems = disagreements(polygons, points, numpy_answer)
    line = (
        f"{blas_kernel()}: the Python original picks another polygon than the exact area on "
        f"{differing_points(numpy_answer, exact_answer)} of {len(exact_answer)} points"
        + (f"; NOT within rounding: {problems}" if problems else " (each within rounding of the smallest)")
    )
    try:
        import poly_match_rs
    except ImportError:
        return line
    rust_polygons = [poly_match_rs.Polygon(p.x, p.y) for p in polygons]
    position = {id(p): i for i, p in enumerate(rust_polygons)}
    exact_positions = [i for _, p in exact_answer for i, q in enumerate(polygons) if q is p]
    rust_positions = [
        position[id(p)] for _, p in poly_match_rs.best_polygons(rust_polygons, points, MAX_DIST)
    ]
    verdict = "the exact answer" if rust_positions == exact_positions else "NOT the exact answer"
    return f"{line}; best_polygons: {verdict}"


def blas_kernel() -> str:
    """The BLAS kernel numpy is using in this process (threadpoolctl's `architecture`), or 'unknown'."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "unknown"
    kernels = [str(info.get("architecture")) for info in threadpool_info() if info.get("user_api") == "blas"]
    return ", ".join(kernels) or "unknown"


def forceable_kernels() -> tuple[list[str], list[str]]:
    """The OpenBLAS kernels this CPU can run that `OPENBLAS_CORETYPE` can force (x86-64 Linux), and a line
    for each one left out and why. Prescott (SSE3) runs on every x86-64 CPU."""
    if platform.system() != "Linux" or platform.machine() != "x86_64":
        return [], [
            f"kernels are forced here only on x86-64 Linux, not {platform.system()} {platform.machine()}"
        ]
    with open("/proc/cpuinfo") as cpuinfo:
        flags = next((line.split(":", 1)[1].split() for line in cpuinfo if line.startswith("flags")), [])
    kernels, skipped = ["Prescott"], []
    for kernel, needs in (("Haswell", ["avx2", "fma"]), ("SkylakeX", ["avx512f"])):
        missing = [flag for flag in needs if flag not in flags]
        if missing:
            skipped.append(f"{kernel} skipped: this CPU has no {' or '.join(missing)}")
        else:
            kernels.append(kernel)
    return kernels, skipped


def every_kernel() -> list[str]:
    """`report()` run in a fresh process for the machine's own kernel and each forceable one."""
    kernels, skipped = forceable_kernels()
    lines = []
    for kernel in [None, *kernels]:
        env = dict(os.environ)
        if kernel is not None:
            env["OPENBLAS_CORETYPE"] = kernel
        result = subprocess.run(
            [sys.executable, __file__], env=env, capture_output=True, text=True, check=True, timeout=600
        )
        label = "this machine's default" if kernel is None else f"OPENBLAS_CORETYPE={kernel}"
        lines.append(f"{label} → {result.stdout.strip()}")
    return lines + skipped


if __name__ == "__main__":
    if "--list-kernels" in sys.argv:
        kernels, skipped = forceable_kernels()
        default = blas_kernel()
        if default in kernels and "OPENBLAS_CORETYPE" not in os.environ:
            # The suite has just run under the machine's own kernel: forcing the same one repeats it.
            kernels.remove(default)
            skipped.append(f"{default} skipped: it is this machine's default kernel, which test-py used")
        print(*skipped, sep="\n", file=sys.stderr)
        print(*kernels)
    elif "--every-kernel" in sys.argv:
        print(*every_kernel(), sep="\n")
    else:
        print(report())
