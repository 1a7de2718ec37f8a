"""The peers a data scientist would reach for instead of Rust: numba and Cython, prepared for the tour.

- `jit(dispatcher, signature)` compiles a lazily decorated `@numba.njit` function for one signature and
  returns how long that took: the one-time cost a user pays in every new process. The tour reports it on a
  line of its own and leaves it out of the timed row (the row times the compiled function only).
- `build_cython(pyx)` runs `cythonize` and the machine's C compiler (through setuptools' `build_ext`) on a
  `.pyx` file, in a separate process, into `target/cython/`, and imports the result. It returns the module,
  the build's wall time, and, when the build failed (no compiler, no Cython), why: the tour then says so in
  the row and goes on.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from harness import ROOT

CYTHON_DIR = ROOT / "target" / "cython"

# What the build process runs: cythonize with the directives a Cython user writes for a hot loop (no
# bounds checks, no negative indices), then setuptools' build_ext with the C compiler Python was built
# with, -O2 as CPython builds its own extensions.
_BUILD = """
import sys
from Cython.Build import cythonize
from setuptools import Distribution, Extension

pyx, name, out = sys.argv[1:4]
extension = Extension(name, [pyx], extra_compile_args=["-O2"])
modules = cythonize(
    [extension],
    build_dir=out,
    quiet=True,
    force=True,
    compiler_directives={"language_level": 3, "boundscheck": False, "wraparound": False},
)
distribution = Distribution({"ext_modules": modules, "script_name": "build"})
command = distribution.get_command_obj("build_ext")
command.build_lib = out
command.build_temp = out + "/tmp"
command.force = True
distribution.run_command("build_ext")
"""


@dataclass
class Built:
    """A Cython module built for the tour, or why it could not be."""

    module: ModuleType | None
    seconds: float
    """Wall time of cythonize plus the C compiler (the process that ran them included)."""
    error: str = ""


def jit(dispatcher: Any, signature: str) -> float:
    """Compile the `@numba.njit` function `dispatcher` for `signature`; seconds it took."""
    start = time.perf_counter()
    dispatcher.compile(signature)
    return time.perf_counter() - start


def build_cython(pyx: Path) -> Built:
    """Cythonize and compile `pyx` into target/cython/<name>/ and import it (a fresh build every time)."""
    name = pyx.stem
    out = CYTHON_DIR / name
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _BUILD, str(pyx), name, str(out)],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return Built(None, time.perf_counter() - start, f"build did not run: {error}")
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return Built(None, seconds, f"build failed: {last}")
    built = sorted(out.glob(f"{name}.*.so")) + sorted(out.glob(f"{name}.*.pyd"))
    if not built:
        return Built(None, seconds, "build failed: no extension module was written")
    spec = importlib.util.spec_from_file_location(name, built[0])
    if spec is None or spec.loader is None:
        return Built(None, seconds, f"cannot import {built[0].name}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Built(module, seconds)
