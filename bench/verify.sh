#!/usr/bin/env bash
# The verify benchmark (issue 3): on the same inputs, in one run,
#   (a) wheeltapper verifying in-process (JMH) and as a whole command (--jobs 1 and --jobs 2),
#   (b) the plain Python reference verifier (zipfile + hashlib over RECORD, what installers do),
#   (c) the floors: inflate-only over the same entries with the same zlib, and SHA-256 throughput alone.
# Inputs: the largest wheel of corpus/wheels and a generated ~500 MB wheel of mixed files.
# Prints a Markdown report on standard output; docs/benchmarks.md holds the last recorded one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${RUNS:-5}"
out=bench/target
mkdir -p "$out"

./mvnw -B -q -o package -DskipTests -Dmaven.javadoc.skip=true >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true
./mvnw -B -q -o test-compile -pl wheel-core -am -Dmaven.javadoc.skip=true >/dev/null
./mvnw -B -q -o dependency:build-classpath -pl wheel-core -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/cp.txt" >/dev/null
cp="wheel-core/target/test-classes:wheel-core/target/classes:$(cat "$out/cp.txt")"
# The benchmarks are compiled here, with the JMH annotation processor, under the project's lint rules.
rm -rf "$out/classes" "$out/generated" && mkdir -p "$out/classes" "$out/generated"
javac -Xlint:all -Werror --release 17 -cp "$cp" -d "$out/classes" -s "$out/generated" \
  wheel-core/src/test/java/dev/wheeltapper/bench/*.java
cp="$out/classes:$cp"
jar=cli/target/wheeltapper.jar
./wheeltapper --version >/dev/null   # makes the class-data-sharing archive once

big="$out/wt_bench-1.0-py3-none-any.whl"
[ -f "$big" ] || python3 bench/make_big_wheel.py "$big" 500 >&2
largest=$(find corpus/wheels -name '*.whl' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2)

# median wall-clock seconds of $runs runs of a command (exit status ignored: all inputs verify)
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=("$(( (e - s) / 1000000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "## Verify (issue 3), $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), $(python3 --version)"
echo
for w in "$largest" "$big"; do
  size=$(stat -c %s "$w")
  py=$(median python3 bench/reference_verify.py "$w")
  j1=$(median java -jar "$jar" verify --jobs 1 --format json --output /dev/null "$w")
  j2=$(median java -jar "$jar" verify --jobs 2 --format json --output /dev/null "$w")
  c1=$(median ./wheeltapper verify --jobs 1 --format json --output /dev/null "$w")
  c2=$(median ./wheeltapper verify --jobs 2 --format json --output /dev/null "$w")
  echo "### $(basename "$w") ($((size / 1048576)) MiB on disk)"
  echo
  echo "| whole process (median of $runs) | ms | ratio to Python |"
  echo "|---|---:|---:|"
  echo "| Python reference (zipfile + hashlib) | $py | 1.00 |"
  awk -v a="$j1" -v p="$py" 'BEGIN {printf "| java -jar wheeltapper.jar verify --jobs 1 | %d | %.2f |\n", a, a / p}'
  awk -v a="$j2" -v p="$py" 'BEGIN {printf "| java -jar wheeltapper.jar verify --jobs 2 | %d | %.2f |\n", a, a / p}'
  awk -v a="$c1" -v p="$py" 'BEGIN {printf "| ./wheeltapper (with its CDS archive) verify --jobs 1 | %d | %.2f |\n", a, a / p}'
  awk -v a="$c2" -v p="$py" 'BEGIN {printf "| ./wheeltapper (with its CDS archive) verify --jobs 2 | %d | %.2f |\n", a, a / p}'
  echo
  java -cp "$cp" org.openjdk.jmh.Main VerifyBenchmark -p wheel="$PWD/$w" -rf csv -rff "$out/jmh.csv" >"$out/jmh.log" 2>&1
  echo "| in-process (JMH, avg) | ms/op | error | ratio to inflate-only floor |"
  echo "|---|---:|---:|---:|"
  floor=$(awk -F, '/inflateOnlyFloor/ {print $5}' "$out/jmh.csv")
  awk -F, -v f="$floor" 'NR > 1 {gsub(/"/, "", $1); sub(/.*\./, "", $1); printf "| %s | %.1f | %.1f | %.2f |\n", $1, $5, $6, $5 / f}' "$out/jmh.csv"
  echo
done
