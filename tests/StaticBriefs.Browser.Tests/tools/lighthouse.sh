#!/usr/bin/env bash
# Lighthouse (mobile and desktop) on home, brief, company, person, search and archive pages of the sample site and
# of a generated 10,000-brief site, both built with this checkout and served locally under /briefs-site/.
# Usage: tests/StaticBriefs.Browser.Tests/tools/lighthouse.sh [--runs N] [--briefs N] [--sites NAME=DIR,...]
#   --sites skips the builds and measures sites already built with base URL http://127.0.0.1/briefs-site/.
# Needs Node 20+, Chromium (CHROME_PATH, default /usr/bin/chromium) and the .NET SDK; builds go to /dev/shm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
runs=3; briefs=10000; sites=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --briefs) briefs="$2"; shift 2 ;;
    --sites) sites="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -d "$here/node_modules/lighthouse" ] || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
work="${SB_LIGHTHOUSE_DIR:-/dev/shm/sb-lighthouse-$$}"
if [ -z "$sites" ]; then
  mkdir -p "$work"
  dotnet build "$root/src/StaticBriefs" -c Release -v q -nologo >/dev/null
  sb="dotnet $root/src/StaticBriefs/bin/Release/net10.0/StaticBriefs.dll"
  $sb build --input "$root/input" --theme "$root/theme" --output "$work/sample" --base-url http://127.0.0.1/briefs-site/ --no-cache -q
  corpus="$work/corpus-$briefs"
  [ -d "$corpus" ] || dotnet run -c Release --project "$root/tests/StaticBriefs.Benchmarks" -- corpus "$briefs" "$corpus" --seed 42 >/dev/null
  $sb build --input "$corpus" --theme "$root/theme" --output "$work/site-$briefs" --base-url http://127.0.0.1/briefs-site/ --no-cache -q
  sites="sample=$work/sample,$briefs=$work/site-$briefs"
fi
node "$here/lighthouse.mjs" --runs "$runs" --out "$work/reports" ${sites//,/ }
