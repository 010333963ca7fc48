#!/usr/bin/env bash
# Runs the article-extraction benchmark: Python trafilatura (measured here, one core) and
# the Rust extractors, scored with the same metric, in one table.
#
# usage: crates/triangulate-bench/run-extraction-bench.sh [DATA_DIR]
# env:   PYTHON (default /tmp/trafvenv/bin/python; create it with
#        python3 -m venv /tmp/trafvenv && /tmp/trafvenv/bin/pip install trafilatura lxml_html_clean)
#        CARGO_TARGET_DIR (default: cargo's)
#        REPEAT (default 3): timed passes on each side, after one untimed pass
#        TRAFILATURA_METADATA=1: trafilatura also extracts title, author, date and site name
#        (as triangulate always does); the body it returns is the same
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/bench/article-extraction}"
python="${PYTHON:-/tmp/trafvenv/bin/python}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

cd "$root"
cargo build --release -p triangulate-bench --bin extraction-bench
bin="${CARGO_TARGET_DIR:-$root/target}/release/extraction-bench"

# One core for both sides.
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

meta=()
[ "${TRAFILATURA_METADATA:-}" = 1 ] && meta=(--with-metadata)
"${pin[@]}" "$python" "$root/crates/triangulate-bench/peer/trafilatura_bench.py" "$data" "$out/trafilatura.json" "${meta[@]}" \
  --repeat "${REPEAT:-3}"
"${pin[@]}" "$bin" "$data" --repeat "${REPEAT:-3}" \
  --peer-json "$out/trafilatura.json" --peer-name trafilatura
