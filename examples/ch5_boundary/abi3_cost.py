"""What abi3 costs, measured: chapter 5's list reads timed in the abi3 wheel and in a version-specific build
of the same crate, side by side.

    python examples/ch5_boundary/abi3_cost.py

The wheel is abi3 because the workspace's Cargo.toml asks pyo3 for `abi3-py310`; a Cargo feature cannot
be switched off from the command line. So this copies the workspace manifest, its lock file and the crates'
sources into target/abi3-cost/ws/, drops that one feature from the copy's pyo3 line, and builds
the same sources there with `maturin build --release` for this interpreter (its own target directory, so
the project's builds are untouched). Both modules then run in fresh child processes of this interpreter,
the installed abi3 wheel and the unpacked version-specific one, each checked against a Python loop's sum
before the same timing (`harness.median_seconds`) of the same calls. If the build fails (no cargo, no
network for a first download of pyo3's sources), `measure` says why instead of a number.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import ROOT, format_seconds

WORK = ROOT / "target" / "abi3-cost"
PYO3_LINE = re.compile(r'^pyo3 = \{ version = "([^"]+)", features = \["abi3-py3\d+"\] \}$', re.MULTILINE)
CALLS = {
    "list → Vec<f64> (sum_list)": "boundary_cost.sum_list(values)",
    "list walked in place (sum_list_streaming)": "boundary_cost.sum_list_streaming(values)",
    "numpy array in place (sum_array_in_order)": "boundary_cost.sum_array_in_order(array)",
}


@dataclass
class Built:
    site: Path | None
    seconds: float
    error: str = ""


def build_version_specific() -> Built:
    """The version-specific build of boundary-py, unpacked into target/abi3-cost/site/, or why not."""
    start = time.perf_counter()
    manifest = (ROOT / "Cargo.toml").read_text()
    if not PYO3_LINE.search(manifest):
        return Built(None, 0.0, 'the workspace\'s pyo3 line is not the expected `features = ["abi3-py3X"]`')
    ws = WORK / "ws"
    shutil.rmtree(ws, ignore_errors=True)
    (ws / "crates").mkdir(parents=True)
    (ws / "Cargo.toml").write_text(PYO3_LINE.sub(r'pyo3 = { version = "\1" }', manifest))
    shutil.copy(ROOT / "Cargo.lock", ws / "Cargo.lock")
    # Every crate (sources and tests: a manifest may name its test files), so that whatever boundary-py
    # depends on in the workspace is there.
    for crate in sorted(p for p in (ROOT / "crates").iterdir() if (p / "Cargo.toml").exists()):
        shutil.copytree(crate, ws / "crates" / crate.name, ignore=shutil.ignore_patterns("target"))
    wheels = WORK / "wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    maturin = shutil.which("maturin") or str(Path(sys.executable).parent / "maturin")
    env = {**os.environ, "CARGO_TARGET_DIR": str(WORK / "target")}
    command = [maturin, "build", "--release", "--quiet", "-i", sys.executable, "-o", str(wheels)]
    command += ["-m", str(ws / "crates" / "boundary-py" / "Cargo.toml")]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1800, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return Built(None, time.perf_counter() - start, f"maturin did not run: {error}")
    seconds = time.perf_counter() - start
    found = sorted(wheels.glob("*.whl"))
    if done.returncode != 0 or not found:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return Built(None, seconds, f"the build failed: {last}")
    if "abi3" in found[0].name:
        return Built(None, seconds, f"the build still made an abi3 wheel ({found[0].name})")
    site = WORK / "site"
    shutil.rmtree(site, ignore_errors=True)
    with zipfile.ZipFile(found[0]) as wheel:
        wheel.extractall(site)
    return Built(site, seconds, found[0].name)


def time_in_child(site: Path | None, n: int, repeat: int) -> dict[str, float]:
    """Median seconds of each call, in a fresh process that imports boundary_cost from `site` (the
    installed wheel when None); each answer checked against a Python loop's in-order sum first."""
    program = textwrap.dedent(
        f"""
        import functools, json, operator, sys
        if {str(site) if site else ""!r}:
            sys.path.insert(0, {str(site) if site else ""!r})
        sys.path.insert(1, {str(ROOT / "examples")!r})
        import boundary_cost
        import numpy as np
        from harness import median_seconds
        values = [float(i % 1000) / 7 for i in range({n})]
        array = np.array(values)
        expected = functools.reduce(operator.add, values, 0.0)
        calls = {CALLS!r}
        out = {{"file": boundary_cost.__file__}}
        for name, call in calls.items():
            answer = eval(call)
            if answer != expected:
                sys.exit(f"WRONG {{name}}: {{answer!r}}, a Python loop: {{expected!r}}")
            out[name] = median_seconds(lambda: eval(call), repeat={repeat})
        print(json.dumps(out))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"chapter 5, abi3 cost: the child process failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(
    n: int = 1_000_000, repeat: int = 5
) -> tuple[list[tuple[str, float | None, float | None]], list[str]]:
    """(call, abi3 seconds, version-specific seconds) per call, and the notes (build time, or why not)."""
    built = build_version_specific()
    abi3 = time_in_child(None, n, repeat)
    if built.site is None:
        return [(name, abi3[name], None) for name in CALLS], [
            f"abi3 vs version-specific: the version-specific build could not be made here ({built.error})."
        ]
    specific = time_in_child(built.site, n, repeat)
    notes = [
        f"abi3 vs version-specific: the same boundary-py sources built without pyo3's abi3 feature "
        f"({built.error}, built in {format_seconds(built.seconds)}, cargo reusing target/abi3-cost/ from any "
        "earlier run; `python examples/ch5_boundary/abi3_cost.py`); "
        "both timed in fresh child processes, answers checked first."
    ]
    return [(name, abi3[name], specific[name]) for name in CALLS], notes


def main() -> None:
    rows, notes = measure()
    print("| call | abi3 wheel | version-specific build | abi3 / version-specific |")
    print("|---|---:|---:|---:|")
    for name, abi3, specific in rows:
        ratio = f"{abi3 / specific:.2f}x" if abi3 and specific else "—"
        print(f"| {name} | {format_seconds(abi3)} | {format_seconds(specific)} | {ratio} |")
    for note in notes:
        print(f"- {note}")


if __name__ == "__main__":
    main()
