"""fibo_rust under pressure: long calls let other Python threads run (the method is in
tests/support.py, `calls_done_when_main_woke`). Ctrl-C, threads and memory are in test_fibo.py and
test_fibo_memory.py."""

import fibo_rust
import pytest
from support import gil_tests


@pytest.fixture(scope="module")
def calls():
    return {"fibo": lambda: fibo_rust.fibo(30), "fibo_tutorial": lambda: fibo_rust.fibo_tutorial(29)}


test_long_work_lets_other_threads_run, _ = gil_tests(["fibo", "fibo_tutorial"], keeps=[])
