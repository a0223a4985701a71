# Sourced by the run-*.sh scripts after N is set: the repository root, the corpus and Hugo site that compare-hugo.py
# prepares under $SB_BENCH_DIR, and the ReadyToRun publish every comparison runs (the shipped form).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="${SB_BENCH_DIR:-${TMPDIR:-/tmp}/sb-bench}"
CORPUS="$BENCH/corpus-$N-42"
SITE="$BENCH/hugo-$N-42"
PUB="$ROOT/.staticbriefs/bin"

require_prepared_corpus() {
    [ -d "$CORPUS" ] && [ -d "$SITE" ] || { echo "missing $CORPUS or $SITE: run run-hugo-comparison.sh $N once first" >&2; exit 2; }
}

publish_staticbriefs() {
    dotnet publish "$ROOT/src/StaticBriefs" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o "$PUB" -v quiet -nologo
}
