"""Chapter 1's trap: the tutorial's Rust, built without and with --release, against Python.

./just trap        (builds both kinds of wheel first)
"""

import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import fibo_rust
from harness import format_seconds, in_debug_env, median_seconds

from ch1_fibonacci.fibo_python import fibo

N = 30
python = median_seconds(partial(fibo, N), repeat=3, min_run=0)
debug = in_debug_env("import fibo_rust", f"fibo_rust.fibo_tutorial({N})")
release = median_seconds(partial(fibo_rust.fibo_tutorial, N))
print(f"fibo({N}) with the tutorial's code")
rows = [("Python", python), ("Rust, debug build (no --release)", debug), ("Rust, release build", release)]
for name, seconds in rows:
    if seconds is None:
        print(f"  {name:34} missing: run ./just develop-debug")
    else:
        print(f"  {name:34} {format_seconds(seconds):>9}   {python / seconds:6.1f}x Python")
