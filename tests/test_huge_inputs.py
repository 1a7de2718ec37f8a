"""Huge inputs, within a stated memory budget: 100-million-character strings and a million polygons.

The budget is what a call may add to the process at its peak, on top of its input (measured exactly on
Linux, where the peak can be reset; see tests/memory_probe.py):

- string_doubles.count_doubles reads any str in place or in small batches: at most 4 MB, whatever its
  length (the batch buffer is 256 KiB);
- count_doubles_bytes reads an ASCII str in place (at most 4 MB) and encodes any other str to UTF-8 once,
  with CPython's encoder, as str.encode() does: 4 MB plus what the encoder takes, which is the encoding's
  size, or at its peak the largest size it could have (2, 3 or 4 bytes per character for a str that
  CPython stores in 1, 2 or 4 bytes per character; PYTHONMALLOC=debug shows that peak);
- poly_match_rs.best_polygons and find_all_close_polygons copy each polygon's center and area (24 bytes)
  and a reference to it, and build a grid of at most about 70 bytes per polygon: 128 bytes per polygon
  (128 MB for a million), plus the answers;
- the single-point searches (find_close_polygons and the article's steps) keep one reference per polygon
  at most: 16 bytes per polygon;
- aoc_rust reads the polymer in place and reduces it on a stack of one byte per letter; part b also keeps
  the reduced polymer: the polymer's length in bytes, plus the reduced polymer's, plus 4 MB.

The answers are checked too: the strings are built so that their counts are known, and the million
polygons are triangles on a 1000 x 1000 lattice whose centers and areas are exact, so the expected answer
for any point can be worked out from its few lattice neighbours. A grid that read the wrong cells, or an
index off by one cell at the edge of the field, would give another answer here.
"""

import math

import aoc_rust
import numpy as np
import poly_match_rs
import pytest
import string_doubles
from memory_probe import peak_growth

MB = 1024 * 1024
N_CHARACTERS = 100_000_000

# Each text repeats a four-character unit 25 million times, so its doubled characters and doubled UTF-8
# bytes are known.
TEXTS = {
    # kind: (unit, doubled characters per unit, doubled bytes per unit, encoder's bytes per character)
    "ASCII": ("aabb", 2, 2, 0),  # read in place, never encoded
    "Latin-1": ("ééaa", 2, 1, 2),  # é is C3 A9: "éé" has no doubled byte
    "astral": ("🦀🦀ab", 1, 0, 4),  # 🦀 is F0 9F A6 80; the str holds 4 bytes per character
}


@pytest.mark.parametrize("kind", TEXTS)
def test_a_100_million_character_string(kind):
    unit, characters, bytes_, encoder = TEXTS[kind]
    repeats = N_CHARACTERS // len(unit)
    text = unit * repeats
    assert len(text) == N_CHARACTERS

    count, grown = peak_growth(lambda: string_doubles.count_doubles(text))
    assert count == characters * repeats
    assert grown < 4 * MB, f"count_doubles used {grown / MB:.0f} MB on top of the string"

    count, grown = peak_growth(lambda: string_doubles.count_doubles_bytes(text))
    assert count == bytes_ * repeats
    budget = 4 * MB + encoder * N_CHARACTERS
    assert grown < budget, f"count_doubles_bytes used {grown / MB:.0f} MB (budget {budget / MB:.0f} MB)"


def test_a_100_million_letter_polymer():
    # Each 50-letter unit reduces to "xy" (its 12 "aBbA" collapse), so the answers are known: part a
    # leaves 2 letters per unit, and removing x (or y) leaves 1.
    unit = "x" + "aBbA" * 12 + "y"
    repeats = N_CHARACTERS // len(unit)
    polymer = unit * repeats
    assert len(polymer) == N_CHARACTERS

    length, grown = peak_growth(lambda: aoc_rust.run_polymerization(polymer))
    assert length == 2 * repeats
    assert grown < N_CHARACTERS + 4 * MB, f"run_polymerization used {grown / MB:.0f} MB"

    data = polymer.encode()
    length, grown = peak_growth(lambda: aoc_rust.shortest_polymer(data))
    assert length == repeats
    budget = N_CHARACTERS + 2 * repeats + 4 * MB
    assert grown < budget, f"shortest_polymer used {grown / MB:.0f} MB (budget {budget / MB:.0f} MB)"


SIDE = 1000  # polygons on a SIDE x SIDE lattice: a million


def lattice_polygons():
    """A triangle centred exactly on each lattice point (i, j), polygon index i * SIDE + j, with area
    3 * s for s in 1, 1 + 1/128, ..: every coordinate a multiple of 1/128, so every sum is exact."""
    i, j = np.divmod(np.arange(SIDE * SIDE, dtype=np.float64), SIDE)
    s = 1.0 + ((i * 31 + j * 17) % 101) / 128
    xs = np.column_stack((i - 1, i + 1, i))
    ys = np.column_stack((j - s, j - s, j + 2 * s))
    return [poly_match_rs.Polygon(x, y) for x, y in zip(xs, ys, strict=True)], 3 * s


@pytest.fixture(scope="module")
def million():
    polygons, areas = lattice_polygons()
    rng = np.random.default_rng(11)
    # Points all over the field and past its edges, on lattice points and between them, and NaN.
    points = rng.uniform(-3.0, SIDE + 2.0, size=(1000, 2))
    points[::10] = np.round(points[::10])
    points[::97] = [math.nan, 5.0]
    index = {id(p): k for k, p in enumerate(polygons)}
    return polygons, areas, points, index


MAX_DIST = 1.5


def close_to(point):
    """Indices of the lattice polygons strictly closer than MAX_DIST to `point`, in index order, with the
    Python original's test (Python's float arithmetic rounds as numpy's and Rust's does)."""
    px, py = point
    if math.isnan(px) or math.isnan(py):
        return []
    found = []
    for i in range(max(0, math.floor(px) - 2), min(SIDE, math.floor(px) + 3)):
        for j in range(max(0, math.floor(py) - 2), min(SIDE, math.floor(py) + 3)):
            dx, dy = i - px, j - py
            if math.sqrt(dx * dx + dy * dy) < MAX_DIST:
                found.append(i * SIDE + j)
    return sorted(found)


def row_index(row, points):
    """Which row of `points` the view `row` is (the searches return views of the caller's rows)."""
    assert np.shares_memory(row, points)
    return (row.__array_interface__["data"][0] - points.__array_interface__["data"][0]) // points.strides[0]


def positions(index, found):
    """Positions in the input list (by identity: the searches return the caller's own objects)."""
    return [index[id(p)] for p in found]


def test_a_million_polygons_best_polygons(million):
    polygons, areas, points, index = million
    best, grown = peak_growth(lambda: poly_match_rs.best_polygons(polygons, points, MAX_DIST))
    assert grown < 128 * MB, f"best_polygons used {grown / MB:.0f} MB on top of its input"
    expected = []
    for k, point in enumerate(points):
        close = close_to(point)
        if close:
            expected.append((k, min(close, key=lambda c: (areas[c], c))))
    assert [(row_index(row, points), index[id(p)]) for row, p in best] == expected
    assert len(expected) > 900  # most points have close polygons


def test_a_million_polygons_find_all_close_polygons(million):
    polygons, _, points, index = million
    found, grown = peak_growth(lambda: poly_match_rs.find_all_close_polygons(polygons, points, MAX_DIST))
    assert grown < 128 * MB, f"find_all_close_polygons used {grown / MB:.0f} MB on top of its input"
    expected = [(k, close) for k, point in enumerate(points) if (close := close_to(point))]
    assert [(row_index(row, points), positions(index, close)) for row, close in found] == expected


@pytest.mark.parametrize(
    "search",
    [
        poly_match_rs.find_close_polygons,
        poly_match_rs.v1.find_close_polygons,
        poly_match_rs.v2.find_close_polygons,
        poly_match_rs.v3.find_close_polygons,
        poly_match_rs.v4.find_close_polygons,
    ],
    ids=["find_close_polygons", "v1", "v2", "v3", "v4"],
)
def test_a_million_polygons_one_point(million, search):
    polygons, _, _, index = million
    point = np.array([SIDE - 1.0, SIDE - 1.25])  # in the last corner of the field
    found, grown = peak_growth(lambda: search(polygons, point, MAX_DIST))
    assert grown < 16 * MB, f"{search.__name__} used {grown / MB:.0f} MB on top of its input"
    assert positions(index, found) == close_to(point)


def test_a_million_polygons_v4_find_all_close_polygons(million):
    polygons, _, points, index = million
    few = points[:20]
    found, grown = peak_growth(lambda: poly_match_rs.v4.find_all_close_polygons(polygons, few, MAX_DIST))
    assert grown < 16 * MB, f"v4.find_all_close_polygons used {grown / MB:.0f} MB on top of its input"
    assert [positions(index, close) for _, close in found] == [c for p in few if (c := close_to(p))]
