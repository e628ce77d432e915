#!/usr/bin/env bash
# The throughput benchmark (issue 19), in one run, the sides interleaved, medians of RUNS (wall and CPU seconds):
#   (a) `verify --jobs 2` of the torch CPU wheel against the plain Python verifier (bench/reference_verify.py, one
#       process, as installers run it);
#   (b) the whole local mirror: `./wheeltapper audit --jobs 2 --format json --output /dev/null` (the launcher's
#       settings) against the Python verifier as 2 processes (xargs -P2, the wheels sorted by size, largest first,
#       and dealt out in turn so both halves carry about the same bytes); MIRROR_RUNS times (default 1: a long run);
#   (c) the inflate + SHA-256 floor of the torch wheel: bench/InflateShaFloor.java, every file entry inflated once
#       and hashed (JDK zlib and SHA-256, nothing else) on 1 and 2 threads, as a whole process and in process warm
#       (third pass), and the whole file's SHA-256 alone (what the report's sha256 costs).
# CPU seconds are user + system of the process and its children: less sensitive than wall time to other work on a
# shared machine; the load average is printed at the start and the end. Prints Markdown for docs/benchmarks.md.
# Environment: RUNS (default 5), MIRROR_RUNS (default 1), TORCH (the wheel), MIRROR (directories, space-separated).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${RUNS:-5}"
mirror_runs="${MIRROR_RUNS:-1}"
torch="${TORCH:-/opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl}"
read -r -a mirror <<< "${MIRROR:-/opt/pypi/files /opt/pypi-more/files /opt/wheels}"
out=bench/target/throughput
mkdir -p "$out"
[ -f cli/target/wheeltapper.jar ] || ./mvnw -B -q -o package -DskipTests -Dmaven.javadoc.skip=true -pl cli -am >&2
./wheeltapper --version >/dev/null   # makes the class-data-sharing archive once
javac -Xlint:all -Werror --release 17 -d "$out" bench/InflateShaFloor.java

# "wall cpu" in seconds of one run of a command (output discarded, exit status ignored: the verifiers report problems
# of some mirror wheels with status 1)
timed() {
  /usr/bin/time -f '%e %U %S' -o "$out/time.txt" "$@" >/dev/null 2>&1 || true
  # time(1) writes "Command exited with non-zero status N" first when the command fails: the figures are the last line
  tail -1 "$out/time.txt" | awk '{printf "%.2f %.2f\n", $1, $2 + $3}'
}
# median of column $2 of file $1
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{a[NR]=$c} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "## Throughput (issue 19), $(date -u '+%Y-%m-%d at %H:%M UTC'), $(nproc) cores, load average $(load) at the start"
echo
echo "$(java -version 2>&1 | head -1), $(python3 --version), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo

# ---- (a) torch verify ----
: > "$out/a-ours" ; : > "$out/a-py"
for _ in $(seq "$runs"); do
  timed ./wheeltapper verify --jobs 2 --format json --output /dev/null "$torch" >> "$out/a-ours"
  timed python3 bench/reference_verify.py "$torch" >> "$out/a-py"
done
aw=$(median "$out/a-ours" 1); ac=$(median "$out/a-ours" 2); pw=$(median "$out/a-py" 1); pc=$(median "$out/a-py" 2)
echo "### (a) verify of $(basename "$torch") ($(($(stat -c %s "$torch") / 1000000)) MB, median of $runs)"
echo
echo "| whole process | wall s | CPU s | wall / Python |"
echo "|---|---:|---:|---:|"
echo "| Python reference verifier, one process | $pw | $pc | 1.00 |"
echo "| \`./wheeltapper verify --jobs 2\` | $aw | $ac | $(ratio "$aw" "$pw") |"
echo

# ---- (c) the floor ----
: > "$out/c1" ; : > "$out/c2" ; : > "$out/c1w" ; : > "$out/c2w" ; : > "$out/sha"
for _ in $(seq "$runs"); do
  timed java -cp "$out" InflateShaFloor "$torch" 1 1 >> "$out/c1"
  timed java -cp "$out" InflateShaFloor "$torch" 2 1 >> "$out/c2"
  java -cp "$out" InflateShaFloor "$torch" 1 3 | awk '{printf "%.2f %.2f\n", $1 / 1000, $2 / 1000}' >> "$out/c1w"
  java -cp "$out" InflateShaFloor "$torch" 2 3 | awk '{printf "%.2f %.2f\n", $1 / 1000, $2 / 1000}' >> "$out/c2w"
  timed sha256sum "$torch" >> "$out/sha"
done
echo "### (c) the inflate + SHA-256 floor of the same wheel (median of $runs)"
echo
echo "| floor | wall s | CPU s |"
echo "|---|---:|---:|"
echo "| inflate + SHA-256 of every entry, 1 thread, whole process | $(median "$out/c1" 1) | $(median "$out/c1" 2) |"
echo "| inflate + SHA-256 of every entry, 2 threads, whole process | $(median "$out/c2" 1) | $(median "$out/c2" 2) |"
echo "| the same, 1 thread, in process (third pass, warm) | $(median "$out/c1w" 1) | $(median "$out/c1w" 2) |"
echo "| the same, 2 threads, in process (third pass, warm) | $(median "$out/c2w" 1) | $(median "$out/c2w" 2) |"
echo "| SHA-256 of the whole file (\`sha256sum\`) | $(median "$out/sha" 1) | $(median "$out/sha" 2) |"
echo
echo "\`verify --jobs 2\` against the 2-thread whole-process floor: $(ratio "$aw" "$(median "$out/c2" 1)") x wall," \
  "$(ratio "$ac" "$(median "$out/c2" 2)") x CPU."
echo

# ---- (b) the whole mirror ----
find "${mirror[@]}" -name '*.whl' -type f -printf '%s %p\n' | sort -rn > "$out/mirror.txt"
count=$(wc -l < "$out/mirror.txt")
bytes=$(awk '{s += $1} END {print s}' "$out/mirror.txt")
awk 'NR % 2 == 1 {print $2 > "'"$out"'/half0"} NR % 2 == 0 {print $2 > "'"$out"'/half1"}' "$out/mirror.txt"
cut -d' ' -f2 "$out/mirror.txt" > "$out/all"
: > "$out/b-ours" ; : > "$out/b-py"
for _ in $(seq "$mirror_runs"); do
  # shellcheck disable=SC2046 # the wheel paths have no spaces (PyPI file names)
  timed ./wheeltapper audit --jobs 2 --format json --output /dev/null $(cat "$out/all") >> "$out/b-ours"
  timed sh -c "printf '%s\n' '$out/half0' '$out/half1' | xargs -P2 -I{} sh -c 'xargs python3 bench/reference_verify.py < {}'" \
    >> "$out/b-py"
done
bw=$(median "$out/b-ours" 1); bc=$(median "$out/b-ours" 2); qw=$(median "$out/b-py" 1); qc=$(median "$out/b-py" 2)
echo "### (b) the whole local mirror ($count wheels, $((bytes / 1000000)) MB on disk, median of $mirror_runs)"
echo
echo "| whole run | wall s | CPU s | MB/s | wall / Python |"
echo "|---|---:|---:|---:|---:|"
echo "| Python reference verifier, 2 processes (xargs -P2, balanced) | $qw | $qc | $(awk -v b="$bytes" -v t="$qw" 'BEGIN {printf "%.0f", b / 1e6 / t}') | 1.00 |"
echo "| \`./wheeltapper audit --jobs 2 --format json --output /dev/null\` | $bw | $bc | $(awk -v b="$bytes" -v t="$bw" 'BEGIN {printf "%.0f", b / 1e6 / t}') | $(ratio "$bw" "$qw") |"
echo
echo "Load average at the end: $(load)."
