"""aoc_rust against the plain-Python versions of examples/ch6_aoc: the series' naive str.replace loop and the
stack algorithm, on polymers with many nested reacting pairs, empty and tiny ones, one-case ones, the input
rule (line breaks at the end, anything else refused with its position), str and bytes, the series' steps,
threads and Ctrl-C."""

import os
import re
import signal
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import aoc_rust
import pytest
from ch6_aoc.generate import generate_polymer
from ch6_aoc.polymer_python import (
    letters,
    reduce_naive,
    reduce_stack,
    shortest_naive,
    shortest_reduced_first,
    shortest_stack,
)
from hypothesis import given
from hypothesis import strategies as st

# Few letters, so that reacting pairs are common and nest; all 52 for the general case.
few_letters = st.text(alphabet="aAbBcCxX", max_size=80)
any_letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", max_size=80)
# A polymer built to collapse: nested pairs (x ... X) around random letters.
nested = st.recursive(
    st.text(alphabet="abcABC", max_size=3),
    lambda inner: (
        st.builds(
            lambda letter, middle, swap: (
                (letter + middle + letter.swapcase()) if not swap else (letter.swapcase() + middle + letter)
            ),
            st.sampled_from("abcdeABCDE"),
            inner,
            st.booleans(),
        )
        | st.lists(inner, max_size=3).map("".join)
    ),
    max_leaves=30,
)
polymers = st.one_of(few_letters, any_letters, nested)
line_breaks = st.text(alphabet="\r\n", max_size=3)


@given(polymers)
def test_part_a_equals_both_python_versions(polymer):
    expected = reduce_naive(polymer)
    assert reduce_stack(polymer) == expected
    assert aoc_rust.run_polymerization(polymer) == expected
    assert aoc_rust.run_polymerization(polymer.encode()) == expected


@given(polymers)
def test_part_b_equals_both_python_versions(polymer):
    expected = shortest_naive(polymer)
    assert shortest_stack(polymer) == expected
    assert shortest_reduced_first(polymer) == expected
    assert aoc_rust.shortest_polymer(polymer) == expected
    assert aoc_rust.shortest_polymer(polymer.encode()) == expected


@given(polymers, line_breaks)
def test_the_series_steps_give_the_same_answers(polymer, end):
    expected = reduce_stack(polymer)
    assert aoc_rust.run_polymerization_vec((polymer + end).encode()) == expected
    assert aoc_rust.run_polymerization_vec(list((polymer + end).encode())) == expected
    assert aoc_rust.run_polymerization_str(polymer + end) == expected


@given(polymers, line_breaks)
def test_line_breaks_at_the_end_are_ignored(polymer, end):
    assert aoc_rust.run_polymerization(polymer + end) == reduce_stack(polymer)
    assert aoc_rust.shortest_polymer((polymer + end).encode()) == shortest_stack(polymer)


def test_the_puzzles_example():
    assert aoc_rust.run_polymerization("dabAcCaCBAcCcaDA") == 10
    assert aoc_rust.shortest_polymer("dabAcCaCBAcCcaDA\n") == 4


@pytest.mark.parametrize(
    ("polymer", "part_a", "part_b"),
    [
        ("", 0, 0),
        ("\n", 0, 0),
        ("a", 1, 0),
        ("Z", 1, 0),
        ("aA", 0, 0),
        ("aa", 2, 0),
        ("abcdefghijklmnopqrstuvwxyz", 26, 25),  # all one case: nothing reacts
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3, 78, 75),
        ("abBA" * 1000, 0, 0),
        ("aA" * 10 + "b", 1, 0),
    ],
)
def test_small_and_one_case_polymers(polymer, part_a, part_b):
    assert aoc_rust.run_polymerization(polymer) == reduce_naive(letters(polymer)) == part_a
    assert aoc_rust.shortest_polymer(polymer) == shortest_naive(letters(polymer)) == part_b


def test_the_chapters_polymer_matches_the_stack_in_python():
    polymer = generate_polymer()
    assert len(polymer) == 50_000
    assert aoc_rust.run_polymerization(polymer) == reduce_stack(polymer)
    assert aoc_rust.shortest_polymer(polymer.encode()) == shortest_stack(polymer)


# --- the input rule ---------------------------------------------------------------------------------------

NOT_LETTERS = [
    " ",
    "1",
    "@",
    "`",
    "[",
    "{",
    "\x00",
    "\t",
    "\x7f",
    "é",
    "ß",
    "\u212a",
    "中",
    "🦀",
    "\ud800",
    "\udfff",
]


@pytest.mark.parametrize("intruder", NOT_LETTERS, ids=repr)
@pytest.mark.parametrize("where", [0, 3, 7])
def test_a_character_that_is_not_a_letter_is_refused_with_its_position(intruder, where):
    polymer = "aBcDeFgH"[:where] + intruder + "xyZ\n"
    message = rf"^polymer\[{where}\] is {re.escape(repr(intruder))}, not a letter A-Z or a-z"
    for function in (aoc_rust.run_polymerization, aoc_rust.shortest_polymer):
        with pytest.raises(ValueError, match=message):
            function(polymer)
    with pytest.raises(ValueError, match=message):
        letters(polymer)


@pytest.mark.parametrize("byte", [0x20, 0x31, 0x40, 0x60, 0x7B, 0x00, 0x80, 0xC3, 0xFF])
def test_a_byte_that_is_not_a_letter_is_refused_with_its_position(byte):
    polymer = b"abC" + bytes([byte]) + b"d"
    message = rf"^polymer\[3\] is {re.escape(repr(bytes([byte])))}, not a letter"
    for function in (aoc_rust.run_polymerization, aoc_rust.shortest_polymer, aoc_rust.run_polymerization_vec):
        with pytest.raises(ValueError, match=message):
            function(polymer)


@pytest.mark.parametrize("polymer", ["ab\ncd", "\nab", "ab\r\ncd\n", "ab \n", "ab\n\t"], ids=repr)
def test_line_breaks_anywhere_but_the_end_are_refused(polymer):
    with pytest.raises(ValueError, match="not a letter"):
        aoc_rust.run_polymerization(polymer)
    with pytest.raises(ValueError, match="not a letter"):
        letters(polymer)


def test_symbols_that_differ_by_32_do_not_react_they_are_refused():
    # '@' (64) and '`' (96) differ by 32 as 'A' and 'a' do: the series' ord test would react them.
    assert reduce_naive("@`") == 0
    with pytest.raises(ValueError, match=r"polymer\[0\] is '@'"):
        aoc_rust.run_polymerization("@`")


any_char = st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))


def python_rule(polymer):
    """The part a answer of the Python versions, or the message of their ValueError."""
    try:
        return reduce_stack(letters(polymer)), None
    except ValueError as error:
        return None, str(error)


@given(st.text(alphabet=st.one_of(st.sampled_from("aAbB\r\n "), any_char), max_size=30))
def test_any_str_gets_the_python_rules_answer_or_its_error(text):
    expected, message = python_rule(text)
    if message is None:
        assert aoc_rust.run_polymerization(text) == expected
        return
    for function in (aoc_rust.run_polymerization, aoc_rust.shortest_polymer):
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            function(text)


@given(st.binary(max_size=30) | st.builds(bytes.__add__, few_letters.map(str.encode), st.binary(max_size=3)))
def test_any_bytes_get_the_python_rules_answer_or_its_error(data):
    expected, message = python_rule(data)
    for function in (aoc_rust.run_polymerization, aoc_rust.run_polymerization_vec):
        if message is None:
            assert function(data) == expected
        else:
            with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
                function(data)


@pytest.mark.parametrize("function", [aoc_rust.run_polymerization, aoc_rust.shortest_polymer])
@pytest.mark.parametrize("value", [None, 3, 3.5, ["a", "A"], bytearray(b"aA"), memoryview(b"aA")], ids=repr)
def test_other_types_are_a_type_error(function, value):
    name = function.__name__
    with pytest.raises(TypeError, match=rf"^{name}\(\) argument 'polymer' must be str or bytes, not "):
        function(value)


def test_subclasses_of_str_and_bytes_are_read_as_what_they_are():
    class Lying(str):
        def isascii(self):
            return True

        def __iter__(self):
            return iter("aaaa")

        def rstrip(self, chars=None):
            return "x"

    class MyBytes(bytes):
        pass

    assert aoc_rust.run_polymerization(Lying("abBA\n")) == 0
    assert aoc_rust.shortest_polymer(MyBytes(b"dabAcCaCBAcCcaDA")) == 4
    with pytest.raises(ValueError, match=r"polymer\[1\] is 'é'"):
        aoc_rust.run_polymerization(Lying("aé"))


def test_the_series_steps_refuse_what_their_signatures_refuse():
    with pytest.raises(TypeError):
        aoc_rust.run_polymerization_vec("aA")  # pyo3 will not turn a str into a Vec<u8>
    with pytest.raises(OverflowError):
        aoc_rust.run_polymerization_vec([97, 65, 300])
    with pytest.raises(UnicodeEncodeError):
        aoc_rust.run_polymerization_str("aA\ud800")  # a lone surrogate has no UTF-8 form
    with pytest.raises(ValueError, match=r"polymer\[2\] is 'é'"):
        aoc_rust.run_polymerization_str("aAé")
    with pytest.raises(TypeError):
        aoc_rust.run_polymerization_str(b"aA")


def test_rust_reads_the_file(tmp_path):
    path = tmp_path / "input.txt"
    path.write_bytes(b"dabAcCaCBAcCcaDA\r\n")
    assert aoc_rust.run_polymerization_file(path) == 10
    assert aoc_rust.run_polymerization_file(str(path)) == 10
    path.write_bytes(b"dabA1")
    with pytest.raises(ValueError, match=r"polymer\[4\] is b'1'"):
        aoc_rust.run_polymerization_file(path)
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError) as error:
        aoc_rust.run_polymerization_file(missing)
    assert error.value.filename == str(missing)
    with pytest.raises(IsADirectoryError):
        aoc_rust.run_polymerization_file(tmp_path)
    with pytest.raises(TypeError):
        aoc_rust.run_polymerization_file(None)


def test_help_reads_well():
    for function in (aoc_rust.run_polymerization, aoc_rust.shortest_polymer):
        assert function.__text_signature__ == "(polymer, /)"
        assert "ValueError" in function.__doc__
    assert "part a" in aoc_rust.run_polymerization.__doc__
    assert "part b" in aoc_rust.shortest_polymer.__doc__
    assert aoc_rust.__version__.count(".") == 2
    with pytest.raises(TypeError):
        aoc_rust.run_polymerization(polymer="aA")


# --- threads and Ctrl-C -----------------------------------------------------------------------------------


def test_eight_threads_get_the_single_thread_answers():
    # Long enough (> 64 Ki letters) that the calls release the GIL and overlap.
    polymers = [generate_polymer(100_000, seed) for seed in range(4)]
    inputs = [*polymers, *(p.encode() for p in polymers)] * 2
    expected = [(aoc_rust.run_polymerization(p), aoc_rust.shortest_polymer(p)) for p in inputs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda p: (aoc_rust.run_polymerization(p), aoc_rust.shortest_polymer(p)), inputs))
    assert got == expected
    assert expected[0] == (reduce_stack(polymers[0]), shortest_stack(polymers[0]))


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs a timer signal (not on Windows)")
def test_ctrl_c_stops_part_b_between_its_reductions():
    # A child reduces 10 million letters 26 times (seconds of work). A real SIGINT arrives while the GIL
    # is released; the call must stop with KeyboardInterrupt well before it could have finished: less
    # than half the time the same call takes uninterrupted, measured in the same child.
    child = textwrap.dedent(
        """
        import signal, threading, time, aoc_rust
        polymer = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY" * 200_000
        start = time.perf_counter()
        aoc_rust.shortest_polymer(polymer)
        whole = time.perf_counter() - start
        threading.Timer(whole / 8, signal.raise_signal, (signal.SIGINT,)).start()
        start = time.perf_counter()
        try:
            aoc_rust.shortest_polymer(polymer)
        except KeyboardInterrupt:
            print("interrupted", (time.perf_counter() - start) / whole)
        else:
            print("finished")
        """
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=120, env=env, cwd=Path.cwd()
    )
    word, *fraction = done.stdout.split()
    assert word == "interrupted", done.stderr
    assert float(fraction[0]) < 0.5
