#!/usr/bin/env bash
# Hugo and StaticBriefs side by side like run-hugo-comparison.sh, but every build writes into a folder that has never
# existed and nothing is deleted until the end. compare-hugo.py deletes each tool's previous output just before its
# build; on a file system that holds back recently freed inodes (ext4 without a journal, as on this project's
# machine) that delete makes creating the next tree several times slower, for both tools. This run leaves that out.
# usage: tests/StaticBriefs.Benchmarks/run-fresh-comparison.sh [N=10000] [RUNS=5]
# Needs the corpus and Hugo site that compare-hugo.py prepares under $SB_BENCH_DIR (run-hugo-comparison.sh once).
set -euo pipefail

N="${1:-10000}"
RUNS="${2:-5}"
# shellcheck source=bench-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
require_prepared_corpus

publish_staticbriefs

# SB_FRESH_DIR: where the run folder goes (default $SB_BENCH_DIR); pick a folder with no large deletes in the last minutes.
RUN_DIR="${SB_FRESH_DIR:-$BENCH}/fresh-$(date +%s)"
mkdir -p "$RUN_DIR"
trap 'rm -rf "$RUN_DIR"' EXIT
time_one() { # label command...: prints "label wall_seconds peak_rss_kib"
    local label=$1; shift
    local log; log=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    echo "$label $(tail -1 "$log")"; rm -f "$log"
}
for i in $(seq 0 "$RUNS"); do # round 0 is a warm-up
    time_one "hugo-$i" hugo --quiet --minify -s "$SITE" -d "$RUN_DIR/hugo-$i"
    time_one "sb-$i" "${SB_BUILD[@]}" --input "$CORPUS" --output "$RUN_DIR/sb-$i"
done | python3 -c '
import sys, statistics
rows = [l.split() for l in sys.stdin if l.strip()]
res = {"hugo": [], "sb": []}
for label, wall, rss in rows:
    tool, i = label.split("-")
    if i != "0": res[tool].append((float(wall), int(rss) / 1024))
for tool, name in (("hugo", "hugo"), ("sb", "staticbriefs")):
    w = [x for x, _ in res[tool]]; m = [y for _, y in res[tool]]
    print(f"{name:13s} wall {statistics.median(w):7.2f} s (min {min(w):.2f}, max {max(w):.2f})  peak RSS {statistics.median(m):7.0f} MiB")
r = [a[0] / b[0] for a, b in zip(res["sb"], res["hugo"])]
print(f"ratio staticbriefs/hugo wall: median {statistics.median(r):.2f} (min {min(r):.2f}, max {max(r):.2f})")
'
