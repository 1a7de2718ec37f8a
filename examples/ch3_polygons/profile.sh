#!/usr/bin/env bash
# Flamegraphs of chapter 3, as the article made them: py-spy with --native, so the Rust frames show under
# the Python ones. Records the Python original, step v1 (where the time goes once the search is in Rust)
# and best_polygons, each running the article's main in a loop (examples/ch3_polygons/measure.py).
#
#   examples/ch3_polygons/profile.sh                  writes results/profile/ch3-flame-*.svg
#   examples/ch3_polygons/profile.sh --update-docs    writes them over the ones in docs/img
#   examples/ch3_polygons/profile.sh OUT_DIR          writes them into OUT_DIR
#
# Builds poly_match_rs with the workspace's `profiling` profile first (release speed plus debug info, so
# the Rust frames have names) and installs it into .venv in place of the release build; `./just develop`
# puts the release build back. py-spy attaches with ptrace: on Linux it needs root or CAP_SYS_PTRACE
# (in Docker: --cap-add SYS_PTRACE), on macOS sudo.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
case "${1:-}" in
    --update-docs) out=$root/docs/img ;;
    "") out=$root/results/profile ;;
    *) out=$1 ;;
esac
venv=$root/.venv
mkdir -p "$out"

echo "==> building poly_match_rs with the profiling profile (release + debug info)"
VIRTUAL_ENV=$venv PATH=$venv/bin:$PATH PYO3_PYTHON=$venv/bin/python \
    "$venv/bin/maturin" develop --profile profiling --quiet -m "$root/crates/poly-py/Cargo.toml"

record() {  # record NAME STEP ITERATIONS
    echo "==> py-spy record: $1"
    "$venv/bin/py-spy" record --native --rate 250 --output "$out/ch3-flame-$1.svg" -- \
        "$venv/bin/python" "$root/examples/ch3_polygons/measure.py" "$2" --no-baseline --iterations "$3"
}

record python python 15
record v1 v1 150
record best best 20000
echo "==> wrote $out/ch3-flame-python.svg, ch3-flame-v1.svg, ch3-flame-best.svg"
