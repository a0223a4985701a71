#!/usr/bin/env bash
# Where a build of the natively compiled tool allocates, by bytes: a uprobe on the collector's allocation entry
# (SVR::GCHeap::Alloc, found in the publish folder's StaticBriefs.dbg) records the size and stack of every allocation
# that does not fit the thread's allocation context: each object of 8 KiB or more, and one in a few hundred of the small
# ones. So the large objects (a body's HTML, a card's PNG bytes, a feed entry) are all there, and the byte totals rank
# the places that allocate body-sized copies (stop 62 found eight of them a brief this way). Small objects are counted
# by how often they refill a context; read those counts, not their bytes.
# usage: tests/StaticBriefs.Benchmarks/run-alloc-sites.sh PUBLISH_DIR [TOP=30] -- BUILD_ARGS...
#   e.g. run-alloc-sites.sh /dev/shm/sb-x 30 -- --no-cache --input /dev/shm/corpus --output /dev/shm/out
# Needs perf with uprobes (root) and a PublishAot publish with its .dbg file.
set -euo pipefail

BIN="$(realpath "$1")"; shift
TOP=30
if [ "${1:-}" != "--" ]; then TOP="$1"; shift; fi
[ "${1:-}" = "--" ] && shift
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sb-alloc-XXXXXX")"
trap '[ -n "${KEEP:-}" ] && cp "$WORK/perf.txt" "$KEEP"; rm -rf "$WORK"; perf probe -q -d "probe_StaticBriefs:sballoc" 2> /dev/null || true' EXIT

ADDR="$(nm "$BIN/StaticBriefs.dbg" | awk '/ _ZN3SVR6GCHeap5AllocEP16gc_alloc_contextmj$/ {print $1}')"
[ -n "$ADDR" ] || { echo "SVR::GCHeap::Alloc not found in $BIN/StaticBriefs.dbg (a Server GC, PublishAot build is needed)" >&2; exit 1; }
perf probe -q -d "probe_StaticBriefs:sballoc" 2> /dev/null || true
# The object's size is the third argument (this, context, size): %dx on x86-64.
perf probe -q -x "$BIN/StaticBriefs" -a "sballoc=0x$ADDR size=%dx:u64"
perf record -q -e probe_StaticBriefs:sballoc -g -o "$WORK/perf.data" "$BIN/StaticBriefs" build --quiet "$@" > /dev/null 2>&1 || true
perf script -i "$WORK/perf.data" 2> /dev/null > "$WORK/perf.txt"
python3 "$(dirname "${BASH_SOURCE[0]}")/alloc-sites.py" "$WORK/perf.txt" "$TOP"
