#!/usr/bin/env bash
# The inspect benchmark (issue 19's "inspect of 86 real extension modules at most 0.3 x readelf -W -a"): the whole
# analysis of N CPython extension modules in one wheeltapper process, JVM start included, as the launcher runs it
# (with its class-data-sharing archive), against GNU readelf only dumping the same files.
#   Modules: bench/inspect_modules.py chooses them (the first N distinct *.cpython-311-x86_64-linux-gnu.so of the
#   local mirror's wheels in file-name order, one per wheel) and extracts them into bench/target/modules (never
#   committed); the list, with sizes and SHA-256, is printed with the report.
#   Commands, taken in turns in every round so that all see the same machine, median of RUNS rounds, wall and CPU
#   (user + system, children included):
#     ./wheeltapper inspect FILES...                   (text report)
#     ./wheeltapper inspect --format json FILES...
#     readelf -W -a FILE, one process per file          (the yardstick)
#     readelf -W -a FILES..., one process               (for information)
#     sha256sum FILES...                                (for information: inspect hashes every file)
# Usage: bench/inspect.sh [N] (RUNS=7 by default). Prints Markdown for docs/benchmarks.md on standard output.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n="${1:-86}"
runs="${RUNS:-7}"
out=bench/target
dir="$out/modules-$n"
if [ ! -f "$dir/list.tsv" ]; then
  rm -rf "$dir"
  python3 bench/inspect_modules.py "$dir" "$n" > "$dir.tsv.tmp"
  mv "$dir.tsv.tmp" "$dir/list.tsv"
fi
mapfile -t files < <(cut -f1 "$dir/list.tsv" | sed "s|^|$dir/|")
./wheeltapper --version >/dev/null   # builds the jar and its archive once when missing

. bench/timing.sh   # once, median (the working directory is the repository root)
each_readelf() { local f; for f in "$@"; do readelf -W -a "$f" >/dev/null 2>&1 || true; done; }
export -f each_readelf

names=("wheeltapper inspect (text)" "wheeltapper inspect --format json" "readelf -W -a, one process per file"
  "readelf -W -a, one process for all files" "sha256sum, one process for all files")
run_one() {
  case "$1" in
    0) once ./wheeltapper inspect "${files[@]}" ;;
    1) once ./wheeltapper inspect --format json "${files[@]}" ;;
    2) once bash -c 'each_readelf "$@"' each_readelf "${files[@]}" ;;
    3) once readelf -W -a "${files[@]}" ;;
    4) once sha256sum "${files[@]}" ;;
  esac
}
declare -A wall cpu
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$runs"); do
  for i in 0 1 2 3 4; do
    read -r w c < <(run_one "$i")
    wall[$i]+="$w "
    cpu[$i]+="$c "
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
for i in 0 1 2 3 4; do
  mw[$i]=$(tr ' ' '\n' <<<"${wall[$i]}" | grep . | median)
  mc[$i]=$(tr ' ' '\n' <<<"${cpu[$i]}" | grep . | median)
done

bytes=$(awk -F'\t' '{s += $2} END {print s}' "$dir/list.tsv")
echo "## Inspect of $n extension modules (issue 19), \`bench/inspect.sh\`"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1), $(readelf --version | head -1)," \
  "commit $(git log -1 --format=%h), load average $load_before before and $load_after after; $runs rounds, the" \
  "commands in turns in each round, medians."
echo
echo "Files: the first $n distinct CPython 3.11 x86-64 extension modules of the local mirror (\`bench/inspect_modules.py\`:" \
  "wheels of /opt/pypi/files, /opt/pypi-more/files and /opt/wheels in file-name order, the first" \
  "\`*.cpython-311-x86_64-linux-gnu.so\` of each), $(awk -v b="$bytes" 'BEGIN {printf "%.1f MiB", b / 1048576}') in all," \
  "$(cut -f2 "$dir/list.tsv" | sort -n | awk '{a[NR]=$1} END {printf "%.0f KiB median, %.1f MiB largest", a[int((NR+1)/2)] / 1024, a[NR] / 1048576}')."
echo
echo "| command | wall ms | CPU ms | wall / readelf per file | CPU / readelf per file |"
echo "|---|---:|---:|---:|---:|"
for i in 0 1 2 3 4; do
  awk -v n="${names[$i]}" -v w="${mw[$i]}" -v c="${mc[$i]}" -v rw="${mw[2]}" -v rc="${mc[2]}" \
    'BEGIN {printf "| %s | %d | %d | %.2f x | %.2f x |\n", n, w, c, w / rw, c / rc}'
done
echo
echo "<details><summary>The $n modules (file, bytes, SHA-256, wheel, entry)</summary>"
echo
echo '```'
cat "$dir/list.tsv"
echo '```'
echo
echo "</details>"
