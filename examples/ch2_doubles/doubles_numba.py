"""Chapter 2 under numba: the tutorial's loop as an `@numba.njit` kernel over an array of character codes.

    python examples/ch2_doubles/doubles_numba.py

numba compiles machine code for loops over numpy arrays; a Python `str` has to become one first. Two ways:
- the UTF-8 bytes (`str.encode()`, as the tutorial's numpy one-liner does): cheap for ASCII, but then the
  kernel counts equal neighbouring *bytes*, the wrong answer off ASCII (like `count_doubles_bytes`);
- the UTF-32 code points (`encode("utf-32-le", "surrogatepass")`, four bytes a character): exact on every
  `str`, at the price of a four-times-larger copy.
Both functions take the `str` and pay for the encoding, as every other row of the chapter does.
"""

from __future__ import annotations

import time

import numba
import numpy as np
import numpy.typing as npt


@numba.njit(cache=False)
def count_equal_neighbours(codes):
    """How many positions i have codes[i] == codes[i + 1]: the tutorial's loop, over an array."""
    total = 0
    for i in range(codes.shape[0] - 1):
        if codes[i] == codes[i + 1]:
            total += 1
    return total


SIGNATURES = ("int64(uint8[::1])", "int64(uint32[::1])")
"""The kernel's two compiled versions: UTF-8 bytes, UTF-32 code points (both contiguous arrays)."""


def utf8(val: str) -> npt.NDArray[np.uint8]:
    return np.frombuffer(val.encode("utf-8"), dtype=np.uint8)


def utf32(val: str) -> npt.NDArray[np.uint32]:
    return np.frombuffer(val.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def count_doubles_utf8(val: str) -> int:
    """Equal neighbouring UTF-8 bytes of val: right for ASCII only."""
    return int(count_equal_neighbours(utf8(val)))


def count_doubles_utf32(val: str) -> int:
    """Equal neighbouring characters (code points) of val: the Python loop's answer, for every str."""
    return int(count_equal_neighbours(utf32(val)))


def main() -> None:
    from ch2_doubles.doubles_python import ascii_letters, mixed_text

    before = time.perf_counter()
    for signature in SIGNATURES:
        count_equal_neighbours.compile(signature)
    print(f"numba compiled the kernel in {time.perf_counter() - before:.2f} s")
    for name, text in (("ASCII letters", ascii_letters()), ("mixed text", mixed_text())):
        for function in (count_doubles_utf8, count_doubles_utf32):
            before = time.perf_counter()
            result = function(text)
            after = time.perf_counter()
            print(f"{name:13} {function.__name__:20} {result:7} in {(after - before) * 1e3:7.2f} ms")


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
