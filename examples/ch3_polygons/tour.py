"""Chapter 3 in the tour: the article's ladder (Python, v1 debug and release, v2, v3, v4), all of main in
Rust, the numpy and scipy yardsticks, numba's kernel (gathering from the objects, and on prepared arrays)
and pure Rust on the article's data; then best_polygons against scipy at scale (100,000 polygons, 10,000
points), reported in the notes."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable
from typing import Any

from harness import ROOT, Chapter, Row, format_seconds, in_debug_env, median_seconds
from peers import jit

from ch3_polygons import exact, poly_match, poly_numba
from ch3_polygons.ladder import BY_KEY, as_indices

BASELINE = "Python (the article's main)"
NUMBA_GATHERING = "numba @njit kernel, gathering from the Polygon objects"
NUMBA_PREPARED = "numba @njit kernel, on prepared arrays"
SCALE_POLYGONS, SCALE_POINTS = 100_000, 10_000


def article_average(main: Callable[[], Any], iterations: int) -> float:
    """The article's own measure: the mean of `iterations` calls, after one warm-up call."""
    main()
    start = time.perf_counter()
    for _ in range(iterations):
        main()
    return (time.perf_counter() - start) / iterations


def timed(key: str, full: bool) -> float:
    generate_example, main = BY_KEY[key].load()
    polygons, points = generate_example()
    if full:
        return article_average(lambda: main(polygons, points), 10)
    main(polygons, points)  # the Python original computes and caches centers and areas on first use
    slow = key in ("python", "v1")
    return median_seconds(
        lambda: main(polygons, points), repeat=3 if slow else 7, min_run=0 if slow else 0.05
    )


def numba_rows(full: bool) -> tuple[list[Row], list[str]]:
    """numba's kernel on the Python original's Polygon objects (their floating-point areas): compiled, its
    answer checked against the exact main up to rounding (`exact.disagreements`), then timed."""
    compile_seconds = jit(poly_numba.best_indices, poly_numba.SIGNATURE)
    polygons, points = poly_match.generate_example()
    poly_match.main(polygons, points)  # the objects compute and cache their centers and areas, as timed()
    prepared = poly_numba.Prepared(polygons)
    runs = {
        NUMBA_GATHERING: lambda: poly_numba.main_gathering(polygons, points),
        NUMBA_PREPARED: lambda: prepared.main(points),
    }
    exact_answer = exact.main(polygons, points)
    rows, notes = [], []
    for step, run in runs.items():
        result = run()
        if problems := exact.disagreements(polygons, points, result):
            raise RuntimeError(f"chapter 3, {step}: not the exact main's answer up to rounding: {problems}")
        seconds = article_average(run, 10) if full else median_seconds(run, repeat=7)
        differ = exact.differing_points(result, exact_answer)
        rows.append(Row(step, seconds, note=f"float areas: {differ} of {len(exact_answer)} points differ"))
    notes.append(
        f"One-time cost, left out of the rows: numba's JIT compile of the kernel "
        f"{format_seconds(compile_seconds)} (every new process pays it). The numba rows use the Python "
        "original's floating-point areas, so on the article's near-equal areas they may pick another "
        "polygon than the exact area; each answer was checked to be the exact main's up to each area's "
        "rounding (`exact.disagreements`), and the note says on how many points the choice differs."
    )
    return rows, notes


def pure_rust() -> float | None:
    """best_polygons in Rust alone (`target/release/poly-match`, built by `./just tour`), if built."""
    binary = ROOT / "target" / "release" / "poly-match"
    if not binary.exists():
        return None
    out = subprocess.run(
        [str(binary), "--repeat", "50", "--json"], capture_output=True, text=True, check=True, timeout=600
    ).stdout
    return float(json.loads(out)["seconds"])


def at_scale(full: bool) -> list[str]:
    """best_polygons against the cKDTree yardstick on a 1000 x 1000 field; the notes that report it."""
    import poly_match_rs

    from ch3_polygons import poly_match, yardsticks

    rust_polygons, points = poly_match.random_field(
        SCALE_POLYGONS, SCALE_POINTS, polygon_type=poly_match_rs.Polygon
    )
    python_polygons, _ = poly_match.random_field(SCALE_POLYGONS, SCALE_POINTS)
    repeat = 7 if full else 5
    best = median_seconds(lambda: poly_match_rs.best_polygons(rust_polygons, points, 10.0), repeat=repeat)
    scipy = median_seconds(lambda: yardsticks.scipy_main(python_polygons, points, 10.0), repeat=repeat)
    prepared = yardsticks.PreparedTree(python_polygons)
    query = median_seconds(lambda: prepared.query(points, 10.0), repeat=repeat)
    # numba's brute-force kernel (every point against every center) on the same objects, arrays prepared
    # outside the timing; checked against scipy's answer (the same float areas, the same tie rule).
    kernel = poly_numba.Prepared(python_polygons)
    expected = as_indices(prepared.query(points, 10.0), python_polygons)
    if as_indices(kernel.main(points, 10.0), python_polygons) != expected:
        raise RuntimeError("chapter 3, numba kernel at scale: not scipy's answer")
    numba_seconds = median_seconds(lambda: kernel.main(points, 10.0), repeat=3, min_run=0)
    return [
        f"At scale ({SCALE_POLYGONS:,} polygons, {SCALE_POINTS:,} points, a 1000 x 1000 field, max_dist 10): "
        f"best_polygons {format_seconds(best)}; scipy cKDTree + lexsort {format_seconds(scipy)} "
        f"({scipy / best:.1f}x slower); scipy with centers, areas and tree prepared outside the timing "
        f"{format_seconds(query)} ({query / best:.1f}x slower). Fully vectorised numpy would need "
        f"{SCALE_POLYGONS * SCALE_POINTS * 16 / 1e9:.0f} GB for its distance matrix and is not run. "
        f"numba's kernel on prepared arrays (it checks every polygon for every point, as the article's main "
        f"does) {format_seconds(numba_seconds)} ({numba_seconds / best:.1f}x slower than best_polygons).",
    ]


def measure(full: bool = False) -> Chapter:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    chapter = Chapter(
        number=3,
        title="polygons close to a point",
        workload="the article's data: 1000 ten-vertex polygons, 100 points, max_dist 10 "
        "(numpy RandomState(6)); one call of main"
        + ("; the mean of 10 iterations, as in the article" if full else "; medians of several runs"),
        baseline=BASELINE,
        headline=BY_KEY["best"].label,
    )
    debug = in_debug_env(
        # One line: the harness indents `setup` into its program.
        "from ch3_polygons import poly_match_v1 as d; P, Q = d.generate_example(); d.main(P, Q)",
        "d.main(P, Q)",
        repeat=3,
    )
    peer_rows, peer_notes = numba_rows(full)
    chapter.rows = [
        Row(BASELINE, timed("python", full), BY_KEY["python"].article),
        Row(
            "v1, debug build", debug, "0.48x (609.46 ms)", note="the trap: maturin develop without --release"
        ),
        Row(BY_KEY["v1"].label, timed("v1", full), BY_KEY["v1"].article),
        Row(BY_KEY["v2"].label, timed("v2", full), BY_KEY["v2"].article),
        Row(BY_KEY["v3"].label, timed("v3", full), BY_KEY["v3"].article),
        Row(BY_KEY["v4"].label, timed("v4", full), BY_KEY["v4"].article),
        Row(BY_KEY["best"].label, timed("best", full), note="beyond the article"),
        Row(
            "Rust alone, no Python (cargo run --release)",
            pure_rust(),
            note="same sizes, SplitMix64 data",
        ),
        Row(
            BY_KEY["numpy"].label,
            timed("numpy", full),
            BY_KEY["numpy"].article,
            note="the article's repository",
        ),
        Row(BY_KEY["scipy"].label, timed("scipy", full)),
        *peer_rows,
    ]
    best = chapter.seconds_of(BY_KEY["best"].label)
    for row in peer_rows:
        if best and row.seconds:
            chapter.notes.append(f"best_polygons is {row.seconds / best:.2f}x as fast as the {row.step}.")
    chapter.notes += peer_notes
    chapter.notes += at_scale(full)
    chapter.notes.append(
        "The same data under each OpenBLAS kernel this CPU runs (numpy's dot, and so the Python original's "
        "area, rounds differently per kernel; `python examples/ch3_polygons/exact.py --every-kernel`):"
    )
    chapter.notes += [f"  {line}" for line in exact.every_kernel()]
    if debug is None:
        chapter.notes.append("The debug row needs .venv-debug: run `./just develop-debug`.")
    if chapter.seconds_of("Rust alone, no Python (cargo run --release)") is None:
        chapter.notes.append(
            "The pure-Rust row needs `cargo build --release --bins` (`./just tour` does it)."
        )
    return chapter
