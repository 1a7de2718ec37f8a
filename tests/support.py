"""Helpers that more than one test file uses, in one place: importable from every test (pyproject.toml puts
tests/ on pytest's path), whichever wheels are installed. Nothing here imports a wheel at module level, so a
chapter's tests can use it with only that chapter's wheel built.

The conftest.py at the repository's root does the rest: it skips the tests of a wheel that is not installed.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import threading
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from memory_probe import settled_rss_bytes
from records import record

# --- arrays in the layouts nobody passes ------------------------------------------------------------------


def read_only(array: Any) -> np.ndarray:
    """A read-only copy of `array`."""
    array = np.array(array)
    array.setflags(write=False)
    return array


def packed_field(values: Any) -> np.ndarray:
    """`values` as a field of a packed structured array: misaligned, and 9 bytes from one to the next."""
    record = np.zeros(len(values), dtype=[("flag", "u1"), ("value", "<f8")])
    record["value"] = values
    field = record["value"]
    assert not field.flags.aligned
    assert field.strides == (9,)
    return field


# --- strings and objects that are not quite what they seem --------------------------------------------------


class MyStr(str):
    """A subclass of str, as a caller's own string type would be."""


class LyingStr(str):
    """Every method a function might ask answers wrongly: the functions must read the characters."""

    def isascii(self) -> bool:
        return True

    def encode(self, *args: Any, **kwargs: Any) -> bytes:
        return b"aaaaaaaa"

    def __len__(self) -> int:
        return 0

    def __iter__(self) -> Any:
        return iter("")

    def __getitem__(self, index: Any) -> str:
        return ""

    def __str__(self) -> str:
        return ""


class CenterError(Exception):
    """What an object's `.center` raises in the tests."""


class Centered:
    """Any Python object with a `.center` array: what poly_match_rs.v1 accepts."""

    def __init__(self, center: Any) -> None:
        self.center = center


class Exploding:
    """An object whose `.center` raises."""

    @property
    def center(self) -> Any:
        raise CenterError("no center today")


# --- polygons ---------------------------------------------------------------------------------------------


def square(x0: float, y0: float, side: float = 1.0) -> Any:
    """A poly_match_rs.Polygon: the square of `side` with its lower-left corner at (x0, y0)."""
    poly_match_rs = importlib.import_module("poly_match_rs")
    return poly_match_rs.Polygon(
        np.array([x0, x0 + side, x0 + side, x0]), np.array([y0, y0, y0 + side, y0 + side])
    )


def row_index(row: np.ndarray, points: np.ndarray) -> int:
    """The index of the row of `points` that `row` is a view of (the searches return views of the caller's
    rows)."""
    assert np.shares_memory(row, points)
    assert row.shape == (2,)
    offset = (row.__array_interface__["data"][0] - points.__array_interface__["data"][0]) // points.strides[0]
    np.testing.assert_array_equal(row, points[offset])
    return int(offset)


# --- the public API of a wheel ----------------------------------------------------------------------------


def public_callables(modules: Iterable[ModuleType]) -> dict[int, str]:
    """Every public function and class of `modules`, by identity: `id -> name`."""
    found: dict[int, str] = {}
    for module in modules:
        for name in dir(module):
            value = getattr(module, name)
            if not name.startswith("_") and callable(value) and not isinstance(value, ModuleType):
                found.setdefault(id(value), f"{module.__name__}.{name}")
    return found


# --- the GIL ----------------------------------------------------------------------------------------------

GIL_CALLS = 20


def calls_done_when_main_woke(call: Callable[[], object]) -> int:
    """How many of GIL_CALLS calls in a row a worker thread had finished when the main thread woke up.

    The method, with no clock involved: CPython's forced switches are turned off (a switch interval of
    1000 s), so a thread holding the GIL keeps it until it lets go by itself. The worker makes the same call
    many times in a row; the main thread waits until the worker has started, and then needs the GIL to wake
    up. If the call releases the GIL while it works, the main thread wakes while the worker is still
    calling: fewer than all the calls are done. If it never releases the GIL, the main thread wakes only when
    the worker is finished, with every call done. So a "releases" case fails if its `py.detach` is removed,
    and a "keeps" case (a call documented to keep the GIL) fails if the method stopped telling the two
    apart."""
    # Once first: a first call may import or initialise something (rust-numpy's borrow tracking, say),
    # which can let go of the GIL for reasons that have nothing to do with the call's own work.
    call()
    done: list[object] = []
    started = threading.Event()

    def work() -> None:
        started.set()
        for _ in range(GIL_CALLS):
            done.append(call())

    before = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        started.wait()
        woke_with = len(done)
        worker.join()
    finally:
        sys.setswitchinterval(before)
    assert len(done) == GIL_CALLS
    return woke_with


def gil_tests(releases: list[str], keeps: list[str]) -> tuple[Callable[..., None], Callable[..., None]]:
    """A chapter's two GIL tests, over its test module's `calls` fixture (a dict: name -> a call that takes
    at least a millisecond): each call named in `releases` lets other threads run while it works; each call
    in `keeps`, documented to keep the GIL, is seen keeping it. Assign them to test_* names in the module."""

    @pytest.mark.parametrize("name", releases)
    def test_long_work_lets_other_threads_run(calls: dict[str, Callable[[], object]], name: str) -> None:
        done = calls_done_when_main_woke(calls[name])
        assert done < GIL_CALLS
        record("gil", call=name, expected="releases", done=done, of=GIL_CALLS)

    @pytest.mark.parametrize("name", keeps)
    def test_calls_that_keep_the_gil_are_told_apart(
        calls: dict[str, Callable[[], object]], name: str
    ) -> None:
        done = calls_done_when_main_woke(calls[name])
        assert done == GIL_CALLS
        record("gil", call=name, expected="keeps", done=done, of=GIL_CALLS)

    return test_long_work_lets_other_threads_run, test_calls_that_keep_the_gil_are_told_apart


# --- hypothesis -------------------------------------------------------------------------------------------


def thorough() -> Any:
    """hypothesis settings for a chapter's properties that want more examples than the default: half as many
    again as the loaded profile (150 under hypothesis's default of 100; 30 under the "quick" profile that
    `pytest --quick` loads, see conftest.py), no deadline (a first call may warm caches or allocate), and
    no too_slow health check (the Python references are slow on purpose)."""
    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=settings().max_examples * 3 // 2,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


# --- memory rounds ----------------------------------------------------------------------------------------

ROUNDS = 100_000
WARM_UP = 10_000
ALLOWANCE_BYTES = 2 * 1024 * 1024


def raises(call: Callable[[], object], error: type[BaseException]) -> Callable[[], None]:
    """A call that must raise `error`: part of a memory round."""

    def run() -> None:
        try:
            call()
        except error:
            return
        raise AssertionError(f"{call} did not raise {error.__name__}")

    return run


def assert_no_growth_over_rounds(name: str, one_round: Callable[[], None]) -> None:
    """100,000 rounds of `one_round` leave the resident memory where 10,000 rounds of warm-up left it.

    A leak of a single Python object per call (a forgotten reference on an error path, say) would add several
    megabytes over 100,000 rounds; the allowance is far under that and far above allocator noise."""
    for _ in range(WARM_UP):
        one_round()
    before = settled_rss_bytes()
    for _ in range(ROUNDS):
        one_round()
    grown = settled_rss_bytes() - before
    assert grown < ALLOWANCE_BYTES, f"{name}: memory grew by {grown / 1e6:.1f} MB over {ROUNDS:,} rounds"
    record("memory_rounds", wheel=name, rounds=ROUNDS, grown=grown, allowance=ALLOWANCE_BYTES)


def functions_not_in_round(modules: Iterable[ModuleType], round_builder: Callable[..., Any]) -> list[str]:
    """The public functions of `modules` that the source of `round_builder` never calls."""
    source = inspect.getsource(round_builder)
    return [name for name in public_callables(modules).values() if f"{name}(" not in source]


def memory_tests(
    modules: list[ModuleType], round_builder: Callable[..., Callable[[], None]]
) -> tuple[Callable[..., None], Callable[[], None]]:
    """A wheel's two memory tests: 100,000 rounds of `round_builder()`'s round leave no growth, and the round
    calls every public function of `modules` (`round_builder(workdir)`, where it takes an argument, gets the
    test's tmp_path for the files it writes). Assign them to test_* names in the module."""

    @pytest.mark.soak
    def test_no_growth_over_100_000_rounds(tmp_path: Any) -> None:
        takes_a_folder = bool(inspect.signature(round_builder).parameters)
        one_round = round_builder(tmp_path) if takes_a_folder else round_builder()
        assert_no_growth_over_rounds(modules[0].__name__, one_round)

    def test_every_public_function_is_in_the_round() -> None:
        missing = functions_not_in_round(modules, round_builder)
        assert not missing, f"the memory round calls none of {missing}"

    return test_no_growth_over_100_000_rounds, test_every_public_function_is_in_the_round
