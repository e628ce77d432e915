#!/usr/bin/env bash
# Rebuilds the sample wheels bundled in wheeltapper.jar from their sources.
#
#   scripts/build-samples.sh OUTDIR     writes the same file names as cli/src/samples/prebuilt/ into OUTDIR
#                                       (four wheels and index.txt; other files in OUTDIR are left alone)
#   scripts/build-samples.sh --check    rebuilds into a temporary directory and compares byte for byte with prebuilt/;
#                                       exit status 1 when a file differs
#
# The build itself never runs this: it copies prebuilt/ into the jar, so it needs only the JDK. Run it after changing
# cli/src/samples/ (the recipe BuildSamples.java, c/, rust/), then commit the new prebuilt/ files.
#
# Needs java (17+), gcc, a cargo and Debian's vendored crates (apt-get install librust-pyo3-dev), which cargo uses
# offline from /usr/share/cargo/registry. The same toolchain gives byte-identical wheels: the versions used are printed
# to standard error, to compare with the commit that last changed prebuilt/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
samples="$root/cli/src/samples"
prebuilt="$samples/prebuilt"

usage() {
  echo "usage: scripts/build-samples.sh OUTDIR | --check" >&2
  exit 2
}
[ "$#" -eq 1 ] || usage
case "$1" in
  -h | --help) sed -n '2,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
  --check) check=true ;;
  -*) usage ;;
  *) check=false; out="$1" ;;
esac

export PATH="$PATH:$HOME/.cargo/bin"   # a rustup cargo, when there is no other
missing=()
for tool in java gcc cargo; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
compgen -G "/usr/share/cargo/registry/pyo3-0.17*" >/dev/null || missing+=("librust-pyo3-dev (Debian's vendored crates)")
if [ "${#missing[@]}" -gt 0 ]; then
  echo "build-samples: missing: ${missing[*]}" >&2
  exit 2
fi
{
  echo "build-samples: $(gcc --version | head -n 1); $(ld --version | head -n 1)"
  echo "build-samples: $(rustc --version 2>/dev/null || echo 'rustc ?'); $(cargo --version)"
  echo "build-samples: $(java -version 2>&1 | head -n 1)"
} >&2

work="$(mktemp -d "${TMPDIR:-/tmp}/wheeltapper-samples.XXXXXX")"
trap 'rm -rf "$work"' EXIT
java "$samples/BuildSamples.java" "$samples" "$work/build" "$work/out"

if [ "$check" = true ]; then
  status=0
  built="$(cd "$work/out" && ls)"
  expected="$(cd "$prebuilt" && ls)"
  if [ "$built" != "$expected" ]; then
    echo "build-samples: file names differ from prebuilt/:" >&2
    diff <(echo "$expected") <(echo "$built") >&2 || true
    status=1
  fi
  for f in $built; do
    if [ -f "$prebuilt/$f" ] && ! cmp -s "$work/out/$f" "$prebuilt/$f"; then
      echo "build-samples: differs from prebuilt/$f" >&2
      status=1
    fi
  done
  [ "$status" -eq 0 ] && echo "build-samples: byte-identical to cli/src/samples/prebuilt/" >&2
  exit "$status"
fi

mkdir -p "$out"
for f in "$work/out"/*; do
  cp "$f" "$out/"
done
echo "build-samples: wrote $(cd "$work/out" && ls | tr '\n' ' ')to $out" >&2
