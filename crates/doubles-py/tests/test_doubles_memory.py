"""string_doubles: no memory growth over 100,000 rounds of calls to every public function, good
input and bad; the resident memory must stay where a warm-up of 10,000 rounds left it (tests/support.py
says how much it may move).
`./just test-py` runs these with the normal allocator, outside its PYTHONMALLOC=debug pass."""

from collections.abc import Callable

import string_doubles
from support import MyStr, memory_tests, raises


def doubles_round() -> Callable[[], None]:
    # The same str objects every round, as a caller's long-lived strings: a UTF-8 copy cached inside one of
    # them (count_doubles_tutorial does that, as documented) is made once, not once per round.
    ascii_text, accented, astral = "abbcCddef" * 4, "é" * 9000, "🦀a" * 20
    with_surrogates, subclass = "x\ud800\ud800", MyStr("ééé")
    not_str = raises(lambda: string_doubles.count_doubles(None), TypeError)
    bytes_not_str = raises(lambda: string_doubles.count_doubles_bytes(b"aa"), TypeError)
    no_utf8 = [
        raises(lambda f=f: f(with_surrogates), UnicodeEncodeError)
        for f in (
            string_doubles.count_doubles_bytes,
            string_doubles.count_doubles_tutorial,
            string_doubles.count_doubles_bytes_tutorial,
            string_doubles.count_doubles_pairwise,
        )
    ]

    def run() -> None:
        string_doubles.count_doubles(ascii_text)
        string_doubles.count_doubles(accented)  # three chunks of code points
        string_doubles.count_doubles(with_surrogates)
        string_doubles.count_doubles(subclass)
        string_doubles.count_doubles_bytes(ascii_text)
        string_doubles.count_doubles_bytes(astral)
        string_doubles.count_doubles_tutorial(astral)
        string_doubles.count_doubles_bytes_tutorial(astral)
        string_doubles.count_doubles_pairwise(astral)
        not_str()
        bytes_not_str()
        for refused in no_utf8:
            refused()

    return run


test_no_growth_over_100_000_rounds, test_every_public_function_is_in_the_round = memory_tests(
    [string_doubles], doubles_round
)
