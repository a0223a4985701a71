#!/usr/bin/env bash
# Cached CLI `build` after one edit, two published builds side by side (A, B: e.g. main and a branch), interleaved
# run by run so a busy machine slows both alike. Each run applies one edit (toggled, so every run is a real change)
# to the same brief in both copies, then builds each with --timings. Prints wall seconds and peak RSS per run, and
# checks after each edit kind that both outputs are byte-identical. The order alternates run by run (A B, then B A), and
# a summary ends the output: per kind, each tool's median (min-max) and the median of the paired differences B - A.
# Calibration (2026-12-03, A and B the same binary, 7 runs, A first every run): paired medians of +0.32 s (new topic)
# and -0.27 s (date) from noise alone: these cached builds are bimodal here (0.85-0.95 or 1.2-1.5 s for the same
# edit), so a difference under about 0.3 s needs more runs, or other evidence (strace counts, samples), to mean much.
# PAUSE=SECONDS waits that long before each cached build, as an author does between edits: on a virtual machine that
# hands freed memory back to its host, a build run seconds after the last one meets memory the host must find again
# (stop 47: huge pages for the heap took cached builds from 1.1-1.5 to 3.4-4.4 s after a 6-second pause).
# Kinds: none, body (a line appended), tag (a new topic), date (another day), add (a new brief dated after every other,
# the day's brief; one more each run) and delete (those added briefs, one a run). KINDS="..." picks some.
# usage: [PAUSE=0] [KINDS="none body tag date add delete"] tests/StaticBriefs.Benchmarks/run-cached-edits.sh A B CORPUS_INPUT THEME [RUNS=5] [WORK=/dev/shm/sb-cached-edits]
# A and B are StaticBriefs.dll files (run with dotnet) or native executables (a PublishAot publish).
# The corpus is a generated input folder (e.g. the 10,000-brief one); its first brief under briefs/ is edited.
set -euo pipefail

A_DLL="$1"; B_DLL="$2"; CORPUS="$3"; THEME="$4"; RUNS="${5:-5}"; WORK="${6:-/dev/shm/sb-cached-edits}"
for t in A B; do rm -rf "$WORK/$t"; mkdir -p "$WORK/$t"; cp -r "$CORPUS" "$WORK/$t/in"; done
BRIEF="$(cd "$WORK/A/in" && find briefs -name '*.md' | LC_ALL=C sort | sed -n 1p)"
dll() { if [ "$1" = A ]; then echo "$A_DLL"; else echo "$B_DLL"; fi; }
launcher() { case "$(dll "$1")" in *.dll) echo dotnet ;; esac; }
# shellcheck disable=SC2046 # no launcher for a native executable: the empty word must vanish
build() { (cd "$WORK/$1" && /usr/bin/time -f "$2 $1 %e s %M KB" $(launcher "$1") "$(dll "$1")" build --theme "$THEME" --input in --output out --timings > "$WORK/$1.log" 2>&1; tail -1 "$WORK/$1.log" | tee -a "$WORK/summary.log"); }
edit() {
  python3 - "$1" "$WORK/$2/in/$BRIEF" "$WORK/$2/in/briefs" "$run" <<'PY'
import os, re, sys
kind, path, briefs, run = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
s = open(path).read()
if kind in ('add', 'delete'):
    # The newest date in the corpus, plus a day: the added brief is the site's newest, as the day's brief is.
    dates = [m[0] for root, _, files in os.walk(briefs) for f in files if f.endswith('.md')
             for m in [re.findall(r"^date: (\d{4}-\d\d-\d\d)$", open(os.path.join(root, f)).read(), re.M)] if m]
    added = os.path.join(briefs, 'cached-edit', f'new-brief-{run}.md')
    if kind == 'delete':
        os.remove(added)
        sys.exit()
    import datetime
    newest = max(d for d in dates if d <= datetime.date.today().isoformat())
    day = (datetime.date.fromisoformat(newest) + datetime.timedelta(days=1)).isoformat()
    os.makedirs(os.path.dirname(added), exist_ok=True)
    s = re.sub(r'^title: .*$', f'title: "A new brief for the cached build, number {run}"', s, count=1, flags=re.M)
    s = re.sub(r'^date: .*$', f'date: {day}', s, count=1, flags=re.M)
    open(added, 'w').write(s)
    sys.exit()
if kind == 'body':
    m = "\nOne more line for the cached build.\n"
    s = s[:-len(m)] if s.endswith(m) else s + m
elif kind == 'tag':
    m = ", Cached build topic]"
    s = s.replace(m, "]", 1) if m in s else re.sub(r"^(topics: \[.*)\]$", lambda g: g.group(1) + m, s, count=1, flags=re.M)
elif kind == 'date':
    s = re.sub(r"^date: (\d{4})-(\d\d)-(\d\d)$", lambda g: f"date: {g.group(1)}-{g.group(2)}-{'15' if g.group(3) != '15' else '16'}", s, count=1, flags=re.M)
open(path, 'w').write(s)
PY
}
: > "$WORK/summary.log"
for t in A B; do build "$t" clean; done
for kind in ${KINDS:-none body tag date add delete}; do
  for run in $(seq 1 "$RUNS"); do
    order="A B"; [ $((run % 2)) -eq 0 ] && order="B A"
    for t in $order; do
      [ "$kind" != none ] && edit "$kind" "$t"
      sleep "${PAUSE:-0}"
      build "$t" "$kind"
      grep -E '^  (load|model|render|feeds|commit)' "$WORK/$t.log" | grep -v cpu | tr -s ' ' | paste -sd' '
    done
    echo "load average $(cut -d' ' -f1 /proc/loadavg)"
  done
  if diff -r "$WORK/A/out" "$WORK/B/out" > /dev/null; then echo "$kind: outputs identical"; else echo "$kind: OUTPUTS DIFFER"; fi
done
# Summary of the timed lines ("<kind> <A|B> <seconds> s <KB> KB").
python3 - "$WORK/summary.log" <<'PY'
import collections, re, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r'(\w+) ([AB]) ([\d.]+) s \d+ KB', line)
    if m: runs[(m[1], m[2])].append(float(m[3]))
for kind in ['none', 'body', 'tag', 'date', 'add', 'delete']:
    a, b = runs[(kind, 'A')], runs[(kind, 'B')]
    if not a or len(a) != len(b): continue
    paired = statistics.median(y - x for x, y in zip(a, b))
    print(f"{kind}: A {statistics.median(a):.2f} s ({min(a):.2f}-{max(a):.2f}), B {statistics.median(b):.2f} s ({min(b):.2f}-{max(b):.2f}), paired B - A {paired:+.2f} s over {len(a)} runs")
PY
