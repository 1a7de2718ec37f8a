"""Time the article's `main`, step by step, the way the article's measure.py did.

    python examples/ch3_polygons/measure.py [STEP ...] [--iterations N] [--no-baseline]

STEP is one of python, v1, v1-interned, v2, v3, v4, best, numpy, scipy (default: all of them). Each step
builds the article's data (1000 polygons, 100 points), runs `main` once to warm up (the Python original
caches its centers and areas on first use, as in the article's measurement), then reports the average of N
further iterations (10, as in the article) and the speed-up over the Python original measured in the same
run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# BLAS threads only add noise to 2-element norms (the article set this too).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ch3_polygons.ladder import BY_KEY, STEPS


def average_seconds(key: str, iterations: int) -> float:
    generate_example, main = BY_KEY[key].load()
    polygons, points = generate_example()
    main(polygons, points)
    start = time.perf_counter()
    for _ in range(iterations):
        main(polygons, points)
    return (time.perf_counter() - start) / iterations


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("steps", nargs="*", choices=[[], *BY_KEY], metavar="STEP", help="steps to time")
    parser.add_argument("--iterations", type=int, default=10, help="iterations of main per step (10)")
    parser.add_argument("--no-baseline", action="store_true", help="do not time the Python original too")
    args = parser.parse_args()
    keys = args.steps or [step.key for step in STEPS]
    if not args.no_baseline and "python" not in keys:
        keys = ["python", *keys]
    baseline = None
    for key in keys:
        seconds = average_seconds(key, args.iterations)
        baseline = seconds if key == "python" else baseline
        ratio = f", {baseline / seconds:,.1f}x the Python original" if baseline and key != "python" else ""
        article = f" (the article: {BY_KEY[key].article})" if BY_KEY[key].article else ""
        print(f"{BY_KEY[key].label}: took an avg of {seconds * 1000:.2f} ms per iteration{ratio}{article}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
