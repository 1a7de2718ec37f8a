"""Figures quoted in the chapters' prose, kept equal to the tour's tables.

A chapter's table between `<!-- tour:N -->` and `<!-- /tour:N -->` is written by `python examples/tour.py
--update-docs`. Prose that quotes one of its cells marks the quote:

    v1 takes <!-- fig 3 "v1: .center read from Python objects" time -->13.7 ms<!-- /fig --> here

`3` is the chapter, the quoted string is the row's first cell, and the last word names the column: `time`
(the second column, time per call) or `ratio` (the third, the speed-up). A comparison of two rows of one
table names both:

    <!-- fig 2 "Rust, count_doubles" vs "numba @njit, UTF-8 bytes" -->5.51x<!-- /fig -->

is how many times the first row's time fits in the second's, computed from the two time cells as printed.
On GitHub the markers are invisible and only the figure shows.

    python examples/figures.py            # list every quoted figure that differs from its table (exit 1)
    python examples/figures.py --update   # rewrite them from the tables (the tour does this after its own)

`tests/test_docs.py` runs the check, so a table refreshed without its prose fails `./just docs`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import format_ratio

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
COLUMNS = {"time": 1, "ratio": 2}
FIGURE = re.compile(
    r'<!-- fig (?P<chapter>\d+) "(?P<row>[^"]+)" (?P<column>\w+)(?: "(?P<other>[^"]+)")? -->'
    r"(?P<value>.*?)<!-- /fig -->"
)
UNITS = {"s": 1.0, "ms": 1e-3, "µs": 1e-6, "ns": 1e-9}
TOUR_BLOCK = re.compile(r"<!-- tour:(\d+) -->\n(.*?)<!-- /tour:\1 -->", re.DOTALL)


def marked_block(name: str) -> re.Pattern[str]:
    """The text between `<!-- NAME -->` and `<!-- /NAME -->` (each on a line of its own): a table or a
    paragraph that a script writes into the docs (the tour's `tour:N`, chapter 4's `hardening:...`)."""
    return re.compile(rf"(<!-- {re.escape(name)} -->\n)(.*?)(<!-- /{re.escape(name)} -->)", re.DOTALL)


def replace_block(text: str, name: str, body: str) -> str:
    """`text` with the marked block `name` replaced by `body` (which ends with a newline)."""
    return marked_block(name).sub(lambda m: m.group(1) + body + m.group(3), text)


def tour_tables(pages: list[Path] = PAGES) -> dict[int, dict[str, list[str]]]:
    """Each chapter's tour table: row label -> the row's cells."""
    tables: dict[int, dict[str, list[str]]] = {}
    for page in pages:
        for match in TOUR_BLOCK.finditer(page.read_text()):
            rows = tables.setdefault(int(match.group(1)), {})
            for line in match.group(2).splitlines():
                if line.startswith("|") and not line.startswith("|---"):
                    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
                    rows.setdefault(cells[0], cells)
    return tables


def seconds(cell: str) -> float:
    """A time cell ("42.8 µs") in seconds; ValueError if it is not one."""
    number, _, unit = cell.partition(" ")
    if unit not in UNITS:
        raise ValueError(f"{cell!r} is not a time")
    return float(number.replace(",", "")) * UNITS[unit]


def expected(tables: dict[int, dict[str, list[str]]], match: re.Match[str]) -> str:
    """The table cell a figure marker quotes, or the ratio of two rows' times; ValueError naming what is
    missing."""
    chapter, column = int(match["chapter"]), match["column"]
    if chapter not in tables:
        raise ValueError(f"no <!-- tour:{chapter} --> table in the docs")
    labels = [match["row"]] + ([match["other"]] if match["other"] else [])
    for label in labels:
        if label not in tables[chapter]:
            raise ValueError(f"chapter {chapter}'s tour table has no row {label!r}")
    if match["other"]:
        if column != "vs":
            raise ValueError(f'two rows are compared with "vs", not {column!r}')
        row, other = (seconds(tables[chapter][label][COLUMNS["time"]]) for label in labels)
        return format_ratio(other / row)
    if column not in COLUMNS:
        raise ValueError(f"unknown column {column!r} (one of {', '.join(COLUMNS)})")
    return tables[chapter][match["row"]][COLUMNS[column]]


def problems(pages: list[Path] = PAGES) -> list[str]:
    """Every quoted figure that is not its table's cell, as 'page:line: ...'."""
    tables = tour_tables(pages)
    found = []
    for page in pages:
        text = page.read_text()
        for match in FIGURE.finditer(text):
            name = page.relative_to(ROOT) if page.is_relative_to(ROOT) else page
            where = f"{name}:{text.count(chr(10), 0, match.start()) + 1}"
            try:
                cell = expected(tables, match)
            except ValueError as error:
                found.append(f"{where}: {error}")
                continue
            if match["value"] != cell:
                what = f'"{match["row"]}" vs "{match["other"]}"' if match["other"] else f'"{match["row"]}"'
                quoted = f"quotes {match['value']!r} for {what} ({match['column']})"
                found.append(f"{where}: {quoted}, the table says {cell!r}")
    return found


def update(pages: list[Path] = PAGES) -> list[Path]:
    """Rewrite every quoted figure from its table; returns the pages changed."""
    tables = tour_tables(pages)
    changed = []
    for page in pages:
        text = page.read_text()

        def refreshed(match: re.Match[str]) -> str:
            cell = expected(tables, match)
            return match.group(0).replace(f"-->{match['value']}<!--", f"-->{cell}<!--", 1)

        new = FIGURE.sub(refreshed, text)
        if new != text:
            page.write_text(new)
            changed.append(page)
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--update", action="store_true", help="rewrite the figures from the tables")
    args = parser.parse_args()
    if args.update:
        for page in update():
            print(f"updated figures in {page.relative_to(ROOT)}")
        return 0
    found = problems()
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
