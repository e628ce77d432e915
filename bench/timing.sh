# Shared by bench/before-after.sh and bench/inspect.sh (sourced, not run).
# once CMD...: one timed run, printed as "wall_ms cpu_ms" (CPU = user + system). The exit status is ignored (the
# corpus holds failing wheels and modules on purpose); time(1) then writes a line about it first, so the figures are
# its last line.
once() {
  local t
  t=$(mktemp)
  /usr/bin/time -f '%e %U %S' -o "$t" "$@" >/dev/null 2>&1 || true
  tail -1 "$t" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}'
  rm -f "$t"
}
# median: the median of the numbers on standard input, one a line.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
