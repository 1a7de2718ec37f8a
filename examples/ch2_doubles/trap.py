"""Chapter 2's trap: the tutorial's first Rust port, built without and with --release, against Python.

./just trap        (builds both kinds of wheel first; or `./just develop-debug` once, then run this file)
"""

import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import string_doubles
from harness import format_seconds, in_debug_env, median_seconds

from ch2_doubles.doubles_python import ascii_letters, count_doubles

val = ascii_letters()  # the tutorial's million random letters, the same in both processes
python = median_seconds(partial(count_doubles, val), repeat=3, min_run=0)
debug = in_debug_env(
    "import string_doubles; from ch2_doubles.doubles_python import ascii_letters; val = ascii_letters()",
    "string_doubles.count_doubles_tutorial(val)",
)
release = median_seconds(partial(string_doubles.count_doubles_tutorial, val))
best = median_seconds(partial(string_doubles.count_doubles, val))
print("count_doubles on a million random letters, with the tutorial's chars().zip(chars().skip(1))")
rows = [
    ("Python loop", python),
    ("Rust, debug build (maturin develop)", debug),
    ("Rust, release build (--release)", release),
    ("Rust, string_doubles.count_doubles", best),
]
for name, seconds in rows:
    if seconds is None:
        print(f"  {name:36} missing: run ./just develop-debug")
    else:
        print(f"  {name:36} {format_seconds(seconds):>9}   {python / seconds:7.1f}x Python")
if debug is not None:
    print(f"  the same code, built with --release, runs {debug / release:.0f}x faster than the debug build")
