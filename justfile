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

[doc("Show this menu")]
default:
    @just --list --unsorted

[doc("Create .venv and install the Python tools of requirements-dev.txt (when that file changed)")]
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

[doc("Build wheels in release into .venv: all, or the crates named (develop crates/fibo-py)")]
develop *crates: setup
    #!/usr/bin/env bash
    set -euo pipefail
    for crate in {{ if crates == "" { wrappers } else { crates } }}; do
        echo "==> maturin develop --release ($crate)"
        maturin develop --release --quiet -m "$crate/Cargo.toml"
    done

# One chapter as a room of its own: examples/chN_*/requirements.txt lists the Python packages that chapter's
# commands and tests need, and in its header the wheels to build (`# wheels:`), the Rust crates to test
# (`# crates:`), the Python tests to run (`# tests:`) and, where the chapter's commands run one, the crates
# whose Rust binaries to build (`# binaries:`). Each chapter page starts with this command.
[doc("Chapter N's room in .venv: its Python packages (examples/chN_*/requirements.txt), its wheels in release")]
develop-chapter N:
    #!/usr/bin/env bash
    set -euo pipefail
    manifest=$(ls examples/ch{{N}}_*/requirements.txt 2>/dev/null) \
        || { echo "develop-chapter: chapter {{N}} has no examples/ch{{N}}_*/requirements.txt" >&2; exit 2; }
    [ -x "{{python}}" ] || python3 -m venv "{{venv}}"
    stamp="{{venv}}/.requirements-ch{{N}}.txt"
    if ! cmp -s "$manifest" "$stamp"; then
        echo "==> installing chapter {{N}}'s Python packages into .venv ($manifest)"
        "{{python}}" -m pip install --quiet --disable-pip-version-check -r "$manifest"
        cp "$manifest" "$stamp"
    fi
    for crate in $(sed -n 's/^# wheels: //p' "$manifest"); do
        echo "==> maturin develop --release ($crate)"
        maturin develop --release --quiet -m "$crate/Cargo.toml"
    done
    for crate in $(sed -n 's/^# binaries: //p' "$manifest"); do
        echo "==> cargo build --release --bins ($crate)"
        cargo build --release --quiet --bins -p "$crate"
    done

# The arguments after N go to pytest. `--quick` (conftest.py) is the loop while working on a chapter: it
# leaves out the tests marked `soak` (as `-m "not soak"` does) and runs each hypothesis property on fewer
# examples. `./just test` never passes it.
[positional-arguments]
[doc("Chapter N alone: its Rust crates' tests, its wheels in release, its Python tests (--quick: the short loop)")]
test-chapter N *pytest_args: (develop-chapter N)
    #!/usr/bin/env bash
    set -euo pipefail
    manifest=$(ls examples/ch{{N}}_*/requirements.txt)
    crates=$(sed -n 's/^# crates: //p' "$manifest")
    echo "==> cargo test ($crates)"
    cargo test --quiet $(printf -- '-p %s ' $crates)
    tests=$(sed -n 's/^# tests: //p' "$manifest")
    echo "==> pytest ($tests)"
    shift  # the rest of the arguments go to pytest as they were given
    python -m pytest -q $tests "$@"

# A new reader's walk through the chapter pages: for each chapter, a fresh copy of the repository in
# target/walk/chN (no .venv, no wheel), and in it the page's Setup block and then every shell block of the
# page, in order, in one shell; blocks marked `<!-- walk: skip, REASON -->` are reported, not run. Minutes
# per chapter, so not part of `test` (tests/test_chapters.py checks the same pages statically there).
[doc("Follow chapter pages as a new reader: setup and every shell block, each in a fresh copy (N...: those)")]
walk-chapters *chapters:
    python3 tests/walk_chapters.py {{chapters}}

[doc("Build every wheel unoptimised into .venv-debug (the tutorials' debug-build trap)")]
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

[doc("Time the same functions from the release and the debug build, side by side")]
trap: develop develop-debug
    python examples/trap.py

[doc("Build every wheel and time every chapter; --chapter N, --full (tutorials' sizes), --update-docs")]
tour *args: develop develop-debug
    cargo build --release --quiet --bins
    python examples/tour.py {{args}}

[doc("Every test (what CI runs): lint, test-rs, test-py, test-kernels, test-wheels, test-pythons")]
test: lint test-rs test-py test-kernels test-wheels test-pythons

# `--workspace` builds every wrapper with its default `abi3` feature; py-glue alone builds without it, so
# the second run tests the str reader of version-specific builds (chapter 2).
[doc("Rust tests of every crate (cargo test --workspace), then py-glue as a version-specific build uses it")]
test-rs:
    cargo test --workspace --quiet
    cargo test -p py-glue --quiet

# One pass of the Python suite, under CPython's debug allocator hooks (PYTHONMALLOC=debug), which catch writes
# past a buffer, frees of memory the allocator does not own, and allocator calls made without the GIL; then
# the memory-growth rounds (each chapter's crates/*-py/tests/test_*_memory.py and the cross-wheel
# tests/test_memory.py) with the normal allocator, because they measure leaks by the resident size, which
# the debug hooks inflate. --every-wheel: a wheel that is not installed fails the run instead of skipping.
[doc("Python tests against fresh release wheels: the suite under PYTHONMALLOC=debug, then the memory rounds")]
test-py: develop
    PYTHONMALLOC=debug python -m pytest -q --every-wheel --ignore-glob='*/test_*memory.py'
    python -m pytest -q --every-wheel tests/test_memory.py crates/*/tests/test_*_memory.py

[doc("Chapter 3's Python tests under other OpenBLAS kernels (Prescott; Haswell, SkylakeX if the CPU has them)")]
test-kernels: develop
    #!/usr/bin/env bash
    # numpy's dot (the Python original's area) goes to the BLAS kernel picked for the CPU at run time;
    # the project's answers must not depend on it. test-py already ran with this machine's own kernel.
    set -euo pipefail
    kernels=$(python examples/ch3_polygons/exact.py --list-kernels)  # says what it skips, and why
    for kernel in $kernels; do
        echo "==> OPENBLAS_CORETYPE=$kernel: $(OPENBLAS_CORETYPE=$kernel python examples/ch3_polygons/exact.py)"
        OPENBLAS_CORETYPE=$kernel python -m pytest -q crates/poly-py/tests/test_poly_match.py \
            crates/poly-py/tests/test_poly_properties.py
    done

# The wheels in dist/ on every other CPython >= 3.10 found (pyenv, python3.X on PATH), each in a fresh venv:
# the smoke test, every public function on small good and bad inputs, and the exact-area checks. Then
# string_doubles built for that version (a debug build, to save time: the same code), which reads CPython's
# own str storage, whose layout differs between versions: the smoke test and chapter 2's odd inputs.
[doc("dist/ on every CPython >= 3.10 found (pyenv, python3.X): smoke, small inputs, exact areas; string_doubles built for each")]
test-pythons: wheels
    #!/usr/bin/env bash
    set -euo pipefail
    unset VIRTUAL_ENV
    modules=$(for c in {{wrappers}}; do sed -n 's/^module-name = "\(.*\)"/\1/p' "$c/pyproject.toml"; done)
    for minor in 10 11 12 13 14; do
        py=""
        for candidate in $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.$minor.*/bin/python3 2>/dev/null | sort -V | tail -1) \
                         "$(command -v python3.$minor || true)"; do
            if [ -n "$candidate" ] && "$candidate" -c 'import sys; assert sys.implementation.name == "cpython"' 2>/dev/null; then
                py=$candidate; break
            fi
        done
        if [ -z "$py" ]; then echo "test-pythons: CPython 3.$minor not found: skipped"; continue; fi
        venv=target/venv-py3$minor
        echo "==> $("$py" --version) ($py): the wheels in a fresh $venv"
        rm -rf "$venv"
        "$py" -m venv "$venv"
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check numpy hypothesis pytest pytest-timeout pytest-benchmark
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --find-links dist $modules
        "$venv/bin/python" examples/smoke.py
        "$venv/bin/python" -m pytest -q --every-wheel tests/test_threads.py crates/poly-py/tests/test_poly_properties.py \
            -k "small_inputs or fraction_reference_for_any_magnitude or area_is_exact_to_the_last_bit"
        if [ "$("$py" -c 'import sys; print(sys.version_info[:2])')" = "$(python -c 'import sys; print(sys.version_info[:2])')" ]; then
            echo "==> string_doubles for $("$py" --version): its version-specific wheel was tested by test-wheels"
            continue
        fi
        echo "==> string_doubles built for $("$py" --version) (version-specific, debug profile)"
        rm -rf "target/wheels-py3$minor"
        maturin build --quiet --no-default-features -i "$py" -m crates/doubles-py/Cargo.toml -o "target/wheels-py3$minor"
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall target/wheels-py3$minor/*.whl
        "$venv/bin/python" -c 'import string_doubles as s; assert s.READS_STR_IN_PLACE, s.__file__'
        "$venv/bin/python" examples/smoke.py
        "$venv/bin/python" -m pytest -q --every-wheel crates/doubles-py/tests/test_doubles_odd_inputs.py \
            crates/doubles-py/tests/test_doubles.py
    done

[doc("Benchmarks: criterion (Rust cores) and pytest-benchmark (each step beside its baseline)")]
bench: develop
    cargo bench --workspace --quiet
    python -m pytest examples --benchmark-enable --benchmark-only --benchmark-columns=min,median,mean,rounds -p no:cacheprovider

# string_doubles also gets a version-specific wheel for this interpreter (`--no-default-features`: no abi3),
# which reads non-ASCII text in place (chapter 2); pip prefers it to the abi3 wheel on this Python version.
[doc("Build the release wheels into dist/: abi3 and an sdist per crate, string_doubles also for this Python")]
wheels: setup
    #!/usr/bin/env bash
    set -euo pipefail
    rm -rf dist
    for crate in {{wrappers}}; do
        maturin build --release --quiet -m "$crate/Cargo.toml" -o dist
        maturin sdist -m "$crate/Cargo.toml" -o dist
    done
    maturin build --release --quiet --no-default-features -m crates/doubles-py/Cargo.toml -o dist
    ls -l dist

# Install dist/'s wheels into a fresh .venv-wheels with --no-index (no Rust needed), then run what can only
# go wrong in a packaged wheel: the smoke test, mypy's stubtest (the shipped .pyi against the real module),
# the odd inputs, and every public function on small inputs. test-py already ran the whole suite against
# the same code; test-pythons repeats the small-input pass on every other CPython. pip picks the
# version-specific string_doubles here, whose str reader no other recipe runs: chapter 2's whole suite too.
[doc("dist/ in a fresh .venv-wheels, no index or Rust: smoke, stubtest, odd and small inputs, chapter 2's whole suite")]
test-wheels: wheels
    #!/usr/bin/env bash
    set -euo pipefail
    rm -rf .venv-wheels
    python3 -m venv .venv-wheels
    unset VIRTUAL_ENV
    py=.venv-wheels/bin/python
    # What these tests and stubtest import; the whole suite's extras (scipy, dask, ...) are not needed here.
    $py -m pip install --quiet --disable-pip-version-check numpy hypothesis pytest pytest-timeout \
        pytest-benchmark mypy
    modules=$(for c in {{wrappers}}; do sed -n 's/^module-name = "\(.*\)"/\1/p' "$c/pyproject.toml"; done)
    $py -m pip install --quiet --disable-pip-version-check --no-index --find-links dist $modules
    $py examples/smoke.py
    $py -m mypy.stubtest --allowlist stubtest-allowlist.txt $modules
    $py -m pytest -q --every-wheel crates/*/tests/test_*_odd_inputs.py \
        tests/test_threads.py::test_every_public_function_answers_the_same_twice_on_small_inputs
    $py -c 'import string_doubles as s; assert s.READS_STR_IN_PLACE, s.__file__; print("string_doubles: version-specific")'
    $py -m pytest -q --every-wheel crates/doubles-py/tests

# Chapter 8: a best_polygon column for a Dask DataFrame of points, on a LocalCluster of 2 workers started
# here, or on a running cluster: `./just cluster --scheduler tcp://HOST:8786` (`--help` for the sizes).
[doc("Chapter 8: a Dask DataFrame of points matched on a local 2-worker cluster; --scheduler ADDRESS: yours")]
cluster *args: (develop "crates/poly-py")
    python examples/ch8_scale/cluster.py {{args}}

# Flamegraphs of chapter 3 (py-spy --native): the Python original, step v1, best_polygons, into
# results/profile (or over docs/img with --update-docs). Builds the `profiling` profile (release + debug
# info) into .venv; `./just develop` restores the release build.
[doc("Chapter 3's flamegraphs (py-spy --native) into results/profile; --update-docs: over docs/img")]
profile *args: setup
    examples/ch3_polygons/profile.sh {{args}}

# Fuzz every core crate with cargo-fuzz (libFuzzer), each target for `seconds` seconds. Installs cargo-fuzz
# if missing. cargo-fuzz needs nightly-only compiler flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain
# accept them, since this project builds with stable Rust only. Each target's run count (libFuzzer's
# "Done N runs in S second(s)") goes to results/fuzz.jsonl, which `./just hardening` puts in chapter 4.
[doc("Fuzz every core crate with cargo-fuzz, each target for `seconds` (default 60); counts: results/fuzz.jsonl")]
fuzz seconds="60":
    #!/usr/bin/env bash
    set -euo pipefail
    command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
    export RUSTC_BOOTSTRAP=1
    records=results/fuzz.jsonl
    mkdir -p results fuzz/target
    rm -f "$records" "$records.partial"  # written whole at the end, so a failed run leaves none
    for target in $(cargo fuzz list --fuzz-dir fuzz); do
        echo "==> fuzzing $target for {{seconds}} s"
        log="fuzz/target/$target.log"
        status=0
        cargo fuzz run --fuzz-dir fuzz "$target" -- -max_total_time={{seconds}} -print_final_stats=1 \
            >"$log" 2>&1 || status=$?
        grep -E "^(stat::number_of_executed_units|Done)" "$log" || true
        if [ "$status" -ne 0 ]; then tail -40 "$log"; echo "fuzz target $target failed (log: $log)"; exit 1; fi
        done_line=$(grep -E "^Done [0-9]+ runs in [0-9]+ second" "$log" | tail -1) \
            || { echo "fuzz target $target: no 'Done N runs' line in $log"; exit 1; }
        runs=$(echo "$done_line" | sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\1/')
        took=$(echo "$done_line" | sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\2/')
        printf '{"kind": "fuzz", "target": "%s", "seconds_asked": %s, "runs": %s, "seconds": %s}\n' \
            "$target" "{{seconds}}" "$runs" "$took" >>"$records.partial"
    done
    mv "$records.partial" "$records"
    echo "run counts: $records"

# Chapter 4's hardening figures, each from this run: `./just test-py`'s two passes (the suite under
# PYTHONMALLOC=debug, counted; the memory-growth rounds), the thread, GIL, huge-input, Ctrl-C and odd-input
# tests once more with the normal allocator for their times and peaks, then `./just fuzz 60`; every pass
# writes what its tests measured to results/hardening/ (pytest --record-figures), and
# examples/ch4_shipping/hardening.py makes the tables of results/hardening.md from them. 12 minutes on the
# project's 2-core machine with the wheels built (4 of them fuzzing). --update-docs: also into
# docs/04-shipping.md and docs/data/hardening.json; --no-fuzz: without the fuzzers (the table then says
# their figures were not measured).
[doc("Chapter 4's hardening figures from one run of their tests and fuzzers (--update-docs, --no-fuzz)")]
hardening *args: setup
    #!/usr/bin/env bash
    set -euo pipefail
    started=$(date +%s)
    "{{just_executable()}}" develop
    built=$(date +%s)
    out=results/hardening
    rm -rf "$out"
    mkdir -p "$out"
    echo "==> 1/4 the Python suite under PYTHONMALLOC=debug"
    PYTHONMALLOC=debug python -m pytest -q --every-wheel --ignore-glob='*/test_*memory.py' \
        --record-figures "$out/debug.jsonl"
    echo "==> 2/4 the memory-growth rounds"
    python -m pytest -q --every-wheel tests/test_memory.py crates/*/tests/test_*_memory.py \
        --record-figures "$out/memory.jsonl"
    echo "==> 3/4 threads, the GIL, huge inputs, Ctrl-C and odd inputs, measured with the normal allocator"
    python -m pytest -q --every-wheel tests/test_threads.py crates/*/tests/test_*_hardening.py \
        crates/*/tests/test_*_odd_inputs.py --record-figures "$out/measured.jsonl"
    if [[ " {{args}} " == *" --no-fuzz "* ]]; then
        echo "==> 4/4 the fuzzers: left out (--no-fuzz)"
    else
        echo "==> 4/4 the fuzzers"
        "{{just_executable()}}" fuzz 60
    fi
    python examples/ch4_shipping/hardening.py --started "$started" --built "$built" {{args}}

# Check the chapters (plain Markdown, read on GitHub or in any editor): every code block marked
# `<!-- from PATH -->` still matches its source file, every relative link resolves, and every page can be
# followed from its own setup (tests/test_chapters.py: the commands name what exists, and the chapter's
# requirements install what its examples and tests import). Part of `test`.
[doc("Check the chapters: quoted code matches its source, links resolve, commands name what exists")]
docs: setup
    python -m pytest -q tests/test_docs.py tests/test_chapters.py

[doc("Format Rust (cargo fmt) and Python (ruff format)")]
fmt: setup
    cargo fmt --all
    ruff format .

[doc("Lints: rustfmt, clippy (warnings denied; abi3 and version-specific builds), ruff, the workflow's schema and zizmor")]
lint: setup
    cargo fmt --all --check
    cargo clippy --workspace --all-targets --quiet -- -D warnings
    cargo clippy -p py-glue -p doubles-py --no-default-features --all-targets --quiet -- -D warnings
    ruff check .
    ruff format --check .
    check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
    zizmor --offline --quiet --config .github/zizmor.yml .github/workflows

[doc("Remove target/, dist/, results/ and every virtual environment (.venv, .venv-debug, .venv-wheels)")]
clean:
    cargo clean
    rm -rf .venv .venv-debug .venv-wheels dist results
