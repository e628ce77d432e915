#!/usr/bin/env bash
# The audit benchmark (issue 7): every wheel of corpus/wheels audited
#   (a) in-process, one thread, verify alone and the full audit (bench/AuditBench.java, warm-up passes first),
#   (b) as a whole command: wheeltapper audit over the directory with --jobs 1 and --jobs 2,
#   (c) beside the nearest reference pipeline on the same wheels in the same run (see reference() below).
# Reports wheels per second and MB (10^6 bytes on disk) per second. Prints Markdown; docs/benchmarks.md holds the
# last recorded run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${RUNS:-5}"
warmup="${WARMUP:-3}"
out=bench/target
mkdir -p "$out"
corpus=corpus/wheels

./mvnw -B -q -o package -DskipTests -Dmaven.javadoc.skip=true -pl cli -am >/dev/null 2>&1 \
  || ./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true -pl cli -am
./mvnw -B -q -o dependency:build-classpath -pl binary-inspect -Dmdep.outputFile="$PWD/$out/audit-cp.txt" >/dev/null
cp="binary-inspect/target/classes:wheel-core/target/classes:$(cat "$out/audit-cp.txt")"
jar=cli/target/wheeltapper.jar

median() {
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=("$(( (e - s) / 1000000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

n=$(find "$corpus" -name '*.whl' | wc -l)
bytes=$(find "$corpus" -name '*.whl' -printf '%s\n' | awk '{s += $1} END {print s}')
echo "## Audit (issue 7), $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn bench/AuditBench.java "$corpus" "$warmup" "$runs" 2>/dev/null
echo
# The reference: auditwheel is not installable here (no PyPI, no Debian package), so the nearest shell audit of the
# same wheels: the Python installer-style verifier (bench/reference_verify.py) on each wheel, then each ELF member
# extracted with unzip and read by readelf (dynamic section, symbol versions, dynamic symbols: what a policy check
# needs) and checksec (hardening). It does less than the audit (no PE/Mach-O, no policy, no toolchain) and is the
# floor a shell pipeline pays for the same questions.
reference() {
  local tmp w f
  tmp=$(mktemp -d)
  while IFS= read -r w; do
    python3 bench/reference_verify.py "$w" >/dev/null 2>&1 || true
    rm -rf "$tmp/x" && mkdir "$tmp/x"
    (cd "$tmp/x" && unzip -qq -o "$w" >/dev/null 2>&1) || true
    while IFS= read -r f; do
      if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = "177ELF" ]; then
        readelf -W -d -V --dyn-syms "$f" >/dev/null 2>&1 || true
        checksec --file="$f" >/dev/null 2>&1 || true
      fi
    done < <(find "$tmp/x" -type f -size +3c)
  done < <(find "$corpus" -name '*.whl')
  rm -rf "$tmp"
}

ref=$(median reference)
echo "| whole process, JVM start included (median of $runs) | ms | wheels/s | MB/s | vs reference |"
echo "|---|---:|---:|---:|---:|"
awk -v ms="$ref" -v n="$n" -v b="$bytes" \
  'BEGIN {printf "| reference: Python verify + unzip + readelf + checksec per ELF member (%d wheels) | %d | %.0f | %.1f | 1.00 x |\n", n, ms, n / (ms / 1000), b / 1e6 / (ms / 1000)}'
for jobs in 1 2; do
  ms=$(median java -jar "$jar" audit --jobs "$jobs" --format json --output /dev/null "$corpus")
  awk -v ms="$ms" -v n="$n" -v b="$bytes" -v j="$jobs" -v r="$ref" \
    'BEGIN {printf "| wheeltapper audit --jobs %d (%d wheels) | %d | %.0f | %.1f | %.2f x |\n", j, n, ms, n / (ms / 1000), b / 1e6 / (ms / 1000), ms / r}'
done
