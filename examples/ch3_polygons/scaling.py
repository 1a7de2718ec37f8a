"""How the cost grows with the number of polygons and of points: best_polygons against the yardsticks.

    python examples/ch3_polygons/scaling.py [--chart docs/img/ch3-scaling.png] [--max-polygons N]

Two sweeps on a 1000 x 1000 field with max_dist 10: the number of polygons with 10,000 points, then the
number of points with 100,000 polygons. Each cell is the median time of one call, for the same input and
the same answer (checked). numpy is run where its distance matrix stays under 400 MB; the Python
original is not run at all (it costs about 1.4 µs per point-polygon pair: minutes to hours here).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import poly_match_rs
from harness import format_seconds, median_seconds

from ch3_polygons import exact, poly_match, yardsticks
from ch3_polygons.ladder import as_indices as answer

NUMPY_BYTES = 400e6
SOLUTIONS = ("best_polygons", "scipy cKDTree + lexsort", "scipy, tree prepared", "numpy, vectorised")


def measure(n_polygons: int, n_points: int) -> dict[str, float | None]:
    rust_polygons, points = poly_match.random_field(n_polygons, n_points, polygon_type=poly_match_rs.Polygon)
    # The yardsticks rank by the exact area here, so that their answers can be checked against Rust's.
    python_polygons, _ = poly_match.random_field(n_polygons, n_points, polygon_type=exact.ExactPolygon)
    repeat = 5
    times: dict[str, float | None] = {}
    expected = answer(poly_match_rs.best_polygons(rust_polygons, points, 10.0), rust_polygons)
    times["best_polygons"] = median_seconds(
        lambda: poly_match_rs.best_polygons(rust_polygons, points, 10.0), repeat=repeat
    )
    assert answer(yardsticks.scipy_main(python_polygons, points), python_polygons) == expected
    times["scipy cKDTree + lexsort"] = median_seconds(
        lambda: yardsticks.scipy_main(python_polygons, points), repeat=repeat, min_run=0
    )
    prepared = yardsticks.PreparedTree(python_polygons)
    times["scipy, tree prepared"] = median_seconds(lambda: prepared.query(points), repeat=repeat)
    if n_polygons * n_points * 16 <= NUMPY_BYTES:
        assert answer(yardsticks.numpy_main(python_polygons, points), python_polygons) == expected
        times["numpy, vectorised"] = median_seconds(
            lambda: yardsticks.numpy_main(python_polygons, points), repeat=3, min_run=0
        )
    else:
        times["numpy, vectorised"] = None
    return times


def table(title: str, axis: str, rows: list[tuple[int, dict[str, float | None]]]) -> str:
    lines = [
        f"#### {title}",
        "",
        f"| {axis} | " + " | ".join(SOLUTIONS) + " | scipy / best_polygons |",
        "|---:|" + "---:|" * (len(SOLUTIONS) + 1),
    ]
    for size, times in rows:
        best, scipy = times["best_polygons"], times["scipy cKDTree + lexsort"]
        ratio = f"{scipy / best:.1f}x" if best and scipy else "—"
        cells = " | ".join(format_seconds(times[s]) for s in SOLUTIONS)
        lines.append(f"| {size:,} | {cells} | {ratio} |")
    return "\n".join(lines) + "\n"


def chart(sweeps: list[tuple[str, str, list[tuple[int, dict[str, float | None]]]]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(sweeps), figsize=(11, 4.2))
    for ax, (title, axis, rows) in zip(axes, sweeps, strict=True):
        for solution, style in zip(SOLUTIONS, ("o-", "s--", "^:", "x-."), strict=True):
            measured = [(size, seconds) for size, times in rows if (seconds := times[solution]) is not None]
            xs = [size for size, _ in measured]
            ys = [seconds * 1000 for _, seconds in measured]
            ax.plot(xs, ys, style, label=solution)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel(axis)
        ax.set_ylabel("ms per call")
        ax.set_title(title, fontsize=10)
        ax.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.suptitle("Chapter 3: the whole of main, 1000 x 1000 field, max_dist 10", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chart", type=Path, help="write the chart (PNG) here")
    parser.add_argument(
        "--max-polygons", type=int, default=1_000_000, help="largest polygon count (1,000,000)"
    )
    args = parser.parse_args()
    sweeps = []
    polygon_counts = [n for n in (1_000, 10_000, 100_000, 1_000_000) if n <= args.max_polygons]
    rows = []
    for n in polygon_counts:
        print(f"  {n:,} polygons, 10,000 points ...", file=sys.stderr, flush=True)
        rows.append((n, measure(n, 10_000)))
    sweeps.append(("more polygons (10,000 points)", "polygons", rows))
    rows = []
    for n in (100, 1_000, 10_000, 100_000):
        print(f"  100,000 polygons, {n:,} points ...", file=sys.stderr, flush=True)
        rows.append((n, measure(min(100_000, args.max_polygons), n)))
    sweeps.append(("more points (100,000 polygons)", "points", rows))
    for title, axis, rows in sweeps:
        print(table(title.capitalize(), axis, rows))
    if args.chart:
        chart(sweeps, args.chart)
        print(f"wrote {args.chart}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
