"""Chapter 8 in the tour: a PolygonIndex built once against chapter 3's best_polygons, pickling it, and the
same answers spread over threads, a process pool and a Dask LocalCluster (measured in a child process
with one Rust thread per call, examples/ch8_scale/scale.py)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import time

import numpy as np
import poly_match_rs
from harness import ROOT, Chapter, Row, Step, Versus, equals, format_seconds, median_seconds

from ch8_scale import index_numba
from ch8_scale.scale import MAX_DIST, field

N_POLYGONS, N_POINTS = 100_000, 200_000
BASELINE = "best_polygons(polygons, points, 10), chapter 3"
LIST_PICKLE = "pickle round trip of the 100,000 Polygon objects (a list)"
ONE_THREAD = "one call of best_indices"
NUMBA = "numba @njit grid kernel, index built once"


def as_indices(pairs: list, polygons: list, n_points: int, points: np.ndarray) -> list[int]:
    """best_polygons' (row, polygon) pairs as one position per point, -1 where none (rows are views)."""
    position = {id(p): i for i, p in enumerate(polygons)}
    base = points.__array_interface__["data"][0]
    out = [-1] * n_points
    for row, polygon in pairs:
        out[(row.__array_interface__["data"][0] - base) // points.strides[0]] = position[id(polygon)]
    return out


def round_trip(obj: object) -> object:
    return pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def steps(n_polygons: int, n_points: int, *, repeat: int = 3) -> tuple[list[Step], list[str]]:
    """The chapter's in-process steps, listed once, each checked against chapter 3's best_polygons (by
    position, one per point); the pickle rows against the objects they copied. Also what is paid once:
    building the index, and numba's compile and grid."""
    polygons, points = field(n_polygons, n_points)
    expected = as_indices(poly_match_rs.best_polygons(polygons, points, MAX_DIST), polygons, n_points, points)
    right = equals(expected, "chapter 3's best_polygons")
    index = poly_match_rs.PolygonIndex(polygons, MAX_DIST)
    build = median_seconds(lambda: poly_match_rs.PolygonIndex(polygons, MAX_DIST), repeat=repeat, min_run=0)
    compile_seconds = index_numba.compile_seconds()
    start = time.perf_counter()
    grid = index_numba.GridIndex(polygons, MAX_DIST)
    grid_seconds = time.perf_counter() - start
    areas = [p.area() for p in polygons]

    def same_polygons(copy: object) -> str:
        if [p.area() for p in copy] == areas:  # type: ignore[attr-defined]
            return ""
        return "the round trip's polygons have other areas"

    def answers_like_the_index(copy: object) -> str:
        return right(copy.best_indices(points).tolist())  # type: ignore[attr-defined]

    slow = {"repeat": repeat, "min_run": 0.0}
    found = [
        Step(
            BASELINE,
            lambda: poly_match_rs.best_polygons(polygons, points, MAX_DIST),
            lambda pairs: right(as_indices(pairs, polygons, n_points, points)),  # type: ignore[arg-type]
            note="grid rebuilt, a tuple per point",
            key="best_polygons",
            **slow,  # type: ignore[arg-type]
        ),
        Step(
            "index.best_polygons(points)",
            lambda: index.best_polygons(points),
            lambda pairs: right(as_indices(pairs, polygons, n_points, points)),  # type: ignore[arg-type]
            note="same tuples, grid built once",
            key="index-best_polygons",
            **slow,  # type: ignore[arg-type]
        ),
        Step(
            "index.best_indices(points)",
            lambda: index.best_indices(points),
            lambda indices: right(indices.tolist()),  # type: ignore[attr-defined]
            note="an int64 array, no tuples",
            key="index-best_indices",
            **slow,  # type: ignore[arg-type]
        ),
        Step(
            NUMBA,
            lambda: grid.best_indices(points),
            lambda indices: right(indices.tolist()),  # type: ignore[attr-defined]
            note="the same grid algorithm, JIT, numba.prange over the points",
            key="numba-grid",
            **slow,  # type: ignore[arg-type]
        ),
        # Pickling: what a process pool or a Dask worker receives.
        Step(
            LIST_PICKLE,
            lambda: round_trip(polygons),
            same_polygons,
            note=f"{len(pickle.dumps(polygons, protocol=pickle.HIGHEST_PROTOCOL)) / 1e6:.1f} MB",
            baseline=LIST_PICKLE,
            key="pickle-list",
            repeat=min(repeat, 3),
            min_run=0,
        ),
        Step(
            "pickle round trip of the PolygonIndex",
            lambda: round_trip(index),
            answers_like_the_index,
            note=f"{len(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)) / 1e6:.1f} MB, flat arrays",
            baseline=LIST_PICKLE,
            key="pickle-index",
            **slow,  # type: ignore[arg-type]
        ),
    ]
    notes = [
        f"Building the index: {format_seconds(build)}, once. numba, paid once and left out of its row: the "
        f"JIT compile {format_seconds(compile_seconds)} (every new process pays it) and its grid "
        f"{format_seconds(grid_seconds)}."
    ]
    return found, notes


def scaling(repeat: int) -> dict:
    """scale.py in a child process with RAYON_NUM_THREADS=1: every way of spreading, checked and timed."""
    env = {**os.environ, "RAYON_NUM_THREADS": "1"}
    script = ROOT / "examples" / "ch8_scale" / "scale.py"
    done = subprocess.run(
        [sys.executable, str(script), "--json", "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
        check=False,
    )
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        raise RuntimeError("chapter 8: examples/ch8_scale/scale.py failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(full: bool = False) -> Chapter:
    repeat = 7 if full else 3
    chapter = Chapter(
        number=8,
        title="beyond one process",
        workload=f"{N_POLYGONS:,} ten-vertex polygons, {N_POINTS:,} points on a 1000 x 1000 field, "
        f"max_dist {MAX_DIST:g}; medians of {repeat} runs",
        baseline=BASELINE,
    )
    listed, once = steps(N_POLYGONS, N_POINTS, repeat=repeat)
    chapter.rows = [step.row(8) for step in listed]

    start = time.perf_counter()
    spread = scaling(repeat)
    elapsed = time.perf_counter() - start
    for name, seconds, note in spread["rows"]:
        step = f"{name}, 1 Rust thread per call" if name == ONE_THREAD else name
        chapter.rows.append(Row(step, seconds, note=note, baseline=f"{ONE_THREAD}, 1 Rust thread per call"))
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    startup = "; ".join(f"{name} {format_seconds(seconds)}" for name, seconds in spread["startup"].items())
    chapter.notes += [
        *once,
        "Rows from 'pickle' on have their own baseline: the list pickle, then one call of best_indices with "
        "RAYON_NUM_THREADS=1. Every in-process row was checked against chapter 3's best_polygons before it "
        "was timed (the pickle rows: the copy's areas, and the copied index's answers).",
        "The spreading rows come from `RAYON_NUM_THREADS=1 python examples/ch8_scale/scale.py` (each call on "
        "one core; every answer checked against the one-process best_indices). Paid once, not per batch: "
        f"{startup}. That run took {elapsed:.0f} s.",
        f"Load average after the run (1, 5, 15 min): {load}, on {os.cpu_count()} logical CPUs. Threads, "
        "processes and workers can only add what the machine has free.",
    ]
    chapter.versus = [
        Versus(
            f"best polygon of {N_POINTS:,} points among {N_POLYGONS:,}, index built once",
            "index.best_indices(points)",
            (NUMBA,),
        )
    ]
    return chapter
