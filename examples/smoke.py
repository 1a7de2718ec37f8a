"""A one-minute check that installed wheels work, on any platform: each module imports, gives the right
answer on a small input, and refuses bad input with the documented exception.

    python examples/smoke.py

The CI workflow runs it on Windows, where the full test suite's POSIX-only tests (signals, fork) cannot run.
"""

import aoc_rust
import boundary_cost
import fibo_rust
import intervalues_pyrust
import numpy as np
import poly_match_rs
import string_doubles


def raises(error, call, *args):
    try:
        call(*args)
    except error:
        return
    raise AssertionError(f"{call.__name__}{args} did not raise {error.__name__}")


def main() -> None:
    assert fibo_rust.fibo(30) == fibo_rust.fibo_tutorial(30) == 832040
    raises(ValueError, fibo_rust.fibo, 0)
    raises(OverflowError, fibo_rust.fibo, 94)

    assert string_doubles.count_doubles("abbcCddef") == 2
    assert string_doubles.count_doubles("éé🦀🦀\ud800\ud800") == 3
    assert string_doubles.count_doubles_bytes("₂€") == 1
    raises(TypeError, string_doubles.count_doubles, b"aa")

    square = poly_match_rs.Polygon(np.array([0.0, 1.0, 1.0, 0.0]), np.array([0.0, 0.0, 1.0, 1.0]))
    assert square.area() == 1.0
    points = np.array([[0.5, 0.5], [50.0, 50.0]])
    assert poly_match_rs.find_close_polygons([square], points[0], 1.0) == [square]
    [(point, best)] = poly_match_rs.best_polygons([square], points, 1.0)
    assert best is square
    assert point.tolist() == [0.5, 0.5]
    raises(ValueError, poly_match_rs.Polygon, np.array([1.0]), np.array([1.0, 2.0]))

    assert boundary_cost.sum_list([1.0, 2.5]) == boundary_cost.sum_array(np.array([1.0, 2.5])) == 3.5
    assert boundary_cost.sum_bytes(b"\x01\x02") == 3
    raises(TypeError, boundary_cost.sum_array, [1.0])

    assert aoc_rust.run_polymerization("dabAcCaCBAcCcaDA\n") == 10
    assert aoc_rust.shortest_polymer(b"dabAcCaCBAcCcaDA") == 4
    raises(ValueError, aoc_rust.run_polymerization, "ab c")
    raises(TypeError, aoc_rust.shortest_polymer, None)

    # The post's example: [2-4; 3] plus [1-3; 2] is [1-2; 2], [2-3; 5], [3-4; 3].
    assert intervalues_pyrust.combine_intervals_int([(2, 4, 3), (1, 3, 2)]) == [
        (1, 2, 2),
        (2, 3, 5),
        (3, 4, 3),
    ]
    assert intervalues_pyrust.combine_intervals_float([(0.0, 1.0, 0.5)]) == [(0.0, 1.0, 0.5)]
    starts, stops, values = intervalues_pyrust.combine_intervals_arrays(
        np.array([2, 1]), np.array([4, 3]), np.array([3, 2])
    )
    assert (starts.tolist(), stops.tolist(), values.tolist()) == ([1, 2, 3], [2, 3, 4], [2, 5, 3])
    raises(ValueError, intervalues_pyrust.combine_intervals_float, [(0.0, float("nan"), 1.0)])

    for module in (fibo_rust, string_doubles, poly_match_rs, boundary_cost, aoc_rust, intervalues_pyrust):
        print(f"{module.__name__} {module.__version__}: ok")


if __name__ == "__main__":
    main()
