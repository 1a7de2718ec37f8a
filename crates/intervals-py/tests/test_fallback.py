"""The package in examples/ch7_intervals/valued_intervals, tested both ways inside the normal test run:
its own tests run in a fresh interpreter with the Rust wheel, with the wheel made unimportable, and with
the switch forcing the Python code; each run must pass and must have picked the backend it was meant to.

"Unimportable" is real: the child puts None in sys.modules["intervalues_pyrust"] before anything is
imported, which makes `import intervalues_pyrust` raise ImportError exactly as it does where the wheel is
not installed (the wheel's files stay on disk, so the same environment serves all runs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGE_TESTS = ROOT / "examples/ch7_intervals/valued_intervals/tests"
BLOCK = "import sys; sys.modules['intervalues_pyrust'] = None; "
RUN_TESTS = "import pytest; sys.exit(pytest.main(['-q', '-s', sys.argv[1]]))"

RUNS = {
    # name: (code before the tests, VALUED_INTERVALS_BACKEND, the backend the run must pick)
    "wheel installed": ("import sys; ", "auto", "rust"),
    "wheel unimportable": (BLOCK, "auto", "python"),
    "switch set to python": ("import sys; ", "python", "python"),
}


def child_env(switch: str, expect: str | None = None) -> dict[str, str]:
    env = {**os.environ, "VALUED_INTERVALS_BACKEND": switch}
    if expect is not None:
        env["VALUED_INTERVALS_EXPECT"] = expect
    return env


@pytest.mark.parametrize("run", RUNS)
def test_the_package_tests_pass(run):
    prelude, switch, expect = RUNS[run]
    done = subprocess.run(
        [sys.executable, "-c", prelude + RUN_TESTS, str(PACKAGE_TESTS)],
        cwd=ROOT,
        env=child_env(switch, expect),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, f"the package's tests failed ({run}):\n{done.stdout}\n{done.stderr}"
    assert f"backend: {expect} (" in done.stdout
    assert " passed" in done.stdout.splitlines()[-1]


def backend_of(prelude: str, switch: str) -> subprocess.CompletedProcess[str]:
    program = prelude + (
        f"sys.path.insert(0, {str(ROOT / 'examples')!r}); "
        "from ch7_intervals import valued_intervals as v; print(v.BACKEND, '|', v.REASON)"
    )
    return subprocess.run(
        [sys.executable, "-c", program],
        env=child_env(switch),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_reason_is_visible():
    assert backend_of("import sys; ", "auto").stdout.startswith("rust | intervalues_pyrust 0.")
    blocked = backend_of(BLOCK, "auto").stdout
    assert blocked.startswith("python | intervalues_pyrust cannot be imported (")
    assert backend_of("import sys; ", "python").stdout.strip() == "python | VALUED_INTERVALS_BACKEND=python"


def test_forcing_rust_without_the_wheel_says_why():
    done = backend_of(BLOCK, "rust")
    assert done.returncode != 0
    assert (
        "ImportError: VALUED_INTERVALS_BACKEND=rust, but intervalues_pyrust cannot be imported" in done.stderr
    )


def test_an_unknown_switch_is_refused():
    done = backend_of("import sys; ", "fortran")
    assert done.returncode != 0
    assert "VALUED_INTERVALS_BACKEND must be one of auto, rust, python, not 'fortran'" in done.stderr
