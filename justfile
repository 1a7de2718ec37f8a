# The menu of tasks: `./just --list` (or `just --list` with just installed). The recipes create and use the
# project's own virtual environment, .venv; nothing relies on a tool installed globally.

set shell := ["bash", "-euo", "pipefail", "-c"]

venv := justfile_directory() / ".venv"
python := venv / "bin/python"
bin := venv / "bin"
# Every wrapper crate (crates/*-py), each built into its own wheel.
wrappers := `ls -d crates/*-py | tr '\n' ' '`

export VIRTUAL_ENV := venv
export PATH := bin + ":" + env_var("PATH")
# Let PyO3 find the virtual environment's interpreter when cargo builds a wrapper crate directly.
export PYO3_PYTHON := python

# Show this menu.
default:
    @just --list --unsorted

# Create .venv and install the Python tools (maturin, pytest, hypothesis, numpy, ...) if they changed.
setup:
    #!/usr/bin/env bash
    set -euo pipefail
    [ -x "{{python}}" ] || python3 -m venv "{{venv}}"
    stamp="{{venv}}/.requirements-dev.txt"
    if ! cmp -s requirements-dev.txt "$stamp"; then
        echo "==> installing the Python tools into .venv (requirements-dev.txt)"
        "{{python}}" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
        cp requirements-dev.txt "$stamp"
    fi

# Build wrapper crates in release and install them into .venv (all by default; or e.g. `just develop crates/fibo-py`).
develop *crates: setup
    #!/usr/bin/env bash
    set -euo pipefail
    for crate in {{ if crates == "" { wrappers } else { crates } }}; do
        echo "==> maturin develop --release ($crate)"
        maturin develop --release --quiet -m "$crate/Cargo.toml"
    done

# Build debug (unoptimised) wheels into a second environment, .venv-debug: the trap the tutorials fell into.
develop-debug: setup
    #!/usr/bin/env bash
    set -euo pipefail
    [ -x .venv-debug/bin/python ] || python3 -m venv .venv-debug
    .venv-debug/bin/python -m pip install --quiet --disable-pip-version-check "numpy>=1.26"
    rm -rf target/wheels-debug
    for crate in {{wrappers}}; do
        echo "==> maturin build, debug profile ($crate)"
        maturin build --quiet -m "$crate/Cargo.toml" -o target/wheels-debug
    done
    .venv-debug/bin/python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels-debug/*.whl

# See the debug-build trap yourself: the same functions built with and without --release, timed side by side.
trap: develop develop-debug
    python examples/trap.py

# The tour: build every wheel (release, plus debug for the trap) and print every chapter's table side by side.
tour *args: develop develop-debug
    cargo build --release --quiet --bins
    python examples/tour.py {{args}}

# Every test: lints, Rust tests, Python tests against the release build, then the wheels in a clean environment.
test: lint test-rs test-py test-py-malloc test-wheels

# Rust tests of every crate.
test-rs:
    cargo test --workspace --quiet

# Python tests (pytest + hypothesis) against freshly built release wheels.
test-py: develop
    python -m pytest

# The Python tests again under CPython's debug allocator hooks, which catch writes past a buffer, frees of
# memory the allocator does not own, and allocator calls made without the GIL.
test-py-malloc: develop
    PYTHONMALLOC=debug python -m pytest -q

# Benchmarks: criterion for the Rust cores, pytest-benchmark for the Python side, each step beside its baseline.
bench: develop
    cargo bench --workspace --quiet
    python -m pytest examples --benchmark-enable --benchmark-only --benchmark-columns=min,median,mean,rounds -p no:cacheprovider

# Release wheels (abi3) and sdists for every wrapper crate into dist/.
wheels: setup
    #!/usr/bin/env bash
    set -euo pipefail
    rm -rf dist
    for crate in {{wrappers}}; do
        maturin build --release --quiet -m "$crate/Cargo.toml" -o dist
        maturin sdist -m "$crate/Cargo.toml" -o dist
    done
    ls -l dist

# Install dist/'s wheels into a fresh .venv-wheels with --no-index (no Rust needed) and run the Python tests
# and mypy's stubtest there: what a user who pip-installs the wheels gets.
test-wheels: wheels
    #!/usr/bin/env bash
    set -euo pipefail
    rm -rf .venv-wheels
    python3 -m venv .venv-wheels
    unset VIRTUAL_ENV
    py=.venv-wheels/bin/python
    $py -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
    modules=$(for c in {{wrappers}}; do sed -n 's/^module-name = "\(.*\)"/\1/p' "$c/pyproject.toml"; done)
    $py -m pip install --quiet --disable-pip-version-check --no-index --find-links dist $modules
    $py -m pytest -q
    $py -m mypy.stubtest --allowlist stubtest-allowlist.txt $modules

# Chapter 8: a best_polygon column for a Dask DataFrame of points, on a LocalCluster of 2 workers started
# here, or on a running cluster: `./just cluster --scheduler tcp://HOST:8786` (`--help` for the sizes).
cluster *args: (develop "crates/poly-py")
    python examples/ch8_scale/cluster.py {{args}}

# Flamegraphs of chapter 3 (py-spy --native) into docs/img: the Python original, step v1, best_polygons.
# Builds the `profiling` profile (release + debug info) into .venv; `./just develop` restores the release build.
profile: setup
    examples/ch3_polygons/profile.sh

# Fuzz every core crate with cargo-fuzz (libFuzzer), each target for `seconds` seconds. Installs cargo-fuzz
# if missing. cargo-fuzz needs nightly-only compiler flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain
# accept them, since this project builds with stable Rust only.
fuzz seconds="60":
    #!/usr/bin/env bash
    set -euo pipefail
    command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
    export RUSTC_BOOTSTRAP=1
    for target in $(cargo fuzz list --fuzz-dir fuzz); do
        echo "==> fuzzing $target for {{seconds}} s"
        log="fuzz/target/$target.log"
        mkdir -p fuzz/target
        status=0
        cargo fuzz run --fuzz-dir fuzz "$target" -- -max_total_time={{seconds}} -print_final_stats=1 \
            >"$log" 2>&1 || status=$?
        grep -E "^(stat::number_of_executed_units|Done)" "$log" || true
        if [ "$status" -ne 0 ]; then tail -40 "$log"; echo "fuzz target $target failed (log: $log)"; exit 1; fi
    done

# Check the chapters (plain Markdown, read on GitHub or in any editor): every code block marked
# `<!-- from PATH -->` still matches its source file, and every relative link resolves. Part of `test`.
docs: setup
    python -m pytest -q tests/test_docs.py

# Format Rust and Python code.
fmt: setup
    cargo fmt --all
    ruff format .

# Lints: rustfmt, clippy with warnings denied, ruff.
lint: setup
    cargo fmt --all --check
    cargo clippy --workspace --all-targets --quiet -- -D warnings
    ruff check .
    ruff format --check .
    check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
    zizmor --offline --quiet --config .github/zizmor.yml .github/workflows

# Remove build outputs and both virtual environments.
clean:
    cargo clean
    rm -rf .venv .venv-debug .venv-wheels dist results
