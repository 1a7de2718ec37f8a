"""pytest's settings for every test of the repository: each chapter's tests (crates/<x>-py/tests, beside the
wheel they test) and the few that span wheels (tests/).

- A chapter's tests are skipped, with the command that builds the wheel, when that wheel is not installed:
  `./just test-chapter N` builds one wheel, and the other chapters' tests then say why they did not run.
- `--every-wheel` turns that skip into an error: `./just test` and the installed-wheel runs pass it, so a
  wheel that failed to build or install cannot pass as "skipped".
- `--quick` is the quick loop while working on a chapter (`./just test-chapter N --quick`): it leaves out the
  tests marked `soak` and loads hypothesis's "quick" profile, so every property still runs, on fewer
  examples. Every other run (`./just test`, a plain `./just test-chapter N`) runs everything in full.
- `--record-figures FILE` writes what the hardening tests measured to FILE (tests/records.py), and at the
  end how many tests passed, per file: `./just hardening` makes chapter 4's figures from it.

The helpers that more than one test file uses are in tests/support.py.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent
# hypothesis's own default is 100 examples per property; a chapter that asks for more asks relative to the
# profile loaded (tests/support.py's `thorough`), so this profile shortens those properties too.
settings.register_profile("quick", max_examples=20)


def wheels() -> dict[str, str]:
    """Each wrapper crate's directory name and the module its wheel installs (pyproject's module-name)."""
    found = {}
    for pyproject in sorted(ROOT.glob("crates/*-py/pyproject.toml")):
        name = re.search(r'^module-name = "([\w.]+)"', pyproject.read_text(), re.MULTILINE)
        assert name, f"{pyproject} names no module-name"
        found[pyproject.parent.name] = name.group(1).split(".")[0]
    return found


WHEELS = wheels()


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--every-wheel",
        action="store_true",
        help="fail at once if any chapter's wheel is not installed, instead of skipping its tests",
    )
    parser.addoption(
        "--quick",
        action="store_true",
        help="the quick loop: leave out the soak tests, run each hypothesis property on fewer examples",
    )
    parser.addoption(
        "--record-figures",
        metavar="FILE",
        help="append what the hardening tests measure to FILE, as JSON lines (tests/records.py)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--every-wheel"):
        missing = [f"{module} (crates/{crate})" for crate, module in WHEELS.items() if not installed(module)]
        if missing:
            raise pytest.UsageError(f"--every-wheel: not installed: {', '.join(missing)}")
    if config.getoption("--quick"):
        settings.load_profile("quick")
    figures = config.getoption("--record-figures")
    if figures:
        # An environment variable rather than a pytest object, so that tests/records.py needs no fixture.
        os.environ["RECORD_FIGURES"] = str(Path(figures).resolve())


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """With --record-figures: the run's outcomes, as its last record (how many tests passed, per file)."""
    figures = config.getoption("--record-figures")
    if not figures:
        return
    stats = terminalreporter.stats
    counts = {outcome: len(stats.get(outcome, [])) for outcome in ("passed", "failed", "skipped", "error")}
    passed_by_file: dict[str, int] = {}
    for report in stats.get("passed", []):
        file = report.nodeid.split("::")[0]
        passed_by_file[file] = passed_by_file.get(file, 0) + 1
    summary = {
        "kind": "session",
        "pythonmalloc": os.environ.get("PYTHONMALLOC", ""),
        "arguments": config.invocation_params.args,
        **counts,
        "passed_by_file": passed_by_file,
    }
    with open(figures, "a", encoding="utf-8") as out:
        out.write(json.dumps(summary) + "\n")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`--quick`: deselect the soak tests, as `-m "not soak"` would (pytest's summary counts them)."""
    if not config.getoption("--quick"):
        return
    soak = [item for item in items if item.get_closest_marker("soak")]
    if soak:
        config.hook.pytest_deselected(items=soak)
        items[:] = [item for item in items if not item.get_closest_marker("soak")]


def pytest_report_header(config: pytest.Config) -> list[str]:
    present = [module for module in WHEELS.values() if installed(module)]
    lines = [f"wheels installed: {', '.join(present) or 'none'}"]
    if config.getoption("--quick"):
        examples = settings().max_examples
        lines.append(f"--quick: soak tests left out; hypothesis profile 'quick' ({examples} examples)")
    return lines


class MissingWheel(pytest.Module):
    """A test module of a chapter whose wheel is not installed: reported as skipped, never imported."""

    crate = ""

    def collect(self):  # type: ignore[override]
        module = WHEELS[self.crate]
        pytest.skip(
            f"{module} is not installed (./just develop crates/{self.crate})", allow_module_level=True
        )


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector) -> pytest.Module | None:
    path = module_path.resolve()
    if not path.is_relative_to(ROOT / "crates"):
        return None
    crate = path.relative_to(ROOT / "crates").parts[0]
    if crate in WHEELS and not installed(WHEELS[crate]):
        missing = MissingWheel.from_parent(parent, path=module_path)
        missing.crate = crate
        return missing
    return None
