"""Chapter 8: one PolygonIndex, asked from threads, from a process pool and from a Dask cluster.

    python examples/ch8_scale/scale.py [--polygons 100000] [--points 200000] [--json]

Every way answers the same question, "for each point, which polygon (by position) is the best?", for the
same index and points, and every answer is checked against the one-process `index.best_indices(points)`
before it is timed. The table this prints (or the JSON with --json, which the tour reads) gives the median
time of each way, with the time to start the process pool or the cluster reported separately: that is paid
once per session, not once per batch.

Run it with RAYON_NUM_THREADS=1 (the tour does) to see what each way of spreading the work adds: then one
call of best_indices uses one core, and the second core can only come from a second thread, process or
Dask worker. Without it, one call already uses every core through the wheel's own thread pool.

The functions the workers run (`best_chunk`, `add_best_polygon`, `install_index`, `best_in_process`) live
at the top of this module so that the pool and Dask can pickle them by name; a spawned worker imports this
module from the same `examples/` folder.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import poly_match_rs
from ch3_polygons import poly_match

MAX_DIST = 10.0
Indices = npt.NDArray[np.int64]
Points = npt.NDArray[np.float64]


def field(n_polygons: int, n_points: int, size: float = 1000.0) -> tuple[list[Any], Points]:
    """Chapter 3's field at scale: template polygons at whole-number offsets, uniform points."""
    return poly_match.random_field(n_polygons, n_points, size=size, polygon_type=poly_match_rs.Polygon)


def chunks(points: Points, chunk: int) -> list[Points]:
    """`points` cut into consecutive pieces of `chunk` rows (the last one shorter)."""
    return [points[start : start + chunk] for start in range(0, len(points), chunk)]


# --- what the workers run -------------------------------------------------------------------------------


def best_chunk(index: poly_match_rs.PolygonIndex, points: Points) -> Indices:
    """One task: the best polygon's position for each point of one chunk (-1 where none is close)."""
    return index.best_indices(points)


def add_best_polygon(part: Any, index: poly_match_rs.PolygonIndex) -> Any:
    """One partition of a Dask DataFrame of points, with a `best_polygon` column added."""
    return part.assign(best_polygon=index.best_indices(part[["x", "y"]].to_numpy()))


_WORKER_INDEX: poly_match_rs.PolygonIndex | None = None


def install_index(index: poly_match_rs.PolygonIndex) -> None:
    """A process pool's initializer: each worker receives the index once, pickled as flat arrays."""
    global _WORKER_INDEX  # one index per worker process, set once
    _WORKER_INDEX = index


def best_in_process(points: Points) -> Indices:
    if _WORKER_INDEX is None:
        raise RuntimeError("this worker was started without install_index")
    return _WORKER_INDEX.best_indices(points)


# --- the ways -------------------------------------------------------------------------------------------


def in_threads(index: poly_match_rs.PolygonIndex, points: Points, threads: int, chunk: int) -> Indices:
    """The chunks spread over `threads` Python threads sharing one index (best_indices releases the GIL)."""
    with ThreadPoolExecutor(threads) as pool:
        return np.concatenate(list(pool.map(index.best_indices, chunks(points, chunk))))


def in_pool(pool: ProcessPoolExecutor, points: Points, chunk: int) -> Indices:
    """The chunks spread over a process pool whose workers each hold the index (see `process_pool`)."""
    return np.concatenate(list(pool.map(best_in_process, chunks(points, chunk))))


@contextmanager
def process_pool(index: poly_match_rs.PolygonIndex, workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of `workers` spawned processes, each given the index once, and warmed up."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=install_index, initargs=(index,)
    ) as pool:
        # One tiny task per worker, so that starting the workers is not part of the first timing.
        list(pool.map(best_in_process, [np.zeros((1, 2))] * workers))
        yield pool


@contextmanager
def dask_client(workers: int, timeout: float = 60.0) -> Iterator[Any]:
    """A `dask.distributed` LocalCluster of `workers` worker processes (one thread each) and its client.

    On a real cluster the only change is the address: `Client("tcp://scheduler:8786")` instead of a
    LocalCluster. `timeout` bounds the start and the client's connection, so a cluster that cannot start
    fails instead of waiting forever.
    """
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            timeout=timeout,
        ) as cluster,
        Client(cluster, timeout=timeout) as client,
    ):
        client.wait_for_workers(workers, timeout=timeout)
        yield client


def on_dask(client: Any, index_future: Any, points: Points, chunk: int, timeout: float = 120.0) -> Indices:
    """One task per chunk on the cluster; `index_future` is the index scattered to every worker once."""
    from dask.distributed import wait

    pieces = chunks(points, chunk)
    # pure=False: new task keys on every call, so an earlier call's results are never reused.
    futures = client.map(best_chunk, [index_future] * len(pieces), pieces, pure=False)
    wait(futures, timeout=timeout)  # raises TimeoutError rather than waiting forever on a stuck cluster
    return np.concatenate(client.gather(futures))


def dataframe_on_dask(
    index_future: Any, points: Points, partitions: int, add_column: Callable[..., Any] = add_best_polygon
) -> Any:
    """A Dask DataFrame of points (columns x, y) with a best_polygon column from map_partitions.

    `add_column` is `add_best_polygon` or a copy of it: cluster.py passes one defined in the script itself,
    which Dask ships by value to a scheduler and workers that do not have this module."""
    import dask.dataframe as dd
    import pandas as pd

    frame = pd.DataFrame({"x": points[:, 0], "y": points[:, 1]})
    lazy = dd.from_pandas(frame, npartitions=partitions)
    meta = frame.head(0).assign(best_polygon=np.zeros(0, dtype=np.int64))
    return lazy.map_partitions(add_column, index_future, meta=meta)


# --- measuring -------------------------------------------------------------------------------------------


def _task_count(dask_scheduler: Any) -> int:
    return len(dask_scheduler.tasks)


def settle(client: Any, timeout: float = 60.0) -> None:
    """Waits until the scheduler holds nothing but the scattered index. Results are released asynchronously,
    and a DataFrame computed again has the same task keys: without this, an earlier run's results still in
    memory could answer the next run without any work."""
    deadline = time.monotonic() + timeout
    while client.run_on_scheduler(_task_count) > 1:
        if time.monotonic() > deadline:
            raise TimeoutError("the Dask scheduler kept an earlier run's results")
        time.sleep(0.01)


def median_of(call: Callable[[], object], repeat: int, before: Callable[[], None] | None = None) -> float:
    """Median seconds of `call()`; `before()` runs untimed before each call."""
    runs = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        call()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def checked(name: str, got: Indices, expected: Indices) -> None:
    if got.shape != expected.shape or not np.array_equal(got, expected):
        raise AssertionError(f"{name}: the answer differs from the one-process best_indices")


def measure(n_polygons: int, n_points: int, repeat: int = 3) -> dict[str, Any]:
    """Every way, timed; returns {"rows": [(name, seconds, note)], "startup": {...}, "sizes": {...}}."""
    polygons, points = field(n_polygons, n_points)
    index = poly_match_rs.PolygonIndex(polygons, MAX_DIST)
    expected = index.best_indices(points)
    chunk = 20_000
    rows: list[tuple[str, float, str]] = []
    startup: dict[str, float] = {}

    def row(name: str, call: Callable[[], Indices], note: str = "", client: Any = None) -> None:
        checked(name, call(), expected)
        before = None if client is None else lambda: settle(client)
        rows.append((name, median_of(call, repeat, before), note))

    row("one call of best_indices", lambda: index.best_indices(points))
    for threads in (1, 2):
        row(
            f"{threads} Python thread{'s' if threads > 1 else ''}, chunks of {chunk:,}",
            lambda t=threads: in_threads(index, points, t, chunk),
        )
    for workers in (1, 2):
        start = time.perf_counter()
        with process_pool(index, workers) as pool:
            startup[f"process pool, {workers} workers"] = time.perf_counter() - start
            row(
                f"ProcessPoolExecutor, {workers} process{'es' if workers > 1 else ''}, chunks of {chunk:,}",
                lambda p=pool: in_pool(p, points, chunk),
                "index sent once per worker",
            )
    for workers in (1, 2):
        start = time.perf_counter()
        with dask_client(workers) as client:
            startup[f"Dask LocalCluster, {workers} workers"] = time.perf_counter() - start
            start = time.perf_counter()
            index_future = client.scatter(index, broadcast=True)
            startup[f"scatter the index to {workers} workers"] = time.perf_counter() - start
            sizes = dict.fromkeys((chunk, 2_000) if workers == 1 else (n_points // 2, chunk, 2_000))
            for size in sizes:
                row(
                    f"Dask, {workers} worker{'s' if workers > 1 else ''}, chunks of {size:,}",
                    lambda c=client, s=size, f=index_future: on_dask(c, f, points, s),
                    f"{-(-n_points // size)} tasks",
                    client,
                )
            if workers == 2:
                frame = dataframe_on_dask(index_future, points, partitions=8)
                row(
                    "Dask DataFrame, 2 workers, 8 partitions, map_partitions",
                    lambda f=frame: f["best_polygon"].compute().to_numpy(),
                    "a best_polygon column",
                    client,
                )
    return {"rows": rows, "startup": startup, "polygons": n_polygons, "points": n_points}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--polygons", type=int, default=100_000)
    parser.add_argument("--points", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print JSON (for the tour) instead of a table")
    args = parser.parse_args()
    result = measure(args.polygons, args.points, args.repeat)
    if args.json:
        print(json.dumps(result))
        return 0
    threads = os.environ.get("RAYON_NUM_THREADS", "all cores")
    print(f"{args.polygons:,} polygons, {args.points:,} points; Rust threads per call: {threads}\n")
    print("| way | median time | vs one call |\n|---|---:|---:|")
    base = result["rows"][0][1]
    for name, seconds, note in result["rows"]:
        extra = f" ({note})" if note else ""
        print(f"| {name}{extra} | {seconds * 1000:.0f} ms | {base / seconds:.2f}x |")
    print()
    for name, seconds in result["startup"].items():
        print(f"- starting: {name}: {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
