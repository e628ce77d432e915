#!/usr/bin/env bash
# The memory benchmark (issue 19): peak resident memory, wall and CPU time of one `audit` over the whole local index
# (/opt/pypi/files, /opt/pypi-more/files, /opt/wheels by default), run through the ./wheeltapper launcher with its
# memory settings (WHEELTAPPER_JAVA_OPTS adds to them; later flags win), in each format. The resident set is sampled
# from /proc/PID/status every 0.2 s, split into RssAnon (heap, metaspace, code, threads, malloc) and RssFile (the jar,
# the JVM's libraries, binaries mapped while they are inspected); /usr/bin/time -v gives the overall peak and the CPU.
# The report goes to a file (it is written as artifacts finish; its size is printed too), and the input.too-large
# findings (artifacts the heap could not hold) are counted. JAR=path/to/wheeltapper.jar measures another build.
# Prints Markdown; docs/benchmarks.md holds the last recorded run. Note the machine's load: others may share it.
#   bench/memory.sh                        # json, sarif and text over the default directories
#   FORMATS=json JOBS=2 bench/memory.sh DIR...
#   WHEELTAPPER_JAVA_OPTS="-XX:+UseG1GC" FORMATS=json bench/memory.sh   # the same jar with another collector
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${OUT:-bench/target}"
mkdir -p "$out"
jar="${JAR:-cli/target/wheeltapper.jar}"
if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q -o package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl cli -am >/dev/null 2>&1 \
    || ./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl cli -am
fi
jar="$(cd "$(dirname "$jar")" && pwd -P)/$(basename "$jar")"
formats="${FORMATS:-json sarif text}"
jobs="${JOBS:-$(nproc)}"
if [ "$#" -gt 0 ]; then dirs=("$@"); else dirs=(/opt/pypi/files /opt/pypi-more/files /opt/wheels); fi
n=$(find "${dirs[@]}" -name '*.whl' | wc -l)
bytes=$(find "${dirs[@]}" -name '*.whl' -printf '%s\n' | awk '{s += $1} END {print s}')
echo "## Memory (issue 19), $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "$n wheels, $((bytes / 1000000)) MB on disk, \`./wheeltapper audit --jobs $jobs\` (the launcher's settings)," \
  "WHEELTAPPER_JAVA_OPTS=${WHEELTAPPER_JAVA_OPTS:-none}, jar $jar, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| format | wall s | CPU s | peak RSS MiB | peak RssAnon MiB | peak RssFile MiB | report MB | too large | exit |"
echo "|---|---|---|---|---|---|---|---|---|"
for f in $formats; do
  report="$out/memory-report.$f"
  samples="$out/memory-samples.$f.txt"
  : >"$samples"
  set +e
  WHEELTAPPER_JAR="$jar" /usr/bin/time -v -o "$out/memory-time.txt" ./wheeltapper audit --jobs "$jobs" \
    --format "$f" --output "$report" "${dirs[@]}" 2>"$out/memory-stderr.txt" &
  timer=$!
  # the launcher execs java: the JVM is /usr/bin/time's child
  while kill -0 "$timer" 2>/dev/null; do
    pid=$(pgrep -P "$timer" | head -1 || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
      awk '/^(RssAnon|RssFile):/ {printf "%s ", $2} END {print ""}' "/proc/$pid/status" >>"$samples" 2>/dev/null
    fi
    sleep 0.2
  done
  wait "$timer"
  code=$?
  set -e
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$out/memory-time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s}' "$out/memory-time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$out/memory-time.txt")
  anon=$(awk 'NF == 2 && $1 > m {m = $1} END {print int(m / 1024)}' "$samples")
  file=$(awk 'NF == 2 && $2 > m {m = $2} END {print int(m / 1024)}' "$samples")
  size=$(( $(stat -c %s "$report" 2>/dev/null || echo 0) / 1000000 ))
  large=$(grep -o 'input\.too-large' "$report" 2>/dev/null | wc -l || true)
  echo "| $f | $wall | $cpu | $rss | $anon | $file | $size | $large | $code |"
done
