"""Two builds of one wrapper crate, timed side by side: the abi3 wheel installed in .venv, and a
version-specific build of the same sources for this interpreter.

Every wrapper crate's default feature `abi3` asks pyo3 for the stable ABI (one wheel serves every
CPython >= 3.10); `maturin build --no-default-features` builds the same crate for this one Python version,
where pyo3 may use CPython's non-stable API (chapter 2 reads a `str` in place; chapter 5 reads lists with
macros instead of calls). Two builds of one module cannot be imported into one process, so each is timed
in a fresh child process of this interpreter (`time_in_child`), every answer checked before the timing.

`build_version_specific("doubles-py")` builds into target/version-specific/ (its own cargo target
directory, so the project's own builds are untouched) and unpacks the wheel into a folder that a child
process puts first on `sys.path`. If the build fails (no cargo, no network for a first download of pyo3's
sources), the result says why instead of failing the tour.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from harness import ROOT, WrongAnswerError

WORK = ROOT / "target" / "version-specific"


@dataclass
class VersionSpecific:
    """A version-specific build of a wrapper crate, unpacked into `site`, or why it could not be made."""

    site: Path | None
    seconds: float
    """Wall time of `maturin build` (cargo reuses target/version-specific/ from any earlier run)."""
    wheel: str = ""
    error: str = ""


def build_version_specific(crate: str) -> VersionSpecific:
    """`maturin build --release --no-default-features` of crates/`crate` for this interpreter."""
    start = time.perf_counter()
    wheels = WORK / crate / "wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    maturin = shutil.which("maturin") or str(Path(sys.executable).parent / "maturin")
    env = {**os.environ, "CARGO_TARGET_DIR": str(WORK / "target")}
    command = [maturin, "build", "--release", "--quiet", "--no-default-features", "-i", sys.executable]
    command += ["-o", str(wheels), "-m", str(ROOT / "crates" / crate / "Cargo.toml")]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1800, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return VersionSpecific(None, time.perf_counter() - start, error=f"maturin did not run: {error}")
    seconds = time.perf_counter() - start
    found = sorted(wheels.glob("*.whl"))
    if done.returncode != 0 or not found:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return VersionSpecific(None, seconds, error=f"the build failed: {last}")
    if "abi3" in found[0].name:
        return VersionSpecific(None, seconds, error=f"the build still made an abi3 wheel ({found[0].name})")
    site = WORK / crate / "site"
    shutil.rmtree(site, ignore_errors=True)
    with zipfile.ZipFile(found[0]) as wheel:
        wheel.extractall(site)
    return VersionSpecific(site, seconds, found[0].name)


def time_in_child(
    site: Path | None, setup: str, calls: dict[str, tuple[str, str]], *, repeat: int = 5
) -> dict[str, float]:
    """Median seconds of each call, in a fresh process that imports the module from `site` (the wheel
    installed in this environment when None).

    `setup` runs first (with examples/ on `sys.path`); `calls` maps a row's name to (expression, the
    `repr` its answer must have). A wrong answer raises WrongAnswerError naming the row, before any
    timing. Each expression is compiled once, so the timing is the call's own.
    """
    head = f"""
        import json, sys
        if {str(site or "")!r}:
            sys.path.insert(0, {str(site or "")!r})
        sys.path.insert(1, {str(ROOT / "examples")!r})
        from harness import median_seconds
        """
    tail = f"""
        out = {{}}
        for name, (call, expected) in {calls!r}.items():
            code = compile(call, name, "eval")
            answer = repr(eval(code))
            if answer != expected:
                sys.exit(f"WRONG {{name}}: answered {{answer}}, expected {{expected}}")
            out[name] = median_seconds(lambda: eval(code), repeat={repeat})
        print(json.dumps(out))
        """
    program = textwrap.dedent(head) + textwrap.dedent(setup) + textwrap.dedent(tail)
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=900, check=False
    )
    if done.returncode != 0:
        if done.stderr.startswith("WRONG "):
            raise WrongAnswerError(done.stderr[6:].strip())
        raise RuntimeError(f"the child process failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])
