#!/usr/bin/env bash
# Fuzzes every Jazzer target in turn, one JVM per target (Jazzer fuzzes one @FuzzTest per JVM).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      TARGET is Class#method, e.g. ElfFuzzTest#reader
#
# SECONDS (default 60) is the fuzzing time per target. Each target is seeded from its committed inputs
# (src/test/resources/dev/wheeltapper/fuzz/<Class>Inputs/<method>/) and, through the git-ignored generated corpus
# .cifuzz-corpus/, from the real files of corpus/, the committed native fixtures (binary-inspect/src/test/prebuilt) and the hostile cases
# the tests build byte by byte (see hostile() below). A crashing input is
# written by Jazzer into the Inputs directory, where it becomes a regression test of the normal build. Per target the
# script prints executions, the corpus size and the findings; logs are kept in target/fuzz/.
#
# Limits: each JVM gets a 512 MiB heap (an unbounded allocation is an OutOfMemoryError, hence a finding) and each
# input 10 seconds (a hang is a timeout finding).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-60}
shift || true

ALL_TARGETS=(
  wheel-core:WheelFuzzTest#filename
  wheel-core:WheelFuzzTest#open
  wheel-core:WheelFuzzTest#verify
  wheel-core:MetadataFuzzTest#record
  wheel-core:MetadataFuzzTest#metadata
  wheel-core:MetadataFuzzTest#wheelInfo
  wheel-core:PepFuzzTest#pep440
  wheel-core:PepFuzzTest#pep508
  wheel-core:ProvenanceFuzzTest#json
  wheel-core:ProvenanceFuzzTest#trustedRoot
  wheel-core:ProvenanceFuzzTest#attestation
  binary-inspect:ElfFuzzTest#reader
  binary-inspect:ElfFuzzTest#inspect
  binary-inspect:ElfFuzzTest#dwarf
  binary-inspect:AuditFuzzTest#audit
  binary-inspect:PeMachOFuzzTest#pe
  binary-inspect:PeMachOFuzzTest#macho
)

selected=()
if [ $# -gt 0 ]; then
  for want in "$@"; do
    for t in "${ALL_TARGETS[@]}"; do
      [ "${t#*:}" = "$want" ] && selected+=("$t")
    done
  done
else
  selected=("${ALL_TARGETS[@]}")
fi
[ ${#selected[@]} -gt 0 ] || { echo "no such target: $*" >&2; exit 2; }

# Seeds from real files: copied into the generated corpus (never committed), small files only.
seed() {
  local module=$1 cls=$2 method=$3
  local dir="$ROOT/$module/.cifuzz-corpus/dev.wheeltapper.fuzz.$cls/$method"
  mkdir -p "$dir"
  case "$cls#$method" in
    WheelFuzzTest#open|WheelFuzzTest#verify|AuditFuzzTest#audit)
      find "$ROOT/corpus/wheels" -type f \( -name '*.whl' -o -name '*.zip' \) -size -64k \
        -exec cp -f {} "$dir"/ \; 2>/dev/null ;;
    ProvenanceFuzzTest#*)
      find "$ROOT/corpus/attest" -type f \( -name '*.attestation' -o -name '*.sigstore' -o -name '*.provenance' \
        -o -name '*.json' \) -size -64k -exec cp -f {} "$dir"/ \; 2>/dev/null ;;
    PeMachOFuzzTest#pe)
      find "$ROOT/corpus/wheels" -type f \( -name '*.dll' -o -name '*.exe' \) -size -64k \
        -exec cp -f {} "$dir"/ \; 2>/dev/null ;;
    PeMachOFuzzTest#macho)
      find "$ROOT/corpus/wheels" -type f \( -name '*.dylib' -o -name '*darwin.so' \) -size -128k \
        -exec cp -f {} "$dir"/ \; 2>/dev/null ;;
    ElfFuzzTest#*)
      find "$ROOT/corpus/elf" -type f -name '*.so' -size -40k -exec cp -f {} "$dir"/ \; 2>/dev/null
      find "$ROOT/binary-inspect/src/test/prebuilt" -type f -size -40k \
        \( -name '*.so' -o -name '*.o' -o -name pie -o -name nopie \) -exec cp -f {} "$dir"/ \; 2>/dev/null ;;
  esac
}

# Seeds from the hostile cases the tests build byte by byte (ZipBuilder archives, ELF mutants): the tests run once per
# module with wheeltapper.fuzz.seeds set, and FuzzSeeds writes each input into the module's generated corpus.
hostile_done=""
hostile() {
  local module=$1 tests
  case " $hostile_done " in *" $module "*) return ;; esac
  hostile_done="$hostile_done $module"
  case $module in
    wheel-core) tests='HostileWheelTest,WheelVerifierTest,EntryListenerTest,ZipScannerTest,EntryReaderTest' ;;
    binary-inspect) tests='ElfHostileTest,ElfLinkCycleTest,BinaryInspectorHostileTest,CompressedSectionHostileTest' ;;
  esac
  ./mvnw -B -o -q test -pl "$module" -am -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dwheeltapper.fuzz.seeds=.cifuzz-corpus >"target/fuzz/hostile-$module.log" 2>&1 \
    || echo "hostile seeds for $module: tests failed, see target/fuzz/hostile-$module.log" >&2
}

mkdir -p target/fuzz
printf '%-34s %10s %8s %8s %s\n' target seconds execs corpus findings
for t in "${selected[@]}"; do
  module=${t%%:*}
  test=${t#*:}
  cls=${test%%#*}
  method=${test#*#}
  case "$cls" in
    WheelFuzzTest) hostile wheel-core ;;
    ElfFuzzTest) hostile binary-inspect ;;
    AuditFuzzTest)
      hostile wheel-core
      mkdir -p "$ROOT/$module/.cifuzz-corpus/dev.wheeltapper.fuzz.AuditFuzzTest/audit"
      cp -f "$ROOT"/wheel-core/.cifuzz-corpus/dev.wheeltapper.fuzz.AuditFuzzTest/audit/hostile-* \
        "$ROOT/$module/.cifuzz-corpus/dev.wheeltapper.fuzz.AuditFuzzTest/audit/" 2>/dev/null ;;
  esac
  seed "$module" "$cls" "$method" # after hostile(): its test run builds the native fixtures seed() copies
  inputs="$ROOT/$module/src/test/resources/dev/wheeltapper/fuzz/${cls}Inputs/$method"
  before=$(ls "$inputs" 2>/dev/null | wc -l)
  log="target/fuzz/$cls-$method.log"
  start=$(date +%s)
  JAZZER_FUZZ=1 ./mvnw -B -o test -pl "$module" -am \
    -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="${SECONDS_PER_TARGET}s" \
    -Djazzer.instrument='dev.wheeltapper.**,org.apache.commons.compress.archivers.zip.**' \
    -Djunit.jupiter.execution.timeout.default=10s -Djunit.jupiter.execution.timeout.mode=disabled \
    -DargLine='-Xmx512m -Xss4m' >"$log" 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  execs=$(grep -Eo 'Done [0-9]+ runs' "$log" | tail -1 | grep -Eo '[0-9]+')
  [ -n "$execs" ] || execs=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  corp=$(grep -Eo 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 | sed 's/corp: //')
  after=$(ls "$inputs" 2>/dev/null | wc -l)
  findings=$(( after - before ))
  status=ok
  [ $rc -ne 0 ] && status="FAILED (exit $rc, see $log)"
  printf '%-34s %10s %8s %8s %s %s\n' "$test" "$took" "${execs:-?}" "${corp:-?}" "$findings" "$status"
done
