#!/usr/bin/env bash
# The floor of the shared comparison on this machine: compare-hugo.py run with a "generator" that does no work at
# all and only copies a finished site (cp -r from memory) into {output}. Whatever that copy costs, after the script
# deletes the previous tree, no real generator writing the same files can beat. Two rows: a copy of StaticBriefs'
# own output (its page set plus the search index) and a copy of Hugo's own output (exactly Hugo's files).
# usage: tests/StaticBriefs.Benchmarks/run-copy-floor.sh [N=10000] [RUNS=5]
# Needs the corpus and Hugo site that compare-hugo.py prepares under $SB_BENCH_DIR (run-hugo-comparison.sh once).
set -euo pipefail

N="${1:-10000}"
RUNS="${2:-5}"
# shellcheck source=bench-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
require_prepared_corpus

publish_staticbriefs

# The finished trees live in memory (/dev/shm), so reading them costs next to nothing; only the writes are measured.
PRE="$(mktemp -d /dev/shm/sb-floor-XXXXXX)"
trap 'rm -rf "$PRE"' EXIT
"${SB_BUILD[@]}" --input "$CORPUS" --output "$PRE/sb" >/dev/null
hugo --quiet --minify -s "$SITE" -d "$PRE/hugo" >/dev/null
echo "== copy of StaticBriefs' output ($(find "$PRE/sb" | wc -l) files and folders) in place of the StaticBriefs build"
python3 "$COMPARE" "$N" --runs "$RUNS" --sb "cp -r $PRE/sb {output}"
echo "== copy of Hugo's output ($(find "$PRE/hugo" | wc -l) files and folders) in place of the StaticBriefs build"
python3 "$COMPARE" "$N" --runs "$RUNS" --sb "cp -r $PRE/hugo {output}"
