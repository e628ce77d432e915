#!/usr/bin/env bash
# audit --cache over the whole local mirror (issue 19, incremental audits): a first `audit --jobs 2 --cache DB` with
# one wheel left out (symbolic links in a temporary folder), then the re-run with that wheel added, which audits only
# it and replays the rest. Prints both times, the re-run's summary line, the database's size (per wheel too) and the
# load average (the machine may be shared: read the times beside it). JAR=path/to/wheeltapper.jar measures another
# build; MIRROR="dir ..." other folders.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jar="${JAR:-cli/target/wheeltapper.jar}"
read -r -a mirror <<< "${MIRROR:-/opt/pypi/files /opt/pypi-more/files /opt/wheels}"
if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q -o package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl cli -am >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one folder per mirror folder (a file name may repeat across them), the wheels linked, not copied
i=0
for m in "${mirror[@]}"; do
  mkdir -p "$tmp/wheels/$i"
  while IFS= read -r w; do
    ln -s "$w" "$tmp/wheels/$i/$(basename "$w")"
  done < <(find "$m" -name '*.whl' -type f | sort)
  i=$((i + 1))
done
n=$(find "$tmp/wheels" -name '*.whl' | wc -l)
bytes=$(find -L "$tmp/wheels" -name '*.whl' -printf '%s\n' | awk '{s += $1} END {print s}')
# the wheel left out: the middle one by name, moved aside and back
left=$(find "$tmp/wheels" -name '*.whl' | sort | sed -n "$(( (n + 1) / 2 ))p")
mv "$left" "$tmp/left-out.whl"

run() {
  local s e
  s=$(date +%s%N)
  java ${WHEELTAPPER_JAVA_OPTS:-} -jar "$jar" audit --jobs 2 --format json --output "$tmp/report-$1.json" \
    --cache "$tmp/audit.db" "$tmp/wheels" 2> "$tmp/err-$1.txt" || true
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 ))"
}

echo "## audit --cache (issue 19), $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "- wheels: $n ($(awk -v b="$bytes" 'BEGIN {printf "%.1f GB", b / 1e9}')), left out of the first run: $(basename "$left")"
echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
first=$(run first)
echo "- first run ($((n - 1)) wheels, all audited): $(awk -v t="$first" 'BEGIN {printf "%.1f s", t / 1000}')"
echo "  $(grep -m1 'artifacts:' "$tmp/err-first.txt" || true)"
mv "$tmp/left-out.whl" "$left"
second=$(run second)
echo "- re-run ($n wheels, one new): $(awk -v t="$second" 'BEGIN {printf "%.1f s", t / 1000}')"
echo "  $(grep -m1 'artifacts:' "$tmp/err-second.txt" || true)"
db=$(cat "$tmp"/audit.db* | wc -c)
echo "- database: $(awk -v b="$db" -v n="$n" 'BEGIN {printf "%.1f MB, %.1f kB per wheel", b / 1e6, b / n / 1e3}') (with its WAL)"
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
