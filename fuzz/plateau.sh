#!/usr/bin/env bash
# Reads the logs run.sh keeps (logs/<target>.log, each line "<unix time> <libFuzzer line>") and
# prints, per target, how long it ran, how many inputs, and when coverage last grew: the run
# count and minute of the last new edge (cov) and of the last new feature (ft). A campaign has
# plateaued when the last new edge is far behind the end. Usage: fuzz/plateau.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
logs=()
for target in "$@"; do logs+=("logs/$target.log"); done
[ $# -eq 0 ] && logs=(logs/*.log)
printf '%-20s %10s %8s %8s %8s %14s %14s %s\n' target runs minutes cov ft last-edge-run last-edge-min findings
for log in "${logs[@]}"; do
  [ -e "$log" ] || continue
  awk -v name="$(basename "$log" .log)" '
    $2 ~ /^#[0-9]+$/ {
      runs = substr($2, 2) + 0
      if (start == "") start = $1
      end = $1
      for (i = 3; i < NF; i++) {
        if ($i == "cov:") cov = $(i + 1) + 0
        if ($i == "ft:") ft = $(i + 1) + 0
      }
      if (cov > best_cov) { best_cov = cov; edge_run = runs; edge_time = $1 }
    }
    /Done [0-9]+ runs/ { for (i = 1; i <= NF; i++) if ($i == "Done") runs = $(i + 1) + 0; end = $1 }
    /ERROR|panicked|deadly signal|SUMMARY/ { findings++ }
    END {
      printf "%-20s %10d %8.1f %8d %8d %14d %14.1f %d\n", name, runs, (end - start) / 60, cov, ft,
        edge_run, (edge_time - start) / 60, findings
    }' "$log"
done
