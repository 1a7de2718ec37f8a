"""Chapter 5 in the tour: a million numbers summed after each kind of boundary crossing."""

from __future__ import annotations

from harness import Chapter, Row, median_seconds

from ch5_boundary.boundary import ways

BASELINE = "Python sum(list)"
NOTES = {
    "Rust, list → Vec<f64>": "one Python object visited per number",
    "Rust, list walked in place": "same visits, no Vec",
    "numpy, np.array(list).sum()": "the conversion dominates",
    "Rust, numpy array in place": "no copy",
    "Rust, bytes in place": "u8 values, no copy",
}


def measure(full: bool = False) -> Chapter:
    n = 1_000_000
    chapter = Chapter(
        number=5,
        title="crossing the boundary",
        workload=f"the sum of {n:,} numbers, handed over in each way (one addition per number)",
        baseline=BASELINE,
    )
    for name, call in ways(n).items():
        chapter.rows.append(Row(name, median_seconds(call, repeat=5, min_run=0.05), note=NOTES.get(name, "")))
    chapter.notes.append(
        "The sizes table of chapter 5: `python examples/ch5_boundary/boundary.py` (n = 10 to 1,000,000)."
    )
    return chapter
