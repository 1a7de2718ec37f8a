"""Chapter 2 in the tour: counting doubled characters, every step on the tutorial's million ASCII letters,
then the exact versions on a million characters of non-ASCII text; numba and Cython beside them on both.

`steps(val, text)` lists the in-process steps once, each with the count it must give: the tour verifies
and times them, test_doubles_bench.py benchmarks them, tests/test_tour_answers.py verifies them on short
texts.

Each row's speed-up is against the Python loop *on the same text*: the two texts make CPython's loop run at
different speeds (non-ASCII characters cost it an object each), so one baseline for both would mislead.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from functools import partial

import string_doubles
from harness import ROOT, Chapter, Row, Step, Versus, equals, format_ratio, format_seconds, in_debug_env
from peers import build_cython, jit

from ch2_doubles import doubles_numba, in_place
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
TUTORIAL = "Rust, the tutorial's port (chars zip)"
BEST = "Rust, count_doubles"
DEBUG = "Rust, the tutorial's port, debug build"
ALONE = "Rust alone, no Python (cargo run --release)"
NUMBA_UTF8 = "numba @njit, UTF-8 bytes"
NUMBA_UTF32 = "numba @njit, UTF-32 code points"
CYTHON_STR = "Cython, typed loop over the str"
CYTHON_BYTES = "Cython, typed loop over UTF-8 bytes"
PEERS = (NUMBA_UTF8, NUMBA_UTF32, CYTHON_STR, CYTHON_BYTES)
ABI3_CHILD = "abi3 wheel, count_doubles"
SPECIFIC_CHILD = "version-specific build, count_doubles"
NON_ASCII_SPECIFIC = f"{in_place.NON_ASCII_TEXT}: {SPECIFIC_CHILD}"


def steps(
    val: str, text: str, *, repeat: int = 5, python_repeat: int = 7, cython: bool = True
) -> tuple[list[Step], list[Step], list[str]]:
    """The chapter's in-process steps on the ASCII letters and on the non-ASCII text, and the peers'
    one-time costs. Every step is checked against the Python loop over characters, or, for the steps
    documented to count UTF-8 bytes, against the same loop over the bytes (on ASCII the two agree)."""
    sd = string_doubles
    compile_seconds = sum(jit(doubles_numba.count_equal_neighbours, sig) for sig in doubles_numba.SIGNATURES)
    built = build_cython(ROOT / "examples/ch2_doubles/doubles_cython.pyx") if cython else None
    module = built.module if built else None
    missing = f"not built on this machine: {built.error}" if built else ""
    bytes_only, wrong = "bytes: right for ASCII only", "wrong answer: counts bytes"
    # (name, key, function, counts bytes, tutorial's figure, note on ASCII, note on the non-ASCII text)
    listed: list[tuple[str, str, Callable[[str], int] | None, bool, str, str, str]] = [
        (BASELINE, "python-loop", count_doubles, False, "1x (50 ms)", "", ""),
        (TUTORIAL, "rust-tutorial-port", sd.count_doubles_tutorial, False, "30x", "", ""),
        (
            "numpy one-liner (UTF-8 bytes)",
            "numpy-one-liner",
            count_doubles_numpy,
            True,
            "42x (1.2 ms)",
            bytes_only,
            wrong,
        ),
        ("numpy, exact (UTF-32)", "numpy-exact-utf32", count_doubles_numpy_exact, False, "", "", ""),
        (
            "Rust, the tutorial's byte loop",
            "rust-tutorial-bytes",
            sd.count_doubles_bytes_tutorial,
            True,
            "102x (0.49 ms)",
            bytes_only,
            wrong,
        ),
        ("Rust, itertools pairwise", "rust-pairwise", sd.count_doubles_pairwise, False, "", "", ""),
        (
            "Rust, count_doubles_bytes (vectorised)",
            "rust-count_doubles_bytes",
            sd.count_doubles_bytes,
            True,
            "",
            bytes_only,
            wrong,
        ),
        (
            BEST,
            "rust-count_doubles",
            sd.count_doubles,
            False,
            "",
            "the wheel's best: exact on every str",
            "exact",
        ),
        (NUMBA_UTF8, "numba-utf8", doubles_numba.count_doubles_utf8, True, "", bytes_only, wrong),
        (
            NUMBA_UTF32,
            "numba-utf32",
            doubles_numba.count_doubles_utf32,
            False,
            "",
            "exact, encodes to UTF-32 first",
            "exact, encodes to UTF-32 first",
        ),
    ]
    if cython:
        listed += [
            (
                CYTHON_STR,
                "cython-str",
                module.count_doubles if module else None,
                False,
                "",
                "exact, reads the str",
                "exact, reads the str",
            ),
            (
                CYTHON_BYTES,
                "cython-utf8",
                module.count_doubles_bytes if module else None,
                True,
                "",
                bytes_only,
                wrong,
            ),
        ]
    characters = {val: count_doubles(val), text: count_doubles(text)}
    utf8 = {val: count_doubles_bytes(val), text: count_doubles_bytes(text)}
    found: dict[str, list[Step]] = {"ascii": [], "text": []}
    for name, key, function, counts_bytes, tutorial, ascii_note, text_note in listed:
        for which, argument in (("ascii", val), ("text", text)):
            python = function is count_doubles
            reference = utf8 if counts_bytes else characters
            what = "the Python loop over " + ("UTF-8 bytes" if counts_bytes else "characters")
            found[which].append(
                Step(
                    name if which == "ascii" else NON_ASCII + (name if not python else "Python loop"),
                    partial(function, argument) if function else None,
                    equals(reference[argument], what),
                    tutorial if which == "ascii" else "",
                    note=ascii_note
                    if which == "ascii"
                    else (text_note or ("the baseline of the non-ASCII rows" if python else "")),
                    baseline="" if which == "ascii" else NON_ASCII_BASELINE,
                    key=key if which == "ascii" else "non-ascii-" + key,
                    repeat=python_repeat if python else repeat,
                    min_run=0 if python else 0.05,
                    missing=missing,
                )
            )
    cost = (
        f"numba's JIT compile of the kernel for bytes and for code points {format_seconds(compile_seconds)} "
        "(every new process pays it)"
    )
    if built:
        cost += f"; Cython's cythonize + C compile {format_seconds(built.seconds)} (paid once, at build time)"
    return found["ascii"], found["text"], [f"One-time costs, left out of the rows: {cost}."]


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

    debug = in_debug_env(
        # One line: in_debug_env pastes it into an indented program.
        "import string_doubles; from ch2_doubles.doubles_python import ascii_letters; val = ascii_letters()",
        "string_doubles.count_doubles_tutorial(val)",
        repeat=3,
        expected=repr(count_doubles(val)),
    )
    ascii_steps, text_steps, peer_notes = steps(val, text, repeat=repeat, python_repeat=python_repeat)
    ascii_rows = [step.row(2) for step in ascii_steps]
    text_rows = [step.row(2) for step in text_steps]
    ascii_rows.insert(1, Row(DEBUG, debug, "slower than Python", "the trap: no --release"))
    ascii_rows.append(
        Row(ALONE, rust_alone("ascii", 101), note="its own random letters (its count is not checked)")
    )
    text_rows.append(
        Row(
            NON_ASCII + "Rust alone, no Python",
            rust_alone("mixed", 21),
            note="its own text, compares UTF-8 encodings (its count is not checked)",
            baseline=NON_ASCII_BASELINE,
        )
    )
    # The same count from the abi3 wheel and from a version-specific build, each in a child process, on
    # text of each of CPython's storage widths: the chapter's non-ASCII text against the Python loop, the
    # others against the abi3 wheel.
    two_builds, build_notes = in_place.measure(repeat)
    for text_name, (abi3, specific) in two_builds.items():
        first = f"{text_name}: {ABI3_CHILD}"
        baseline = NON_ASCII_BASELINE if text_name == in_place.NON_ASCII_TEXT else first
        note = "the row below: vs this" if baseline == first else "child process"
        text_rows.append(Row(first, abi3, note=note, baseline=baseline))
        text_rows.append(
            Row(f"{text_name}: {SPECIFIC_CHILD}", specific, note="child process", baseline=baseline)
        )
    chapter.rows = ascii_rows + text_rows

    exact, numpy_says = count_doubles(text), count_doubles_numpy(text)
    by_step = {row.step: row for row in chapter.rows}
    fast, numpy = by_step[BEST].seconds, by_step["numpy one-liner (UTF-8 bytes)"].seconds
    if fast and numpy:
        chapter.notes.append(
            f"count_doubles: {format_ratio(chapter.speedup(by_step[BEST]))} the Python loop and "
            f"{format_ratio(numpy / fast)} numpy's one-liner on ASCII letters; "
            f"{format_ratio(chapter.speedup(by_step[NON_ASCII + BEST]))} the Python loop on non-ASCII text."
        )
    for prefix, rust_row, text_name in (
        ("", BEST, "count_doubles on ASCII letters"),
        (NON_ASCII, NON_ASCII + BEST, "count_doubles on non-ASCII text"),
        (NON_ASCII, NON_ASCII_SPECIFIC, "The version-specific build's count_doubles on non-ASCII text"),
    ):
        rust = by_step[rust_row].seconds
        compared = [
            f"{by_step[prefix + peer].seconds / rust:.2f}x {peer}"
            for peer in PEERS
            if rust and by_step[prefix + peer].seconds
        ]
        if compared:
            chapter.notes.append(
                f"{text_name} runs this many times as fast as each peer: " + "; ".join(compared) + "."
            )
    chapter.notes += peer_notes + build_notes
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
    if by_step[ALONE].seconds is None:
        chapter.notes.append("The Rust-alone rows need `cargo build --release --bins` (./just tour does it).")
    exact_peers = ("numpy, exact (UTF-32)", NUMBA_UTF32, CYTHON_STR)
    chapter.versus = [
        Versus(
            "doubled characters, 1M ASCII letters",
            BEST,
            ("numpy one-liner (UTF-8 bytes)", *exact_peers, NUMBA_UTF8, CYTHON_BYTES),
        ),
        Versus(
            "doubled characters, 1M non-ASCII characters, exact: the abi3 wheel",
            NON_ASCII + BEST,
            tuple(NON_ASCII + p for p in exact_peers),
        ),
        Versus(
            "the same, the version-specific wheel",
            NON_ASCII_SPECIFIC,
            tuple(NON_ASCII + p for p in exact_peers),
        ),
    ]
    return chapter
