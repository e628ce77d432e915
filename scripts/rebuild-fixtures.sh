#!/usr/bin/env bash
# Rebuilds every native fixture committed in built form, from the project's own sources and the recipes beside them:
#   binary-inspect/src/test/prebuilt/{native,hardening,evidence}/  (recipes: NativeFixtures, HardeningFixtures,
#                                                    EvidenceFixtures: test code)
#   cli/src/samples/prebuilt/                         (recipe: cli/src/samples/BuildSamples.java)
# Needs gcc, gcc-multilib, g++, clang-16, gcc-aarch64-linux-gnu, binutils, cargo and Debian's vendored crates (librust-pyo3-dev): what .ci/run installs.
#   scripts/rebuild-fixtures.sh          rebuild and overwrite the committed files (then review `git diff --stat`)
#   scripts/rebuild-fixtures.sh --check  rebuild into target/ and fail when a rebuild gives a different analysis
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
mode=update
[ "${1:-}" = "--check" ] && mode=check

./mvnw -B -q install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl binary-inspect -am
update=$([ "$mode" = update ] && echo true || echo false)
WHEELTAPPER_REQUIRE_ORACLES=1 ./mvnw -B -q test -pl binary-inspect -Dtest=FixtureRecipesTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dwheeltapper.fixtures.update="$update"
if [ "$mode" = update ]; then
  scripts/build-samples.sh cli/src/samples/prebuilt
else
  scripts/build-samples.sh --check
fi
echo "native fixtures and sample wheels: $mode done ($(ls binary-inspect/src/test/prebuilt/native binary-inspect/src/test/prebuilt/hardening binary-inspect/src/test/prebuilt/evidence | grep -vc ':$\|^$') files)"
