#!/usr/bin/env bash
# Before/after benchmark of a change: this checkout against an older one, in the same run, interleaved, on the same
# inputs. Usage: bench/before-after.sh OLD_CHECKOUT [RUNS]
#   OLD_CHECKOUT: a checkout of the older commit (git worktree add /tmp/old <commit>), already built with
#                 ./mvnw -B package -DskipTests (its jar is cli/target/wheeltapper.jar, or examples/target/ before the
#                 cli module existed).
# Measures (a) in process, one thread: every corpus wheel verified alone and audited (bench/AuditBench.java, run
# against each jar, warm-up passes first), (b) whole processes, JVM start included: `audit --jobs 1|2` over
# corpus/wheels and `inspect` over corpus/elf (the bare ELF, PE and Mach-O files). Prints Markdown with after/before
# ratios (below 1.00 is faster).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
old="${1:?usage: bench/before-after.sh OLD_CHECKOUT [RUNS]}"
runs="${2:-5}"
jar_of() { if [ -f "$1/cli/target/wheeltapper.jar" ]; then echo "$1/cli/target/wheeltapper.jar"; else echo "$1/examples/target/wheeltapper.jar"; fi; }
new_jar=$(jar_of .)
old_jar=$(jar_of "$old")
[ -f "$new_jar" ] || ./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true -pl cli -am
[ -f "$old_jar" ] || { echo "no jar in $old: build it first" >&2; exit 2; }

# One timed run of a command, in ms.
once() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# The median of RUNS runs of the old and the new command, taken in turns so that both see the same machine.
pair() {
  local what="$1"; shift
  local -a o=() n=()
  for _ in $(seq "$runs"); do
    o+=("$(once java -jar "$old_jar" "$@")")
    n+=("$(once java -jar "$new_jar" "$@")")
  done
  local mo mn
  mo=$(printf '%s\n' "${o[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mn=$(printf '%s\n' "${n[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  awk -v w="$what" -v a="$mo" -v b="$mn" 'BEGIN {printf "| %s | %d | %d | %.2f x |\n", w, a, b, b / a}'
}

echo "Before: $(git -C "$old" log -1 --format='%h %s' | cut -c1-80)"
echo "After:  $(git log -1 --format='%h %s' | cut -c1-80)"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| whole process, JVM start included (median of $runs, interleaved) | before ms | after ms | after / before |"
echo "|---|---:|---:|---:|"
pair "audit --jobs 1 corpus/wheels" audit --jobs 1 --format json --output /dev/null corpus/wheels
pair "audit --jobs 2 corpus/wheels" audit --jobs 2 --format json --output /dev/null corpus/wheels
pair "inspect corpus/elf" inspect --format json --output /dev/null corpus/elf
echo
echo "In process, one thread (bench/AuditBench.java, 3 warm-up passes, median of $runs passes):"
echo
for side in before after; do
  if [ "$side" = before ]; then j="$old_jar"; else j="$new_jar"; fi
  echo "$side:"
  java -cp "$j" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn bench/AuditBench.java corpus/wheels 3 "$runs" 2>/dev/null \
    | grep '^|' | tail -n +3
done
