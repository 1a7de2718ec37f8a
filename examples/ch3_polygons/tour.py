"""Chapter 3 in the tour: the article's ladder (Python, v1 debug and release, v1 with its attribute name
interned, v2, v3, v4), all of main in Rust, the numpy and scipy yardsticks, numba's kernel (gathering from
the objects, and on prepared arrays) and pure Rust on the article's data; then best_polygons against scipy
at scale (100,000 polygons, 10,000 points), reported in the notes."""

from __future__ import annotations

import json
import os
import subprocess
from functools import partial
from typing import Any

import numpy as np
from harness import (
    ROOT,
    Chapter,
    Check,
    Row,
    Step,
    Versus,
    WrongAnswerError,
    format_seconds,
    in_debug_env,
    median_seconds,
)
from peers import build_cython, jit

from ch3_polygons import exact, poly_match, poly_numba
from ch3_polygons.ladder import BY_KEY, as_indices

BASELINE = "Python (the article's main)"
NUMBA_GATHERING = "numba @njit kernel, gathering from the Polygon objects"
NUMBA_PREPARED = "numba @njit kernel, on prepared arrays"
CYTHON_PREPARED = "Cython typed kernel, on prepared arrays"
SCALE_POLYGONS, SCALE_POINTS = 100_000, 10_000
NOTES = {
    "v1-interned": "not in the article: v1 with one change",
    "best": "beyond the article",
    "numpy": "the article's repository",
}


def steps(full: bool = False, *, cython: bool = True) -> tuple[list[Step], list[str]]:
    """The chapter's in-process steps on the article's data, listed once, and the peers' one-time costs.

    Each step's answer is checked before it is timed: best_polygons (exact areas) must be the exact main's
    answer; every step that keeps numpy's floating-point area (the Python original, v1 to v4, the numpy and
    scipy yardsticks, numba and Cython) must be the exact main's answer up to each area's rounding
    (`exact.disagreements`), since numpy's area rounds differently per CPU kernel."""
    reference, points = poly_match.generate_example()
    exact_answer = exact.main(reference, points)
    exact_indices = as_indices(exact_answer, reference)

    judged: dict[tuple[Any, ...], list[str]] = {}  # most steps give the same answer: judge each once

    def up_to_rounding(polygons: list[Any]) -> Check:
        def check(result: object) -> str:
            # The answer on the step's own polygon objects, moved onto the Python original's (same data).
            indices = as_indices(result, polygons)  # type: ignore[arg-type]
            if tuple(indices) not in judged:
                moved = [(np.array(point), reference[i]) for point, i in indices]
                judged[tuple(indices)] = exact.disagreements(reference, points, moved)
            if problems := judged[tuple(indices)]:
                return "not the exact main's answer up to rounding: " + "; ".join(problems[:3])
            return ""

        return check

    def exactly(polygons: list[Any]) -> Check:
        def check(result: object) -> str:
            if as_indices(result, polygons) == exact_indices:  # type: ignore[arg-type]
                return ""
            return "not the exact main's answer (best_polygons uses exact areas)"

        return check

    found = []
    for key in ("python", "v1", "v1-interned", "v2", "v3", "v4", "best", "numpy", "scipy"):
        step = BY_KEY[key]
        generate_example, main = step.load()
        polygons, step_points = generate_example()
        main(polygons, step_points)  # the Python original computes and caches centers and areas on first use
        slow = key in ("python", "v1", "v1-interned")
        found.append(
            Step(
                step.label,
                partial(main, polygons, step_points),
                exactly(polygons) if key == "best" else up_to_rounding(polygons),
                step.article,
                note=NOTES.get(key, ""),
                key=key,
                repeat=3 if slow else 7,
                min_run=0 if slow else 0.05,
                mean_of=10 if full else 0,
            )
        )

    compile_seconds = jit(poly_numba.best_indices, poly_numba.SIGNATURE)
    poly_match.main(reference, points)  # the objects compute and cache their centers and areas
    prepared = poly_numba.Prepared(reference)
    peers = {
        NUMBA_GATHERING: ("numba-gathering", partial(poly_numba.main_gathering, reference, points)),
        NUMBA_PREPARED: ("numba-prepared", partial(prepared.main, points)),
    }
    cost = f"numba's JIT compile of the kernel {format_seconds(compile_seconds)} (every new process pays it)"
    missing = ""
    if cython:
        built = build_cython(ROOT / "examples/ch3_polygons/poly_cython.pyx")
        kernel = built.module.best_indices if built.module else None
        with_cython = poly_numba.Prepared(reference, kernel) if kernel else None
        peers[CYTHON_PREPARED] = (
            "cython-prepared",
            partial(with_cython.main, points) if with_cython else None,
        )
        missing = f"not built on this machine: {built.error}"
        cost += f"; Cython's cythonize + C compile {format_seconds(built.seconds)} (paid once, at build time)"
    for name, (key, run) in peers.items():
        differ = exact.differing_points(run(), exact_answer) if run else 0
        found.append(
            Step(
                name,
                run,
                up_to_rounding(reference),
                note=f"float areas: {differ} of {len(exact_answer)} points differ",
                key=key,
                repeat=7,
                mean_of=10 if full else 0,
                missing=missing,
            )
        )
    notes = [
        f"One-time costs, left out of the rows: {cost}. The numba and Cython rows use the Python "
        "original's floating-point areas, so on the article's near-equal areas they may pick another "
        "polygon than the exact area; each answer was checked to be the exact main's up to each area's "
        "rounding (`exact.disagreements`), and the note says on how many points the choice differs."
    ]
    return found, notes


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
    # Every figure below is checked first: best_polygons against scipy ranking by the exact area (as
    # best_polygons does); scipy, prepared scipy and numba on the float areas against each other.
    exact_polygons, _ = poly_match.random_field(SCALE_POLYGONS, SCALE_POINTS, polygon_type=exact.ExactPolygon)
    reference = as_indices(yardsticks.scipy_main(exact_polygons, points, 10.0), exact_polygons)
    if as_indices(poly_match_rs.best_polygons(rust_polygons, points, 10.0), rust_polygons) != reference:
        raise WrongAnswerError("chapter 3, best_polygons at scale: not scipy's answer with exact areas")
    prepared = yardsticks.PreparedTree(python_polygons)
    expected = as_indices(prepared.query(points, 10.0), python_polygons)
    if as_indices(yardsticks.scipy_main(python_polygons, points, 10.0), python_polygons) != expected:
        raise WrongAnswerError("chapter 3, scipy at scale: scipy_main and the prepared tree disagree")
    best = median_seconds(lambda: poly_match_rs.best_polygons(rust_polygons, points, 10.0), repeat=repeat)
    scipy = median_seconds(lambda: yardsticks.scipy_main(python_polygons, points, 10.0), repeat=repeat)
    query = median_seconds(lambda: prepared.query(points, 10.0), repeat=repeat)
    # numba's brute-force kernel (every point against every center) on the same objects, arrays prepared
    # outside the timing; checked against scipy's answer (the same float areas, the same tie rule).
    kernel = poly_numba.Prepared(python_polygons)
    if as_indices(kernel.main(points, 10.0), python_polygons) != expected:
        raise WrongAnswerError("chapter 3, numba kernel at scale: not scipy's answer")
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
        "from ch3_polygons import poly_match_v1 as d, exact, poly_match; P, Q = d.generate_example(); "
        "d.main(P, Q); R, _ = poly_match.generate_example(); where = {id(p): i for i, p in enumerate(P)}",
        "d.main(P, Q)",
        repeat=3,
        # The check, as the release rows get it: up to rounding, on the Python original's objects.
        check="exact.disagreements(R, Q, [(row, R[where[id(p)]]) for row, p in d.main(P, Q)])",
        expected="[]",
    )
    listed, peer_notes = steps(full)
    rows = [step.row(3) for step in listed]
    peer_rows = [row for row in rows if row.step in (NUMBA_GATHERING, NUMBA_PREPARED, CYTHON_PREPARED)]
    v1_debug = Row(
        "v1, debug build", debug, "0.48x (609.46 ms)", note="the trap: maturin develop without --release"
    )
    alone = Row(
        "Rust alone, no Python (cargo run --release)", pure_rust(), note="same sizes, SplitMix64 data"
    )
    rows.insert(1, v1_debug)
    best_row = next(i for i, row in enumerate(rows) if row.step == BY_KEY["best"].label)
    rows.insert(best_row + 1, alone)
    chapter.rows = rows
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
    chapter.versus = [
        Versus(
            "the article's main",
            BY_KEY["best"].label,
            (BY_KEY["numpy"].label, BY_KEY["scipy"].label, NUMBA_GATHERING, NUMBA_PREPARED, CYTHON_PREPARED),
        )
    ]
    return chapter
