#!/usr/bin/env bash
# The memory benchmark (issue 19): peak resident memory and wall time of one `audit` over the whole local index
# (/opt/pypi/files, /opt/pypi-more/files, /opt/wheels by default), measured with /usr/bin/time -v, in each format.
# The report goes to a file (it is written as artifacts finish; its size is printed too). The JVM runs as the
# ./wheeltapper launcher runs it (no -Xmx: the JVM's default heap, a quarter of the machine's memory), unless
# WHEELTAPPER_JAVA_OPTS says otherwise. JAR=path/to/wheeltapper.jar measures another build (an older one, to compare).
# Prints Markdown; docs/benchmarks.md holds the last recorded run.
#   bench/memory.sh                        # json, sarif and text over the default directories
#   FORMATS=json JOBS=2 bench/memory.sh DIR...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${OUT:-bench/target}"
mkdir -p "$out"
jar="${JAR:-cli/target/wheeltapper.jar}"
if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q -o package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl cli -am >/dev/null 2>&1 \
    || ./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl cli -am
fi
formats="${FORMATS:-json sarif text}"
jobs="${JOBS:-$(nproc)}"
if [ "$#" -gt 0 ]; then dirs=("$@"); else dirs=(/opt/pypi/files /opt/pypi-more/files /opt/wheels); fi
n=$(find "${dirs[@]}" -name '*.whl' | wc -l)
bytes=$(find "${dirs[@]}" -name '*.whl' -printf '%s\n' | awk '{s += $1} END {print s}')
echo "## Memory (issue 19), $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "$n wheels, $((bytes / 1000000)) MB on disk, \`audit --jobs $jobs\`, ${WHEELTAPPER_JAVA_OPTS:-default heap}, jar $jar"
echo
echo "| format | wall s | peak RSS MiB | report MB | exit |"
echo "|---|---|---|---|---|"
for f in $formats; do
  report="$out/memory-report.$f"
  set +e
  # shellcheck disable=SC2086 # WHEELTAPPER_JAVA_OPTS holds any number of JVM options
  /usr/bin/time -v -o "$out/memory-time.txt" java ${WHEELTAPPER_JAVA_OPTS:-} -jar "$jar" audit --jobs "$jobs" \
    --format "$f" --output "$report" "${dirs[@]}" 2>"$out/memory-stderr.txt"
  code=$?
  set -e
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$out/memory-time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s}' "$out/memory-time.txt")
  size=$(( $(stat -c %s "$report" 2>/dev/null || echo 0) / 1000000 ))
  echo "| $f | $wall | $rss | $size | $code |"
done
