#!/usr/bin/env bash
# A release binary copied to another folder, with the build folder gone, must
# still find its default gazetteers (they are embedded at build time).
# Usage: Scripts/check-relocated-binary.sh   (from anywhere; builds release)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift build -c release --product newstag >/dev/null
binary="$(swift build -c release --show-bin-path)/newstag"
work="$(mktemp -d)"
restore() {
  rm -rf "$work"
  if [ -d "$root/.build-relocation-check" ]; then
    rm -rf "$root/.build"
    mv "$root/.build-relocation-check" "$root/.build"
  fi
}
trap restore EXIT
cp "$binary" "$work/newstag"
cp examples/seed-bg-news.txt "$work/article.txt"
mv .build .build-relocation-check
(cd / && "$work/newstag" tag "$work/article.txt" > "$work/out.jsonl" 2> "$work/err.txt") || {
  echo "relocated binary failed:"; cat "$work/err.txt"; exit 1; }
for expected in '"text":"Украйна","label":"COUNTRY"' '"text":"Конгресът на САЩ","label":"ORGANIZATION"'; do
  grep -qF "$expected" "$work/out.jsonl" || { echo "relocated binary: missing $expected"; exit 1; }
done
echo "relocated binary: ok (defaults found with the build folder moved away)"
