#!/usr/bin/env bash
# Spark (issue 21): the Spark job in local[2] over the local mirror's wheels, beside the single-process command line
# `wheeltapper audit --jobs 2` over the same wheels, in the same run; then the job again on the same output (the
# incremental rerun: every wheel skipped). Prints Markdown for docs/benchmarks.md ("Spark (issue 21)").
#   EVERY=N   audit every N-th wheel of the sorted listing, a sample across the mirror (default 1: all of them)
#   MIRRORS   folders searched for wheels (default: the local indexes' files and /opt/wheels)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=bench/target/spark
rm -rf "$out"
mkdir -p "$out"
mirrors="${MIRRORS:-/opt/pypi/files /opt/pypi-more/files /opt/wheels}"

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -o package -DskipTests -Dmaven.javadoc.skip=true -pl spark -am >/dev/null 2>&1 \
    || ./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true -pl spark -am
fi
jar=cli/target/wheeltapper.jar
job=spark/target/wheeltapper-spark-job.jar
# The plain java line of docs/spark.md: the job jar, Spark and Hadoop from the local repository, the opens Spark needs.
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true)
spark() {
  java "${opens[@]}" -Dspark.master='local[2]' -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 \
    -cp "$job:$(cat spark/target/spark-classpath.txt)" dev.wheeltapper.spark.AuditJob "$@"
}

# shellcheck disable=SC2086
find $mirrors -name '*.whl' -type f | sort | awk -v k="${EVERY:-1}" 'NR % k == 1 || k == 1' > "$out/listing.txt"
n=$(wc -l < "$out/listing.txt")
bytes=$(tr '\n' '\0' < "$out/listing.txt" | xargs -0 stat -c %s | awk '{s += $1} END {print s}')
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')

ms() { local s e; s=$(date +%s%N); "$@" >"$out/last.log" 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
mapfile -t wheels < "$out/listing.txt"
cli_ms=$(ms java -jar "$jar" audit --jobs 2 --format json --output "$out/cli.json" "${wheels[@]}")
spark_ms=$(ms spark "$out/listing.txt" "$out/tables")
grep -h "wheeltapper .* listed" "$out/last.log" || { cat "$out/last.log" >&2; exit 1; }
rerun_ms=$(ms spark "$out/listing.txt" "$out/tables")
grep -h "wheeltapper .* listed" "$out/last.log" >&2 || true

row() { awk -v name="$1" -v ms="$2" -v n="$n" -v mb="$mb" -v base="$cli_ms" \
  'BEGIN {s = ms / 1000; printf "| %s | %.1f | %.2f | %.2f | %.2f | %.2f x |\n", name, s, n / s, mb / s, mb / s / 2, ms / base}'; }
echo "## Spark (issue 21), $(date -u '+%Y-%m-%d at %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo
echo "$n wheels, $mb MB on disk (every ${EVERY:-1}th wheel of $mirrors)"
echo
echo "| whole process, JVM start included (one run each) | s | wheels/s | MB/s | MB/s per core | vs command line |"
echo "|---|---:|---:|---:|---:|---:|"
row "wheeltapper audit --jobs 2" "$cli_ms"
row "Spark job, local[2] (first run)" "$spark_ms"
# The rerun audits nothing: its time is the job's fixed cost (session, listing, stat pass, summary), not throughput.
awk -v ms="$rerun_ms" -v base="$cli_ms" \
  'BEGIN {printf "| Spark job, local[2] (rerun: every wheel skipped) | %.1f | | | | %.2f x |\n", ms / 1000, ms / base}'
awk -v a="$spark_ms" -v b="$rerun_ms" -v mb="$mb" 'BEGIN {s = (a - b) / 1000; if (s > 0)
  printf "\nFirst run minus rerun (the audit and its writes alone): %.1f s, %.2f MB/s, %.2f MB/s per core\n", s, mb / s, mb / s / 2}'

