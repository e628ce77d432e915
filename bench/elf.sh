#!/usr/bin/env bash
# ELF reader benchmark: JMH (dev.wheeltapper.elf.bench.ElfBench) against `readelf -W -d -s -n -l` on the same files,
# in the same run. Files: every regular (non-symlink) *.so / *.so.* ELF file under the library folder, recursively.
# Usage: bench/elf.sh [libdir]   (default /usr/lib/x86_64-linux-gnu). Writes the result into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
libdir=${1:-/usr/lib/x86_64-linux-gnu}
mod=binary-inspect
out=$mod/target/bench
mkdir -p "$out"

offline=-o
./mvnw -B -q $offline -pl $mod -am test-compile dependency:build-classpath -Dmaven.javadoc.skip \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/test.classpath >/dev/null 2>&1 \
  || ./mvnw -B -q -pl $mod -am test-compile dependency:build-classpath -Dmaven.javadoc.skip \
       -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/test.classpath
cp="$mod/target/classes:$mod/target/test-classes:$(cat $out/test.classpath)"

# The benchmarks are compiled here, with the JMH annotation processor, under the project's lint rules.
rm -rf "$out/classes" "$out/generated" && mkdir -p "$out/classes" "$out/generated"
javac -Xlint:all -Werror --release 17 -cp "$cp" -d "$out/classes" -s "$out/generated" \
  $mod/src/test/java/dev/wheeltapper/elf/bench/*.java

list=$root/$out/files.txt
find "$libdir" -type f \( -name '*.so' -o -name '*.so.*' \) -print0 | sort -z | while IFS= read -r -d '' f; do
  [ "$(head -c4 "$f" | od -An -tx1 | tr -d ' \n')" = "7f454c46" ] && printf '%s\n' "$f"
done > "$list"
nfiles=$(wc -l < "$list")
nbytes=$(tr '\n' '\0' < "$list" | du -cb --files0-from=- | tail -1 | cut -f1)
echo "files: $nfiles ($((nbytes / 1048576)) MiB) under $libdir"

java -cp "$out/classes:$cp" org.openjdk.jmh.Main 'dev.wheeltapper.elf.bench.ElfBench' -p listFile="$list" \
  -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
read -r score err lo hi < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))[0]["primaryMetric"]
raw = [x for fork in r["rawData"] for x in fork]
print(r["score"], r["scoreError"], min(raw), max(raw))' "$out/jmh.json")

# readelf, batched (many files per process, its fastest form), best of 3 runs.
best=""
for i in 1 2 3; do
  s=$(date +%s.%N)
  xargs -d '\n' -a "$list" readelf -W -d -s -n -l >/dev/null 2>&1 || true
  e=$(date +%s.%N)
  t=$(python3 -c "print($e - $s)")
  echo "readelf run $i: ${t}s"
  best=$(python3 -c "b='$best'; print(min(float(b), $t) if b else $t)")
done

read -r ours theirs ratio < <(python3 -c "
n=$nfiles; ms=$score; rt=$best
ours=n/(ms/1000); theirs=n/rt
print('%.0f %.0f %.1f' % (ours, theirs, ours/theirs))")
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
jdk=$(java -version 2>&1 | head -1)
rev=$(readelf --version | head -1)
section=$(cat <<MD
<!-- elf-bench:start -->
## ELF reader (issue 5)

\`bench/elf.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), $jdk, $rev.

Files: every regular (non-symlink) \`*.so\` / \`*.so.*\` ELF file under \`$libdir\`, **recursively**: $nfiles files,
$((nbytes / 1048576)) MiB. Work per file: open (memory-mapped), machine, GNU_RELRO, last GNU_STACK flags, BIND_NOW /
FLAGS / FLAGS_1 / TEXTREL, RPATH, RUNPATH, NEEDED, SONAME, undefined \`__stack_chk_fail\`, \`__*_chk\` imports,
\`.symtab\` present (stripped), highest version per namespace, GNU properties (IBT/SHSTK), build id. readelf does
\`readelf -W -d -s -n -l\` on the same list, batched through \`xargs\` (its fastest form, output to /dev/null), best of 3.

| reader | time for all files | files per second |
|---|---|---|
| wheeltapper \`ElfFile\` (JMH, single thread, average of 5 x 5 s after 3 x 5 s warm-up) | $(printf '%.0f' "$score") ms +/- $(printf '%.0f' "$err") ms (iterations $(printf '%.0f' "$lo")-$(printf '%.0f' "$hi") ms) | $ours |
| \`readelf -W -d -s -n -l\` | $(printf '%.0f' "$(python3 -c "print($best*1000)")") ms | $theirs |

Ratio: **$ratio x** readelf's throughput. Note: readelf formats and prints every symbol of \`.dynsym\` and \`.symtab\`,
while the reader only answers the questions (it still reads every \`.dynsym\` entry with its version and checks
\`.symtab\`); the comparison is "the same questions answered", not byte-for-byte identical output. The machine's cores are
shared with other jobs, so absolute figures move between runs (the +/- is JMH's 99.9% interval); both readers are
measured in the same run.
<!-- elf-bench:end -->
MD
)
doc=docs/benchmarks.md
mkdir -p docs
if [ ! -f "$doc" ]; then
  printf '# Benchmarks\n\nMeasured figures of the project'"'"'s benchmarks; each section names the script that produces it.\n\n' > "$doc"
fi
python3 - "$doc" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
pat = re.compile(r'<!-- elf-bench:start -->.*?<!-- elf-bench:end -->', re.S)
text = pat.sub(lambda m: section, text) if pat.search(text) else text.rstrip('\n') + '\n\n' + section + '\n'
open(path, 'w').write(text)
PY
echo "$section"
