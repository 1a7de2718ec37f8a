# cython: language_level=3
"""Chapter 2 in Cython: the tutorial's loop with C types, compiled by the tour with the machine's C compiler
(examples/peers.py).

- `count_doubles` walks the `str` itself: Cython turns `for c in val` with `c` a `Py_UCS4` into a C loop
  over the string's code points, so it is exact on every str and copies nothing.
- `count_doubles_bytes` walks the UTF-8 bytes (the tutorial's byte variant): right for ASCII only.
"""


def count_doubles(str val):
    """How many neighbouring characters (code points) of val are equal."""
    cdef Py_ssize_t total = 0
    # 0x110000 is past the last code point, so it equals no character: the first one starts no pair.
    cdef Py_UCS4 previous = 0x110000
    cdef Py_UCS4 c
    for c in val:
        if c == previous:
            total += 1
        previous = c
    return total


def count_doubles_bytes(str val):
    """How many neighbouring bytes of val's UTF-8 encoding are equal."""
    cdef bytes encoded = val.encode("utf-8")
    cdef const unsigned char[::1] data = encoded
    cdef Py_ssize_t i, total = 0
    with nogil:
        for i in range(data.shape[0] - 1):
            if data[i] == data[i + 1]:
                total += 1
    return total
