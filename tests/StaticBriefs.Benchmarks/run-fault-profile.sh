#!/usr/bin/env bash
# Where a clean build touches fresh memory: every page fault of one build (JIT, so perf can name managed methods through
# the runtime's perf map), attributed to the first method outside the runtime libraries and to every method on the
# stack. On this kind of machine first-touching memory costs about a millisecond a megabyte, and with the collector's
# gen0 budget raised past the build's size every allocation lands on fresh pages, so the faults are where it allocates.
# usage: tests/StaticBriefs.Benchmarks/run-fault-profile.sh INPUT [TOP=45]   (needs perf; builds Release first)
set -euo pipefail

INPUT="$(realpath "$1")"
TOP="${2:-45}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sb-faults-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

dotnet build -c Release "$ROOT/src/StaticBriefs" > /dev/null
# W^X off: code in a double-mapped memfd cannot be matched to the perf map. ReadyToRun and tiering off: every method
# jitted once, so every one is in the map. Huge pages off (the default): one fault per 4 KiB, so counts are bytes.
DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 DOTNET_ReadyToRun=0 DOTNET_TieredCompilation=0 \
  DOTNET_GCgen0size=0x100000000 \
  perf record -q -e page-faults -c 1 --call-graph fp -o "$WORK/perf.data" \
  dotnet "$ROOT/src/StaticBriefs/bin/Release/net10.0/StaticBriefs.dll" build -q --no-cache --input "$INPUT" --output "$WORK/out" > /dev/null 2>&1
python3 "$(dirname "${BASH_SOURCE[0]}")/fault-sites.py" "$WORK/perf.data" "$TOP"
