"""Chapter 6 in the tour: Advent of Code 2018 day 5 on a 50,000-letter polymer, from the series' naive
Python loop to Rust alone, and what each way of handing the polymer to Rust costs.

Run with the rest of the tour (`./just tour`), or alone, on the chapter's seeded polymer or your own file:

    python examples/tour.py --chapter 6 [--full]
    AOC_INPUT=path/to/input.txt python examples/tour.py --chapter 6

Without --full the naive loop (many seconds on 50,000 letters) runs on the polymer's first 10,000 letters,
and is compared with Rust on those same letters; --full runs it on the whole polymer, as the series did.
The PyPy row needs a `pypy3` on PATH (or its path in the environment variable PYPY).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
import timeit
from functools import partial
from pathlib import Path

import aoc_rust
from harness import DEBUG_PYTHON, ROOT, Chapter, Row, Step, Versus, equals, format_seconds, in_debug_env
from peers import jit

from ch6_aoc import polymer_numba
from ch6_aoc.generate import generate_polymer
from ch6_aoc.polymer_python import (
    letters,
    reduce_naive,
    reduce_stack,
    shortest_naive,
    shortest_reduced_first,
    shortest_stack,
)

NAIVE = "Python, the series' str.replace loop"
NAIVE_RUST = "Rust, aoc_rust, on the naive row's letters"
PYPY = "PyPy, the series' str.replace loop"
STACK = "Python, the stack algorithm"
STACK_FIRST = "Python, stack, part b from the reduced polymer"
DEBUG = "Rust, aoc_rust, debug build (opt-level 0)"
BEST = "Rust, aoc_rust (opt-level 3)"
ALONE_DEBUG = "Rust alone, debug binary (opt-level 0)"
ALONE = "Rust alone, release binary (opt-level 3)"
NUMBA = "numba @njit, aoc_rust's algorithm"
PART_A = "part a: Python, the stack algorithm"
NAIVE_LETTERS = 10_000


def both_parts(part_a, part_b, polymer):
    """The whole puzzle, as one timed call: part a, then part b (27 reductions in all)."""
    return part_a(polymer), part_b(polymer)


def polymer_file(polymer: str, name: str) -> Path:
    """The polymer written as a puzzle file (a line break at the end) under target/, for the binaries,
    the debug environment, PyPy and the file-reading rows."""
    path = ROOT / "target" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(polymer + "\n", encoding="ascii")
    return path


def binary(program: Path, path: Path, repeat: int, expected: tuple[int, int]) -> dict | None:
    """One JSON line from the chapter's `aoc` binary, answers checked; None if it is not built."""
    if not program.exists():
        return None
    out = subprocess.run(
        [str(program), str(path), "--repeat", str(repeat), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    result = json.loads(out)
    if (result["part_a"], result["part_b"]) != expected:
        raise RuntimeError(f"chapter 6, {program.name} binary: answers {result} differ from {expected}")
    return result


def debug_binary() -> Path | None:
    """target/debug/aoc, built now with cargo's dev profile (opt-level 0) if cargo is here."""
    cargo = shutil.which("cargo")
    if cargo is None:
        return None
    subprocess.run(
        [cargo, "build", "--quiet", "-p", "aoc-core", "--bin", "aoc"], cwd=ROOT, check=True, timeout=900
    )
    return ROOT / "target" / "debug" / "aoc"


def debug_wheel_has_aoc() -> bool:
    if not DEBUG_PYTHON.exists():
        return False
    done = subprocess.run([str(DEBUG_PYTHON), "-c", "import aoc_rust"], capture_output=True, check=False)
    return done.returncode == 0


def pypy_seconds(path: Path, length: int, expected: tuple[int, int], repeat: int) -> float | None:
    """The series' loop run by PyPy on the first `length` letters of the file; None without PyPy."""
    pypy = shutil.which(os.environ.get("PYPY", "pypy3"))
    if pypy is None:
        return None
    program = textwrap.dedent(
        f"""
        import json, sys, time
        sys.path.insert(0, {str(ROOT / "examples")!r})
        from ch6_aoc.polymer_python import letters, reduce_naive, shortest_naive
        with open({str(path)!r}, "rb") as file:
            polymer = letters(file.read())[:{length}]
        runs = []
        for _ in range({repeat}):
            start = time.perf_counter()
            answer = (reduce_naive(polymer), shortest_naive(polymer))
            runs.append(time.perf_counter() - start)
        if answer != {expected!r}:
            sys.exit(f"PyPy row: got {{answer}}, expected {expected!r}")
        print(json.dumps(sorted(runs)[len(runs) // 2]))
        """
    )
    done = subprocess.run([pypy, "-c", program], capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"chapter 6, the PyPy row failed:\n{done.stderr}")
    return float(done.stdout.strip().splitlines()[-1])


def thread_cpu_seconds(call, runs: int = 15, loops: int = 20) -> float:
    """Median CPU seconds of one `call()` spent by this thread: unlike the wall clock, it leaves out the
    time the process waited for a core while other programs ran."""
    timer = timeit.Timer(call, setup="gc.enable()", timer=time.thread_time)
    return statistics.median(run / loops for run in timer.repeat(repeat=runs, number=loops))


def steps(
    polymer: str, naive_polymer: str, path: Path, *, python_repeat: int = 3
) -> tuple[list[Step], list[Step], list[str]]:
    """The chapter's in-process steps, listed once, each with the answers the stack algorithm in Python
    gives: the whole puzzle (both parts), then part a alone in every way of handing the polymer over
    (`path` holds the polymer as a puzzle file). Also numba's one-time compile cost."""
    expected = (reduce_stack(polymer), shortest_stack(polymer))
    expected_naive = (reduce_stack(naive_polymer), shortest_stack(naive_polymer))
    right = equals(expected, "the stack algorithm in Python")
    right_naive = equals(expected_naive, "the stack algorithm in Python")
    rust = partial(both_parts, aoc_rust.run_polymerization, aoc_rust.shortest_polymer)
    same_input = len(naive_polymer) == len(polymer)
    compile_seconds = jit(polymer_numba.both_parts, polymer_numba.SIGNATURE)
    slow = {"repeat": python_repeat, "min_run": 0.0}
    whole = [
        Step(
            NAIVE,
            partial(both_parts, reduce_naive, shortest_naive, naive_polymer),
            right_naive,
            "1x (9.07 s)",
            note="" if same_input else f"its first {len(naive_polymer):,} letters (--full: all)",
            key="python-naive",
            **slow,  # type: ignore[arg-type]
        ),
        Step(
            NAIVE_RUST,
            partial(rust, naive_polymer),
            right_naive,
            note=f"the same {len(naive_polymer):,} letters",
            key="rust-naive-letters",
            repeat=9,
        ),
        Step(
            STACK,
            partial(both_parts, reduce_stack, shortest_stack, polymer),
            right,
            note="one pass per reduction" + ("" if same_input else "; the rows below: vs this"),
            key="python-stack",
            **slow,  # type: ignore[arg-type]
        ),
        Step(
            STACK_FIRST,
            partial(both_parts, reduce_stack, shortest_reduced_first, polymer),
            right,
            note="aoc_rust's algorithm, in Python",
            key="python-stack-reduced-first",
            **slow,  # type: ignore[arg-type]
        ),
        Step(BEST, partial(rust, polymer), right, "907x (0.01 s)", key="rust-str", repeat=15),
        Step(
            NUMBA,
            partial(polymer_numba.solve, polymer),
            right,
            note="aoc_rust's algorithm on a uint8 array (str.encode per call)",
            key="numba",
            repeat=15,
        ),
    ]
    part_a_expected = equals(expected[0], "the stack algorithm in Python")
    polymer_bytes = polymer.encode()
    part_a = [
        Step(
            PART_A,
            partial(reduce_stack, polymer),
            part_a_expected,
            baseline=PART_A,
            note="the rows below: part a only, vs this",
            key="part-a-python-stack",
        ),
    ]
    for name, key, call, note in [
        (
            "part a: str, read in place",
            "str",
            lambda: aoc_rust.run_polymerization(polymer),
            "run_polymerization(polymer)",
        ),
        (
            "part a: bytes, made once",
            "bytes",
            lambda: aoc_rust.run_polymerization(polymer_bytes),
            "run_polymerization(data)",
        ),
        (
            "part a: polymer.encode() per call",
            "encode-per-call",
            lambda: aoc_rust.run_polymerization(polymer.encode()),
            "the series' call, a new bytes each time",
        ),
        (
            "part a: the series' Vec<u8> signature",
            "vec-step",
            lambda: aoc_rust.run_polymerization_vec(polymer.encode()),
            "pyo3 copies into a Vec, byte by byte",
        ),
        (
            "part a: a &str argument",
            "str-step",
            lambda: aoc_rust.run_polymerization_str(polymer),
            "pyo3's &str",
        ),
        (
            "part a: Python reads the file, Rust reduces",
            "python-reads-file",
            lambda: aoc_rust.run_polymerization(path.read_bytes()),
            "open + read in Python, then the call",
        ),
        (
            "part a: Rust reads the file",
            "rust-reads-file",
            lambda: aoc_rust.run_polymerization_file(path),
            "only the path crosses",
        ),
    ]:
        part_a.append(Step(name, call, part_a_expected, baseline=PART_A, note=note, key=key, repeat=15))
    notes = [
        f"One-time cost, left out of the numba row: its JIT compile {format_seconds(compile_seconds)} "
        "(every new process pays it)."
    ]
    return whole, part_a, notes


def measure(full: bool = False) -> Chapter:
    own = os.environ.get("AOC_INPUT")
    if own:
        with open(own, "rb") as file:
            polymer = letters(file.read())
        source = f"the polymer in {own}"
    else:
        polymer = generate_polymer()
        source = "a seeded 50,000-letter polymer (examples/ch6_aoc/generate.py), the puzzle's size"
    path = polymer_file(polymer, "ch6_polymer.txt")
    naive_polymer = polymer if full else polymer[:NAIVE_LETTERS]
    naive_path = polymer_file(naive_polymer, "ch6_polymer_naive.txt")
    same_input = len(naive_polymer) == len(polymer)
    expected = (reduce_stack(polymer), shortest_stack(polymer))
    expected_naive = (reduce_stack(naive_polymer), shortest_stack(naive_polymer))

    chapter = Chapter(
        number=6,
        title="Advent of Code 2018 day 5 (polymer reduction)",
        workload=f"both parts of the puzzle (27 reductions) on {source}; "
        f"part a = {expected[0]:,}, part b = {expected[1]:,}",
        baseline=NAIVE,
        # The summary compares with the series' loop: on the same letters as that loop ran on.
        headline=BEST if same_input else NAIVE_RUST,
    )
    # The rows on the whole polymer compare with the naive loop when it ran on the same letters, and
    # with the stack algorithm in Python otherwise.
    base = "" if same_input else STACK
    rust = partial(both_parts, aoc_rust.run_polymerization, aoc_rust.shortest_polymer)

    whole, part_a, numba_notes = steps(polymer, naive_polymer, path, python_repeat=1 if full else 3)
    for step in whole:
        if step.name not in (NAIVE, NAIVE_RUST):
            step.baseline = base
    by_name = {step.name: step.row(6) for step in whole if not (same_input and step.name == NAIVE_RUST)}

    debug = None
    if debug_wheel_has_aoc():
        debug = in_debug_env(
            f"import aoc_rust; polymer = open({str(path)!r}).read()",
            "(aoc_rust.run_polymerization(polymer), aoc_rust.shortest_polymer(polymer))",
            repeat=5,
            expected=repr(expected),
        )
    debug_program = debug_binary()
    alone_debug = binary(debug_program, path, 7, expected) if debug_program else None
    alone = binary(ROOT / "target" / "release" / "aoc", path, 41, expected)
    rows = [by_name[NAIVE]]
    if not same_input:
        rows.append(by_name[NAIVE_RUST])
    rows += [
        Row(
            PYPY,
            pypy_seconds(naive_path, len(naive_polymer), expected_naive, 1 if full else 3),
            "1.2x (7.55 s)",
            note="" if same_input else f"the naive row's {len(naive_polymer):,} letters",
        ),
        by_name[STACK],
        by_name[STACK_FIRST],
        Row(DEBUG, debug, "101x (0.09 s)", baseline=base, note="the trap: no --release"),
        by_name[BEST],
        by_name[NUMBA],
        Row(
            ALONE_DEBUG,
            alone_debug and alone_debug["seconds"],
            "1,106x (0.0082 s)",
            baseline=base,
            note="cargo build (dev profile)",
        ),
        Row(
            ALONE, alone and alone["seconds"], "1,120x (0.0081 s)", baseline=base, note="cargo run --release"
        ),
    ]
    # Part a alone, where the crossing is a larger share of the work: each way of handing it over.
    cpu_times = []
    for step in part_a:
        rows.append(step.row(6))
        if step.name != PART_A:
            assert step.run is not None
            cpu_times.append(
                f"{step.name.removeprefix('part a: ')} {format_seconds(thread_cpu_seconds(step.run))}"
            )
    rows.append(
        Row(
            "part a: Rust alone, release binary",
            alone and alone["seconds_part_a"],
            baseline=PART_A,
            note="no Python at all",
        )
    )
    chapter.rows = rows
    add_notes(chapter, same_input, len(naive_polymer))
    chapter.notes += numba_notes
    chapter.notes.append(
        "Every row's answers were checked against the stack algorithm in Python before it was timed (the "
        "binaries, the debug build and PyPy included)."
    )
    chapter.notes.append(
        "Part a in CPU time of the calling thread (the wall clock is noisy at this size on a busy machine): "
        + " · ".join(cpu_times)
        + "."
    )
    if alone:
        cpu = thread_cpu_seconds(partial(rust, polymer))
        chapter.notes.append(
            f"Rust from Python in CPU time of the calling thread: {cpu * 1000:.2f} ms per puzzle, "
            f"{cpu / alone['seconds']:.2f}x the binary's time (the rows count wall-clock time, which on a "
            "busy machine includes waiting for a core)."
        )
    chapter.versus = [Versus(f"both parts of the polymer puzzle, {len(polymer):,} letters", BEST, (NUMBA,))]
    return chapter


def add_notes(chapter: Chapter, same_input: bool, naive_letters: int) -> None:
    seconds = {row.step: row.seconds for row in chapter.rows}

    def ratio(a: str, b: str) -> float | None:
        if seconds.get(a) and seconds.get(b):
            return seconds[a] / seconds[b]
        return None

    naive_vs_rust = ratio(NAIVE, BEST if same_input else NAIVE_RUST)
    if naive_vs_rust:
        chapter.notes.append(
            f"Goal, Rust ≥ 1,000x the series' loop: {naive_vs_rust:,.0f}x on {naive_letters:,} letters "
            "(both parts; part b is 26 of the 27 reductions)."
            + ("" if same_input else " `--full` measures it on all 50,000, as the goal states.")
        )
    stack_vs_rust, same_algorithm = ratio(STACK, BEST), ratio(STACK_FIRST, BEST)
    if stack_vs_rust and same_algorithm:
        chapter.notes.append(
            f"Goal, Rust ≥ 20x the stack algorithm in Python: {same_algorithm:,.0f}x against the same "
            f"algorithm in Python (the language alone), {stack_vs_rust:,.0f}x against 27 full reductions."
        )
    from_python = ratio(BEST, ALONE)
    if from_python:
        chapter.notes.append(
            f"Goal, Rust from Python within 1.5x of Rust alone: {from_python:.2f}x the binary's time."
        )
    wrapper_debug, alone_debug = ratio(DEBUG, BEST), ratio(ALONE_DEBUG, ALONE)
    if wrapper_debug and alone_debug:
        chapter.notes.append(
            f"opt-level 0 → 3: the wheel got {wrapper_debug:.1f}x faster, the binary {alone_debug:.1f}x "
            "(the series saw 9x and 1.01x)."
        )
    if seconds.get(PYPY) is None:
        chapter.notes.append(
            "PyPy row skipped: no pypy3 on this machine (set PYPY=/path/to/pypy3 to add it)."
        )
    if seconds.get(DEBUG) is None:
        chapter.notes.append("The debug-build row needs aoc_rust in .venv-debug: run `./just develop-debug`.")
    if seconds.get(ALONE_DEBUG) is None:
        chapter.notes.append("The debug binary row needs cargo on PATH.")


if __name__ == "__main__":
    sys.exit("run it through the tour: python examples/tour.py --chapter 6 [--full]")
