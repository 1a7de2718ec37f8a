"""The measuring kit every chapter's tour and benchmark uses.

- `median_seconds` times a call with `timeit.Timer` (enough loops per run to beat the clock's resolution),
  several runs, and keeps the median: one interrupted run must not move the result.
- `Step` is one row of a chapter, listed once with the check its answer must pass: the tour verifies and
  times it, the chapter's pytest-benchmark file benchmarks it, tests/test_tour_answers.py verifies it.
- `in_debug_env` times a snippet in .venv-debug, where `just develop-debug` installed the unoptimised
  wheels; a debug and a release build of one extension cannot be imported into the same process.
- `Row` and `Chapter` are what a chapter's `measure()` returns; tour.py prints and charts them.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import textwrap
import timeit
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEBUG_PYTHON = ROOT / ".venv-debug" / "bin" / "python"


def median_seconds(call: Callable[[], object], *, repeat: int = 5, min_run: float = 0.05) -> float:
    """Median seconds of one `call()` over `repeat` runs, timed by `timeit.Timer`.

    With `min_run` > 0 each run loops as many times as `Timer.autorange` picks (enough for 0.2 s, as
    `python -m timeit` does); with `min_run=0` each run is one call (for steps that take seconds). The
    garbage collector stays on, as it is for the program being measured (timeit turns it off by default).
    """
    timer = timeit.Timer(call, setup="gc.enable()")
    loops = timer.autorange()[0] if min_run > 0 else 1
    return statistics.median(run / loops for run in timer.repeat(repeat=repeat, number=loops))


class WrongAnswerError(RuntimeError):
    """A step answered differently from the chapter's reference: the tour stops rather than time it."""


Check = Callable[[object], str]
"""What a step's answer must be: returns "" when the answer is right, else what is wrong with it."""


def short(value: object, limit: int = 120) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def equals(expected: object, what: str = "the reference") -> Check:
    """The answer must equal `expected` (`==`), the answer of `what`."""

    def check(answer: object) -> str:
        return "" if answer == expected else f"answered {short(answer)}, {what} answered {short(expected)}"

    return check


def within(expected: float, relative: float, what: str = "the reference") -> Check:
    """The answer must be within `relative` (a fraction of |expected|) of `expected`."""

    def check(answer: object) -> str:
        gap = abs(float(answer) - expected)  # type: ignore[arg-type]
        if gap <= relative * abs(expected):
            return ""
        return f"answered {answer!r}, {what} answered {expected!r} (allowed: a relative {relative:g})"

    return check


@dataclass
class Step:
    """One timed row of a chapter, listed once: the tour times it (`row`), the chapter's pytest-benchmark
    file benchmarks `run`, and tests/test_tour_answers.py calls `verify` on small inputs.

    `run` is the step with its inputs bound; `check` says whether its answer is the chapter's reference
    (exactly, within a stated tolerance, or what an inexact step is documented to return). A step that
    cannot run on this machine (a Cython build that failed) has `missing` set: its row says why."""

    name: str
    run: Callable[[], object] | None
    check: Check
    tutorial: str = ""
    note: str = ""
    baseline: str = ""
    key: str = ""
    """A short name for pytest ids (the pytest-benchmark files)."""
    repeat: int = 5
    min_run: float = 0.05
    missing: str = ""
    mean_of: int = 0
    """When set, the row is the mean of this many calls after one warm-up call (an article's own measure)
    instead of the median of `repeat` runs."""

    def verify(self, chapter: int) -> object:
        """Run the step once and return its answer; raise WrongAnswerError, naming the row, if it is wrong."""
        if self.run is None:
            raise WrongAnswerError(f"chapter {chapter}, row {self.name!r}: cannot run: {self.missing}")
        answer = self.run()
        if problem := self.check(answer):
            raise WrongAnswerError(f"chapter {chapter}, row {self.name!r}: {problem}")
        return answer

    def row(self, chapter: int) -> Row:
        """The verified, timed row (a row without a time, saying why, when the step cannot run here)."""
        if self.run is None:
            return Row(self.name, None, self.tutorial, note=self.missing, baseline=self.baseline)
        self.verify(chapter)  # also the warm-up call
        if self.mean_of:
            seconds = timeit.Timer(self.run, setup="gc.enable()").timeit(self.mean_of) / self.mean_of
        else:
            seconds = median_seconds(self.run, repeat=self.repeat, min_run=self.min_run)
        return Row(self.name, seconds, self.tutorial, note=self.note, baseline=self.baseline)


def in_debug_env(
    setup: str,
    statement: str,
    *,
    repeat: int = 3,
    timeout: float = 600,
    expected: str | None = None,
    check: str = "",
) -> float | None:
    """Median seconds of `statement` after `setup`, run by the debug-build environment's interpreter.

    With `expected`, the answer is checked before the timing: the `repr` of `check` (an expression; the
    statement itself when empty) must be `expected`, else this raises WrongAnswerError. Returns None when
    .venv-debug does not exist (run `./just develop-debug`).
    """
    if not DEBUG_PYTHON.exists():
        return None
    program = textwrap.dedent(
        f"""
        import json, sys
        sys.path.insert(0, {str(ROOT / "examples")!r})
        from harness import median_seconds
        {setup}
        answer = repr({check or statement})
        if {expected!r} is not None and answer != {expected!r}:
            sys.exit("WRONG " + answer)
        print(json.dumps(median_seconds(lambda: {statement}, repeat={repeat}, min_run=0)))
        """
    )
    done = subprocess.run(
        [str(DEBUG_PYTHON), "-c", program], capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        if done.stderr.startswith("WRONG "):
            answer = done.stderr[6:].strip()
            what = check or statement
            raise WrongAnswerError(f"the debug build's {what}: answered {answer}, expected {expected}")
        print(done.stderr, file=sys.stderr)
        raise RuntimeError(f"the debug-build measurement failed: {statement}")
    return float(json.loads(done.stdout.strip().splitlines()[-1]))


@dataclass
class Row:
    """One step of a chapter: what ran, how long one call took, and what the tutorial reported for it."""

    step: str
    seconds: float | None
    tutorial: str = ""
    """The tutorial's own figure for this step, as text ("19.07 s", "30x"); empty where it had none."""
    note: str = ""
    baseline: str = ""
    """The step this row's speed-up is relative to; empty means the chapter's baseline."""


@dataclass
class Versus:
    """One workload of a chapter for chapter 0's table of peers: the wheel's row beside what a Python user
    would pick instead (numpy, scipy, numba, Cython rows of the same table, same inputs)."""

    workload: str
    rust: str
    peers: tuple[str, ...]


@dataclass
class Chapter:
    """A chapter's measured table. Speed-ups are relative to the row named `baseline`, unless a row names
    its own (a second workload measured in the same table, say)."""

    number: int
    title: str
    workload: str
    baseline: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    headline: str = ""
    """The step the README's summary reports for this chapter (the wheel's best); empty for none."""
    versus: list[Versus] = field(default_factory=list)
    """The workloads chapter 0's table of peers compares (`Versus`); empty for none."""

    def seconds_of(self, step: str) -> float | None:
        return next((r.seconds for r in self.rows if r.step == step), None)

    def speedup(self, row: Row) -> float | None:
        base = self.seconds_of(row.baseline or self.baseline)
        if base is None or row.seconds is None or row.seconds <= 0:
            return None
        return base / row.seconds


def format_seconds(seconds: float | None) -> str:
    """1.23 s, 45.6 ms, 7.89 µs, 120 ns."""
    if seconds is None:
        return "—"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def format_ratio(ratio: float | None) -> str:
    if ratio is None:
        return "—"
    if ratio >= 100:
        return f"{ratio:,.0f}x"
    return f"{ratio:.3g}x"
