"""Chapter 2's two builds of string_doubles, side by side: the abi3 wheel, which must copy non-ASCII text
(a chunk at a time, through the stable ABI), and a version-specific build of the same sources, which reads
CPython's own storage in place (pyo3's `PyString::data`). On a million characters of each width CPython
stores a `str` in.

    python examples/ch2_doubles/in_place.py

The version-specific build is made by `maturin build --release --no-default-features` into
target/version-specific/ (`builds.build_version_specific`); each build is timed in a fresh child process
(two builds of one module cannot share a process), every count checked against the Python loop first.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builds import build_version_specific, time_in_child
from harness import format_ratio, format_seconds

from ch2_doubles.doubles_python import LENGTH, count_doubles

NON_ASCII_TEXT = "non-ASCII (4 bytes a character)"
"""The chapter's non-ASCII text: with emoji in it, CPython stores every character in four bytes."""


def random_text(alphabet: str, length: int = LENGTH) -> str:
    return "".join(random.Random(2).choices(alphabet, k=length))


def texts() -> dict[str, str]:
    """The four texts by name (seeded: the child processes make the same ones)."""
    from ch2_doubles.doubles_python import mixed_text

    return {
        NON_ASCII_TEXT: mixed_text(),
        "Greek, Cyrillic (2 bytes a character)": random_text("αβγδεζηθλμπσωабвгдежзиклмн"),
        "accented Latin (1 byte a character)": random_text("éèàçñöüßåøæ"),
        "ASCII and one emoji (4 bytes a character)": "ab" * (LENGTH // 2) + "🦀",
    }


def measure(repeat: int = 5) -> tuple[dict[str, tuple[float, float | None]], list[str]]:
    """Per text: (abi3 wheel seconds, version-specific seconds or None), and notes (the build, or why
    there is no version-specific figure)."""
    made = texts()
    calls = {
        name: (f"string_doubles.count_doubles(made[{i}])", repr(count_doubles(text)))
        for i, (name, text) in enumerate(made.items())
    }
    # The child makes the texts before any timing, and checks which build it imported.
    setup = """
        import string_doubles
        from ch2_doubles.in_place import texts
        made = list(texts().values())
        assert string_doubles.READS_STR_IN_PLACE == {}, string_doubles.__file__
        """
    built = build_version_specific("doubles-py")
    abi3 = time_in_child(None, setup.format(False), calls, repeat=repeat)
    if built.site is None:
        return {name: (abi3[name], None) for name in made}, [
            f"Two builds: the version-specific build could not be made here ({built.error})."
        ]
    specific = time_in_child(built.site, setup.format(True), calls, repeat=repeat)
    notes = [
        f"Two builds: the abi3 wheel installed in .venv and the same doubles-py sources built without the "
        f"abi3 feature ({built.wheel}, built in {format_seconds(built.seconds)}, cargo reusing "
        "target/version-specific/ from any earlier run), each timed in a fresh child process, every count "
        "checked against the Python loop first (`python examples/ch2_doubles/in_place.py`)."
    ]
    return {name: (abi3[name], specific[name]) for name in made}, notes


def main() -> None:
    measured, notes = measure()
    print(f"count_doubles on {LENGTH:,} characters")
    print("| text | abi3 wheel | version-specific build | abi3 / version-specific |")
    print("|---|---:|---:|---:|")
    for name, (abi3, specific) in measured.items():
        ratio = format_ratio(abi3 / specific) if specific else "—"
        print(f"| {name} | {format_seconds(abi3)} | {format_seconds(specific)} | {ratio} |")
    for note in notes:
        print(f"- {note}")


if __name__ == "__main__":
    main()
