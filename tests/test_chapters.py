"""Every chapter page can be followed from its own setup, checked without running anything (seconds):

- each chapter page (docs/0N-*.md) begins with a Setup section, and a page whose setup is
  `./just develop-chapter N` has a room: examples/chN_*/requirements.txt, whose header names wheels, Rust
  crates and tests that exist;
- every command a page shows (in its shell blocks and its inline code) names things that exist: the file of
  `python PATH` or `PATH.sh`, the recipe of `./just RECIPE`, the crate of `cargo ... -p NAME` and its
  `--bin NAME`, the `Cargo.toml` of `maturin ... -m PATH`, the directory of `cd DIR`;
- every module that the page's scripts (followed through their imports inside examples/) and the chapter's
  tests import is installed by the chapter's setup: a wheel it builds, or a package of its requirements.

`./just walk-chapters` goes further and runs each page's setup and shell blocks in a fresh copy of the
repository; it takes minutes, so it is a recipe of its own rather than part of `./just test`.
"""

from __future__ import annotations

import ast
import itertools
import re
import shlex
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PAGES = sorted((ROOT / "docs").glob("0*.md"))
SHELL_BLOCK = re.compile(r"^```(console|bash|sh|shell)\n(.*?)^```", re.DOTALL | re.MULTILINE)
INLINE = re.compile(r"`((?:\./just|python3?|cargo|maturin|pip|examples/)[^`]*)`")
# A page's setup is the first shell block of its "## Setup" section.
SETUP = re.compile(r"^## Setup\n.*?^```console\n(.*?)^```", re.DOTALL | re.MULTILINE)

# Import name -> the distribution that installs it, for every third-party module the examples and tests use.
DISTRIBUTIONS = {
    "numpy": "numpy",
    "scipy": "scipy",
    "numba": "numba",
    "Cython": "Cython",
    "setuptools": "setuptools",
    "matplotlib": "matplotlib",
    "dask": "dask",
    "distributed": "distributed",
    "pandas": "pandas",
    "pytest": "pytest",
    "pytest_benchmark": "pytest-benchmark",
    "hypothesis": "hypothesis",
    "threadpoolctl": "threadpoolctl",
}


def page_id(page: Path) -> str:
    return page.name


def chapter_of(page: Path) -> int:
    return int(page.name[:2])


def manifest(chapter: int) -> Path | None:
    found = sorted(EXAMPLES.glob(f"ch{chapter}_*/requirements.txt"))
    return found[0] if found else None


def header(path: Path, key: str) -> list[str]:
    match = re.search(rf"^# {key}: (.*)$", path.read_text(), re.MULTILINE)
    return match.group(1).split() if match else []


def requirements(path: Path) -> set[str]:
    names = set()
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            names.add(re.split(r"[\[<>=!~; ]", line)[0].lower())
    return names


def wheel_modules() -> dict[str, str]:
    """crates/<x>-py -> the module its wheel installs."""
    found = {}
    for pyproject in ROOT.glob("crates/*-py/pyproject.toml"):
        name = re.search(r'^module-name = "([\w.]+)"', pyproject.read_text(), re.MULTILINE)
        assert name, pyproject
        found[f"crates/{pyproject.parent.name}"] = name.group(1).split(".")[0]
    return found


def packages() -> dict[str, Path]:
    """Cargo package name -> its directory, for every crate of the workspace."""
    found = {}
    for cargo in ROOT.glob("crates/*/Cargo.toml"):
        name = re.search(r'^name = "([\w-]+)"', cargo.read_text(), re.MULTILINE)
        assert name, cargo
        found[name.group(1)] = cargo.parent
    return found


def binaries(crate: Path) -> set[str]:
    """The binaries of a crate: src/bin/*.rs, and the names its Cargo.toml gives in [[bin]] sections."""
    declared = re.findall(
        r'^\[\[bin\]\]\nname = "([\w-]+)"', (crate / "Cargo.toml").read_text(), re.MULTILINE
    )
    return {path.stem for path in (crate / "src/bin").glob("*.rs")} | set(declared)


def recipes() -> set[str]:
    return set(
        re.findall(r"^@?([a-z][\w-]*)(?:\s[^:]*)?:(?!=)", (ROOT / "justfile").read_text(), re.MULTILINE)
    )


def shell_commands(text: str) -> list[str]:
    """The commands of a page: each line of its shell blocks (after `$ ` where the block shows output too,
    with backslash continuations joined), and its inline code that starts like a command."""
    commands = []
    for _, block in SHELL_BLOCK.findall(text):
        lines = block.splitlines()
        prompted = any(line.startswith("$ ") for line in lines)
        joined = ""
        for line in lines:
            if prompted:
                if not line.startswith("$ "):
                    continue
                line = line[2:]
            joined += line.rstrip("\\").rstrip() + " " if line.endswith("\\") else line
            if not line.endswith("\\"):
                commands.append(joined.strip())
                joined = ""
    commands += INLINE.findall(text)
    return [c for c in commands if c and not c.startswith("#")]


def words(command: str) -> list[list[str]]:
    """A command line split into its simple commands (at &&, ;, | and parentheses), each as shell words."""
    command = command.split(" # ")[0]
    try:
        tokens = shlex.split(command.replace("(", " ").replace(")", " "), comments=True)
    except ValueError:
        return []
    parts: list[list[str]] = [[]]
    for token in tokens:
        if token in ("&&", ";", "|", "||"):
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


def problems_with(command: str, cwd: Path) -> list[str]:
    """What a command names that does not exist, following its `cd`s from `cwd`."""
    found = []
    for argv in words(command):
        while argv and re.match(r"^[A-Z_]+=", argv[0]):  # VAR=value before the command
            argv = argv[1:]
        if not argv:
            continue
        program, rest = argv[0], argv[1:]
        if program == "cd" and rest:
            cwd = (cwd / rest[0]).resolve()
            if not cwd.is_dir():
                found.append(f"cd {rest[0]}: no such directory")
        elif program in ("python", "python3") and rest and not rest[0].startswith("-"):
            if rest[0].endswith(".py") and not (cwd / rest[0]).is_file():
                found.append(f"python {rest[0]}: no such file")
        elif program.endswith(".sh") or program.startswith("examples/"):
            if not (cwd / program).exists():
                found.append(f"{program}: no such file")
        elif program == "./just" and rest and not rest[0].startswith("-"):
            if rest[0] not in recipes():
                found.append(f"./just {rest[0]}: no such recipe in the justfile")
        elif program == "cargo":
            for flag, value in itertools.pairwise(rest):
                if flag == "-p" and value not in packages():
                    found.append(f"cargo -p {value}: no such crate")
                if flag == "--bin" and "-p" in rest:
                    crate = packages().get(rest[rest.index("-p") + 1])
                    if crate and value not in binaries(crate):
                        found.append(f"cargo --bin {value}: no such binary in {crate.name}")
        elif program == "maturin":
            for flag, value in itertools.pairwise(rest):
                if flag in ("-m", "--manifest-path") and not (cwd / value).is_file():
                    found.append(f"maturin -m {value}: no such file")
    return found


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_command_names_what_exists(page):
    problems = [f"`{c}`: {p}" for c in shell_commands(page.read_text()) for p in problems_with(c, ROOT)]
    assert not problems, f"{page.name}:\n" + "\n".join(problems)


def test_the_readme_commands_name_what_exists():
    readme = ROOT / "README.md"
    problems = [f"`{c}`: {p}" for c in shell_commands(readme.read_text()) for p in problems_with(c, ROOT)]
    assert not problems, "README.md:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_page_starts_with_its_setup(page):
    text = page.read_text()
    setup = SETUP.search(text)
    assert setup, f"{page.name} has no '## Setup' section with a console block"
    first_step = text.index("\n## ", text.index("\n") + 1)
    assert text.index("## Setup") == first_step + 1, f"{page.name}: Setup is not the first section"
    chapter = chapter_of(page)
    room = manifest(chapter)
    if f"./just develop-chapter {chapter}" in setup.group(1):
        assert room, f"{page.name} sets up with develop-chapter {chapter}, but there is no requirements.txt"
    elif room:
        pytest.fail(f"{page.name}: {room.relative_to(ROOT)} exists, but the setup does not use it")


def rooms() -> list[int]:
    return [chapter_of(p) for p in PAGES if manifest(chapter_of(p))]


@pytest.mark.parametrize("chapter", rooms())
def test_the_room_names_what_exists(chapter):
    room = manifest(chapter)
    wheels = header(room, "wheels")
    assert wheels, f"{room}: no '# wheels:' line"
    assert set(wheels) <= set(wheel_modules()), f"{room}: not a wrapper crate among {wheels}"
    assert header(room, "crates"), f"{room}: no '# crates:' line"
    for crate in header(room, "crates") + header(room, "binaries"):
        assert crate in packages(), f"{room}: no crate {crate}"
    tests = header(room, "tests")
    assert tests, f"{room}: no '# tests:' line"
    for pattern in tests:
        assert list(ROOT.glob(pattern)), f"{room}: '{pattern}' matches no test"


def module_file(name: str, importer: Path) -> Path | None:
    """The project's own file that `import name` finds from `importer`: under examples/ (on the path of the
    scripts and of pytest), beside the importer (a script's own directory), or a helper in tests/."""
    parts = Path(*name.split("."))
    for base in (EXAMPLES / parts, importer.parent / parts, ROOT / "tests" / parts):
        if base.with_suffix(".py").is_file():
            return base.with_suffix(".py")
        if (base / "__init__.py").is_file():
            return base / "__init__.py"
    return None


def imports_of(files: list[Path]) -> set[str]:
    """The top-level names of every module `files` import, following imports of files in examples/ and of
    tests/'s helpers, at any depth (an import inside a function counts: it runs when the function does)."""
    seen: set[Path] = set()
    outside: set[str] = set()
    todo = list(files)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
                # `from package import module`: the module's file, where it is one of ours.
                todo.extend(
                    found
                    for alias in node.names
                    if (found := module_file(f"{node.module}.{alias.name}", path))
                )
            else:
                continue
            for name in names:
                local = module_file(name, path)
                if local:
                    todo.append(local)
                elif name.split(".")[0] not in sys.stdlib_module_names:
                    outside.add(name.split(".")[0])
    return outside


def scripts_of(page: Path) -> list[Path]:
    """The Python files a page runs: `python PATH`, and `python -m pytest PATH` (files or directories)."""
    found = []
    for command in shell_commands(page.read_text()):
        for argv in words(command):
            for word in argv[1:] if argv[0].startswith("python") else []:
                path = ROOT / word
                if word.endswith(".py") and path.is_file():
                    found.append(path)
                elif path.is_dir() and "tests" in path.parts:
                    found.extend(path.rglob("test_*.py"))
    return found


@pytest.mark.parametrize("chapter", rooms())
def test_the_room_installs_every_module_its_commands_and_tests_import(chapter):
    room = manifest(chapter)
    page = next(p for p in PAGES if chapter_of(p) == chapter)
    tests = [path for pattern in header(room, "tests") for path in ROOT.glob(pattern)]
    files = scripts_of(page) + [
        t for path in tests for t in ([path] if path.is_file() else path.rglob("*.py"))
    ]
    # Every module of the chapter's examples: the page runs some by name and others through them (measure.py
    # imports each step by name at run time, which no static scan follows).
    files += [*sorted(room.parent.rglob("*.py")), ROOT / "conftest.py"]
    wheels = {wheel_modules()[w] for w in header(room, "wheels")}
    installed = requirements(room)
    needed = imports_of(files) - wheels
    unknown = sorted(needed - set(DISTRIBUTIONS))
    # A wheel of another chapter, or a package no room knows: either is a missing setup step.
    assert not unknown, (
        f"chapter {chapter}'s commands or tests import {unknown}, which {room.name} does not install"
    )
    missing = sorted(m for m in needed if DISTRIBUTIONS[m].lower() not in installed)
    assert not missing, f"{room.relative_to(ROOT)} does not install {[DISTRIBUTIONS[m] for m in missing]}"


def test_every_wheel_test_belongs_to_a_room():
    """`./just test-chapter N` runs the tests its room names: a test file beside a wheel that no room names
    would run only in `./just test`."""
    claimed = {
        test
        for chapter in rooms()
        for pattern in header(manifest(chapter), "tests")
        for path in ROOT.glob(pattern)
        for test in ([path] if path.is_file() else path.glob("test_*.py"))
    }
    tests = ROOT.glob("crates/*/tests/test_*.py")
    orphans = sorted(str(path.relative_to(ROOT)) for path in tests if path not in claimed)
    assert not orphans, f"no examples/chN_*/requirements.txt names these in '# tests:': {orphans}"
