"""The tour: every chapter's steps measured side by side on this machine.

Run it through `./just tour` (which first builds every wheel, release and debug). It imports each
chapter's `tour.py` (examples/ch*/tour.py), calls its `measure(full)`, prints one table per chapter with
the tutorial's own figures beside this machine's, and writes results/tour.md and results/tour.png.

    python examples/tour.py [--full] [--chapter N ...] [--out DIR]

Every timed row is checked first: its answer against the chapter's reference (each chapter lists its steps
once, as `harness.Step`s, with the check each must pass). A row that answers wrongly stops the tour with a
message naming the chapter and the row, and nothing is written.

--full uses the tutorials' exact input sizes (slow: CPython needs minutes for fibo(40)).
--chapter N (repeatable) measures only those chapters; such a partial tour writes results/tour-ch3.md
(chapter numbers joined by '-') and its own chart, and leaves the full tour's results/tour.md alone.
--update-docs also copies each measured table into README.md and docs/*.md, between the markers
`<!-- tour:N -->` and `<!-- /tour:N -->`, and the chart to docs/img/tour.png, so the numbers there are
always the tour's own.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import re
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figures
from harness import ROOT, Chapter, WrongAnswerError, format_ratio, format_seconds


def chapter_modules() -> list[str]:
    found = sorted(p.parent.name for p in (ROOT / "examples").glob("ch*/tour.py"))
    return sorted(found, key=lambda name: int(name[2:].split("_")[0]))


def markdown_table(chapter: Chapter) -> str:
    lines = [
        f"### Chapter {chapter.number}: {chapter.title}",
        "",
        f"Workload: {chapter.workload}",
        "",
        "| step | time per call | speed-up vs " + chapter.baseline + " | the tutorial reported | note |",
        "|---|---:|---:|---:|---|",
    ]
    for row in chapter.rows:
        lines.append(
            f"| {row.step} | {format_seconds(row.seconds)} | {format_ratio(chapter.speedup(row))} "
            f"| {row.tutorial or '—'} | {row.note} |"
        )
    lines += ["", *[f"- {note}" for note in chapter.notes]]
    return "\n".join(lines).rstrip() + "\n"


def summary_table(chapters: list[Chapter]) -> str:
    """One line per chapter: the tutorial's best reported speed-up beside this machine's best."""
    lines = [
        "| chapter | workload | the tutorial's best | this project, on this machine |",
        "|---|---|---:|---:|",
    ]
    for chapter in chapters:
        best = next((r for r in chapter.rows if r.step == chapter.headline), None)
        if best is None:
            continue
        reported = [ratio for r in chapter.rows if (ratio := tutorial_ratio(r.tutorial))]
        lines.append(
            f"| {chapter.number}. {chapter.title} | {chapter.workload.split(';')[0]} "
            f"| {format_ratio(max(reported)) if reported else '—'} "
            f"| **{format_ratio(chapter.speedup(best))}** ({best.step}) |"
        )
    return "\n".join(lines) + "\n"


PEER_KINDS = (("numpy / scipy", ("numpy", "scipy")), ("numba", ("numba",)), ("Cython", ("cython",)))


def peer_kind(step: str) -> str:
    name = step.lower().removeprefix("non-ascii: ")
    return next((kind for kind, starts in PEER_KINDS if name.startswith(starts)), "other")


def peers_table(chapters: list[Chapter]) -> str:
    """Chapter 0's table: each chapter's wheel beside the fastest numpy/scipy, numba and Cython rows of the
    same workload in the same run, and the closest of them."""
    lines = [
        "| workload (chapter) | Rust, the wheel | "
        + " | ".join(kind for kind, _ in PEER_KINDS)
        + " | closest peer |",
        "|---|---:|" + "---:|" * len(PEER_KINDS) + "---|",
    ]
    for chapter in chapters:
        for versus in chapter.versus:
            rust = chapter.seconds_of(versus.rust)
            timed = [(s, step) for step in versus.peers if (s := chapter.seconds_of(step))]
            cells = []
            for kind, _ in PEER_KINDS:
                of_kind = [(s, step) for s, step in timed if peer_kind(step) == kind]
                cells.append(format_seconds(min(of_kind)[0]) if of_kind else "—")
            if rust and timed:
                seconds, step = min(timed)
                margin = seconds / rust
                verdict = (
                    f"Rust {format_ratio(margin)} as fast"
                    if margin >= 1
                    else f"Rust took {format_ratio(1 / margin)} its time"
                )
                closest = f"{step.removeprefix('non-ASCII: ')}: {verdict}"
            else:
                closest = "—"
            lines.append(
                f"| {versus.workload} ({chapter.number}) | {format_seconds(rust)} | "
                + " | ".join(cells)
                + f" | {closest} |"
            )
    return "\n".join(lines) + "\n"


def update_docs(chapters: list[Chapter], command: str, partial: bool) -> list[Path]:
    """Replace the marked tables of the measured chapters in README.md and docs/*.md."""
    changed = []
    stamp = f"Measured with `{command}` on {time.strftime('%Y-%m-%d')}.\n"
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = original = page.read_text()
        if not partial:  # the summary needs every chapter: only a full tour rewrites it
            text = figures.replace_block(text, "tour:summary", summary_table(chapters) + "\n" + stamp)
            text = figures.replace_block(text, "tour:peers", peers_table(chapters) + "\n" + stamp)
        for chapter in chapters:
            table = markdown_table(chapter).split("\n", 2)[2]  # without the heading line
            text = figures.replace_block(text, f"tour:{chapter.number}", f"{table}\n{stamp}")
        if text != original:
            page.write_text(text)
            changed.append(page)
    return changed


def terminal_table(chapter: Chapter) -> str:
    headers = ["step", "time", f"vs {chapter.baseline}", "tutorial"]
    body = [
        [row.step, format_seconds(row.seconds), format_ratio(chapter.speedup(row)), row.tutorial or "—"]
        for row in chapter.rows
    ]
    widths = [max(len(r[i]) for r in [headers, *body]) for i in range(len(headers))]
    out = [f"\nChapter {chapter.number}: {chapter.title}", f"  {chapter.workload}"]
    for i, r in enumerate([headers, *body]):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        out.append("  " + "  ".join(cells))
        if i == 0:
            out.append("  " + "  ".join("-" * w for w in widths))
    out += [f"  * {note}" for note in chapter.notes]
    return "\n".join(out)


def tutorial_ratio(text: str) -> float | None:
    """The leading ratio of a tutorial figure written like "28x (0.67 s)"; None when there is none."""
    match = re.match(r"\s*([\d.,]+)x", text)
    return float(match.group(1).replace(",", "")) if match else None


def chart(chapters: list[Chapter], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(len(chapters), 1, figsize=(9, 2.2 + 0.45 * sum(len(c.rows) for c in chapters)))
    if len(chapters) == 1:
        axes = [axes]
    for ax, chapter in zip(axes, chapters, strict=True):
        rows = [r for r in chapter.rows if chapter.speedup(r) is not None][::-1]
        names = [r.step for r in rows]
        values = [chapter.speedup(r) for r in rows]
        reported = [tutorial_ratio(r.tutorial) or 0 for r in rows]
        height = 0.38
        ticks = range(len(rows))
        bars = ax.barh([t + height / 2 for t in ticks], values, height, color="#b7410e", label="this machine")
        if any(reported):
            ax.barh([t - height / 2 for t in ticks], reported, height, color="#999999", label="the tutorial")
            ax.legend(fontsize=7, loc="lower right")
        ax.set_yticks(list(ticks), names)
        ax.set_xscale("log")
        ax.bar_label(bars, labels=[format_ratio(v) for v in values], padding=3, fontsize=8)
        ax.set_title(
            f"Chapter {chapter.number}: {chapter.title} — speed-up over {chapter.baseline}", fontsize=10
        )
        ax.tick_params(axis="y", labelsize=8)
        ax.margins(x=0.15)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--full", action="store_true", help="the tutorials' exact input sizes (slow)")
    parser.add_argument("--chapter", type=int, action="append", help="only these chapters")
    parser.add_argument("--out", type=Path, default=ROOT / "results", help="where tour.md and tour.png go")
    parser.add_argument("--update-docs", action="store_true", help="copy the tables into README.md and docs/")
    args = parser.parse_args()

    chapters: list[Chapter] = []
    for name in chapter_modules():
        number = int(name[2:].split("_")[0])
        if args.chapter and number not in args.chapter:
            continue
        print(f"==> measuring chapter {number} ({name}) ...", flush=True)
        start = time.perf_counter()
        try:
            chapter = importlib.import_module(f"{name}.tour").measure(full=args.full)
        except WrongAnswerError as wrong:
            print(f"\nThe tour stopped: {wrong}", file=sys.stderr)
            return 1
        print(terminal_table(chapter))
        print(f"  (measured in {time.perf_counter() - start:.0f} s)", flush=True)
        chapters.append(chapter)

    args.out.mkdir(parents=True, exist_ok=True)
    stem = "tour" if not args.chapter else "tour-" + "-".join(f"ch{c.number}" for c in chapters)
    header = (
        "# Tour results\n\n"
        f"Measured on {platform.machine()} · {platform.system()} · Python {platform.python_version()} · "
        f"{time.strftime('%Y-%m-%d')}, with `./just tour{' --full' if args.full else ''}`. "
        "Times are medians; speed-ups are ratios measured in the same run.\n\n"
    )
    (args.out / f"{stem}.md").write_text(header + "\n".join(markdown_table(c) for c in chapters))
    chart(chapters, args.out / f"{stem}.png")
    print(f"\nwrote {args.out / f'{stem}.md'} and {args.out / f'{stem}.png'}")
    if args.update_docs:
        command = "./just tour" + (" --full" if args.full else "")
        command += "".join(f" --chapter {c.number}" for c in chapters) if args.chapter else ""
        for page in update_docs(chapters, command, partial=bool(args.chapter)):
            print(f"updated {page.relative_to(ROOT)}")
        for page in figures.update():  # the prose that quotes the tables' cells
            print(f"updated the quoted figures in {page.relative_to(ROOT)}")
        if not args.chapter:
            shutil.copyfile(args.out / "tour.png", ROOT / "docs" / "img" / "tour.png")
            print("updated docs/img/tour.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
