"""Chapter 4's hardening figures (docs/04-shipping.md), made from what the tests measured in one run.

`./just hardening` runs the tests that measure, each pass with `pytest --record-figures FILE`
(tests/records.py), into results/hardening/:

1. debug.jsonl: the whole Python suite under PYTHONMALLOC=debug, as `./just test-py` runs it (counted);
2. memory.jsonl: the memory-growth rounds with the normal allocator, as `./just test-py` runs them next;
3. measured.jsonl: the thread, GIL, huge-input, Ctrl-C and odd-input tests once more with the normal
   allocator, for their times and peaks (the debug hooks slow every allocation and change the peaks);

then `./just fuzz 60`, which writes each target's run count (libFuzzer's "Done N runs in S second(s)") to
results/fuzz.jsonl, and then this script. It prints chapter 4's two tables and its sentence on the
million polygons, and writes them to results/hardening.md.

    python examples/ch4_shipping/hardening.py [--update-docs]  # from a run's records (results/)
    python examples/ch4_shipping/hardening.py --committed      # from the records the page was made from
    python examples/ch4_shipping/hardening.py --check          # is the page what those records give?
    python examples/ch4_shipping/hardening.py --committed --update-docs   # after a change to the wording

--update-docs keeps the run's records in docs/data/hardening.json and rewrites the page's blocks between
`<!-- hardening:checks -->`, `<!-- hardening:huge -->`, `<!-- hardening:polygons -->` and their closing
markers. tests/test_docs.py runs the check, so `./just docs` fails when a figure on the page is not what the
committed records give. --no-fuzz leaves the fuzzers' figures out (the table then says they were not
measured in this run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import figures
from harness import ROOT, format_seconds

Record = dict[str, Any]

RESULTS = ROOT / "results"
RECORDS = RESULTS / "hardening"
PASSES = ("debug", "memory", "measured")
FUZZ_RECORDS = RESULTS / "fuzz.jsonl"
COMMITTED = ROOT / "docs" / "data" / "hardening.json"
PAGE = ROOT / "docs" / "04-shipping.md"
BLOCKS = ("hardening:checks", "hardening:huge", "hardening:polygons")
COMMAND = "./just hardening"
MiB = 1024 * 1024


class RecordsError(Exception):
    """The records are missing, incomplete, or from a run that failed."""


# --- reading a run --------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[Record]:
    if not path.is_file():
        raise RecordsError(f"{path.relative_to(ROOT)} is missing: run `{COMMAND}`")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def collect(records: Path, fuzz: Path | None, started: float | None, built: float | None) -> dict[str, Any]:
    """One run: the records of its three passes and of the fuzzers, and where and when it ran."""
    if fuzz and started and fuzz.is_file() and fuzz.stat().st_mtime < started:
        raise RecordsError(f"{fuzz.relative_to(ROOT)} is older than this run: run `./just fuzz 60` again")
    run: dict[str, Any] = {
        "command": COMMAND,
        "date": time.strftime("%Y-%m-%d"),
        "seconds": round(time.time() - started) if started else None,
        "build_seconds": round(built - started) if started and built else None,
        "machine": {
            "system": platform.system(),
            "machine": platform.machine(),
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            # Over the last 1, 5 and 15 minutes, when the run ended: how busy the machine was meanwhile.
            "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        },
        "passes": {name: read_jsonl(records / f"{name}.jsonl") for name in PASSES},
        "fuzz": read_jsonl(fuzz) if fuzz else [],
    }
    # The debug pass gives its outcome only: its tests' times and peaks are the debug allocator's.
    run["passes"]["debug"] = [r for r in run["passes"]["debug"] if r["kind"] == "session"]
    check(run)
    return run


def session(run: dict[str, Any], name: str) -> Record:
    found: list[Record] = [r for r in run["passes"][name] if r["kind"] == "session"]
    if len(found) != 1:
        raise RecordsError(f"the {name} pass has {len(found)} session records, not 1: did it finish?")
    return found[0]


def check(run: dict[str, Any]) -> None:
    """Figures only from a run that passed: every pass finished, with no failure and no error."""
    for name in PASSES:
        outcome = session(run, name)
        if outcome["failed"] or outcome["error"] or not outcome["passed"]:
            raise RecordsError(
                f"the {name} pass did not pass ({outcome['passed']} passed, {outcome['failed']} failed, "
                f"{outcome['error']} errors): no figures from it"
            )


def of_kind(run: dict[str, Any], kind: str, pass_name: str = "measured") -> list[Record]:
    found = [r for r in run["passes"][pass_name] if r["kind"] == kind]
    if not found:
        raise RecordsError(f"the {pass_name} pass recorded no {kind!r} figures")
    return found


# --- formatting -----------------------------------------------------------------------------------------


def mib(size: float) -> str:
    """Bytes as MiB: 0, 0.2, 7.6, 143."""
    value = size / MiB
    return f"{value:.1f}".removesuffix(".0") if value < 10 else f"{value:,.0f}"


def kib(size: float) -> str:
    return f"{size / 1024:,.0f} KiB"


def several(values: list[float], show: Callable[[float], str], unit: str = "", spread: bool = False) -> str:
    """Up to three values one by one ("0 / 0.2 / 0.1 MiB"), more (or any number, with `spread`) as their
    range ("15 to 190 ms")."""
    if len(set(values)) == 1:
        return show(values[0]) + unit
    if len(values) <= 3 and not spread:
        return " / ".join(show(v) for v in values) + unit
    low, high = show(min(values)), show(max(values))
    shared = " " + high.rsplit(" ", 1)[-1] if " " in high else ""
    if shared and low.endswith(shared):
        low = low.removesuffix(shared)  # "11.3 to 19.2 ms", not "11.3 ms to 19.2 ms"
    return f"{low} to {high}{unit}"


def amount(n: int) -> str:
    if n == 1_000_000:
        return "a million"
    return f"{n // 1_000_000} M" if n % 1_000_000 == 0 else f"{n:,}"


def link(path: str, full: bool = False) -> str:
    """A link from docs/ to a file of the repository, showing its path or (by default) its name."""
    return f"[`{path if full else Path(path).name}`](../{path})"


def stamp(run: dict[str, Any]) -> str:
    machine = run["machine"]
    took = ""
    if run["seconds"] is not None:
        took = f"; it took {run['seconds'] / 60:.0f} min here"
        if run["build_seconds"] is not None:
            build = run["build_seconds"]
            build_took = f"{build} s" if build < 120 else f"{build / 60:.0f} min"
            took += f" ({build_took} of it in `./just develop`, which builds the wheels)"
    load = ""
    if machine["load_average"]:
        load = (
            f", whose load average over the last 15 minutes was {machine['load_average'][2]:.1f} when it "
            "ended"
        )
    return (
        f"Measured with `{run['command']}` on {run['date']}{took}: {machine['system']} "
        f"{machine['machine']}, {machine['cores']} cores{load}, CPython {machine['python']}.\n"
    )


# --- the table of checks --------------------------------------------------------------------------------


def threads_row(run: dict[str, Any]) -> list[str]:
    (threads,) = of_kind(run, "threads")
    total = threads["threads"] * threads["walks"] * threads["calls_per_walk"]
    how = (
        f"{link('tests/test_threads.py', full=True)}: {threads['threads']} threads released together by a "
        f"barrier call every public function of the {threads['wheels']} wheels ({threads['functions']} "
        "functions and classes, `v1`..`v4` and `v1_interned` included), on good and bad input, on the "
        "*same* `str`, list, array and `Polygon` objects"
    )
    figure = (
        f"{threads['calls_per_walk']} calls per walk, {threads['walks']} walks per thread: {total:,} calls, "
        "every answer equal to the single-thread one"
    )
    return ["Threads", how, figure]


def gil_row(run: dict[str, Any]) -> list[str]:
    gil = of_kind(run, "gil")
    releases = [r for r in gil if r["expected"] == "releases"]
    keeps = [r for r in gil if r["expected"] == "keeps"]
    if any(r["done"] >= r["of"] for r in releases) or any(r["done"] != r["of"] for r in keeps):
        raise RecordsError("a GIL record contradicts its test's assertion")
    of = gil[0]["of"]
    done = [r["done"] for r in releases]
    how = (
        "each chapter's `crates/<x>-py/tests/test_<x>_hardening.py` (chapter 5's: "
        f"{link('crates/boundary-py/tests/test_boundary_hardening.py')}): with CPython's forced thread "
        f"switches off, a thread making {of} long calls in a row lets the waiting main thread run only "
        "if a call lets go of the GIL"
    )
    figure = (
        f"all {len(releases)} long calls let it go (the main thread ran after {several(done, str)} of "
        f"the {of} calls); the {len(keeps)} calls documented to keep it are seen keeping it (after {of} "
        f"of {of})"
    )
    return ["The GIL", how, figure]


def memory_row(run: dict[str, Any]) -> list[str]:
    rounds = of_kind(run, "memory_rounds", "memory")
    (large,) = of_kind(run, "memory_large", "memory")
    allowances = {r["allowance"] for r in rounds}
    how = (
        "each chapter's `crates/<x>-py/tests/test_<x>_memory.py` and "
        f"{link('tests/test_memory.py', full=True)}: {rounds[0]['rounds']:,} rounds per wheel, each round "
        f"calling every public function on good and bad input; then {large['rounds']} rounds of the thread "
        "test's large inputs"
    )
    if len({r["grown"] for r in rounds}) == 1:
        per_wheel = f"{kib(rounds[0]['grown'])} for each of the {len(rounds)} wheels"
    else:
        per_wheel = ", ".join(f"`{r['wheel']}` {kib(r['grown'])}" for r in rounds)
    figure = (
        f"growth over {rounds[0]['rounds']:,} rounds: {per_wheel} (allowance "
        f"{' / '.join(mib(a) for a in sorted(allowances))} MiB); large rounds: {kib(large['grown'])} "
        f"(allowance {mib(large['allowance'])} MiB), thread count unchanged ({large['threads']})"
    )
    return ["Memory", how, figure]


def debug_row(run: dict[str, Any]) -> list[str]:
    outcome = session(run, "debug")
    if outcome["pythonmalloc"] != "debug":
        raise RecordsError("the debug pass did not run under PYTHONMALLOC=debug")
    how = (
        "the whole Python suite under `PYTHONMALLOC=debug`, as `./just test-py` runs it (all but the "
        "memory-growth rounds, which measure the resident size and run after it with the normal allocator)"
    )
    skipped = f" ({outcome['skipped']} skipped)" if outcome["skipped"] else ""
    figure = f"{outcome['passed']:,} tests passed{skipped}; the debug hooks find nothing"
    return ["Debug allocator", how, figure]


def huge_inputs_row() -> list[str]:
    how = (
        "the `test_*_hardening.py` of chapters 2, 3 and 6 "
        f"({link('crates/poly-py/tests/test_poly_hardening.py')}): 100-million-character strings, a million "
        "polygons, each call's peak memory on top of its input checked against a budget"
    )
    return ["Huge inputs", how, "see below"]


def ctrl_c_row(run: dict[str, Any]) -> list[str]:
    stops = of_kind(run, "ctrl_c")
    released = [r for r in stops if not r["call"].startswith("v4.")]
    held = [r for r in stops if r["call"].startswith("v4.")]
    how = (
        f"{link('crates/poly-py/tests/test_poly_hardening.py', full=True)}: a call that would run for "
        "minutes, interrupted half a second in"
    )
    parts = []
    for group, signal in ((released, "SIGINT"), (held, "the timer's signal")):
        if group:
            calls = ", ".join(f"`{r['call']}`" for r in group)
            stopped = several([r["seconds"] for r in group], format_seconds, spread=True)
            parts.append(f"{stopped} after {signal} ({calls})")
    return ["Ctrl-C", how, "stopped " + "; ".join(parts)]


def wheel_of(test_file: str) -> str:
    """The module a chapter's test file tests: crates/<x>-py/pyproject.toml's module-name."""
    pyproject = ROOT / Path(test_file).parent.parent / "pyproject.toml"
    found = re.search(r'^module-name = "([\w.]+)"', pyproject.read_text(), re.MULTILINE)
    return found.group(1).split(".")[0] if found else Path(test_file).name


def odd_inputs_row(run: dict[str, Any]) -> list[str]:
    passed = session(run, "measured")["passed_by_file"]
    odd = {f: n for f, n in sorted(passed.items()) if re.search(r"/test_\w+_odd_inputs\.py$", f)}
    if not odd:
        raise RecordsError("the measured pass ran no odd-input tests")
    how = (
        "each chapter's `crates/<x>-py/tests/test_<x>_odd_inputs.py` (chapter 3's: "
        f"{link('crates/poly-py/tests/test_poly_odd_inputs.py')}): empty everything; NaN, infinities, "
        "`-0.0`, subnormal and huge `max_dist`; read-only, misaligned and strided arrays; `.center` that "
        "raises (also `KeyboardInterrupt`), raises half-way or empties the list; `str`, `int`, `list` "
        "subclasses that lie about themselves; `__float__` that raises or empties the list"
    )
    per_wheel = ", ".join(f"`{wheel_of(f)}` {n}" for f, n in odd.items())
    return ["Inputs nobody tries", how, f"{sum(odd.values())} cases passed ({per_wheel})"]


def fuzz_row(run: dict[str, Any]) -> list[str]:
    how = (
        "[`fuzz/`](../fuzz/Cargo.toml), `./just fuzz 60`: cargo-fuzz (libFuzzer) on each core crate, "
        "against a plain reference"
    )
    fuzz = run["fuzz"]
    if not fuzz:
        return ["Fuzzing", how, "not measured in this run (`./just fuzz 60` measures them)"]
    asked = {r["seconds_asked"] for r in fuzz}
    runs = ", ".join(f"`{r['target']}` {r['runs']:,} inputs" for r in fuzz)
    return ["Fuzzing", how, f"{' / '.join(map(str, sorted(asked)))} s per target: {runs}; nothing found"]


def checks_table(run: dict[str, Any]) -> str:
    rows = [
        threads_row(run),
        gil_row(run),
        memory_row(run),
        debug_row(run),
        huge_inputs_row(),
        ctrl_c_row(run),
        odd_inputs_row(run),
        fuzz_row(run),
    ]
    lines = ["| What | How | Figures from this run |", "|---|---|---|"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines) + "\n\n" + stamp(run)


# --- the table of huge inputs ---------------------------------------------------------------------------


def strings(records: list[Record]) -> str:
    return f"{amount(records[0]['characters'])} characters: " + " / ".join(r["input"] for r in records)


def polymer(records: list[Record]) -> str:
    return f"a polymer of {amount(records[0]['characters'])} letters, as `{records[0]['input']}`"


def polygons(records: list[Record]) -> str:
    points = records[0]["points"]
    where = "one point" if points == 1 else f"{points:,} points"
    return f"{amount(records[0]['polygons'])} polygons, {where}"


ONE_POINT = (
    "find_close_polygons",
    "v1_interned.find_close_polygons",
    *(f"v{k}.find_close_polygons" for k in range(1, 5)),
)
# Each row of the table: its label, the calls it shows, how its input reads, and what its budget is made of.
HUGE_ROWS: list[tuple[str, tuple[str, ...], Callable[[list[Record]], str], str]] = [
    ("`count_doubles`", ("count_doubles",), strings, ""),
    ("`count_doubles_bytes`", ("count_doubles_bytes",), strings, "4 MiB + the UTF-8 encoder's worst case"),
    ("`run_polymerization`", ("run_polymerization",), polymer, "4 MiB + a stack of a byte per letter"),
    ("`shortest_polymer`", ("shortest_polymer",), polymer, "the same + the reduced polymer"),
    ("`best_polygons`", ("best_polygons",), polygons, ""),
    ("`find_all_close_polygons`", ("find_all_close_polygons",), polygons, ""),
    ("`find_close_polygons`, `v1`..`v4`, `v1_interned`", ONE_POINT, polygons, ""),
    ("`v4.find_all_close_polygons`", ("v4.find_all_close_polygons",), polygons, ""),
]


def huge_table(run: dict[str, Any]) -> str:
    records = of_kind(run, "huge")
    unplaced = sorted({r["call"] for r in records} - {c for _, calls, _, _ in HUGE_ROWS for c in calls})
    if unplaced:
        raise RecordsError(f"huge-input records of {unplaced} have no row in HUGE_ROWS")
    lines = ["| Call | Input | Budget | Took | Time |", "|---|---|---|---|---|"]
    previous = ""
    for label, calls, describe, budget_note in HUGE_ROWS:
        mine = [r for r in records if r["call"] in calls]
        if not mine:
            raise RecordsError(f"no huge-input record of {label}")
        described = describe(mine)
        budget = several([r["budget"] for r in mine], mib, " MiB")
        lines.append(
            f"| {label} | {'the same' if described == previous else described} "
            f"| {budget}{f' ({budget_note})' if budget_note else ''} "
            f"| {several([r['grown'] for r in mine], mib, ' MiB')} "
            f"| {several([r['seconds'] for r in mine], format_seconds)} |"
        )
        previous = described
    return "\n".join(lines) + f"\n\nFrom the same run (`{run['command']}`, {run['date']}).\n"


def polygons_paragraph(run: dict[str, Any]) -> str:
    (build,) = of_kind(run, "build")
    search = max(r["grown"] for r in of_kind(run, "huge") if r["call"] == "best_polygons")
    times = build["grown"] / search if search else float("inf")
    how_many = "million" if build["polygons"] == 1_000_000 else f"{build['polygons']:,}"
    return (
        f"Building the {how_many} `Polygon` objects took {format_seconds(build['seconds'])} "
        f"and {mib(build['grown'])} MiB, about {build['grown'] / build['polygons']:,.0f} bytes each, "
        f"{times:,.0f} times what `best_polygons` took on top of them: three small numpy arrays per polygon "
        "cost far more than the search.\n"
    )


def blocks(run: dict[str, Any]) -> dict[str, str]:
    """Each marked block of the page, as the run's records give it."""
    return {
        "hardening:checks": checks_table(run),
        "hardening:huge": huge_table(run),
        "hardening:polygons": polygons_paragraph(run),
    }


# --- the page -------------------------------------------------------------------------------------------


def stale_blocks(page: Path = PAGE, committed: Path = COMMITTED) -> list[str]:
    """Each marked block of `page` that is not what the `committed` records give (empty: all match)."""
    text = page.read_text()
    wanted = blocks(json.loads(committed.read_text()))
    found = []
    for name, body in wanted.items():
        matches = figures.marked_block(name).findall(text)
        if len(matches) != 1:
            found.append(f"{page.name}: {len(matches)} blocks marked <!-- {name} -->, not 1")
        elif matches[0][1] != body:
            found.append(f"{page.name}: <!-- {name} --> is not what {committed.name} gives")
    return found


def update_page(run: dict[str, Any], page: Path = PAGE) -> bool:
    text = page.read_text()
    new = text
    for name, body in blocks(run).items():
        if len(figures.marked_block(name).findall(new)) != 1:
            raise RecordsError(f"{page.name} needs exactly one <!-- {name} --> block")
        new = figures.replace_block(new, name, body)
    if new != text:
        page.write_text(new)
    return new != text


def markdown(run: dict[str, Any]) -> str:
    parts = blocks(run)
    return (
        "# Hardening figures (chapter 4)\n\n"
        + parts["hardening:checks"]
        + "\n"
        + parts["hardening:huge"]
        + "\n"
        + parts["hardening:polygons"]
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--committed", action="store_true", help=f"from {COMMITTED.relative_to(ROOT)}")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="the page against the committed records")
    action.add_argument("--update-docs", action="store_true", help="keep the records, rewrite the page")
    parser.add_argument("--no-fuzz", action="store_true", help="leave the fuzzers' figures out")
    parser.add_argument("--started", type=float, help="when the run started (seconds since the epoch)")
    parser.add_argument("--built", type=float, help="when the wheels were built (seconds since the epoch)")
    args = parser.parse_args()

    try:
        if args.check:
            found = stale_blocks()
            for problem in found:
                print(problem)
            if found:
                print(f"run `{COMMAND} --update-docs`, or put back what {COMMITTED.name} gives")
            return 1 if found else 0
        if args.committed:
            run = json.loads(COMMITTED.read_text())
        else:
            fuzz = None if args.no_fuzz else FUZZ_RECORDS
            run = collect(RECORDS, fuzz, args.started, args.built)
        text = markdown(run)
    except RecordsError as error:
        print(f"hardening: {error}", file=sys.stderr)
        return 1
    print(text)
    if not run["fuzz"]:
        print("The fuzzers' figures were NOT measured in this run: the table says so (`./just fuzz 60`).")
    if not args.committed:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "hardening.md").write_text(text)
        (RESULTS / "hardening.json").write_text(json.dumps(run, indent=1) + "\n")
        print(f"wrote {(RESULTS / 'hardening.md').relative_to(ROOT)} and results/hardening.json")
    if args.update_docs:
        COMMITTED.parent.mkdir(parents=True, exist_ok=True)
        COMMITTED.write_text(json.dumps(run, indent=1) + "\n")
        print(f"wrote {COMMITTED.relative_to(ROOT)}")
        if update_page(run):
            print(f"updated {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
