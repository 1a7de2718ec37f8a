"""`pytest --record-figures FILE` (conftest.py, tests/records.py): the tests write down what they measured,
and only when asked, so that chapter 4's figures come from a run (`./just hardening`)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import records

ROOT = Path(__file__).resolve().parent.parent


def test_without_the_option_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.delenv(records.ENVIRONMENT, raising=False)
    monkeypatch.chdir(tmp_path)
    records.record("gil", call="anything", done=1)
    assert list(tmp_path.iterdir()) == []


def test_a_run_writes_its_measurements_and_its_outcome(tmp_path):
    pytest.importorskip("fibo_rust")
    out = tmp_path / "figures.jsonl"
    test_file = "crates/fibo-py/tests/test_fibo_hardening.py"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", test_file, "--record-figures", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    gil, session = lines[:-1], lines[-1]
    assert {r["call"] for r in gil} == {"fibo", "fibo_tutorial"}
    assert all(r["kind"] == "gil" and r["expected"] == "releases" and r["done"] < r["of"] for r in gil)
    assert all(r["test"].startswith(f"{test_file}::test_long_work_lets_other_threads_run[") for r in gil)
    assert session["kind"] == "session"
    assert (session["passed"], session["failed"], session["error"]) == (2, 0, 0)
    assert session["passed_by_file"] == {test_file: 2}
