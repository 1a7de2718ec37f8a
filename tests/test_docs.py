"""The chapters cannot drift from the code: every code block marked `<!-- from PATH -->` in docs/ must
appear, line for line, in that file, every relative link must point at a file that exists, and every figure
a script writes into the docs must be what its source gives (the tour's quoted cells, chapter 4's
hardening tables)."""

import re
from pathlib import Path

import figures
import pytest
from ch4_shipping import hardening

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
MARKED_BLOCK = re.compile(r"<!-- from (\S+) -->\n```[\w-]*\n(.*?)\n```", re.DOTALL)
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def marked_blocks():
    for page in PAGES:
        for match in MARKED_BLOCK.finditer(page.read_text()):
            yield pytest.param(page, match.group(1), match.group(2), id=f"{page.name}:{match.group(1)}")


@pytest.mark.parametrize(("page", "source", "block"), list(marked_blocks()))
def test_code_block_is_in_its_source_file(page, source, block):
    path = ROOT / source
    assert path.is_file(), f"{page.name} quotes {source}, which does not exist"
    lines = [line.rstrip() for line in path.read_text().splitlines()]
    wanted = [line.rstrip() for line in block.splitlines()]
    starts = [i for i in range(len(lines)) if lines[i : i + len(wanted)] == wanted]
    assert starts, f"{page.name}: this block no longer matches {source}:\n{block}"


def test_some_blocks_are_checked():
    assert len(list(marked_blocks())) >= 3


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page):
    for target in LINK.findall(page.read_text()):
        if "://" in target or target.startswith("mailto:"):
            continue
        assert (page.parent / target).exists(), f"{page.name} links to {target}, which does not exist"


def test_quoted_figures_are_the_tables_cells():
    """Prose that quotes a tour table (`<!-- fig N "row" column -->`) says what the table says."""
    assert figures.problems() == []


def test_a_stale_figure_is_caught(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- tour:9 -->\n| step | time | ratio |\n|---|---:|---:|\n| a | 2 ms | 3x |\n<!-- /tour:9 -->\n"
        'a takes <!-- fig 9 "a" time -->1 ms<!-- /fig --> and <!-- fig 9 "b" ratio -->3x<!-- /fig -->\n'
    )
    found = figures.problems([page])
    assert len(found) == 2
    assert "the table says '2 ms'" in found[0]
    assert "has no row 'b'" in found[1]


def test_a_comparison_of_two_rows_is_computed_from_their_times(tmp_path):
    page = tmp_path / "page.md"
    table = (
        "<!-- tour:9 -->\n| step | time | ratio |\n|---|---:|---:|\n"
        "| a | 2 ms | 3x |\n| b | 500 µs | 12x |\n<!-- /tour:9 -->\n"
    )
    page.write_text(table + 'b is <!-- fig 9 "b" vs "a" -->3.9x<!-- /fig --> as fast as a\n')
    found = figures.problems([page])
    assert len(found) == 1
    assert "the table says '4x'" in found[0]
    assert figures.update([page]) == [page]
    assert figures.problems([page]) == []
    assert '"a" -->4x<!--' in page.read_text()


def test_hardening_figures_are_the_committed_records():
    """Chapter 4's hardening tables say what the records of the run behind them
    (docs/data/hardening.json, written by `./just hardening --update-docs`) give."""
    assert hardening.stale_blocks() == []


def test_a_stale_hardening_figure_is_caught(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(hardening.PAGE.read_text().replace("| Threads |", "| Threads, edited by hand |", 1))
    found = hardening.stale_blocks(page)
    assert found == ["page.md: <!-- hardening:checks --> is not what hardening.json gives"]
    page.write_text(page.read_text().replace("<!-- /hardening:huge -->", ""))
    assert "page.md: 0 blocks marked <!-- hardening:huge -->, not 1" in hardening.stale_blocks(page)
