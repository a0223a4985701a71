# Sourced by the run-*.sh scripts after N is set: the repository root, the shared comparison script, the corpus and
# Hugo site that compare-hugo.py prepares under $SB_BENCH_DIR, and the StaticBriefs build every comparison times.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COMPARE="$(cd "$ROOT/.." && pwd)/shared/bench/compare-hugo.py"
BENCH="${SB_BENCH_DIR:-${TMPDIR:-/tmp}/sb-bench}"
CORPUS="$BENCH/corpus-$N-42"
SITE="$BENCH/hugo-$N-42"
PUB="$ROOT/.staticbriefs/bin"
# A clean build of the ReadyToRun publish (the shipped form) with the Hugo site's settings (20 briefs per listing
# page), so both tools build the same pages; add --input and --output. Paths are absolute because compare-hugo.py
# runs the command from its own working directory.
SB_BUILD=(dotnet "$PUB/StaticBriefs.dll" build --no-cache --theme "$ROOT/theme"
    --config "$ROOT/tests/StaticBriefs.Benchmarks/hugo-equivalent.yml")

[ -f "$COMPARE" ] || { echo "not found: $COMPARE (shared/ is expected beside the repository root)" >&2; exit 2; }

require_prepared_corpus() {
    [ -d "$CORPUS" ] && [ -d "$SITE" ] || { echo "missing $CORPUS or $SITE: run run-hugo-comparison.sh $N once first" >&2; exit 2; }
}

publish_staticbriefs() {
    dotnet publish "$ROOT/src/StaticBriefs" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o "$PUB" -v quiet -nologo
}
