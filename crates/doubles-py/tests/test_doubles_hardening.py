"""string_doubles under pressure: eight threads at once, the GIL released during long counts (every function;
the method is in tests/support.py, `calls_done_when_main_woke`), no UTF-8 copy left behind in the caller's
strings, no memory growth over 100,000 calls, and 100-million-character strings within a memory budget.

The budget is what a call may add to the process at its peak, on top of its input (measured exactly on
Linux, where the peak can be reset; see tests/memory_probe.py): count_doubles reads any str in place or in
small batches: at most 4 MB, whatever its length (the batch buffer is 256 KiB); count_doubles_bytes reads an
ASCII str in place (at most 4 MB) and encodes any other str to UTF-8 once, with CPython's encoder, as
str.encode() does: 4 MB plus what the encoder takes, which is the encoding's size, or at its peak the
largest size it could have (2, 3 or 4 bytes per character for a str that CPython stores in 1, 2 or 4 bytes
per character; PYTHONMALLOC=debug shows that peak)."""

import contextlib
import gc
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import string_doubles
from ch2_doubles.doubles_python import ascii_letters, mixed_text
from ch2_doubles.doubles_python import count_doubles as python_count_doubles
from memory_probe import rss_bytes
from records import record, record_huge, timed_peak_growth
from support import GIL_CALLS, MyStr, calls_done_when_main_woke


def test_eight_threads_get_the_single_thread_answers():
    texts = [
        ascii_letters(300_000, seed=1),
        mixed_text(300_000, seed=2),
        "aé" * 150_000 + "\ud800\ud800",
        "abbcCddef",
        "",
        "🦀" * 10_000,
    ] * 8
    expected = [python_count_doubles(text) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            assert list(pool.map(string_doubles.count_doubles, texts)) == expected
            bytes_texts = [t for t in texts if "\ud800" not in t]
            assert list(pool.map(string_doubles.count_doubles_bytes, bytes_texts)) == [
                string_doubles.count_doubles_bytes(t) for t in bytes_texts
            ]


@pytest.fixture
def no_forced_switches():
    """Stop CPython from taking the GIL away from a thread: only a voluntary release lets others run."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    yield
    sys.setswitchinterval(before)


@pytest.mark.usefixtures("no_forced_switches")
@pytest.mark.parametrize(
    "text", [ascii_letters(4_000_000, seed=3), mixed_text(2_100_000, seed=4)], ids=["ascii", "non-ascii"]
)
def test_long_counts_let_other_threads_run(text):
    # A worker counts the same long text again and again, until the main thread says it woke up (or up
    # to `limit` times). The main thread waits for it to start, and must wake up again *while the worker is
    # still counting*: with forced switches off, that can only happen if count_doubles itself lets go of
    # the GIL (for ASCII text: for the whole count; for other text: every million code points or so). A
    # count that held the GIL throughout would let the main thread run only after all `limit` calls. The
    # limit is generous (seconds of counting), so a busy machine that is slow to schedule the main thread
    # cannot fail the test; only a count that never releases the GIL can.
    limit = 3_000
    done = []
    started, main_woke = threading.Event(), threading.Event()

    def work():
        started.set()
        while len(done) < limit and not main_woke.is_set():
            done.append(string_doubles.count_doubles(text))

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    finished_when_main_woke = len(done)
    main_woke.set()
    worker.join()
    assert finished_when_main_woke < limit
    assert set(done) == {python_count_doubles(text)}


@pytest.mark.parametrize("text", ["é" * 1000, mixed_text(5000), "a\ud800" * 100, "ascii only " * 100])
def test_count_doubles_leaves_the_string_as_it_was(text):
    # CPython caches a UTF-8 copy inside a non-ASCII str the first time anything asks for its UTF-8 form,
    # and sys.getsizeof counts that copy. count_doubles never asks.
    size = sys.getsizeof(text)
    string_doubles.count_doubles(text)
    assert sys.getsizeof(text) == size


def test_the_tutorials_str_argument_does_leave_a_utf8_copy_behind():
    # The documented cost of a plain &str argument (the tutorial's steps): the copy lives as long as the
    # string. This is the behaviour count_doubles avoids.
    text = "é" * 1000
    size = sys.getsizeof(text)
    string_doubles.count_doubles_tutorial(text)
    assert sys.getsizeof(text) >= size + 2000


def one_round_of_every_call(texts: list[str]) -> None:
    for text in texts:
        string_doubles.count_doubles(text)
    string_doubles.count_doubles_bytes(texts[0])
    string_doubles.count_doubles_bytes("₂€")
    string_doubles.count_doubles_tutorial("éé")
    string_doubles.count_doubles_pairwise("aab")
    for bad in (None, b"aa"):
        with contextlib.suppress(TypeError):
            string_doubles.count_doubles(bad)
    with contextlib.suppress(UnicodeEncodeError):
        string_doubles.count_doubles_bytes("a\ud800")


def test_no_memory_growth_over_100_000_calls():
    # The same string objects every round (as a caller's long-lived strings would be): any per-call leak,
    # or a UTF-8 copy cached in them, shows up as growth. Several chunks per non-ASCII text.
    texts = ["abbcCddef", "é" * 9000, "🦀a" * 5000, "x\ud800\ud800" * 3000, MyStr("ééé")]
    for _ in range(2_000):
        one_round_of_every_call(texts)
    gc.collect()
    sizes = [sys.getsizeof(t) for t in texts]
    before = rss_bytes()
    for _ in range(100_000 // len(texts)):
        one_round_of_every_call(texts)
    gc.collect()
    grown = rss_bytes() - before
    assert [sys.getsizeof(t) for t in texts] == sizes
    assert grown < 2 * 1024 * 1024, f"resident memory grew by {grown:,} bytes"


@pytest.fixture(scope="module")
def long_calls():
    """Inputs that take at least a millisecond of work per call, mostly with the GIL released: sizes that keep
    each call's GIL-free stretches in the milliseconds, so that the main thread gets its chance even on a
    busy machine."""
    ascii_text = "ab" * 20_000_000
    other_text = "é" * 8_000_000
    return {
        "count_doubles, ASCII": lambda: string_doubles.count_doubles(ascii_text),
        "count_doubles, other text": lambda: string_doubles.count_doubles(other_text),
        "count_doubles_bytes, ASCII": lambda: string_doubles.count_doubles_bytes(ascii_text),
        "count_doubles_bytes, other text": lambda: string_doubles.count_doubles_bytes(other_text),
        "count_doubles_tutorial": lambda: string_doubles.count_doubles_tutorial(other_text),
        "count_doubles_bytes_tutorial": lambda: string_doubles.count_doubles_bytes_tutorial(other_text),
        "count_doubles_pairwise": lambda: string_doubles.count_doubles_pairwise(other_text),
    }


RELEASES = [
    "count_doubles, ASCII",
    "count_doubles, other text",
    "count_doubles_bytes, ASCII",
    "count_doubles_bytes, other text",
    "count_doubles_tutorial",
    "count_doubles_bytes_tutorial",
    "count_doubles_pairwise",
]


@pytest.mark.parametrize("name", RELEASES)
def test_every_long_count_lets_other_threads_run(long_calls, name):
    done = calls_done_when_main_woke(long_calls[name])
    assert done < GIL_CALLS
    record("gil", call=name, expected="releases", done=done, of=GIL_CALLS)


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


@pytest.mark.soak
@pytest.mark.parametrize("kind", TEXTS)
def test_a_100_million_character_string(kind):
    unit, characters, bytes_, encoder = TEXTS[kind]
    repeats = N_CHARACTERS // len(unit)
    text = unit * repeats
    assert len(text) == N_CHARACTERS

    count, grown, seconds = timed_peak_growth(lambda: string_doubles.count_doubles(text))
    assert count == characters * repeats
    budget = 4 * MB
    assert grown < budget, f"count_doubles used {grown / MB:.0f} MB on top of the string"
    record_huge("count_doubles", budget, grown, seconds, input=kind, characters=len(text))

    count, grown, seconds = timed_peak_growth(lambda: string_doubles.count_doubles_bytes(text))
    assert count == bytes_ * repeats
    budget = 4 * MB + encoder * N_CHARACTERS
    assert grown < budget, f"count_doubles_bytes used {grown / MB:.0f} MB (budget {budget / MB:.0f} MB)"
    record_huge("count_doubles_bytes", budget, grown, seconds, input=kind, characters=len(text))
