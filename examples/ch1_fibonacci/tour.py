"""Chapter 1 in the tour: the naive recursion in CPython, Rust (debug, tutorial, fast), pure Rust and C, and
the peers a Python user would try first: numba's `@njit` and a typed Cython function.

`steps(n)` lists the in-process steps once, each with the answer it must give (the loop's fibo(n)): the
tour verifies and times them, test_fibo_bench.py benchmarks them, tests/test_tour_answers.py verifies them
on a small n. The debug build, Rust alone and C run in other processes; their answers are checked too.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import partial

import fibo_rust
from harness import ROOT, Chapter, Row, Step, Versus, WrongAnswerError, equals, format_seconds, in_debug_env
from peers import build_cython, jit

from ch1_fibonacci import fibo_numba
from ch1_fibonacci.fibo_python import fibo as fibo_python
from ch1_fibonacci.fibo_smart import fibo_loop, fibo_memo

BASELINE = "Python (the tutorial's function)"
TUTORIAL = "Rust, the tutorial's code"
BEST = "Rust, fibo_rust.fibo"
NUMBA = "numba @njit (the same recursion)"
CYTHON = "Cython, typed cdef recursion"
DEBUG = "Rust, the tutorial's code, debug build"
ALONE = "Rust alone, no Python (cargo run --release)"
ALONE_FAST = "Rust alone, the expanded recursion (--function fibo)"
C = "C, gcc -O2 (the yardstick)"


def native_binary(step: str, command: list[str], expected: int) -> float:
    """Seconds reported by one of the chapter's native programs (they print one JSON line with the value
    they computed), after checking that value."""
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600).stdout
    result = json.loads(out)
    if int(result["value"]) != expected:
        raise WrongAnswerError(f"chapter 1, row {step!r}: computed {result['value']}, the loop: {expected}")
    return float(result["seconds"])


def c_yardstick(n: int, repeat: int) -> float | None:
    """Compile examples/ch1_fibonacci/fibo.c with `cc -O2` and time it; None without a C compiler."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None
    exe = ROOT / "target" / "fibo_c"
    exe.parent.mkdir(exist_ok=True)
    subprocess.run([cc, "-O2", "-o", str(exe), str(ROOT / "examples/ch1_fibonacci/fibo.c")], check=True)
    return native_binary(C, [str(exe), str(n), str(repeat)], fibo_loop(n))


def steps(
    n: int, *, repeat: int = 5, python_repeat: int = 3, cython: bool = True
) -> tuple[list[Step], list[str]]:
    """The chapter's in-process steps on fibo(n), each checked against the loop's answer, and the peers'
    one-time costs (numba's JIT compile; Cython's build, left out with `cython=False`)."""
    right = equals(fibo_loop(n), "the loop (fibo_smart.fibo_loop)")

    def memoised() -> int:
        fibo_memo.cache_clear()
        return fibo_memo(n)

    compile_numba = jit(fibo_numba.fibo, "int64(int64)")
    found = [
        Step(
            BASELINE,
            partial(fibo_python, n),
            right,
            "1x (19.07 s)",
            key="python",
            repeat=python_repeat,
            min_run=0,
        ),
        Step("Python, memoised (be smart first)", memoised, right, note="a better algorithm", key="memoised"),
        Step(
            TUTORIAL,
            partial(fibo_rust.fibo_tutorial, n),
            right,
            "28x (0.67 s)",
            key="rust-tutorial",
            repeat=repeat,
        ),
        Step(
            BEST, partial(fibo_rust.fibo, n), right, note="the wheel's best", key="rust-fibo", repeat=repeat
        ),
        Step(NUMBA, partial(fibo_numba.fibo, n), right, note="JIT, int64", key="numba", repeat=repeat),
    ]
    cost = f"numba's JIT compile of fibo {format_seconds(compile_numba)} (every new process pays it)"
    if cython:
        built = build_cython(ROOT / "examples/ch1_fibonacci/fibo_cython.pyx")
        found.append(
            Step(
                CYTHON,
                partial(built.module.fibo, n) if built.module else None,
                right,
                note="C long long",
                key="cython",
                repeat=repeat,
                missing=f"not built on this machine: {built.error}",
            )
        )
        cost += f"; Cython's cythonize + C compile {format_seconds(built.seconds)} (paid once, at build time)"
    return found, [f"One-time costs, left out of the rows: {cost}."]


def measure(full: bool = False) -> Chapter:
    n = 40 if full else 35
    # Native runs of a few milliseconds need many repeats: the first ones pay for a cold CPU, and a busy
    # neighbour on a shared machine can slow any short window.
    repeat = 7 if full else 41
    python_repeat = 1 if full else 3
    chapter = Chapter(
        number=1,
        title="naive Fibonacci",
        workload=f"fibo({n}) by double recursion ({2 * fibo_rust.fibo(n) - 1:,} calls); "
        "the tutorial timed fibo(40)",
        baseline=BASELINE,
        headline=BEST,
    )
    listed, peer_notes = steps(n, repeat=repeat, python_repeat=python_repeat)
    rows = [step.row(1) for step in listed]
    debug = in_debug_env(
        "import fibo_rust",
        f"fibo_rust.fibo_tutorial({n})",
        repeat=3,
        expected=repr(fibo_loop(n)),
    )
    rows.insert(2, Row(DEBUG, debug, note="the trap: no --release"))
    release = [str(ROOT / "target/release/fibo"), str(n), "--repeat", str(repeat), "--json"]
    fast = [*release, "--function", "fibo"]
    rows += [
        Row(
            ALONE, native_binary(ALONE, release, fibo_loop(n)), "29x (650 ms)", note="the tutorial's function"
        ),
        Row(ALONE_FAST, native_binary(ALONE_FAST, fast, fibo_loop(n)), note="what fibo_rust.fibo runs"),
        Row(C, c_yardstick(n, repeat), note="the floor for this algorithm"),
    ]
    chapter.rows = rows
    rust = chapter.seconds_of(BEST)
    c = chapter.seconds_of(C)
    if rust and c:
        chapter.notes.append(f"fibo_rust.fibo takes {rust / c:.2f}x the time of the C version.")
    for peer in (NUMBA, CYTHON):
        if rust and (seconds := chapter.seconds_of(peer)):
            chapter.notes.append(f"fibo_rust.fibo is {seconds / rust:.2f}x as fast as {peer}.")
    chapter.notes += peer_notes
    chapter.notes.append(
        "Every row's answer was checked against fibo_smart.fibo_loop before it was timed (the native "
        "programs print the value they computed)."
    )
    if chapter.seconds_of(DEBUG) is None:
        chapter.notes.append("The debug row needs .venv-debug: run `./just develop-debug`.")
    if not full:
        chapter.notes.append(
            "fibo(35), not the tutorial's fibo(40), so CPython finishes in seconds; `--full` runs 40."
        )
    chapter.versus = [Versus(f"fibo({n}), the naive recursion", BEST, (NUMBA, CYTHON))]
    return chapter
