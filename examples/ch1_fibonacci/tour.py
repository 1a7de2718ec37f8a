"""Chapter 1 in the tour: the naive recursion in CPython, Rust (debug, tutorial, fast), pure Rust and C, and
the peers a Python user would try first: numba's `@njit` and a typed Cython function."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import partial

import fibo_rust
from harness import ROOT, Chapter, Row, format_seconds, in_debug_env, median_seconds
from peers import build_cython, jit

from ch1_fibonacci import fibo_numba
from ch1_fibonacci.fibo_python import fibo as fibo_python
from ch1_fibonacci.fibo_smart import fibo_loop, fibo_memo

BASELINE = "Python (the tutorial's function)"
BEST = "Rust, fibo_rust.fibo"
NUMBA = "numba @njit (the same recursion)"
CYTHON = "Cython, typed cdef recursion"


def native_binary(command: list[str]) -> float:
    """Seconds reported by one of the chapter's native programs (they print one JSON line)."""
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600).stdout
    return float(json.loads(out)["seconds"])


def c_yardstick(n: int, repeat: int) -> float | None:
    """Compile examples/ch1_fibonacci/fibo.c with `cc -O2` and time it; None without a C compiler."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None
    exe = ROOT / "target" / "fibo_c"
    exe.parent.mkdir(exist_ok=True)
    subprocess.run([cc, "-O2", "-o", str(exe), str(ROOT / "examples/ch1_fibonacci/fibo.c")], check=True)
    return native_binary([str(exe), str(n), str(repeat)])


def checked(step: str, answer: int, expected: int) -> None:
    """Raise, naming the row, if a step's answer is not the reference's."""
    if answer != expected:
        raise RuntimeError(f"chapter 1, {step}: fibo gave {answer}, expected {expected}")


def peers(n: int, repeat: int) -> tuple[list[Row], list[str]]:
    """The numba and Cython rows (compiled first, answer checked, then timed) and their one-time costs."""
    expected = fibo_loop(n)
    compile_numba = jit(fibo_numba.fibo, "int64(int64)")
    checked(NUMBA, fibo_numba.fibo(n), expected)
    rows = [Row(NUMBA, median_seconds(partial(fibo_numba.fibo, n), repeat=repeat), note="JIT, int64")]
    built = build_cython(ROOT / "examples/ch1_fibonacci/fibo_cython.pyx")
    if built.module is None:
        rows.append(Row(CYTHON, None, note=f"not built on this machine: {built.error}"))
    else:
        checked(CYTHON, built.module.fibo(n), expected)
        rows.append(
            Row(CYTHON, median_seconds(partial(built.module.fibo, n), repeat=repeat), note="C long long")
        )
    notes = [
        f"One-time costs, left out of the rows: numba's JIT compile of fibo {format_seconds(compile_numba)} "
        f"(every new process pays it); Cython's cythonize + C compile {format_seconds(built.seconds)} "
        "(paid once, when the extension is built)."
    ]
    return rows, notes


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

    def memoised() -> int:
        fibo_memo.cache_clear()
        return fibo_memo(n)

    peer_rows, peer_notes = peers(n, repeat)
    checked(BEST, fibo_rust.fibo(n), fibo_loop(n))
    rows = [
        Row(
            BASELINE, median_seconds(partial(fibo_python, n), repeat=python_repeat, min_run=0), "1x (19.07 s)"
        ),
        Row("Python, memoised (be smart first)", median_seconds(memoised), note="a better algorithm"),
        Row(
            "Rust, the tutorial's code, debug build",
            in_debug_env("import fibo_rust", f"fibo_rust.fibo_tutorial({n})", repeat=3),
            note="the trap: no --release",
        ),
        Row(
            "Rust, the tutorial's code",
            median_seconds(partial(fibo_rust.fibo_tutorial, n), repeat=repeat),
            "28x (0.67 s)",
        ),
        Row(BEST, median_seconds(partial(fibo_rust.fibo, n), repeat=repeat), note="the wheel's best"),
        *peer_rows,
        Row(
            "Rust alone, no Python (cargo run --release)",
            native_binary([str(ROOT / "target/release/fibo"), str(n), "--repeat", str(repeat), "--json"]),
            "29x (650 ms)",
        ),
        Row("C, gcc -O2 (the yardstick)", c_yardstick(n, repeat), note="the floor for this algorithm"),
    ]
    chapter.rows = rows
    rust = chapter.seconds_of(BEST)
    c = chapter.seconds_of("C, gcc -O2 (the yardstick)")
    if rust and c:
        chapter.notes.append(f"fibo_rust.fibo takes {rust / c:.2f}x the time of the C version.")
    for peer in (NUMBA, CYTHON):
        if rust and (seconds := chapter.seconds_of(peer)):
            chapter.notes.append(f"fibo_rust.fibo is {seconds / rust:.2f}x as fast as {peer}.")
    chapter.notes += peer_notes
    if chapter.seconds_of("Rust, the tutorial's code, debug build") is None:
        chapter.notes.append("The debug row needs .venv-debug: run `./just develop-debug`.")
    if not full:
        chapter.notes.append(
            "fibo(35), not the tutorial's fibo(40), so CPython finishes in seconds; `--full` runs 40."
        )
    return chapter
