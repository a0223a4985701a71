#!/usr/bin/env bash
# The side-by-side runs again, alternating three builds of each site: StaticBriefs as the comparison runs it (its
# default settings: a social card for every brief, every entity's feeds with whole briefs), StaticBriefs without what
# Hugo's side does not make (no cards; entity feeds with summaries, as Hugo's term feeds), and Hugo. Prints the median
# wall time (min-max), processor time (user + system, both cores) and peak memory of each, and the ratios to Hugo's.
# usage: tests/StaticBriefs.Benchmarks/run-like-for-like.sh corpus N RUNS   (the generated corpus of compare-hugo.py)
#        tests/StaticBriefs.Benchmarks/run-like-for-like.sh blogs RUNS [BLOG...] (copies under $BLOGS, default /work/realblogs)
# SB: the StaticBriefs command (default: the natively compiled tool at $ROOT/.staticbriefs/native/StaticBriefs, published
# when missing). The corpus must be prepared once by run-hugo-comparison.sh N (or compare-hugo.py N). Every build goes
# to a fresh folder under $SB_BENCH_DIR (use tmpfs: SB_BENCH_DIR=/dev/shm/sb-bench), after a sync and a pause.
set -euo pipefail

MODE="${1:?usage: run-like-for-like.sh corpus N RUNS | blogs RUNS [BLOG...]}"
shift
# bench-env.sh names the corpus from N; the blogs mode does not use it.
if [ "$MODE" = corpus ]; then N="${1:?N}"; RUNS="${2:?RUNS}"; shift 2; else N=10000; RUNS="${1:?RUNS}"; shift; fi
# shellcheck source=bench-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
LIKE="$ROOT/tests/StaticBriefs.Benchmarks/hugo-like-for-like.yml"
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }
command -v hugo >/dev/null || { echo "hugo is missing: apt-get install -y hugo" >&2; exit 2; }

NATIVE="$ROOT/.staticbriefs/native"
if [ -z "${SB:-}" ]; then
    [ -x "$NATIVE/StaticBriefs" ] || dotnet publish "$ROOT/src/StaticBriefs" -c Release -r linux-x64 -p:PublishAot=true -o "$NATIVE" -v quiet -nologo
    SB="$NATIVE/StaticBriefs"
fi
read -r -a SB_CMD <<< "$SB"
WORK="$BENCH/like-for-like-$$"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT

# One timed run: appends "wall user system peak_kib" to $1's results.
timed() {
    local kind=$1; shift
    rm -rf "$WORK/out"; sync; sleep "${PAUSE:-1}"
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    cat "$WORK/time" >> "$WORK/$kind.txt"
}

reset() { : > "$WORK/default.txt"; : > "$WORK/like.txt"; : > "$WORK/hugo.txt"; }

report() { # $1: the site's name
    python3 - "$WORK" "$1" <<'PY'
import statistics as st, sys
work, site = sys.argv[1], sys.argv[2]
rows = {}
for kind in ("default", "like", "hugo"):
    runs = [list(map(float, line.split())) for line in open(f"{work}/{kind}.txt") if line.strip()]
    wall = [r[0] for r in runs]; cpu = [r[1] + r[2] for r in runs]; mem = [r[3] / 1024 for r in runs]
    rows[kind] = (st.median(wall), min(wall), max(wall), st.median(cpu), st.median(mem))
hugo = rows["hugo"]
names = {"default": "StaticBriefs, default settings", "like": "StaticBriefs, no cards, summary entity feeds", "hugo": "Hugo"}
for kind, (wall, lo, hi, cpu, mem) in rows.items():
    print(f"| {site} | {names[kind]} | {wall:.2f} s ({lo:.2f}-{hi:.2f}) | {cpu:.2f} s | {mem:.0f} MiB | {wall / hugo[0]:.3f} | {cpu / hugo[3]:.3f} |")
PY
}

echo "| site | build | wall, median (min-max) | processor (user + system) | peak memory | wall / Hugo's | processor / Hugo's |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
if [ "$MODE" = corpus ]; then
    require_prepared_corpus
    reset
    for _ in $(seq 1 "$RUNS"); do
        timed default "${SB_CMD[@]}" build --no-cache --quiet --theme "$ROOT/theme" --config "$ROOT/tests/StaticBriefs.Benchmarks/hugo-equivalent.yml" --input "$CORPUS" --output "$WORK/out"
        timed like "${SB_CMD[@]}" build --no-cache --quiet --theme "$ROOT/theme" --config "$LIKE" --input "$CORPUS" --output "$WORK/out"
        timed hugo hugo --quiet --minify -s "$SITE" -d "$WORK/out"
    done
    report "$N generated briefs"
    exit 0
fi

BLOGS="${BLOGS:-/work/realblogs}"
# shellcheck source=../RealContent/hugo-site.sh
source "$ROOT/tests/RealContent/hugo-site.sh"
NAMES=("$@")
[ "${#NAMES[@]}" -gt 0 ] || NAMES=(zola-rust-blog hugo-opentelemetry-blog)
for name in "${NAMES[@]}"; do
    sb="$WORK/sb-$name"; like="$WORK/like-$name"; hs="$WORK/hugo-$name"
    mkdir -p "$sb" "$like"
    cp -r "$BLOGS/$name/posts" "$sb/input"; cp "$ROOT/tests/RealContent/$name/_site.yml" "$sb/input/"
    cp -r "$sb/input" "$like/input"
    # The blog's own settings, then the like-for-like file's (its top-level keys past the Hugo site's four).
    sed -n '/^social_images:/,$p' "$LIKE" >> "$like/input/_site.yml"
    hugo_site "$name" "$hs"
    for i in $(seq 0 "$RUNS"); do # run 0 warms up
        if [ "$i" -le 1 ]; then reset; fi # what run 0 timed is dropped
        timed default "${SB_CMD[@]}" build --no-cache --quiet --input "$sb/input" --output "$WORK/out"
        timed like "${SB_CMD[@]}" build --no-cache --quiet --input "$like/input" --output "$WORK/out"
        timed hugo hugo --minify --buildFuture --quiet -s "$hs" -d "$WORK/out"
    done
    report "$name"
done
