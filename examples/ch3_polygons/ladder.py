"""The chapter's steps in one place: how to build each step's input, its `main`, and what the article
reported for it. measure.py, tour.py and test_poly_bench.py all read this list."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Step:
    key: str
    """Short name for the command line: python, v1, v1-interned, v2 .. v4, best, numpy, scipy."""
    label: str
    """What the step is, for tables."""
    module: str
    """The module with `generate_example()` and `main(polygons, points)`, or with `main_name`."""
    article: str = ""
    """The article's figure (its machine): speed-up and milliseconds per iteration of main."""
    main_name: str = "main"
    example_module: str = ""
    """Where `generate_example` lives, if not in `module`."""

    def load(self) -> tuple[Callable[[], tuple[list[Any], Any]], Callable[..., Any]]:
        """(generate_example, main) of this step."""
        module = importlib.import_module(self.module)
        example = importlib.import_module(self.example_module) if self.example_module else module
        return example.generate_example, getattr(module, self.main_name)


def as_indices(result: list[tuple[Any, Any]], polygons: list[Any]) -> list[tuple[tuple[float, ...], int]]:
    """`main`'s answer as (point coordinates, index of the polygon in `polygons`) pairs, which compare
    across polygon types; a polygon that is not one of `polygons` (not the same object) raises KeyError."""
    index = {id(polygon): i for i, polygon in enumerate(polygons)}
    return [(tuple(float(v) for v in point), index[id(polygon)]) for point, polygon in result]


STEPS = (
    Step("python", "Python (the article's main)", "ch3_polygons.poly_match", "1x (293.41 ms)"),
    Step(
        "v1",
        "v1: .center read from Python objects",
        "ch3_polygons.poly_match_v1",
        "12.5x (23.44 ms)",
    ),
    Step(
        "v1-interned",
        "v1 with the attribute name interned (pyo3::intern!)",
        "ch3_polygons.poly_match_v1_interned",
    ),
    Step("v2", "v2: Polygon as a pyclass", "ch3_polygons.poly_match_v2", "46.5x (6.29 ms)"),
    Step("v3", "v3: no allocation per polygon", "ch3_polygons.poly_match_v3", "101x (2.90 ms)"),
    Step(
        "v4",
        "v4: find_all_close_polygons",
        "ch3_polygons.poly_match_v4",
        "362x (0.81 ms)",
    ),
    Step("best", "best_polygons (all of main in Rust)", "ch3_polygons.poly_match_best"),
    Step(
        "numpy",
        "numpy, fully vectorised",
        "ch3_polygons.yardsticks",
        "57x (5.18 ms)",
        main_name="numpy_main",
        example_module="ch3_polygons.poly_match",
    ),
    Step(
        "scipy",
        "scipy cKDTree + lexsort",
        "ch3_polygons.yardsticks",
        main_name="scipy_main",
        example_module="ch3_polygons.poly_match",
    ),
)
BY_KEY = {step.key: step for step in STEPS}
