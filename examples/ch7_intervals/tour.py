"""Chapter 7 in the tour: combining n valued intervals in Python, through the post's list-of-tuples binding,
through the numpy-arrays binding, and in Rust alone, at n = 10 to 1,000,000; and where the time of the
tuples binding goes.

    python examples/ch7_intervals/tour.py [--full]

`steps(n, kind)` lists the in-process rows of one size once, with numba's sweep on the same arrays beside
them; every row checks its answer against the Python implementation's before it is timed, and
tests/test_tour_answers.py verifies the same steps on small sizes.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import intervalues_pyrust
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import ROOT, Chapter, Row, Step, Versus, WrongAnswerError, equals, format_seconds
from peers import jit

from ch7_intervals import intervals_numba
from ch7_intervals.valued_intervals import _pure

SIZES = [10, 100, 1_000, 10_000, 100_000, 1_000_000]
BINARY = ROOT / "target" / "release" / "intervals"
SCRATCH = ROOT / "target" / "ch7_tour"
# The post's figures, for 1,000,000 intervals (its machine): Python, the tuples binding, Rust alone.
POST = {
    "int": ("1x (1,774 ms)", "2x (900 ms)", "47x (38 ms, i32)"),
    "float": ("1x (1,976 ms)", "2.3x (857 ms)", "14x (143 ms, Decimal)"),
}


def workload(n: int, kind: str, seed: int = 7) -> list[np.ndarray]:
    """n intervals on [0, 10 n): lengths 1 to 99, so about five overlap anywhere; values -9 to 9 (ints),
    or positions in sevenths and values with two decimals, as prices are (floats)."""
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, 10 * n, n)
    stops = starts + rng.integers(1, 100, n)
    if kind == "int":
        return [starts, stops, rng.integers(-9, 10, n)]
    return [starts / 7, stops / 7, np.round(rng.uniform(-9.0, 9.0, n), 2)]


def as_rows(arrays: tuple[np.ndarray, ...] | list[np.ndarray]) -> list[tuple[Any, ...]]:
    return list(zip(*(a.tolist() for a in arrays), strict=True))


def check(step: str, got: object, expected: object) -> None:
    if got != expected:
        raise WrongAnswerError(
            f"chapter 7, row {step!r}: the answer differs from the Python implementation's"
        )


def rust_alone(
    step: str, columns: list[np.ndarray], kind: str, expected: list[Any], repeat: int
) -> float | None:
    """Seconds per combination in the pure-Rust binary, on the same numbers, its answer checked."""
    if not BINARY.exists():
        return None
    SCRATCH.mkdir(parents=True, exist_ok=True)
    given, answer = SCRATCH / f"{kind}_{len(columns[0])}.bin", SCRATCH / f"{kind}_{len(columns[0])}.out"
    dtype = np.int64 if kind == "int" else np.float64
    given.write_bytes(b"".join(c.astype(f"<{np.dtype(dtype).char}").tobytes() for c in columns))
    command = [str(BINARY), f"--{kind}", str(given), "--out", str(answer), "--repeat", str(repeat)]
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600).stdout
    flat = np.frombuffer(answer.read_bytes(), dtype=f"<{np.dtype(dtype).char}")
    check(step, as_rows(np.split(flat, 3)), expected)
    return float(json.loads(out)["seconds"])


def label_of(n: int, kind: str) -> str:
    return f"{n:,} {'intervals' if kind == 'int' else 'float intervals'}"


def steps(n: int, kind: str, *, full: bool = False) -> tuple[list[Step], list[Any]]:
    """The in-process steps at one size, listed once, each checked against the Python implementation's
    answer (which is also the Python row's own check), and that answer."""
    columns = workload(n, kind)
    intervals = as_rows(columns)
    python = _pure.combine_int if kind == "int" else _pure.combine_float
    tuples = (
        intervalues_pyrust.combine_intervals_int
        if kind == "int"
        else intervalues_pyrust.combine_intervals_float
    )
    label = label_of(n, kind)
    baseline = f"Python, {label}"
    expected = python(intervals)
    right = equals(expected, "the Python implementation")
    big = n >= 1_000_000 and not full
    repeat = 3 if big else 5 if n >= 100_000 else 9
    post = POST[kind] if n == 1_000_000 else ("", "", "")
    found = [
        Step(
            baseline,
            lambda: python(intervals),
            right,
            post[0],
            baseline=baseline,
            key=f"python-{kind}-{n}",
            repeat=1 if big else 3 if n >= 100_000 else 5,
            min_run=0 if big else 0.05,
        ),
        Step(
            f"Rust, list of tuples, {label}",
            lambda: tuples(intervals),
            right,
            post[1],
            baseline=baseline,
            key=f"rust-tuples-{kind}-{n}",
            repeat=repeat,
        ),
        Step(
            f"Rust, numpy arrays, {label}",
            lambda: intervalues_pyrust.combine_intervals_arrays(*columns),
            lambda got: right(as_rows(got)),  # type: ignore[arg-type]
            note="arrays in, arrays out",
            baseline=baseline,
            key=f"rust-arrays-{kind}-{n}",
            repeat=repeat,
        ),
    ]
    if kind == "int":
        found.append(
            Step(
                f"numba @njit, numpy arrays, {label}",
                lambda: intervals_numba.combine(*columns),
                lambda got: right(as_rows(got)),  # type: ignore[arg-type]
                note="the same sweep, JIT (int64 wraps on overflow)",
                baseline=baseline,
                key=f"numba-arrays-{kind}-{n}",
                repeat=repeat,
            )
        )
    return found, expected


def measure_size(chapter: Chapter, n: int, kind: str, full: bool) -> None:
    columns = workload(n, kind)
    label = label_of(n, kind)
    listed, expected = steps(n, kind, full=full)
    chapter.rows += [step.row(7) for step in listed]
    step = f"Rust alone, {label}"
    post = POST[kind] if n == 1_000_000 else ("", "", "")
    chapter.rows.append(
        Row(
            step,
            rust_alone(step, columns, kind, expected, repeat=max(5, min(1001, 1_000_000 // n))),
            post[2],
            note="the sweep without Python (cargo run --release)",
            baseline=f"Python, {label}",
        )
    )


def phases(n: int, kind: str, repeat: int = 3) -> str:
    """Where one call of the tuples binding spends its time: the medians of each phase."""
    intervals = as_rows(workload(n, kind))
    runs = [
        intervalues_pyrust.combine_intervals_phases(intervals, floats=kind == "float")[1]
        for _ in range(repeat)
    ]
    median = {phase: statistics.median(run[phase] for run in runs) for phase in runs[0]}
    total = sum(median.values())
    parts = ", ".join(
        f"{what} {format_seconds(median[phase])} ({median[phase] / total:.0%})"
        for phase, what in [
            ("convert_in", "list of tuples → Vec"),
            ("combine", "check, sort and sweep"),
            ("convert_out", "Vec → list of tuples"),
        ]
    )
    return f"Where the tuples binding's time goes at {n:,} {kind} intervals: {parts}."


def measure(full: bool = False) -> Chapter:
    chapter = Chapter(
        number=7,
        title="valued intervals, Rust inside a Python package",
        workload="combining n random valued intervals (about five overlap anywhere) into disjoint summed "
        "segments, n = 10 to 1,000,000; each row's speed-up is against the Python row of its own size",
        baseline="Python at the same size",
        headline="Rust, numpy arrays, 1,000,000 intervals",
    )
    compile_seconds = jit(intervals_numba.combine, intervals_numba.SIGNATURE)
    for n in SIZES:
        measure_size(chapter, n, "int", full)
    for n in SIZES if full else [1_000_000]:
        measure_size(chapter, n, "float", full)
    for kind in ("int", "float"):
        chapter.notes.append(phases(1_000_000, kind))
    big = "1,000,000 intervals"
    python = chapter.seconds_of(f"Python, {big}")
    arrays = chapter.seconds_of(f"Rust, numpy arrays, {big}")
    tuples = chapter.seconds_of(f"Rust, list of tuples, {big}")
    alone = chapter.seconds_of(f"Rust alone, {big}")
    if python and arrays and tuples:
        line = (
            f"At {big}: the arrays binding is {python / arrays:.0f}x Python (goal: at least 20x), "
            f"the tuples binding {python / tuples:.1f}x (the post: about 2x)"
        )
        if alone:
            line += (
                f"; the arrays binding takes {arrays / alone:.2f}x the time of Rust alone (goal: at most 2x)"
            )
        chapter.notes.append(line + ".")
    if alone is None:
        chapter.notes.append("The Rust-alone rows need `cargo build --release -p intervals-core` first.")
    chapter.notes.append(
        "The Python rows are the package's exact implementation (examples/ch7_intervals/valued_intervals/"
        "_pure.py): its float sums are exact, in Python ints, which costs more than a running float sum."
    )
    chapter.notes.append(
        f"One-time cost, left out of the numba rows: its JIT compile {format_seconds(compile_seconds)} "
        "(every new process pays it). numba has no float row: the float contract sums values exactly and "
        "rounds once, which a float64 running total in a numba loop does not."
    )
    numba_big = chapter.seconds_of(f"numba @njit, numpy arrays, {big}")
    if arrays and numba_big:
        chapter.notes.append(
            f"At {big}: the arrays binding is {numba_big / arrays:.2f}x as fast as numba's sweep."
        )
    chapter.notes.append(
        "Every row's answer was checked against the Python implementation's before it was timed."
    )
    if not full:
        chapter.notes.append("Float intervals at 1,000,000 only; `--full` times them at every size.")
    chapter.versus = [
        Versus(
            "combining 1,000,000 int intervals",
            "Rust, numpy arrays, 1,000,000 intervals",
            ("numba @njit, numpy arrays, 1,000,000 intervals",),
        )
    ]
    return chapter


if __name__ == "__main__":
    from tour import terminal_table

    print(terminal_table(measure(full="--full" in sys.argv[1:])))
