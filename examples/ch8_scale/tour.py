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
from collections.abc import Callable

import numpy as np
import poly_match_rs
from harness import ROOT, Chapter, Row, format_seconds, median_seconds

from ch8_scale.scale import MAX_DIST, field

N_POLYGONS, N_POINTS = 100_000, 200_000
BASELINE = "best_polygons(polygons, points, 10), chapter 3"
LIST_PICKLE = "pickle round trip of the 100,000 Polygon objects (a list)"
ONE_THREAD = "one call of best_indices"


def as_indices(pairs: list, polygons: list, n_points: int, points: np.ndarray) -> list[int]:
    """best_polygons' (row, polygon) pairs as one position per point, -1 where none (rows are views)."""
    position = {id(p): i for i, p in enumerate(polygons)}
    base = points.__array_interface__["data"][0]
    out = [-1] * n_points
    for row, polygon in pairs:
        out[(row.__array_interface__["data"][0] - base) // points.strides[0]] = position[id(polygon)]
    return out


def checked(name: str, got: object, expected: object) -> None:
    if got != expected:
        raise AssertionError(f"chapter 8, row {name!r}: the answer differs from chapter 3's best_polygons")


def round_trip_seconds(obj: object, repeat: int) -> tuple[float, int]:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return median_seconds(
        lambda: pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)), repeat=repeat, min_run=0
    ), len(data)


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
    polygons, points = field(N_POLYGONS, N_POINTS)
    expected = as_indices(poly_match_rs.best_polygons(polygons, points, MAX_DIST), polygons, N_POINTS, points)
    index = poly_match_rs.PolygonIndex(polygons, MAX_DIST)

    def timed(name: str, call: Callable[[], object], answer: Callable[[object], object], **row: str) -> None:
        checked(name, answer(call()), expected)
        chapter.rows.append(Row(name, median_seconds(call, repeat=repeat, min_run=0), **row))

    timed(
        BASELINE,
        lambda: poly_match_rs.best_polygons(polygons, points, MAX_DIST),
        lambda pairs: as_indices(pairs, polygons, N_POINTS, points),
        note="grid rebuilt, a tuple per point",
    )
    build = median_seconds(lambda: poly_match_rs.PolygonIndex(polygons, MAX_DIST), repeat=repeat, min_run=0)
    timed(
        "index.best_polygons(points)",
        lambda: index.best_polygons(points),
        lambda pairs: as_indices(pairs, polygons, N_POINTS, points),
        note="same tuples, grid built once",
    )
    timed(
        "index.best_indices(points)",
        lambda: index.best_indices(points),
        lambda indices: indices.tolist(),
        note="an int64 array, no tuples",
    )

    # Pickling: what a process pool or a Dask worker receives.
    clone = pickle.loads(pickle.dumps(index))
    checked("pickled PolygonIndex", clone.best_indices(points).tolist(), expected)
    list_seconds, list_bytes = round_trip_seconds(polygons, repeat=min(repeat, 3))
    index_seconds, index_bytes = round_trip_seconds(index, repeat=repeat)
    chapter.rows.append(
        Row(LIST_PICKLE, list_seconds, note=f"{list_bytes / 1e6:.1f} MB", baseline=LIST_PICKLE)
    )
    chapter.rows.append(
        Row(
            "pickle round trip of the PolygonIndex",
            index_seconds,
            note=f"{index_bytes / 1e6:.1f} MB, flat arrays",
            baseline=LIST_PICKLE,
        )
    )

    start = time.perf_counter()
    spread = scaling(repeat)
    elapsed = time.perf_counter() - start
    for name, seconds, note in spread["rows"]:
        step = f"{name}, 1 Rust thread per call" if name == ONE_THREAD else name
        chapter.rows.append(Row(step, seconds, note=note, baseline=f"{ONE_THREAD}, 1 Rust thread per call"))
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    startup = "; ".join(f"{name} {format_seconds(seconds)}" for name, seconds in spread["startup"].items())
    chapter.notes += [
        f"Building the index: {format_seconds(build)}, once. Rows from 'pickle' on have their own baseline: "
        f"the list pickle, then one call of best_indices with RAYON_NUM_THREADS=1.",
        "The spreading rows come from `RAYON_NUM_THREADS=1 python examples/ch8_scale/scale.py` (each call on "
        "one core; every answer checked against the one-process best_indices). Paid once, not per batch: "
        f"{startup}. That run took {elapsed:.0f} s.",
        f"Load average after the run (1, 5, 15 min): {load}, on {os.cpu_count()} logical CPUs. Threads, "
        "processes and workers can only add what the machine has free.",
    ]
    return chapter
