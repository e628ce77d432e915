#!/usr/bin/env bash
# Hardening benchmark: JMH (dev.wheeltapper.hardening.bench.HardeningBench, the full BinaryInspector run: every
# hardening check, the read-only data scan, toolchain and language detection) against `checksec --file` on the same
# files, in the same run. Small files: every ELF of corpus/elf, the ELF members of the corpus wheels and the
# first N regular ELF *.so* files of the system library folder. Large file: _mscl.so (17 MB, C++, aarch64) from the
# python_mscl corpus wheel.
# Usage: bench/hardening.sh [libdir] [N]   (defaults /usr/lib/x86_64-linux-gnu, 200). Writes docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
libdir=${1:-/usr/lib/x86_64-linux-gnu}
nsys=${2:-200}
mod=binary-inspect
out=$mod/target/bench
mkdir -p "$out"

./mvnw -B -q -o -pl $mod -am test-compile dependency:build-classpath -Dmaven.javadoc.skip \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/test.classpath >/dev/null 2>&1 \
  || ./mvnw -B -q -pl $mod -am test-compile dependency:build-classpath -Dmaven.javadoc.skip \
       -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/test.classpath
cp="$mod/target/classes:$mod/target/test-classes:$(cat $out/test.classpath)"

rm -rf "$out/hclasses" "$out/hgenerated" && mkdir -p "$out/hclasses" "$out/hgenerated"
javac -Xlint:all -Werror --release 17 -cp "$cp" -d "$out/hclasses" -s "$out/hgenerated" \
  $mod/src/test/java/dev/wheeltapper/hardening/bench/*.java

# the files: corpus ELFs, wheel members (extracted), N system libraries
members=$root/$out/wheel-members
rm -rf "$members" && mkdir -p "$members"
python3 - "$root/corpus/wheels" "$members" <<'PY'
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
n = 0
for dirpath, _, names in os.walk(src):
    for name in sorted(names):
        if not name.endswith('.whl'):
            continue
        with zipfile.ZipFile(os.path.join(dirpath, name)) as z:
            for e in z.namelist():
                if '..' in e or e.endswith('/'):
                    continue
                data = z.read(e)
                if data[:4] == b'\x7fELF':
                    n += 1
                    with open(os.path.join(dst, '%03d-%s' % (n, os.path.basename(e))), 'wb') as f:
                        f.write(data)
PY
list=$root/$out/hardening-files.txt
sys=$root/$out/system-files.txt
find "$libdir" -maxdepth 1 -type f \( -name '*.so' -o -name '*.so.*' \) -print0 | sort -z \
  | while IFS= read -r -d '' f; do
      if [ "$(head -c4 "$f" | od -An -tx1 | tr -d ' \n')" = "7f454c46" ]; then printf '%s\n' "$f"; fi
    done > "$sys"
{
  find "$root/corpus/elf" -type f -name '*.so' | sort
  find "$members" -type f | sort
  sed -n "1,${nsys}p" "$sys"
} > "$list"
large=$(find "$members" -name '*_mscl.so' | head -1)
nfiles=$(wc -l < "$list")
nbytes=$(tr '\n' '\0' < "$list" | du -cb --files0-from=- | tail -1 | cut -f1)
lbytes=$(stat -c %s "$large")
echo "files: $nfiles ($((nbytes / 1048576)) MiB); large: $large ($((lbytes / 1048576)) MiB)"

java -cp "$out/hclasses:$cp" org.openjdk.jmh.Main 'dev.wheeltapper.hardening.bench.HardeningBench' \
  -p listFile="$list" -p largeFile="$large" -rf json -rff "$out/hardening-jmh.json" | tee "$out/hardening-jmh.txt"
read -r small smallerr lg lgerr < <(python3 -c '
import json,sys
r={b["benchmark"].rsplit(".",1)[1]: b["primaryMetric"] for b in json.load(open(sys.argv[1]))}
print(r["manySmall"]["score"], r["manySmall"]["scoreError"], r["largeObject"]["score"], r["largeObject"]["scoreError"])
' "$out/hardening-jmh.json")

# checksec, one process per file (it takes one --file), sequential; best of 2 runs
timeit() {
  local best="" s e t
  for i in 1 2; do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(python3 -c "print($e - $s)")
    best=$(python3 -c "b='$best'; print(min(float(b), $t) if b else $t)")
  done
  echo "$best"
}
cs_small=$(timeit xargs -d '\n' -a "$list" -n 1 -I{} checksec --output=json --file={})
cs_large=$(timeit checksec --output=json --file="$large")
echo "checksec: many ${cs_small}s, large ${cs_large}s"

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
jdk=$(java -version 2>&1 | head -1)
csv=$(checksec --version 2>&1 | head -1 | cut -d, -f1)
row() { python3 -c "n=$1; ms=$2; print('%.0f' % (n / (ms / 1000.0)))"; }
section=$(cat <<MD
<!-- hardening-bench:start -->
## Hardening checks and toolchain detection (issue 6)

\`bench/hardening.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), $jdk, $csv (Debian).

Work per file: \`ElfFile.open\` (memory-mapped) and \`BinaryInspector.inspect\`: all 21 hardening checks with their
evidence, the findings, the scan of \`.rodata*\` for language markers, and toolchain, language, binding and
memory-safety detection. checksec runs \`checksec --output=json --file=X\` once per file (relro, canary, nx, pie,
rpath, runpath, symbols, fortify; it parses \`readelf\` output), sequentially, best of 2.

Many files: every ELF of \`corpus/elf\` (35), the ELF members of the corpus wheels, and the first $nsys ELF
\`*.so*\` of \`$libdir\`: $nfiles files, $((nbytes / 1048576)) MiB. Large file: \`python_mscl/_mscl.so\` from the
corpus (C++, aarch64, 36 000 symbols), $((lbytes / 1048576)) MiB.

| workload | wheeltapper (JMH, 1 thread, 5 x 5 s after 3 x 5 s warm-up) | checksec --file | ratio |
|---|---|---|---|
| $nfiles files (many, mostly small) | $(printf '%.0f' "$small") ms +/- $(printf '%.0f' "$smallerr") ms ($(row $nfiles $small) files/s) | $(printf '%.0f' "$(python3 -c "print($cs_small*1000)")") ms ($(python3 -c "print('%.0f' % ($nfiles/$cs_small))") files/s) | $(python3 -c "print('%.0f' % ($cs_small*1000/$small))") x |
| 1 large file | $(printf '%.1f' "$lg") ms +/- $(printf '%.1f' "$lgerr") ms | $(printf '%.0f' "$(python3 -c "print($cs_large*1000)")") ms | $(python3 -c "print('%.0f' % ($cs_large*1000/$lg))") x |

checksec starts a shell and several \`readelf\` processes per file, which dominates its time; the figures compare
"the same questions answered (and more)", not the same amount of work.
<!-- hardening-bench:end -->
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
pat = re.compile(r'<!-- hardening-bench:start -->.*?<!-- hardening-bench:end -->', re.S)
text = pat.sub(lambda m: section, text) if pat.search(text) else text.rstrip('\n') + '\n\n' + section + '\n'
open(path, 'w').write(text)
PY
echo "$section"
