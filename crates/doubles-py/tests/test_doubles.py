"""string_doubles against the tutorial's Python loop: every kind of str, bad input, subclasses, the steps,
the byte variant's documented difference, and the numpy references of examples/ch2_doubles."""

import pytest
import string_doubles
from ch2_doubles.doubles_python import (
    count_doubles as python_count_doubles,
)
from ch2_doubles.doubles_python import (
    count_doubles_bytes as python_count_doubles_bytes,
)
from ch2_doubles.doubles_python import (
    count_doubles_numpy,
    count_doubles_numpy_exact,
    mixed_text,
)
from hypothesis import given
from hypothesis import strategies as st
from support import LyingStr, MyStr

# The wrapper reads non-ASCII strings 4096 code points at a time (CHUNK in src/lib.rs).
CHUNK = 4096

AWKWARD = [
    "a",
    "b",
    "A",
    " ",
    "\x00",
    "\x7f",
    "é",  # U+00E9, one code point
    "e\u0301",  # 'e' + combining acute: two code points that look like "é"
    "\u0301",
    "₂",  # E2 82 82 in UTF-8: a doubled byte inside one character
    "€",
    "中",
    "\uffff",
    "🦀",
    "\U0010ffff",
    "\ud800",  # lone surrogates: valid in a Python str, not encodable as UTF-8
    "\udfff",
    "\ud83e",  # the high half of 🦀's UTF-16 pair, alone
]

any_char = st.one_of(
    st.characters(),  # all of Unicode except surrogates...
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # ...so add them
    st.sampled_from([piece for piece in AWKWARD if len(piece) == 1]),
)
any_text = st.text(alphabet=any_char)
awkward_text = st.lists(st.sampled_from(AWKWARD), max_size=60).map("".join)
# Long texts that cross chunk boundaries: a short awkward pattern repeated, then cut anywhere.
long_text = st.builds(
    lambda pattern, times, cut: (pattern * times)[cut:],
    st.lists(st.sampled_from(AWKWARD), min_size=1, max_size=8).map("".join),
    st.integers(min_value=1, max_value=3 * CHUNK),
    st.integers(min_value=0, max_value=CHUNK),
)
encodable_text = st.text()  # hypothesis' default: no surrogates


def has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


# count_doubles: the exact count, on everything Python accepts.


@given(any_text)
def test_equals_the_python_loop_on_any_text(text):
    assert string_doubles.count_doubles(text) == python_count_doubles(text)


@given(awkward_text)
def test_equals_the_python_loop_on_awkward_text(text):
    assert string_doubles.count_doubles(text) == python_count_doubles(text)


@given(long_text)
def test_equals_the_python_loop_across_chunks(text):
    assert string_doubles.count_doubles(text) == python_count_doubles(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("abbcCddef", 2),  # the tutorial's docstring
        ("", 0),
        ("a", 0),
        ("aa", 1),
        ("aaa", 2),
        ("éé", 1),
        ("₂€", 0),
        ("🦀🦀🦀", 2),
        ("e\u0301e\u0301", 0),  # combining marks are characters of their own, as in Python
        ("e\u0301\u0301", 1),
        ("\ud800\ud800", 1),
        ("\ud83e\udd80\ud83e\udd80", 0),  # a surrogate *pair* spelled out is two different code points
        ("x\udfffx", 0),
    ],
)
def test_known_answers(text, expected):
    assert string_doubles.count_doubles(text) == expected == python_count_doubles(text)


@pytest.mark.parametrize("length", [CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 7])
@pytest.mark.parametrize("filler", ["é", "🦀", "ab", "a"])
def test_pairs_that_straddle_chunk_boundaries(length, filler):
    # A non-ASCII text of doubled letters, so that every chunk boundary splits a double.
    text = ("€" + (filler * length)[: length - 1])[:length]
    assert string_doubles.count_doubles(text) == python_count_doubles(text)


@pytest.mark.parametrize("position", [0, 1, CHUNK - 1, CHUNK, 5 * CHUNK // 2, 4 * CHUNK - 1])
def test_mostly_ascii_text_with_one_other_character(position):
    # The chunks without the emoji are ASCII and take the in-place byte path; the answer must not change.
    text = "".join(["aab"] * (4 * CHUNK // 3 + 1))
    text = text[:position] + "🦀" + text[position:]
    assert string_doubles.count_doubles(text) == python_count_doubles(text)


def test_a_million_characters_of_each_kind():
    for text in ("ab" * 500_000, "aé" * 500_000, mixed_text(), "\ud800" * 1_000_000):
        assert string_doubles.count_doubles(text) == python_count_doubles(text)


# Subclasses of str.


@pytest.mark.parametrize("text", ["abbcCddef", "ééé", "a\ud800\ud800", "🦀" * (CHUNK + 3), "aa" * CHUNK])
def test_str_subclasses_are_read_as_the_str_they_are(text):
    expected = python_count_doubles(str(text))
    assert string_doubles.count_doubles(MyStr(text)) == expected
    assert string_doubles.count_doubles(LyingStr(text)) == expected


# Bad input.


FUNCTIONS = [
    string_doubles.count_doubles,
    string_doubles.count_doubles_bytes,
    string_doubles.count_doubles_tutorial,
    string_doubles.count_doubles_bytes_tutorial,
    string_doubles.count_doubles_pairwise,
]


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "value", [None, 3, 2.5, b"aabb", bytearray(b"aa"), memoryview(b"aa"), ["a", "a"], ("a",)]
)
def test_anything_but_str_is_a_type_error(function, value):
    message = rf"^{function.__name__}\(\) argument 'val' must be str, not {type(value).__name__}$"
    with pytest.raises(TypeError, match=message):
        function(value)


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_missing_or_extra_arguments_are_type_errors(function):
    with pytest.raises(TypeError):
        function()
    with pytest.raises(TypeError):
        function("a", "b")


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_val_may_be_given_by_keyword_as_in_the_tutorial(function):
    assert function(val="aabb") == 2


# The byte variant and the tutorial's steps.


@given(encodable_text)
def test_byte_variants_count_utf8_bytes(text):
    expected = python_count_doubles_bytes(text)
    assert string_doubles.count_doubles_bytes(text) == expected
    assert string_doubles.count_doubles_bytes_tutorial(text) == expected
    assert count_doubles_numpy(text) == expected  # the tutorial's one-liner counts bytes too


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_on_ascii_bytes_and_characters_agree(text):
    assert string_doubles.count_doubles_bytes(text) == string_doubles.count_doubles(text)


@pytest.mark.parametrize(
    ("text", "characters", "bytes_"),
    [
        ("éé", 1, 0),  # C3 A9 C3 A9: two equal characters, no equal neighbouring bytes
        ("₂€", 0, 1),  # E2 82 82 E2 82 AC: no equal characters, one pair of equal bytes inside '₂'
        ("中中", 1, 0),
        ("🦀🦀", 1, 0),
    ],
)
def test_the_byte_variant_differs_on_non_ascii_text(text, characters, bytes_):
    assert string_doubles.count_doubles(text) == python_count_doubles(text) == characters
    assert (
        string_doubles.count_doubles_bytes(text)
        == string_doubles.count_doubles_bytes_tutorial(text)
        == bytes_
    )


def test_the_byte_variant_on_a_long_non_ascii_text():
    text = mixed_text(300_000)
    assert (
        string_doubles.count_doubles_bytes(text)
        == python_count_doubles_bytes(text)
        == count_doubles_numpy(text)
    )


@pytest.mark.parametrize(
    "function",
    [
        string_doubles.count_doubles_bytes,
        string_doubles.count_doubles_tutorial,
        string_doubles.count_doubles_bytes_tutorial,
        string_doubles.count_doubles_pairwise,
    ],
    ids=lambda f: f.__name__,
)
@pytest.mark.parametrize("text", ["\ud800", "ab\udfffc", "é\ud83e"])
def test_utf8_functions_refuse_lone_surrogates_clearly(function, text):
    position = next(i for i, c in enumerate(text) if has_surrogate(c))
    with pytest.raises(UnicodeEncodeError) as caught:
        function(text)
    error = caught.value
    assert (error.encoding, error.object, error.start, error.end) == ("utf-8", text, position, position + 1)
    assert "surrogates not allowed" in str(error)
    assert f"{function.__name__}() needs val as UTF-8" in str(error)
    assert "count_doubles() counts the characters of every str" in str(error)
    assert isinstance(error.__cause__, UnicodeEncodeError)
    # Exactly what Python's own encoder says about the same string.
    with pytest.raises(UnicodeEncodeError, match="surrogates not allowed"):
        text.encode("utf-8")


@given(encodable_text)
def test_tutorial_steps_equal_the_python_loop(text):
    expected = python_count_doubles(text)
    assert string_doubles.count_doubles_tutorial(text) == expected
    assert string_doubles.count_doubles_pairwise(text) == expected


@given(any_text)
def test_numpy_made_exact_equals_the_python_loop(text):
    assert count_doubles_numpy_exact(text) == python_count_doubles(text)


# What help() shows.


def test_help_reads_well():
    for function in FUNCTIONS:
        assert function.__text_signature__ == "(val)"
        assert "Raises:" in function.__doc__
        assert "TypeError: val is not a str." in function.__doc__
    assert "exactly" in string_doubles.count_doubles.__doc__
    assert "surrogate" in string_doubles.count_doubles_bytes.__doc__
    assert string_doubles.__version__.count(".") == 2
    assert "count_doubles" in string_doubles.__doc__
