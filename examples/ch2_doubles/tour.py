"""Chapter 2 in the tour: counting doubled characters, every step on the tutorial's million ASCII letters,
then the exact versions on a million characters of non-ASCII text; numba and Cython beside them on both.

Each row's speed-up is against the Python loop *on the same text*: the two texts make CPython's loop run at
different speeds (non-ASCII characters cost it an object each), so one baseline for both would mislead.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from functools import partial

import string_doubles
from harness import ROOT, Chapter, Row, format_ratio, format_seconds, in_debug_env, median_seconds
from peers import build_cython, jit

from ch2_doubles import doubles_numba
from ch2_doubles.doubles_python import (
    LENGTH,
    ascii_letters,
    count_doubles,
    count_doubles_bytes,
    count_doubles_numpy,
    count_doubles_numpy_exact,
    mixed_text,
)

BASELINE = "Python loop (the tutorial's)"
NON_ASCII = "non-ASCII: "
NON_ASCII_BASELINE = NON_ASCII + "Python loop"
BEST = "Rust, count_doubles"
NUMBA_UTF8 = "numba @njit, UTF-8 bytes"
NUMBA_UTF32 = "numba @njit, UTF-32 code points"
CYTHON_STR = "Cython, typed loop over the str"
CYTHON_BYTES = "Cython, typed loop over UTF-8 bytes"
PEERS = (NUMBA_UTF8, NUMBA_UTF32, CYTHON_STR, CYTHON_BYTES)


def peers(
    val: str, text: str, timed: Callable[[Callable[[str], int], str], float]
) -> tuple[list[Row], list[Row], list[str]]:
    """numba and Cython on both texts: the ASCII rows, the non-ASCII rows, and the one-time costs.
    Each function is compiled first and its answer checked against the Python loop (over characters, or
    over UTF-8 bytes for the byte variants) before it is timed."""
    compile_seconds = sum(jit(doubles_numba.count_equal_neighbours, sig) for sig in doubles_numba.SIGNATURES)
    built = build_cython(ROOT / "examples/ch2_doubles/doubles_cython.pyx")
    functions: dict[str, Callable[[str], int] | None] = {
        NUMBA_UTF8: doubles_numba.count_doubles_utf8,
        NUMBA_UTF32: doubles_numba.count_doubles_utf32,
        CYTHON_STR: built.module.count_doubles if built.module else None,
        CYTHON_BYTES: built.module.count_doubles_bytes if built.module else None,
    }
    bytewise = {NUMBA_UTF8, CYTHON_BYTES}
    expected = {
        "ascii": (count_doubles(val), count_doubles(val)),
        "text": (count_doubles(text), count_doubles_bytes(text)),
    }
    ascii_rows, text_rows = [], []
    for step, function in functions.items():
        for which, argument, rows in (("ascii", val, ascii_rows), ("text", text, text_rows)):
            name = step if which == "ascii" else NON_ASCII + step
            baseline = "" if which == "ascii" else NON_ASCII_BASELINE
            if function is None:
                rows.append(
                    Row(name, None, note=f"not built on this machine: {built.error}", baseline=baseline)
                )
                continue
            want = expected[which][1 if step in bytewise else 0]
            if (answer := function(argument)) != want:
                raise RuntimeError(f"chapter 2, {name}: counted {answer}, expected {want}")
            if step in bytewise:
                note = "bytes: right for ASCII only" if which == "ascii" else "wrong answer: counts bytes"
            else:
                note = "exact" + (", encodes to UTF-32 first" if step == NUMBA_UTF32 else ", reads the str")
            rows.append(Row(name, timed(function, argument), note=note, baseline=baseline))
    notes = [
        f"One-time costs, left out of the rows: numba's JIT compile of the kernel for bytes and for code "
        f"points {format_seconds(compile_seconds)} (every new process pays it); Cython's cythonize + C "
        f"compile {format_seconds(built.seconds)} (paid once, when the extension is built)."
    ]
    return ascii_rows, text_rows, notes


def rust_alone(text: str, repeat: int) -> float | None:
    """Seconds per count in the pure-Rust binary (`cargo build --release --bins`), or None if not built."""
    exe = ROOT / "target" / "release" / "doubles"
    if not exe.exists():
        return None
    command = [str(exe), str(LENGTH), "--text", text, "--repeat", str(repeat), "--json"]
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600).stdout
    return float(json.loads(out)["seconds"])


def measure(full: bool = False) -> Chapter:
    # The tutorial's input is only a million characters, so even the quick tour uses its exact size;
    # --full just takes more runs of everything.
    repeat = 9 if full else 5
    python_repeat = 15 if full else 7
    val, text = ascii_letters(), mixed_text()
    chapter = Chapter(
        number=2,
        title="counting doubled characters",
        workload=(
            f"{LENGTH:,} random ASCII letters (the tutorial's input); the non-ASCII rows: {LENGTH:,} random "
            "characters of accented Latin, Greek, Cyrillic, CJK and emoji, against the loop on that text"
        ),
        baseline=BASELINE,
        headline=BEST,
    )

    def python(argument: str) -> float:
        return median_seconds(partial(count_doubles, argument), repeat=python_repeat, min_run=0)

    def timed(function: Callable[[str], int], argument: str) -> float:
        return median_seconds(partial(function, argument), repeat=repeat)

    debug = in_debug_env(
        # One line: in_debug_env pastes it into an indented program.
        "import string_doubles; from ch2_doubles.doubles_python import ascii_letters; val = ascii_letters()",
        "string_doubles.count_doubles_tutorial(val)",
        repeat=3,
    )
    sd = string_doubles
    peer_ascii, peer_text, peer_notes = peers(val, text, timed)
    bytes_only, wrong = "bytes: right for ASCII only", "wrong answer: counts bytes"
    chapter.rows = [
        Row(BASELINE, python(val), "1x (50 ms)"),
        Row("Rust, the tutorial's port, debug build", debug, "slower than Python", "the trap: no --release"),
        Row("Rust, the tutorial's port (chars zip)", timed(sd.count_doubles_tutorial, val), "30x"),
        Row("numpy one-liner (UTF-8 bytes)", timed(count_doubles_numpy, val), "42x (1.2 ms)", bytes_only),
        Row(
            "Rust, the tutorial's byte loop",
            timed(sd.count_doubles_bytes_tutorial, val),
            "102x (0.49 ms)",
            bytes_only,
        ),
        Row("Rust, itertools pairwise", timed(sd.count_doubles_pairwise, val)),
        Row("Rust, count_doubles_bytes (vectorised)", timed(sd.count_doubles_bytes, val), note=bytes_only),
        Row(BEST, timed(sd.count_doubles, val), note="the wheel's best: exact on every str"),
        *peer_ascii,
        Row(
            "Rust alone, no Python (cargo run --release)",
            rust_alone("ascii", 101),
            note="its own random letters",
        ),
        Row(
            NON_ASCII_BASELINE,
            python(text),
            note="the baseline of the non-ASCII rows",
            baseline=NON_ASCII_BASELINE,
        ),
    ]
    # The non-ASCII rows are measured against the Python loop on the same text.
    chapter.rows += [
        Row(NON_ASCII + step, seconds, note=note, baseline=NON_ASCII_BASELINE)
        for step, seconds, note in [
            ("numpy one-liner", timed(count_doubles_numpy, text), wrong),
            ("numpy, exact (UTF-32)", timed(count_doubles_numpy_exact, text), ""),
            ("Rust, the tutorial's port", timed(sd.count_doubles_tutorial, text), ""),
            ("Rust, count_doubles_bytes", timed(sd.count_doubles_bytes, text), wrong),
            (BEST, timed(sd.count_doubles, text), "exact"),
            ("Rust alone, no Python", rust_alone("mixed", 21), "compares UTF-8 encodings"),
        ]
    ]
    chapter.rows += peer_text

    exact, numpy_says = count_doubles(text), count_doubles_numpy(text)
    if sd.count_doubles(text) != exact or sd.count_doubles(val) != count_doubles(val):
        raise RuntimeError("string_doubles.count_doubles disagrees with the Python loop")
    by_step = {row.step: row for row in chapter.rows}
    fast, numpy = by_step[BEST].seconds, by_step["numpy one-liner (UTF-8 bytes)"].seconds
    if fast and numpy:
        chapter.notes.append(
            f"count_doubles: {format_ratio(chapter.speedup(by_step[BEST]))} the Python loop and "
            f"{format_ratio(numpy / fast)} numpy's one-liner on ASCII letters; "
            f"{format_ratio(chapter.speedup(by_step[NON_ASCII + BEST]))} the Python loop on non-ASCII text."
        )
    for prefix, text_name in (("", "ASCII letters"), (NON_ASCII, "non-ASCII text")):
        rust = by_step[prefix + BEST].seconds
        compared = [
            f"{by_step[prefix + peer].seconds / rust:.2f}x {peer}"
            for peer in PEERS
            if rust and by_step[prefix + peer].seconds
        ]
        if compared:
            chapter.notes.append(
                f"count_doubles on {text_name} runs this many times as fast as each peer: "
                + "; ".join(compared)
                + "."
            )
    chapter.notes += peer_notes
    chapter.notes.append(
        f"On the non-ASCII text the Python loop counts {exact:,} doubled characters; numpy's one-liner and "
        f"count_doubles_bytes count {numpy_says:,} doubled bytes."
    )
    chapter.notes.append(
        "The tutorial's column: its ~30x for the release build and 'slower' for the debug one; the "
        "millisecond figures are from its 2017 source (rust-cpython, 50 ms for the Python loop)."
    )
    if debug is None:
        chapter.notes.append("The debug row needs .venv-debug: run `./just develop-debug`.")
    if by_step["Rust alone, no Python (cargo run --release)"].seconds is None:
        chapter.notes.append("The Rust-alone rows need `cargo build --release --bins` (./just tour does it).")
    return chapter
