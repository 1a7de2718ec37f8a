"""No memory growth over rounds of large inputs, across every installed wheel: the paths that only big inputs
take, over tests/every_call.py's large table (the table the thread test walks).

Each wheel's own 100,000 rounds of small calls are in its chapter's tests (crates/<x>-py/tests/
test_<x>_memory.py); `./just test-py` runs all of them with the normal allocator, after the suite's pass under
PYTHONMALLOC=debug, because they measure leaks by the resident size, which the debug hooks inflate.
"""

import every_call
import pytest
from memory_probe import settled_rss_bytes
from records import record

if not every_call.MODULES:
    pytest.skip("no wheel is installed (./just develop)", allow_module_level=True)

LARGE_ROUNDS = 10
LARGE_ALLOWANCE_BYTES = 4 * 1024 * 1024


def thread_count() -> int | None:
    """The process's threads, Rust's included (Linux); None where /proc is missing."""
    try:
        with open("/proc/self/status") as status:
            return int(next(line for line in status if line.startswith("Threads:")).split()[1])
    except OSError:
        return None


def test_no_growth_over_rounds_of_large_inputs(tmp_path):
    """The paths only big inputs take: batches of a long non-ASCII str, the search's grid, thread pool and
    Ctrl-C watch, detached sums. A leaked 256 KiB batch buffer, a leaked grid or a leaked copy of the
    points grows the process by megabytes per round; a thread pool built per call and never joined adds
    threads."""
    table = every_call.calls("large", tmp_path)
    for _ in range(3):  # the allocator settles (measured: up to 1.5 MB of drift after 2 rounds, then flat)
        for call in table:
            call()
    before, threads_before = settled_rss_bytes(), thread_count()
    for _ in range(LARGE_ROUNDS):
        for call in table:
            call()
    grown = settled_rss_bytes() - before
    assert grown < LARGE_ALLOWANCE_BYTES, f"memory grew by {grown / 1e6:.1f} MB over {LARGE_ROUNDS} rounds"
    assert thread_count() == threads_before
    record(
        "memory_large",
        rounds=LARGE_ROUNDS,
        grown=grown,
        allowance=LARGE_ALLOWANCE_BYTES,
        threads=threads_before,
        calls_per_round=len(table),
    )
