#!/usr/bin/env bash
# Builds StaticBriefs in Release, then runs ../shared/bench/compare-hugo.py: the same generated corpus built by Hugo
# and by StaticBriefs alternately (clean builds, both minifying), printing medians, peak memory and the ratio.
# usage: tests/StaticBriefs.Benchmarks/run-hugo-comparison.sh [N=10000] [more compare-hugo.py args, e.g. --runs 5]
# compare-hugo.py keeps corpora and its out-hugo/out-sb folders in $SB_BENCH_DIR (default <temp>/sb-bench); give a
# private SB_BENCH_DIR when someone else may be benchmarking on the same machine.
set -euo pipefail

N="${1:-10000}"
shift || true
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="$(cd "$ROOT/.." && pwd)/shared"
COMPARE="$SHARED/bench/compare-hugo.py"
[ -f "$COMPARE" ] || { echo "not found: $COMPARE (shared/ is expected beside the repository root)" >&2; exit 2; }

if ! command -v hugo >/dev/null; then
    echo "hugo is missing; installing it with apt-get" >&2
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q && $SUDO apt-get install -y -q hugo
fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }

# The shipped form: a ReadyToRun publish, so the build does not spend its first seconds in the JIT.
# shellcheck source=bench-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
publish_staticbriefs
DLL="$PUB/StaticBriefs.dll"

# --theme and --config are absolute because compare-hugo.py runs the command from its own working directory.
# --config gives the settings of the Hugo site (20 briefs per listing page), so both tools build the same pages.
python3 "$COMPARE" "$N" "$@" \
    --sb "dotnet $DLL build --no-cache --theme $ROOT/theme --config $ROOT/tests/StaticBriefs.Benchmarks/hugo-equivalent.yml --input {input} --output {output}"
