#!/usr/bin/env bash
# Builds StaticBriefs in Release, then runs ../shared/bench/compare-hugo.py: the same generated corpus built by Hugo
# and by StaticBriefs alternately (clean builds, both minifying), printing medians, peak memory and the ratio.
# usage: tests/StaticBriefs.Benchmarks/run-hugo-comparison.sh [N=10000] [more compare-hugo.py args, e.g. --runs 5]
# compare-hugo.py keeps corpora and its out-hugo/out-sb folders in $SB_BENCH_DIR (default <temp>/sb-bench); give a
# private SB_BENCH_DIR when someone else may be benchmarking on the same machine.
set -euo pipefail

N="${1:-10000}"
shift || true
# shellcheck source=bench-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"

if ! command -v hugo >/dev/null; then
    echo "hugo is missing; installing it with apt-get" >&2
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q && $SUDO apt-get install -y -q hugo
fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }

publish_staticbriefs
python3 "$COMPARE" "$N" "$@" --sb "${SB_BUILD[*]} --input {input} --output {output}"
