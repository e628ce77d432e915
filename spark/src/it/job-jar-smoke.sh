#!/usr/bin/env bash
# The job jar as it ships, run the way docs/spark.md's plain java line runs it (the shaded job jar, Spark and Hadoop
# from spark-classpath.txt, the --add-opens of $OPENS), in local[1] on two corpus wheels: Spark must start with the
# job's relocated libraries beside its own, and the job must audit both and write its tables. The unit tests run the
# job from the module's classes; only this run sees the shaded jar. Called by the build (exec-maven-plugin).
set -euo pipefail
module="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
target="$module/target"
out="$target/job-jar-smoke"
rm -rf "$out"
mkdir -p "$out"
find "$module/../corpus/wheels/auditwheel" -maxdepth 1 -name '*.whl' | sort | head -2 > "$out/listing.txt"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086 # OPENS holds several JVM options
if ! "$java" ${OPENS:-} -Dspark.master='local[1]' -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 \
    -cp "$target/wheeltapper-spark-job.jar:$(cat "$target/spark-classpath.txt")" \
    dev.wheeltapper.spark.AuditJob "$out/listing.txt" "$out/tables" > "$out/run.log" 2>&1; then
  echo "job-jar-smoke: the job jar failed; the end of $out/run.log:" >&2
  tail -30 "$out/run.log" >&2
  exit 1
fi
if ! grep -q ": 2 listed, 2 audited, 0 skipped" "$out/run.log" || ! ls "$out/tables/wheels"/*.parquet > /dev/null 2>&1; then
  echo "job-jar-smoke: the job ran but did not audit both wheels into $out/tables:" >&2
  grep "listed" "$out/run.log" >&2 || tail -10 "$out/run.log" >&2
  exit 1
fi
echo "job-jar-smoke: the job jar audited 2 wheels into $out/tables"
