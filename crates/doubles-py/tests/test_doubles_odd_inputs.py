"""string_doubles on the inputs nobody tries: strings too short to hold a pair (empty, one character of
each width, a lone surrogate), and str subclasses whose every method lies.
`./just test-wheels` runs every chapter's odd inputs against the installed wheels.
"""

import pytest
import string_doubles
from support import LyingStr

STRING_FUNCTIONS = [
    string_doubles.count_doubles,
    string_doubles.count_doubles_bytes,
    string_doubles.count_doubles_tutorial,
    string_doubles.count_doubles_bytes_tutorial,
    string_doubles.count_doubles_pairwise,
]


@pytest.mark.parametrize("function", STRING_FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("text", ["", "a", "é", "🦀", "\ud800"], ids=repr)
def test_strings_too_short_for_a_pair(function, text):
    if text == "\ud800" and function is not string_doubles.count_doubles:
        with pytest.raises(UnicodeEncodeError):  # no UTF-8 form, even for one character
            function(text)
        return
    assert function(text) == 0


@pytest.mark.parametrize("function", STRING_FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "text", ["aabbc", "ééaé", "₂€€", "🦀🦀x" * 2000], ids=["ascii", "latin-1", "bmp", "astral"]
)
def test_str_subclasses_that_lie_are_read_as_the_str_they_are(function, text):
    assert function(LyingStr(text)) == function(text)
