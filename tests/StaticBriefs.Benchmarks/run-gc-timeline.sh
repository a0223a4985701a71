#!/usr/bin/env bash
# Every garbage collection of a build of the natively compiled tool, in order: when it began (ms from the first),
# the generation it condemned and how long it took, then counts and totals by generation. Uprobes on the Server GC's
# SVR::gc_heap::do_pre_gc and do_post_gc (the collection's start and end) and plan_phase (its first argument after
# `this` is the condemned generation), found in the publish folder's StaticBriefs.dbg. The generation asked for is not
# the one collected: a gen0 request becomes gen1 or gen2 when those generations' budgets are spent, which is what
# `--timings`' counts cannot tell apart from an explicit full collection. With BY_CALLER=1 it also prints, for each
# collection, the managed frames of the allocation that set it off (a second build, recorded with call stacks).
# usage: tests/StaticBriefs.Benchmarks/run-gc-timeline.sh PUBLISH_DIR -- BUILD_ARGS...
#   e.g. run-gc-timeline.sh /dev/shm/sb-x -- --no-cache --input /dev/shm/corpus --output /dev/shm/out
# Needs perf with uprobes (root) and a PublishAot publish with its .dbg file. The build's output folder is rebuilt.
set -euo pipefail

BIN="$(realpath "$1")"; shift
[ "${1:-}" = "--" ] && shift
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sb-gc-XXXXXX")"
PROBES=(sbgcpre sbgcpost sbgcplan sbgcask)
cleanup() { rm -rf "$WORK"; for p in "${PROBES[@]}"; do perf probe -q -d "probe_StaticBriefs:$p" 2> /dev/null || true; done; }
trap cleanup EXIT

address() { # mangled symbol -> its address in the .dbg
  local found
  found="$(nm "$BIN/StaticBriefs.dbg" | awk -v s="$1" '$3 == s {print $1; exit}')"
  [ -n "$found" ] || { echo "$1 not found in $BIN/StaticBriefs.dbg (a Server GC, PublishAot build is needed)" >&2; exit 1; }
  echo "$found"
}
PRE="$(address _ZN3SVR7gc_heap9do_pre_gcEv)"
POST="$(address _ZN3SVR7gc_heap10do_post_gcEv)"
PLAN="$(address _ZN3SVR7gc_heap10plan_phaseEi)"
ASK="$(address _ZN3SVR6GCHeap24GarbageCollectGenerationEj9gc_reason)"
for p in "${PROBES[@]}"; do perf probe -q -d "probe_StaticBriefs:$p" 2> /dev/null || true; done
perf probe -q -x "$BIN/StaticBriefs" -a "sbgcpre=0x$PRE"
perf probe -q -x "$BIN/StaticBriefs" -a "sbgcpost=0x$POST"
perf probe -q -x "$BIN/StaticBriefs" -a "sbgcplan=0x$PLAN gen=%si:s32"
perf probe -q -x "$BIN/StaticBriefs" -a "sbgcask=0x$ASK gen=%si:u32"

perf record -q -e probe_StaticBriefs:sbgcpre -e probe_StaticBriefs:sbgcpost -e probe_StaticBriefs:sbgcplan \
  -o "$WORK/gc.data" "$BIN/StaticBriefs" build --quiet "$@" > /dev/null 2>&1 || true
perf script -i "$WORK/gc.data" -F time,event,trace 2> /dev/null > "$WORK/gc.txt"
python3 - "$WORK/gc.txt" <<'PY'
import sys, collections
first = start = None; gen = None; rows = []
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) < 2: continue
    t = float(parts[0].rstrip(':')); first = first if first is not None else t
    if 'sbgcpre' in line: start, gen = t, None
    elif 'sbgcplan' in line and gen is None: gen = int(line.split('gen=')[1].split()[0])
    elif 'sbgcpost' in line and start is not None:
        rows.append(((start - first) * 1000, gen, (t - start) * 1000)); start = None
print(f"{'start ms':>9}  gen  {'ms':>7}")
for at, g, ms in rows: print(f"{at:9.0f}  {g if g is not None else '?':>3}  {ms:7.1f}")
count, total = collections.Counter(), collections.Counter()
for _, g, ms in rows: count[g] += 1; total[g] += ms
print('by generation: ' + ', '.join(f"gen{g}: {count[g]} collections, {total[g]:.0f} ms" for g in sorted(count, key=lambda x: (x is None, x))))
print(f"all: {len(rows)} collections, {sum(total.values()):.0f} ms (wall, every heap's threads at once)")
PY

if [ -n "${BY_CALLER:-}" ]; then
  perf record -q -e probe_StaticBriefs:sbgcask -g -o "$WORK/ask.data" "$BIN/StaticBriefs" build --quiet "$@" > /dev/null 2>&1 || true
  echo; echo "what set each collection off (generation asked, first frames of the tool's own code):"
  perf script -i "$WORK/ask.data" -F event,trace,ip,sym 2> /dev/null | python3 -c '
import sys
for block in sys.stdin.read().split("\n\n"):
    lines = [l.strip() for l in block.strip().split("\n") if l.strip()]
    if not lines: continue
    frames = [l.split(" ", 1)[-1] for l in lines[1:]]
    own = [f for f in frames if "StaticBriefs_StaticBriefs_" in f][:3]
    asked = lines[0].split("gen=")[-1].strip() if "gen=" in lines[0] else "?"
    print(asked, "|", " < ".join(f.replace("StaticBriefs_StaticBriefs_", "") for f in own))
'
fi
