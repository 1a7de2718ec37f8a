"""Walk chapter pages as a new reader would: for each chapter, a fresh copy of the repository (the files git
tracks, plus new ones it does not ignore, as they are now: no .venv, no built wheel), and in it, one bash
session that runs the page's Setup block and then every shell block of the page, in order, stopping at the
first command that fails.

    python tests/walk_chapters.py [N ...]     (`./just walk-chapters [N ...]`; all chapters by default)

What runs: in a block that shows output, the lines after `$ `; in other blocks, every line (a trailing `\\`
joins the next); and, in page order among the blocks, every `python examples/...` and `python -m pytest ...`
the prose shows in inline code, but the tour (examples/tour.py, minutes). A block right after
`<!-- walk: skip, REASON -->` is not run, and the reason is printed (for commands that need several machines,
root rights, or build and time every wheel of every chapter). The prose's other inline commands are not
run; tests/test_chapters.py checks that they name what exists.

The copy lives in target/walk/chN and shares this repository's Cargo target directory, so the Rust
dependencies are not compiled again; the Python packages come through pip's own cache. Each chapter gets
`--timeout` seconds (default 1200).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHELL_BLOCK = re.compile(
    r"(?:<!-- walk: skip, (?P<skip>[^>]*?) -->\n)?^```(?:console|bash|sh|shell)\n(?P<body>.*?)^```"
    r"|`(?P<inline>python (?:examples/|-m pytest )[^`]*)`",
    re.DOTALL | re.MULTILINE,
)


def blocks(page: Path) -> list[tuple[str | None, list[str]]]:
    """Each shell block of `page` and each `python examples/...` or `python -m pytest ...` of its prose, in
    page order: the skip reason (or None) and the commands."""
    found: list[tuple[str | None, list[str]]] = []
    for match in SHELL_BLOCK.finditer(page.read_text()):
        if match["inline"]:
            command = " ".join(match["inline"].split())  # inline code may wrap across lines of prose
            if any(command in commands for _, commands in found):
                continue  # named again further down the page: run once
            tour = "examples/tour.py" in command
            found.append(("the tour, minutes: `./just tour`" if tour else None, [command]))
            continue
        lines = match["body"].splitlines()
        prompted = any(line.startswith("$ ") for line in lines)
        commands, joined = [], ""
        for line in lines:
            if prompted:
                if not line.startswith("$ "):
                    continue
                line = line[2:]
            joined += line[:-1] if line.endswith("\\") else line
            if not line.endswith("\\"):
                if joined.strip() and not joined.lstrip().startswith("#"):
                    commands.append(joined.strip())
                joined = ""
        found.append((match["skip"], commands))
    return found


def fresh_copy(destination: Path) -> None:
    """The repository as git sees it now (tracked and new files, not ignored ones) in `destination`."""
    if destination.exists():
        shutil.rmtree(destination)
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = ROOT / name.decode()
        if source.is_file():
            target = destination / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def reader_environment() -> dict[str, str]:
    """This environment without any virtual environment in it: the reader's shell before the setup."""
    env = dict(os.environ)
    venv = env.pop("VIRTUAL_ENV", None)
    env.pop("PYO3_PYTHON", None)
    if venv:
        env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if not p.startswith(venv))
    env["CARGO_TARGET_DIR"] = str(ROOT / "target")
    return env


def walk(chapter: int, timeout: float) -> bool:
    page = next((ROOT / "docs").glob(f"0{chapter}-*.md"))
    print(f"\n=== chapter {chapter}: {page.relative_to(ROOT)}", flush=True)
    copy = ROOT / "target" / "walk" / f"ch{chapter}"
    fresh_copy(copy)
    script = ["set -euo pipefail"]
    for skip, commands in blocks(page):
        if skip:
            script.append(f"printf '%s\\n' {shlex_quote(f'skipped ({skip}): ' + ' && '.join(commands))}")
            continue
        for command in commands:
            script.append(f"printf '%s\\n' {shlex_quote('$ ' + command)}")
            script.append(command)
    started = time.monotonic()
    try:
        done = subprocess.run(
            ["bash", "-c", "\n".join(script)], cwd=copy, env=reader_environment(), timeout=timeout
        )
    except subprocess.TimeoutExpired:
        print(f"=== chapter {chapter}: still running after {timeout:.0f} s: FAILED", flush=True)
        return False
    seconds = time.monotonic() - started
    verdict = "passed" if done.returncode == 0 else f"FAILED (exit {done.returncode}, at the last command)"
    print(f"=== chapter {chapter}: {verdict} in {seconds:.0f} s", flush=True)
    return done.returncode == 0


def shlex_quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("chapters", type=int, nargs="*", help="chapter numbers (default: every chapter page)")
    parser.add_argument("--timeout", type=float, default=1200.0, help="seconds per chapter (default 1200)")
    arguments = parser.parse_args()
    chapters = arguments.chapters or sorted(int(p.name[:2]) for p in (ROOT / "docs").glob("0*.md"))
    results = {chapter: walk(chapter, arguments.timeout) for chapter in chapters}
    print("\n" + ", ".join(f"chapter {c}: {'ok' if ok else 'FAILED'}" for c, ok in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
