"""Every timed row of the tour answers right: each chapter's step list (the one its tour times and its
pytest-benchmark file benchmarks) verified on small inputs, without timing, so that a step that answers
wrongly fails the test suite and not only the tour. Cython rows are left out here (building them takes
tens of seconds); the tour and the bench files verify them. numba's JIT compile takes a few seconds."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
sys.path.insert(0, str(EXAMPLES))

pytest.importorskip("numba")


def verify_all(chapter: int, steps: list[Any]) -> None:
    assert steps, f"chapter {chapter} listed no steps"
    for step in steps:
        step.verify(chapter)  # raises WrongAnswerError naming the row


def test_a_wrong_answer_stops_the_row_before_it_is_timed() -> None:
    from harness import Step, WrongAnswerError, equals

    wrong = Step("a step that adds wrongly", lambda: 1 + 1, equals(3, "arithmetic"))
    with pytest.raises(
        WrongAnswerError, match=r"row 'a step that adds wrongly': answered 2, arithmetic answered 3"
    ):
        wrong.row(0)


def test_a_wrong_answer_in_a_child_process_stops_the_row_too() -> None:
    """The rows timed in a child process (two builds of one wheel, chapters 2 and 5) check their answers
    there, before the timing, and the tour stops naming the row."""
    pytest.importorskip("string_doubles")
    from builds import time_in_child
    from harness import WrongAnswerError

    setup = "import string_doubles"
    count = "string_doubles.count_doubles('aabé😀😀')"
    timed = time_in_child(None, setup, {"a row": (count, "2")}, repeat=1)
    assert timed["a row"] > 0
    with pytest.raises(WrongAnswerError, match=r"a row: answered 2, expected 3"):
        time_in_child(None, setup, {"a row": (count, "3")}, repeat=1)


def test_chapter_1() -> None:
    pytest.importorskip("fibo_rust")
    from ch1_fibonacci.tour import steps

    verify_all(1, steps(12, cython=False)[0])


def test_chapter_2() -> None:
    pytest.importorskip("string_doubles")
    from ch2_doubles.tour import steps

    ascii_steps, text_steps, _ = steps("aabbcdd" * 50 + "xyzzy", "ééaa😀😀ĀĀ b" * 50 + "𝄞𝄞", cython=False)
    verify_all(2, ascii_steps + text_steps)


def test_chapter_3() -> None:
    pytest.importorskip("poly_match_rs")
    pytest.importorskip("scipy")
    from ch3_polygons.tour import steps

    verify_all(3, steps(cython=False)[0])  # the article's data: 1000 polygons, 100 points


def test_chapter_5() -> None:
    pytest.importorskip("boundary_cost")
    from ch5_boundary.tour import steps

    for n in (0, 7, 300, 5_000):  # numpy's pairwise order changes at 8 and 128 numbers
        verify_all(5, steps(n)[0])


def test_chapter_6(tmp_path: Path) -> None:
    pytest.importorskip("aoc_rust")
    from ch6_aoc.generate import generate_polymer
    from ch6_aoc.tour import steps

    polymer = generate_polymer()[:3_000]
    path = tmp_path / "input.txt"
    path.write_text(polymer + "\n")
    whole, part_a, _ = steps(polymer, polymer[:800], path)
    verify_all(6, whole + part_a)


def test_chapter_7() -> None:
    pytest.importorskip("intervalues_pyrust")
    from ch7_intervals.tour import steps

    for n in (10, 1_000):
        for kind in ("int", "float"):
            verify_all(7, steps(n, kind)[0])


def test_chapter_8() -> None:
    pytest.importorskip("poly_match_rs")
    from ch8_scale.tour import steps

    verify_all(8, steps(3_000, 2_000, repeat=1)[0])


def test_chapter_0s_table_of_peers_names_the_closest_peer() -> None:
    from harness import Chapter, Row, Versus
    from tour import peers_table

    chapter = Chapter(number=9, title="t", workload="w", baseline="Python")
    chapter.rows = [
        Row("Python", 1.0),
        Row("Rust", 0.001),
        Row("numpy, vectorised", 0.004),
        Row("numba @njit", 0.002),
        Row("Cython, typed", None),  # not built on this machine
    ]
    chapter.versus = [Versus("a workload", "Rust", ("numpy, vectorised", "numba @njit", "Cython, typed"))]
    table = peers_table([chapter]).splitlines()
    assert table[2] == "| a workload (9) | 1 ms | 4 ms | 2 ms | — | numba @njit: Rust 2x as fast |"
    chapter.rows[1] = Row("Rust", 0.003)
    assert peers_table([chapter]).splitlines()[2].endswith("| numba @njit: Rust took 1.5x its time |")
