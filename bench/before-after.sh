#!/usr/bin/env bash
# Before/after benchmark of a change: this checkout against an older one, in the same run, interleaved, on the same
# inputs. Usage: bench/before-after.sh OLD_CHECKOUT [RUNS]
#   OLD_CHECKOUT: a checkout of the older commit (git worktree add /tmp/old <commit>), already built with
#                 ./mvnw -B package -DskipTests (its jar is cli/target/wheeltapper.jar, or examples/target/ before the
#                 cli module existed, with the class-data-sharing archive its build makes).
# Measures (a) whole processes, JVM start included, each side as its own ./wheeltapper launcher runs it (its JVM flags
# and its class-data-sharing archive): `audit --jobs 1|2` over corpus/wheels and `inspect` over corpus/elf (the bare
# ELF files), wall and CPU (user + system); (b) unless IN_PROCESS=0, in process, one thread: every corpus wheel
# verified alone and audited (bench/AuditBench.java, run against each jar, warm-up passes first). Prints Markdown with
# after/before ratios (below 1.00 is faster) and the load average before and after, since the machine may be shared.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
old="${1:?usage: bench/before-after.sh OLD_CHECKOUT [RUNS]}"
runs="${2:-5}"
jar_of() { if [ -f "$1/cli/target/wheeltapper.jar" ]; then echo "$1/cli/target/wheeltapper.jar"; else echo "$1/examples/target/wheeltapper.jar"; fi; }
new_jar=$(jar_of .)
old_jar=$(jar_of "$old")
[ -f "$new_jar" ] || ./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true -pl cli -am
[ -f "$old_jar" ] || { echo "no jar in $old: build it first" >&2; exit 2; }

. bench/timing.sh   # once, median (the working directory is the repository root)
# The medians of RUNS runs of the old and the new launcher, taken in turns so that both see the same machine.
pair() {
  local what="$1"; shift
  local ow="" oc="" nw="" nc="" w c
  for _ in $(seq "$runs"); do
    read -r w c < <(once "$old/wheeltapper" "$@"); ow+="$w"$'\n'; oc+="$c"$'\n'
    read -r w c < <(once ./wheeltapper "$@"); nw+="$w"$'\n'; nc+="$c"$'\n'
  done
  awk -v w="$what" -v a="$(grep . <<<"$ow" | median)" -v b="$(grep . <<<"$nw" | median)" \
    -v c="$(grep . <<<"$oc" | median)" -v d="$(grep . <<<"$nc" | median)" \
    'BEGIN {printf "| %s | %.2f | %.2f | %.2f x | %.2f | %.2f | %.2f x |\n", w, a / 1000, b / 1000, b / a, c / 1000, d / 1000, d / c}'
}

echo "Before: $(git -C "$old" log -1 --format='%h %s' | cut -c1-80)"
echo "After:  $(git log -1 --format='%h %s' | cut -c1-80)"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$old/wheeltapper" --version >/dev/null 2>&1 || { echo "$old/wheeltapper does not run" >&2; exit 2; }
./wheeltapper --version >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "| as ./wheeltapper runs it, median of $runs, interleaved | before s | after s | after / before | before CPU s | after CPU s | after / before |"
echo "|---|---:|---:|---:|---:|---:|---:|"
pair "\`audit --jobs 1\` over \`corpus/wheels\`" audit --jobs 1 --format json --output /dev/null corpus/wheels
pair "\`audit --jobs 2\` over \`corpus/wheels\`" audit --jobs 2 --format json --output /dev/null corpus/wheels
pair "\`inspect\` over \`corpus/elf\`" inspect --format json --output /dev/null corpus/elf
echo
echo "Load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after."
[ "${IN_PROCESS:-1}" = 0 ] && exit 0
echo
echo "In process, one thread (bench/AuditBench.java, 3 warm-up passes, median of $runs passes):"
echo
for side in before after; do
  if [ "$side" = before ]; then j="$old_jar"; else j="$new_jar"; fi
  echo "$side:"
  java -cp "$j" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn bench/AuditBench.java corpus/wheels 3 "$runs" 2>/dev/null \
    | grep '^|' | tail -n +3
done
