"""Every docstring is written once, in the Rust source (it is what help() and __doc__ show), and the stubs
(.pyi, what editors show) carry the same text: this test compares them, for the module and every public
function, class, method and property of every wheel, in both directions.

A wheel that is not installed is skipped by name (pytest -rs lists it).
"""

import ast
import importlib
import inspect
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each module of each wheel, with the stub that describes it.
STUBS = {
    "fibo_rust": "crates/fibo-py/fibo_rust.pyi",
    "string_doubles": "crates/doubles-py/string_doubles.pyi",
    "poly_match_rs": "crates/poly-py/python/poly_match_rs/__init__.pyi",
    "poly_match_rs.v1": "crates/poly-py/python/poly_match_rs/v1.pyi",
    "poly_match_rs.v1_interned": "crates/poly-py/python/poly_match_rs/v1_interned.pyi",
    "poly_match_rs.v2": "crates/poly-py/python/poly_match_rs/v2.pyi",
    "poly_match_rs.v3": "crates/poly-py/python/poly_match_rs/v3.pyi",
    "poly_match_rs.v4": "crates/poly-py/python/poly_match_rs/v4.pyi",
    "boundary_cost": "crates/boundary-py/boundary_cost.pyi",
    "aoc_rust": "crates/aoc-py/aoc_rust.pyi",
    "intervalues_pyrust": "crates/intervals-py/intervalues_pyrust.pyi",
}


def runtime_doc(obj):
    """The docstring Python shows for obj itself (not one inherited), cleaned as help() cleans it."""
    doc = obj.__doc__ if isinstance(obj, type) else getattr(obj, "__doc__", None)
    return inspect.cleandoc(doc) if doc else None


def documented(stub_path):
    """(dotted name, docstring) of the stub's module, and every public def and class in it, methods and
    properties included (dunder methods too, where the stub documents them)."""
    tree = ast.parse((ROOT / stub_path).read_text(encoding="utf-8"))
    yield "", ast.get_docstring(tree)
    seen = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            # An overloaded function carries its docstring on its first overload.
            if node.name not in seen:
                yield node.name, ast.get_docstring(node)
            seen.add(node.name)
        if isinstance(node, ast.ClassDef):
            for member in node.body:
                if not isinstance(member, ast.FunctionDef):
                    continue
                private = member.name.startswith("_")
                if private and not ast.get_docstring(member):
                    continue
                yield f"{node.name}.{member.name}", ast.get_docstring(member)


def resolve(module, dotted):
    obj = module
    for part in filter(None, dotted.split(".")):
        owner = obj
        obj = inspect.getattr_static(owner, part) if isinstance(owner, type) else getattr(owner, part)
        if isinstance(obj, (staticmethod, classmethod)):
            obj = obj.__func__
    return obj


CASES = [(name, stub) for name, stub in STUBS.items()]


@pytest.mark.parametrize(("module_name", "stub_path"), CASES, ids=list(STUBS))
def test_stub_docstrings_are_the_ones_python_shows(module_name, stub_path):
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        pytest.skip(f"{module_name} is not installed")
    entries = list(documented(stub_path))
    assert len(entries) > 1, f"{stub_path} documents nothing"
    differ = []
    for dotted, stub_doc in entries:
        shown = runtime_doc(resolve(module, dotted))
        if stub_doc != shown:
            differ.append(f"{module_name}.{dotted}:\n  stub:    {stub_doc!r}\n  runtime: {shown!r}")
    assert not differ, "stub and runtime docstrings differ:\n" + "\n".join(differ)


@pytest.mark.parametrize(("module_name", "stub_path"), CASES, ids=list(STUBS))
def test_every_public_name_is_documented_in_its_stub(module_name, stub_path):
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        pytest.skip(f"{module_name} is not installed")
    in_stub = {dotted for dotted, _ in documented(stub_path)}
    # Names a stub re-exports (`from poly_match_rs import Polygon as Polygon`) are documented where they
    # are defined, which the other test checks.
    tree = ast.parse((ROOT / stub_path).read_text(encoding="utf-8"))
    in_stub |= {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    missing = []
    for name, obj in vars(module).items():
        if name.startswith("_") or not (inspect.isroutine(obj) or isinstance(obj, type)):
            continue
        if name not in in_stub:
            missing.append(name)
        if runtime_doc(obj) is None:
            missing.append(f"{name} (no docstring at runtime)")
    assert not missing, f"{module_name}: not documented in {stub_path}: {missing}"
