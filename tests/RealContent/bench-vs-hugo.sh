#!/bin/bash
# Builds each blog of tests/RealContent with StaticBriefs (its _site.yml) and with Hugo (a minimal site whose content/
# is the same posts), alternately, on tmpfs; prints median wall time and peak RSS over RUNS runs after one warm-up.
# usage: tests/RealContent/bench-vs-hugo.sh [RUNS]   (from the repository root, after dotnet build -c Release)
# SB: the StaticBriefs command (default: the JIT build through dotnet; e.g. SB=/path/to/native/StaticBriefs for the
# Native AOT publish). BLOGS: the folder holding <blog>/posts (default tests/RealContent; the full copies of README
# "Larger copies" are under /work/realblogs on the project's machine); each blog's _site.yml is taken from here.
# ONLY: the blogs to run (default all five), e.g. ONLY=zola-rust-blog.
set -eu
RUNS=${1:-3}
REPO=$(pwd)
DLL=$REPO/src/StaticBriefs/bin/Release/net10.0/StaticBriefs.dll
read -r -a SB_CMD <<< "${SB:-dotnet $DLL}"
BLOGS=${BLOGS:-$REPO/tests/RealContent}
WORK=/dev/shm/sb-realblogs-$$
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=hugo-site.sh
source "$REPO/tests/RealContent/hugo-site.sh"

timed() { # prints "wall_seconds peak_kib" of the command
  /usr/bin/time -v -o "$WORK/time" "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]} /Maximum resident/{m=$2} END{print s, m}' "$WORK/time"
}

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

printf '| blog | briefs | diagnostics (all warnings) | StaticBriefs s | StaticBriefs MiB | Hugo s | Hugo MiB | Hugo post pages |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n'
for blog in ${ONLY:-zola-rust-blog hugo-opentelemetry-blog jekyll-jekyllrb-news jekyll-homebrew-blog eleventy-11ty-blog}; do
  sb=$WORK/sb-$blog; hs=$WORK/hugo-$blog
  mkdir -p "$sb"; cp -r "$BLOGS/$blog/posts" "$sb/input"; cp "tests/RealContent/$blog/_site.yml" "$sb/input/"
  hugo_site "$blog" "$hs"
  : > "$WORK/sb.txt"; : > "$WORK/hugo.txt"
  for i in $(seq 0 "$RUNS"); do # run 0 is a warm-up
    rm -rf "$sb/out" "$hs/out"
    r=$(timed "${SB_CMD[@]}" build --input "$sb/input" --output "$sb/out" --no-cache --quiet); [ "$i" -gt 0 ] && echo "$r" >> "$WORK/sb.txt"
    r=$(timed hugo --minify --buildFuture -s "$hs" -d "$hs/out" --quiet); [ "$i" -gt 0 ] && echo "$r" >> "$WORK/hugo.txt"
  done
  posts=$(grep -rl '<article>' "$hs/out" --include=*.html | wc -l)
  rm -rf "$sb/out"; "${SB_CMD[@]}" build --input "$sb/input" --output "$sb/out" --no-cache > "$WORK/log" 2>&1 || true
  briefs=$(grep -oE 'Built [0-9]+ briefs' "$WORK/log" | grep -oE '[0-9]+' || echo failed)
  codes=$(grep -oE '(error|warning) SB[0-9]+' "$WORK/log" | sort | uniq -c | awk '{printf "%s%s %s ×%s", (NR>1?", ":""), $2, $3, $1}')
  printf '| %s | %s | %s | %s | %.0f | %s | %.0f | %s |\n' "$blog" "$briefs" "${codes:-none}" \
    "$(cut -d' ' -f1 "$WORK/sb.txt" | median)" "$(cut -d' ' -f2 "$WORK/sb.txt" | median | awk '{print $1/1024}')" \
    "$(cut -d' ' -f1 "$WORK/hugo.txt" | median)" "$(cut -d' ' -f2 "$WORK/hugo.txt" | median | awk '{print $1/1024}')" "$posts"
done
