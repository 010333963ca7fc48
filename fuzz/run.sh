#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each (default 300), seeded with the demo corpus
# and small generated JSON Lines and WARC files. Needs `cargo install cargo-fuzz`; the stable
# toolchain is used with RUSTC_BOOTSTRAP=1 (no nightly can be fetched here).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
export RUSTC_BOOTSTRAP=1
mkdir -p corpus/plain_text corpus/html corpus/jsonl corpus/warc
cp ../demo/corpus/*.txt corpus/plain_text/ 2>/dev/null || true
cp ../../shared/corpus/ababil-2022/*.txt corpus/plain_text/ 2>/dev/null || true
cp ../demo/corpus/*.html corpus/html/
# Real pages from the extraction benchmark, when ../shared is beside the checkout: every
# 9th of them, so the seeds cover real-world markup without slowing each run too much.
i=0
for page in ../../shared/bench/article-extraction/html/*.html.gz; do
  [ -e "$page" ] || break
  if [ $((i % 9)) -eq 0 ]; then
    zcat "$page" > "corpus/html/bench-$(basename "$page" .html.gz | cut -c1-12).html"
  fi
  i=$((i + 1))
done
python3 - <<'PY'
import json, pathlib
demo = sorted(pathlib.Path("../demo/corpus").glob("*.txt"))
lines = [json.dumps({"id": p.stem, "text": p.read_text(), "title": p.stem}) for p in demo[:3]]
pathlib.Path("corpus/jsonl/seed.jsonl").write_text("\n".join(lines) + "\nnot json\n")
html = pathlib.Path("../demo/corpus/main-03-northport-herald.html").read_bytes()
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
rec = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\nContent-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n"
pathlib.Path("corpus/warc/seed.warc").write_bytes(rec + rec[:200])
PY
for target in plain_text html jsonl warc; do
  echo "== $target: $seconds s"
  cargo fuzz run --release "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=200000 -rss_limit_mb=4096 2>&1 | grep -E "^#[0-9]+.*DONE|Done|SUMMARY|ERROR|panicked" || true
done
