"""Chapter 8's cluster example: a Dask DataFrame of points gets a best_polygon column, on a Dask cluster.

    python examples/ch8_scale/cluster.py                                  # a LocalCluster, 2 workers
    python examples/ch8_scale/cluster.py --workers 1 --points 1000000
    python examples/ch8_scale/cluster.py --scheduler tcp://10.0.0.5:8786  # a cluster that is running

The steps are the same on a laptop and on many machines; only where the client connects changes:

1. build the PolygonIndex once, here (chapter 3's Polygon objects never leave this process);
2. scatter it to every worker: pickled as flat arrays (16 bytes per vertex), unpickled once per worker;
3. a Dask DataFrame of points (here made from numpy; on a real cluster, `dd.read_parquet(...)` so that
   each worker reads its own partitions) and `map_partitions` with the scattered index;
4. compute, and compare with the one-process answer (skipped with --no-check for data too big for here).

On a remote cluster every worker needs the same poly_match_rs wheel (`pip install poly_match_rs-*.whl`,
abi3: one wheel per platform for every CPython from 3.10). The function the workers run is defined here,
in the script Python runs as `__main__`, which Dask pickles by value: the scheduler (which unpickles the
task graph) and the workers need not have this examples/ folder.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import poly_match_rs

from ch8_scale import scale


def add_best_polygon(part: Any, index: poly_match_rs.PolygonIndex) -> Any:
    """scale.add_best_polygon, defined in the script so that it travels by value (see above)."""
    return part.assign(best_polygon=index.best_indices(part[["x", "y"]].to_numpy()))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scheduler", help="address of a running scheduler (default: start a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    parser.add_argument("--polygons", type=int, default=100_000)
    parser.add_argument("--points", type=int, default=200_000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--no-check", action="store_true", help="skip the one-process answer")
    args = parser.parse_args()

    from dask.distributed import Client

    polygons, points = scale.field(args.polygons, args.points)
    index = poly_match_rs.PolygonIndex(polygons, scale.MAX_DIST)
    shipped = len(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    expected = None if args.no_check else index.best_indices(points)

    start = time.perf_counter()
    with (
        scale.dask_client(args.workers) if args.scheduler is None else Client(args.scheduler, timeout=60)
    ) as client:
        workers = client.scheduler_info()["workers"]
        print(f"{len(workers)} workers ready in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        index_future = client.scatter(index, broadcast=True)
        seconds = time.perf_counter() - start
        print(f"index scattered to every worker in {seconds:.2f} s ({shipped / 1e6:.1f} MB each)")
        start = time.perf_counter()
        frame = client.compute(
            scale.dataframe_on_dask(index_future, points, args.partitions, add_best_polygon)
        ).result()
        seconds = time.perf_counter() - start
    matched = int((frame["best_polygon"] >= 0).sum())
    print(
        f"{len(frame):,} points in {args.partitions} partitions: best_polygon column in {seconds:.2f} s; "
        f"{matched:,} points have a close polygon"
    )
    print(frame.head())
    if expected is not None:
        if not np.array_equal(frame["best_polygon"].to_numpy(), expected):
            print("the cluster's answer differs from the one-process answer", file=sys.stderr)
            return 1
        print("the same answer as index.best_indices(points) in one process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
