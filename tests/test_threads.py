"""Eight threads call every public function of every installed wheel at once, on the same objects, and get
exactly the answers one thread gets.

The table (tests/every_call.py, "large" scale) calls each function on good input and on bad, with inputs
big enough for every path the wrappers take for big work: the GIL released during counts and searches,
non-ASCII strings read in batches, poly_match_rs's thread pool and its Ctrl-C watch, boundary_cost's
detached sums. All eight threads read the same str, list, array and Polygon objects. A barrier starts them
together, and each walks the table from a different place, so that different functions overlap.

What this catches:

- state shared between calls without a lock: a scratch buffer, a cache or a pool that one call could
  change under another would give some thread an answer that differs from the single-thread one;
- a lock and the GIL taken in opposite orders by two threads (the pool's lock is taken with the GIL
  held; the Ctrl-C watch takes the GIL back from inside a call that released it): the threads deadlock,
  and the join times out;
- a call that changes a shared input: the table reads a shared Polygon's facts among its calls, and the
  whole table is run once more on one thread at the end. (A UTF-8 copy that count_doubles_tutorial caches
  inside a shared str is allowed: CPython makes that safe.)

What it cannot do on this interpreter: prove the absence of a data race in the Rust code. With the GIL,
only the detached parts run in parallel; Rust's type system (Send/Sync, no `static mut`) is what rules out
unsynchronised sharing, and the free-threaded interpreter (3.13t, 3.14t) would run everything in parallel.
"""

import threading

import every_call
import pytest
from records import record

THREADS = 8
ROUNDS = 2

if not every_call.MODULES:
    pytest.skip("no wheel is installed (./just develop)", allow_module_level=True)


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    return every_call.calls("large", tmp_path_factory.mktemp("every_call"))


def test_the_table_calls_every_public_function(table):
    covered = {id(call.covers) for call in table}
    missing = [name for key, name in every_call.public_callables().items() if key not in covered]
    assert not missing, f"tests/every_call.py does not call {missing}"


def test_eight_threads_get_the_single_thread_answers(table):
    expected = [call() for call in table]
    answers: list[list[tuple[int, object]]] = [[] for _ in range(THREADS)]
    failures: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def work(thread: int) -> None:
        try:
            start.wait()
            for round_ in range(ROUNDS):
                for step in range(len(table)):
                    # Each thread starts at a different place in the table, so different calls overlap.
                    k = (step + thread * len(table) // THREADS + round_) % len(table)
                    answers[thread].append((k, table[k]()))
        except BaseException as error:  # anything but a call's own exception (those are answers)
            failures.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    assert not [t for t in threads if t.is_alive()], "threads still running after 240 s: a deadlock?"
    assert not failures, failures
    for thread, mine in enumerate(answers):
        assert len(mine) == ROUNDS * len(table)
        wrong = [table[k].label for k, answer in mine if answer != expected[k]]
        assert not wrong, f"thread {thread} got other answers than one thread did for: {wrong}"
    # The shared inputs are as they were: the single-thread answers, once more, are the same.
    assert [call() for call in table] == expected
    record(
        "threads",
        threads=THREADS,
        walks=ROUNDS,
        calls_per_walk=len(table),
        functions=len(every_call.public_callables()),
        wheels=len([wheel for wheel in every_call.WHEELS if wheel is not None]),
    )


def test_every_public_function_answers_the_same_twice_on_small_inputs(tmp_path):
    # The quick pass `./just test-pythons` runs on every CPython: each public function of every wheel, with
    # good and bad input, once and again (the second answer must equal the first).
    table = every_call.calls("small", tmp_path)
    covered = {id(call.covers) for call in table}
    assert not [name for key, name in every_call.public_callables().items() if key not in covered]
    first = [call() for call in table]
    assert [call() for call in table] == first
