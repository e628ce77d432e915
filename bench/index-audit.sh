#!/usr/bin/env bash
# The whole local package index audited, every FAIL triaged: writes docs/real-index.md (issue 17).
#   bench/index-audit.sh [DIR...]      default: the folders `pip config list` names (find-links and file: indexes)
# Env: AUDITWHEEL_JSON=DIR  a folder of `auditwheel show --json` outputs (<wheel name without .whl>.json), compared
#      wheel by wheel with wheeltapper's satisfied manylinux policy. To make them, run auditwheel from source (it is
#      not installable here): PYTHONPATH=<auditwheel>/src:<pyelftools> python3 -m auditwheel show --json W > DIR/W.json
# The triage of each FAIL (why it is right) is kept by hand in bench/real-index-triage.tsv; a FAIL without a line is
# reported as untriaged.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=bench/target
mkdir -p "$out"
dirs=("$@")
if [ "${#dirs[@]}" -eq 0 ]; then
  while read -r d; do [ -d "$d" ] && dirs+=("$d"); done < <(pip config list 2>/dev/null \
    | grep -oE "(file://)?/[^' ]+" | sed -e 's|^file://||' -e 's|/simple$|/files|' | sort -u)
fi
[ "${#dirs[@]}" -gt 0 ] || { echo "no index folders: give them as arguments" >&2; exit 2; }
./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl cli -am
set +e
/usr/bin/time -v -o "$out/index-audit.time" java -Xmx2g -jar cli/target/wheeltapper.jar audit --jobs 2 \
  --format json --output "$out/index-audit.json" "${dirs[@]}"
rc=$?
set -e
[ "$rc" -le 1 ] || { echo "audit failed with exit code $rc" >&2; exit "$rc"; }
python3 bench/index_report.py "$out/index-audit.json" bench/real-index-triage.tsv "$out/index-audit.time" \
  "${AUDITWHEEL_JSON:-}"
