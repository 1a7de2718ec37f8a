"""PolygonIndex on a real dask.distributed cluster: two worker processes on this machine, started and
closed by the test (chapter 8's examples/ch8_scale/scale.py, small data).

The index is scattered to both workers (pickled as flat arrays, unpickled in each worker process), points
go out in chunks and as a Dask DataFrame, and every answer must be the one-process answer. A cluster that
cannot start or a task that never ends fails the test: the cluster, the client and the wait for results
each have their own timeout, and pytest-timeout stops the whole test after TIME_LIMIT seconds.
"""

from __future__ import annotations

import os

import numpy as np
import poly_match_rs
import pytest
from ch8_scale import scale

CLUSTER_TIMEOUT = 60.0
TIME_LIMIT = 240


@pytest.mark.timeout(TIME_LIMIT)
def test_a_two_worker_cluster_gives_the_one_process_answer():
    polygons, points = scale.field(3000, 6000, size=200.0)
    points[::97] = np.nan  # points close to nothing, on the workers too
    index = poly_match_rs.PolygonIndex(polygons, scale.MAX_DIST)
    expected = index.best_indices(points)
    assert (expected >= 0).sum() > 5000
    assert (expected == -1).sum() >= 60

    with scale.dask_client(2, timeout=CLUSTER_TIMEOUT) as client:
        workers = client.scheduler_info()["workers"]
        assert len(workers) == 2
        index_future = client.scatter(index, broadcast=True)
        # Each worker holds its own unpickled copy, which answers with the polygon count of the original.
        sizes = client.run(lambda dask_worker: len(dask_worker.data[index_future.key]))
        assert sorted(sizes.values()) == [len(polygons)] * 2

        chunked = scale.on_dask(client, index_future, points, chunk=700, timeout=CLUSTER_TIMEOUT)
        np.testing.assert_array_equal(chunked, expected)
        # Two worker processes, neither of them this one.
        pids = {
            client.submit(os.getpid, workers=[address], pure=False).result(CLUSTER_TIMEOUT)
            for address in workers
        }
        assert len(pids) == 2
        assert os.getpid() not in pids

        lazy = scale.dataframe_on_dask(index_future, points, partitions=4)
        frame = client.compute(lazy).result(CLUSTER_TIMEOUT)
        np.testing.assert_array_equal(frame["best_polygon"].to_numpy(), expected)
        np.testing.assert_array_equal(frame[["x", "y"]].to_numpy(), points)
