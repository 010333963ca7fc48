#!/usr/bin/env bash
# Runs fuzz targets for SECONDS seconds each (default 300), one after the other, seeded with
# the demo corpus, real pages from the extraction benchmark and small generated JSON Lines
# and WARC files. Usage: fuzz/run.sh [SECONDS] [TARGET...] (default: every target, the fast
# reader-level ones first). Needs `cargo install cargo-fuzz`; the stable toolchain is used
# with RUSTC_BOOTSTRAP=1 (no nightly can be fetched here).
#
# Environment:
#   RUNS=N          stop each target after N inputs instead of after SECONDS (long campaigns)
#   SANITIZER=none  build without AddressSanitizer (5-12x more inputs a second; the targets'
#                   own checks still fire); default: cargo-fuzz's (address)
#   NICE=N          niceness of the fuzzer (default 10; 19 leaves the machine to other work)
# Each run's full libFuzzer log is kept in logs/<target>.log, every line prefixed with the Unix
# time it was printed at; plateau.sh reads it.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(html_extract html_fast plain_text_extract jsonl_read warc_read plain_text html jsonl warc)
fi
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
record = {"id": "a", "html": html.decode(), "author": ["Ann Lee", "Reuters"],
          "date_publish": "2022-05-17 10:00:00", "source_domain": "x.example", "url": "https://x.example/"}
pathlib.Path("corpus/jsonl/seed-html.jsonl").write_text(
    json.dumps(record) + "\n" + json.dumps({"id": "a", "maintext": "Short."}) + "\n")
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
rec = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\nContent-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n"
pathlib.Path("corpus/warc/seed.warc").write_bytes(rec + rec[:200])
PY
# The reader-level targets start from the same seeds; html_extract also from pages prefixed
# with the byte that sends them down the fast (0) or full (1) path alone.
for pair in html_extract:html html_fast:html plain_text_extract:plain_text jsonl_read:jsonl warc_read:warc; do
  mkdir -p "corpus/${pair%%:*}"
  cp -n corpus/"${pair##*:}"/* "corpus/${pair%%:*}/"
done
for page in ../demo/corpus/*.html; do
  { printf '\000'; cat "$page"; } > "corpus/html_extract/fast-$(basename "$page")"
  { printf '\001'; cat "$page"; } > "corpus/html_extract/full-$(basename "$page")"
done
sanitizer=(-s "${SANITIZER:-address}")
budget=(-max_total_time="$seconds")
[ -n "${RUNS:-}" ] && budget=(-runs="$RUNS")
mkdir -p logs
for target in "${targets[@]}"; do
  # Reader-level targets: inputs up to 16 KiB (framing, decoding and offset bugs need no
  # more, and a run's cost grows with its input); a run over 10 s is a finding.
  # html_fast is cheap enough per byte to take whole real pages (up to 200 KB).
  case $target in
    *_extract | *_read) limits=(-max_len=16384 -timeout=10) ;;
    html_fast) limits=(-max_len=200000 -timeout=10) ;;
    *) limits=(-max_len=200000) ;;
  esac
  echo "== $target: ${budget[*]} ${sanitizer[*]}"
  nice -n "${NICE:-10}" cargo fuzz run --release "${sanitizer[@]}" "$target" "corpus/$target" -- \
    "${budget[@]}" "${limits[@]}" -rss_limit_mb=4096 -print_final_stats=1 2>&1 |
    while IFS= read -r line; do printf '%(%s)T %s\n' -1 "$line"; done >"logs/$target.log" || true
  grep -E "#[0-9]+.*DONE|Done|SUMMARY|ERROR|panicked|peak_rss|stat::" "logs/$target.log" || true
done
