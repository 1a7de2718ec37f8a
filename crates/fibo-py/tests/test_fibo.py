"""fibo_rust against the tutorial's Python function, on good input, bad input, threads and Ctrl-C."""

import signal
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ThreadPoolExecutor

import fibo_rust
import pytest
from ch1_fibonacci.fibo_python import fibo as fibo_python
from ch1_fibonacci.fibo_smart import fibo_loop
from hypothesis import given
from hypothesis import strategies as st

RUST_FUNCTIONS = [fibo_rust.fibo, fibo_rust.fibo_tutorial]


@pytest.mark.parametrize("function", RUST_FUNCTIONS)
@given(n=st.integers(min_value=1, max_value=22))
def test_equals_the_tutorials_python(function, n):
    assert function(n) == fibo_python(n)


@pytest.mark.parametrize("function", RUST_FUNCTIONS)
@given(n=st.integers(min_value=1, max_value=32))
def test_equals_the_iterative_definition(function, n):
    assert function(n) == fibo_loop(n)


def test_the_tutorials_value():
    assert fibo_rust.fibo(40) == 102334155


def test_the_largest_value_that_fits():
    # Not computed by recursion (that would take years): the limit is checked against Python's ints.
    assert fibo_rust.MAX_N == 93
    assert fibo_loop(93) < 2**64 <= fibo_loop(94)


def test_bool_is_an_int_as_in_python():
    assert fibo_rust.fibo(True) == fibo_python(True) == 1


def test_int_subclass_is_accepted():
    class MyInt(int):
        pass

    assert fibo_rust.fibo(MyInt(10)) == 55


@pytest.mark.parametrize("function", RUST_FUNCTIONS)
@pytest.mark.parametrize("n", [0, -1, -(2**63), -(2**64), -(10**40)])
def test_below_one_is_a_value_error(function, n):
    with pytest.raises(ValueError, match=rf"n must be at least 1, got {n}$"):
        function(n)


@pytest.mark.parametrize("function", RUST_FUNCTIONS)
@pytest.mark.parametrize("n", [94, 100, 2**63, 2**64, 10**40])
def test_too_large_is_an_overflow_error(function, n):
    with pytest.raises(OverflowError, match=rf"fibo\({n}\) does not fit in 64 bits; n must be at most 93"):
        function(n)


@pytest.mark.parametrize("function", RUST_FUNCTIONS)
@pytest.mark.parametrize("n", [3.0, "5", None, b"5", [5], 5j])
def test_non_integer_is_a_type_error(function, n):
    name = function.__name__
    with pytest.raises(TypeError, match=rf"{name}\(\) argument n must be an int, not {type(n).__name__}"):
        function(n)


def test_integer_types_with_index_are_accepted():
    # operator.index accepts them, as Python's own range() and list indexing do.
    import numpy as np

    assert fibo_rust.fibo(np.int64(10)) == 55
    assert fibo_rust.fibo_tutorial(np.uint8(12)) == 144
    with pytest.raises(ValueError, match="n must be at least 1, got 0"):
        fibo_rust.fibo(np.int32(0))
    with pytest.raises(TypeError, match="must be an int, not float64"):
        fibo_rust.fibo(np.float64(10.0))


def test_argument_is_positional_only():
    with pytest.raises(TypeError):
        fibo_rust.fibo(n=5)


def test_help_reads_well():
    assert fibo_rust.fibo.__text_signature__ == "(n, /)"
    assert "naive double recursion" in fibo_rust.fibo.__doc__
    assert "OverflowError" in fibo_rust.fibo.__doc__
    assert fibo_rust.__version__.count(".") == 2


def test_eight_threads_get_the_single_thread_answers():
    ns = list(range(1, 33)) * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(fibo_rust.fibo, ns))
    assert results == [fibo_loop(n) for n in ns]


def test_gil_is_released_so_other_threads_run():
    # The main thread starts a call that would take years; another Python thread interrupts it. If the
    # call held the GIL, the other thread could never run and the child would hang until the timeout.
    child = textwrap.dedent(
        """
        import os, signal, threading, fibo_rust
        def interrupt():
            os.kill(os.getpid(), signal.SIGINT)
        threading.Timer(0.2, interrupt).start()
        try:
            fibo_rust.fibo(90)
        except KeyboardInterrupt:
            print("interrupted")
        """
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "interrupted", done.stderr


@pytest.mark.parametrize("function", ["fibo", "fibo_tutorial"])
def test_ctrl_c_stops_a_long_call(function):
    # A real Ctrl-C from outside: SIGINT sent to a child process that is busy in fibo(75).
    child = textwrap.dedent(
        f"""
        import sys, fibo_rust
        print("started", flush=True)
        fibo_rust.{function}(75)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", child], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "started"
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert "KeyboardInterrupt" in stderr
    assert proc.returncode != 0


def test_threads_share_work_without_blocking_each_other():
    # Two threads each run a call; both must finish with the right answer (no deadlock on re-taking the
    # GIL to check for signals).
    results = {}

    def work(key, n):
        results[key] = fibo_rust.fibo(n)

    threads = [threading.Thread(target=work, args=(k, 35)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results == {0: 9227465, 1: 9227465}
