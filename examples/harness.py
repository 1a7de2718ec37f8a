"""The measuring kit every chapter's tour and benchmark uses.

- `median_seconds` times a call the way `timeit` does (enough loops per run to beat the clock's
  resolution), several runs, and keeps the median: one interrupted run must not move the result.
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
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEBUG_PYTHON = ROOT / ".venv-debug" / "bin" / "python"


def median_seconds(call: Callable[[], object], *, repeat: int = 5, min_run: float = 0.05) -> float:
    """Median seconds of one `call()`, over `repeat` runs of enough loops to last `min_run` seconds."""
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            call()
        elapsed = time.perf_counter() - start
        if elapsed >= min_run or loops >= 1 << 24:
            break
        loops *= 10 if elapsed < min_run / 20 else 2
    runs = [elapsed / loops]
    for _ in range(repeat - 1):
        start = time.perf_counter()
        for _ in range(loops):
            call()
        runs.append((time.perf_counter() - start) / loops)
    return statistics.median(runs)


def in_debug_env(setup: str, statement: str, *, repeat: int = 3, timeout: float = 600) -> float | None:
    """Median seconds of `statement` after `setup`, run by the debug-build environment's interpreter.

    Returns None when .venv-debug does not exist (run `./just develop-debug`).
    """
    if not DEBUG_PYTHON.exists():
        return None
    program = textwrap.dedent(
        f"""
        import json, sys
        sys.path.insert(0, {str(ROOT / "examples")!r})
        from harness import median_seconds
        {setup}
        print(json.dumps(median_seconds(lambda: {statement}, repeat={repeat}, min_run=0)))
        """
    )
    done = subprocess.run(
        [str(DEBUG_PYTHON), "-c", program], capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
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
