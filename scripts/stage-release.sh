#!/usr/bin/env bash
# Rehearses a Maven Central release without publishing anything, and checks the bundle the Central Portal would get.
#
#   scripts/stage-release.sh [--version X.Y.Z]
#
# 1. Generates a throwaway OpenPGP key (ed25519, expires in a day, random passphrase) in a temporary GNUPGHOME and
#    hands it to maven-gpg-plugin's Bouncy Castle signer through MAVEN_GPG_KEY / MAVEN_GPG_PASSPHRASE.
# 2. Copies the work tree (tracked and untracked, not ignored, files) to a temporary folder and sets the release
#    version there (default: the project version without -SNAPSHOT). The Portal takes no SNAPSHOT bundle, and
#    central-publishing-maven-plugin builds a bundle for release versions only, so the rehearsal needs one; the work
#    tree itself is never modified.
# 3. Runs ./mvnw -B -Prelease -Dmaven.test.skip=true -DskipUpload=true deploy there (tests are neither compiled nor
#    run here: CI runs them separately). central-publishing-maven-plugin writes target/central-publishing/
#    central-bundle.zip and uploads nothing (its URL points at a closed local port in case it ever ignored
#    skipUpload). Nothing is installed into ~/.m2 either.
# 4. Unpacks the bundle into target/release-staging/bundle and checks, for every published module (wheeltapper-parent,
#    wheeltapper-bom, wheel-core, binary-inspect, wheeltapper-cli, examples; never wheeltapper-test-support or wheeltapper-spark): the main jar, -sources.jar,
#    -javadoc.jar (pom-packaged modules: the POM only), the .pom with Central's metadata, the CycloneDX SBOM
#    (-cyclonedx.json and .xml), and for each file an .asc that gpg verifies against the throwaway key plus .md5 and
#    .sha1 (and .sha256/.sha512 when present) that match.
#
# Exits non-zero naming every missing or bad file. The key lives only in the temporary folder, removed on exit.
# Needs: git, gpg, python3, unzip, md5sum/sha*sum, and what the build needs (JDK 17: the cli module's samples are prebuilt).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/release-staging"
version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="${2:?--version needs a value}"; shift 2 ;;
    --version=*) version="${1#--version=}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
    *) echo "stage-release: unknown argument: $1" >&2; exit 2 ;;
  esac
done

say() { printf 'stage-release: %s\n' "$*"; }
die() { printf 'stage-release: FAILED: %s\n' "$*" >&2; exit 1; }
case "$version" in *SNAPSHOT*) die "the Central Portal accepts no SNAPSHOT bundle: give a release version, not $version" ;; esac

for tool in git gpg gpgconf python3 unzip md5sum sha1sum sha256sum sha512sum; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed"
done
git -C "$root" rev-parse --git-dir >/dev/null 2>&1 || die "$root is not a git work tree (the copy takes its tracked files)"
# The machine's rustup cargo first, as in .ci/run (the cli module copies its samples prebuilt; only their rebuild,
# scripts/build-samples.sh, runs cargo).
export PATH="$HOME/.cargo/bin:$PATH"

start=$(date +%s)
work="$(mktemp -d "${TMPDIR:-/tmp}/wheeltapper-stage.XXXXXX")"
export GNUPGHOME="$work/gnupg"
cleanup() {
  gpgconf --homedir "$GNUPGHOME" --kill all >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -m 700 "$GNUPGHOME"

# --- 1. The throwaway key --------------------------------------------------------------------------------------------
head -c 32 /dev/urandom | base64 | tr -d '\n' > "$work/passphrase"
gpg_batch=(gpg --batch --quiet --no-tty --pinentry-mode loopback --passphrase-file "$work/passphrase")
"${gpg_batch[@]}" --quick-gen-key "wheeltapper release rehearsal (throwaway) <rehearsal@wheeltapper.invalid>" \
  ed25519 sign 1d 2>"$work/keygen.log" || { cat "$work/keygen.log" >&2; die "gpg could not generate the throwaway key"; }
fingerprint="$(gpg --batch --quiet --trust-model always --with-colons --list-secret-keys 2>/dev/null | awk -F: '$1 == "fpr" { print $10; exit }')"
[ -n "$fingerprint" ] || die "no fingerprint for the throwaway key"
say "throwaway signing key $fingerprint (temporary GNUPGHOME, deleted on exit)"

# --- 2. A copy of the work tree at a release version -----------------------------------------------------------------
src="$work/src"
mkdir "$src"
(
  cd "$root"
  git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf - \
    | tar -C "$src" -xf -
)
project_version="$(python3 - "$src/pom.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
print(ET.parse(sys.argv[1]).getroot().findtext("m:version", namespaces=ns).strip())
EOF
)"
[ -n "$version" ] || version="${project_version%-SNAPSHOT}"
case "$version" in *SNAPSHOT*) die "the Central Portal accepts no SNAPSHOT bundle: give a release version, not $version" ;; esac
if [ "$version" != "$project_version" ]; then
  find "$src" -name pom.xml -not -path '*/target/*' -print0 \
    | xargs -0 sed -i "s|>${project_version//./\\.}<|>${version}<|g"
fi
leftover="$(grep -rl --include=pom.xml -e "-SNAPSHOT<" "$src" || true)"
[ -z "$leftover" ] || die "a SNAPSHOT version is left after setting $version (every module's version must equal the parent's, $project_version): ${leftover//$src\//}"
say "rehearsing release $version (the project is at $project_version) in a copy of the work tree"

# --- 3. The release build, staged only -------------------------------------------------------------------------------
rm -rf "$out"
mkdir -p "$out"
say "building: ./mvnw -B -Prelease -Dmaven.test.skip=true -DskipUpload=true deploy (log: target/release-staging/build.log)"
build_start=$(date +%s)
if ! (
  cd "$src"
  MAVEN_GPG_KEY="$(gpg --batch --pinentry-mode loopback --passphrase-file "$work/passphrase" --armor --export-secret-keys "$fingerprint")" \
  MAVEN_GPG_PASSPHRASE="$(cat "$work/passphrase")" \
    ./mvnw -B -ntp -Prelease -Dmaven.test.skip=true -Dmaven.install.skip=true \
      -DskipUpload=true -DcentralBaseUrl=http://127.0.0.1:9 -DcentralSnapshotsUrl=http://127.0.0.1:9 \
      deploy
) > "$out/build.log" 2>&1; then
  tail -n 60 "$out/build.log" >&2
  die "the release build failed (full log: target/release-staging/build.log)"
fi
say "build took $(( $(date +%s) - build_start )) s"
grep -q "Skipping the upload of the bundle" "$out/build.log" || die "the build log does not say the upload was skipped (skipUpload); see build.log"

bundles=()
while IFS= read -r -d '' f; do bundles+=("$f"); done \
  < <(find "$src" -path '*/target/central-publishing/central-bundle.zip' -print0)
[ "${#bundles[@]}" -eq 1 ] || die "expected one target/central-publishing/central-bundle.zip, found ${#bundles[@]}"
cp "${bundles[0]}" "$out/central-bundle.zip"
mkdir "$out/bundle"
unzip -q "$out/central-bundle.zip" -d "$out/bundle"

# --- 4. The checks ---------------------------------------------------------------------------------------------------
# artifactId, packaging, and the module's folder in the source tree (its pom.xml is what must be staged).
published=(
  "wheeltapper-parent pom ."
  "wheeltapper-bom pom bom"
  "wheel-core jar wheel-core"
  "binary-inspect jar binary-inspect"
  "wheeltapper-cli jar cli"
  "examples jar examples"
)
group_path="dev/wheeltapper"
errors=()
bad() { errors+=("$*"); }

# A checksum file holds the hex digest, optionally followed by a file name.
check_sums() {
  local f="$1" rel="$2" required ext tool want have
  for ext in md5 sha1 sha256 sha512; do
    case "$ext" in md5|sha1) required=1 ;; *) required=0 ;; esac
    if [ ! -f "$f.$ext" ]; then
      [ "$required" -eq 0 ] || bad "missing checksum $rel.$ext"
      continue
    fi
    tool="${ext}sum"
    want="$(awk '{ print tolower($1); exit }' "$f.$ext")"
    have="$("$tool" "$f" | awk '{ print $1 }')"
    [ "$want" = "$have" ] || bad "bad checksum $rel.$ext (says ${want:-nothing}, the file's is $have)"
  done
}

check_signature() {
  local f="$1" rel="$2" status
  if [ ! -f "$f.asc" ]; then bad "missing signature $rel.asc"; return; fi
  status="$(gpg --batch --quiet --trust-model always --status-fd 1 --verify "$f.asc" "$f" 2>/dev/null || true)"
  grep -q "^\[GNUPG:\] VALIDSIG $fingerprint " <<<"$status" \
    || bad "bad signature $rel.asc (does not verify against the throwaway key $fingerprint)"
}

# Every file of the bundle, whatever it is: signed and checksummed.
checked=0
while IFS= read -r -d '' f; do
  rel="${f#"$out/bundle/"}"
  case "$f" in
    *.asc|*.md5|*.sha1|*.sha256|*.sha512) continue ;;
  esac
  case "$rel" in
    "$group_path"/*/"$version"/*) ;;
    *) bad "unexpected file outside $group_path/<artifactId>/$version/: $rel"; continue ;;
  esac
  [ -s "$f" ] || bad "empty file $rel"
  check_signature "$f" "$rel"
  check_sums "$f" "$rel"
  checked=$((checked + 1))
done < <(find "$out/bundle" -type f -print0 | sort -z)

# Exactly the published modules, nothing else (test-support above all).
for d in "$out/bundle/$group_path"/*/; do
  [ -d "$d" ] || continue
  a="$(basename "$d")"
  known=0
  for m in "${published[@]}"; do [ "${m%% *}" = "$a" ] && known=1; done
  [ "$known" -eq 1 ] || bad "unexpected artifact in the bundle: $group_path/$a (only ${published[*]%% *} are published)"
done

for m in "${published[@]}"; do
  read -r a packaging dir <<<"$m"
  base="$group_path/$a/$version/$a-$version"
  required=("$base.pom" "$base-cyclonedx.json" "$base-cyclonedx.xml")
  [ "$packaging" = pom ] || required+=("$base.jar" "$base-sources.jar" "$base-javadoc.jar")
  for rel in "${required[@]}"; do
    [ -f "$out/bundle/$rel" ] || bad "missing $rel"
  done
  # The staged POM is the module's own pom.xml (not a dependency-reduced or flattened one).
  if [ -f "$out/bundle/$base.pom" ] && ! cmp -s "$out/bundle/$base.pom" "$src/$dir/pom.xml"; then
    bad "$base.pom is not $dir/pom.xml as it stands at version $version"
  fi
  if [ "$packaging" = jar ] && [ -f "$out/bundle/$base.jar" ]; then
    # The normal jar: the module's own classes and its module descriptor, not the shaded command-line jar.
    entries="$(unzip -Z1 "$out/bundle/$base.jar" 2>/dev/null || true)"
    grep -qx "module-info.class" <<<"$entries" || bad "$base.jar has no module-info.class: not the module's normal jar"
    foreign="$(grep '\.class$' <<<"$entries" | grep -v -e '^module-info\.class$' -e '^dev/wheeltapper/' \
      -e '^META-INF/versions/[0-9]*/module-info\.class$' -e '^META-INF/versions/[0-9]*/dev/wheeltapper/' | head -n 3 || true)"
    [ -z "$foreign" ] || bad "$base.jar holds classes of other projects (a shaded jar?): ${foreign//$'\n'/, }"
  fi
  if [ "$packaging" = jar ] && [ -f "$out/bundle/$base-sources.jar" ]; then
    # (The listing is taken whole first: grep -q closing a pipe early would fail the pipeline under pipefail.)
    entries="$(unzip -Z1 "$out/bundle/$base-sources.jar" 2>/dev/null || true)"
    grep -q '\.java$' <<<"$entries" || bad "$base-sources.jar has no .java file"
  fi
  if [ "$packaging" = jar ] && [ -f "$out/bundle/$base-javadoc.jar" ]; then
    entries="$(unzip -Z1 "$out/bundle/$base-javadoc.jar" 2>/dev/null || true)"
    grep -qx 'index.html' <<<"$entries" || bad "$base-javadoc.jar has no index.html"
  fi
done

# POM metadata (Central: name, description, url, license, developer, scm; inherited from a parent in the bundle) and
# the SBOMs (CycloneDX 1.6, describing this very artifact, without test-scope dependencies).
meta_out="$(python3 - "$out/bundle" "$group_path" "$version" "${published[@]}" <<'EOF'
import json, os, sys, xml.etree.ElementTree as ET

bundle, group_path, version, modules = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
group = group_path.replace("/", ".")
NS = "{http://maven.apache.org/POM/4.0.0}"
errors, warnings = [], []

def pom_path(artifact):
    return os.path.join(bundle, group_path, artifact, version, f"{artifact}-{version}.pom")

def load(artifact):
    try:
        return ET.parse(pom_path(artifact)).getroot()
    except (OSError, ET.ParseError) as e:
        return None

def text(el, path):
    found = el.find(path)
    return found.text.strip() if found is not None and found.text and found.text.strip() else None

def chain(artifact):
    """The POM and its ancestors that are in the bundle, nearest first."""
    poms, seen = [], set()
    while artifact and artifact not in seen:
        seen.add(artifact)
        root = load(artifact)
        if root is None:
            break
        poms.append((artifact, root))
        parent = root.find(NS + "parent")
        artifact = text(parent, NS + "artifactId") if parent is not None and text(parent, NS + "groupId") == group else None
    return poms

required = {
    "name": NS + "name",
    "description": NS + "description",
    "url": NS + "url",
    "licenses/license/name": f"{NS}licenses/{NS}license/{NS}name",
    "licenses/license/url": f"{NS}licenses/{NS}license/{NS}url",
    "developers/developer/name": f"{NS}developers/{NS}developer/{NS}name",
    "scm/url": f"{NS}scm/{NS}url",
    "scm/connection": f"{NS}scm/{NS}connection",
}
test_only = {"junit-jupiter", "junit-jupiter-api", "assertj-core", "jazzer-junit", "jmh-core",
             "wheeltapper-test-support", "groovy", "json-schema-validator"}

for m in modules:
    artifact, packaging, _ = m.split()
    rel = f"{group_path}/{artifact}/{version}/{artifact}-{version}"
    poms = chain(artifact)
    if not poms:
        errors.append(f"{rel}.pom is missing or not well-formed XML")
        continue
    own = poms[0][1]
    own_version = text(own, NS + "version") or text(own, f"{NS}parent/{NS}version")
    if own_version != version:
        errors.append(f"{rel}.pom has version {own_version}, not {version}")
    if (own.findtext(NS + "packaging") or "jar").strip() != packaging:
        errors.append(f"{rel}.pom has packaging {own.findtext(NS + 'packaging') or 'jar'}, expected {packaging}")
    for label, path in required.items():
        if not any(text(root, path) for _, root in poms):
            errors.append(f"{rel}.pom lacks <{label}> (Central requires it; not inherited from a parent in the bundle)")
    # Maven appends the artifactId to an inherited url and scm: say so when the result points nowhere.
    if len(poms) > 1 and text(own, NS + "url") is None:
        parent_root = poms[1][1]
        if parent_root.get("child.project.url.inherit.append.path") != "false":
            warnings.append(f"{rel}.pom inherits <url> as {text(parent_root, NS + 'url')}/{artifact} "
                            "(set child.project.url.inherit.append.path=\"false\" on the parent's <project>)")
        scm = parent_root.find(NS + "scm")
        if own.find(NS + "scm") is None and scm is not None and scm.get("child.scm.url.inherit.append.path") != "false":
            warnings.append(f"{rel}.pom inherits <scm> with /{artifact} appended "
                            "(set child.scm.*.inherit.append.path=\"false\" on the parent's <scm>)")

    sbom = os.path.join(bundle, f"{rel}-cyclonedx.json")
    if os.path.isfile(sbom):
        try:
            with open(sbom, encoding="utf-8") as f:
                doc = json.load(f)
        except ValueError as e:
            errors.append(f"{rel}-cyclonedx.json is not JSON: {e}")
            doc = None
        if doc is not None:
            comp = (doc.get("metadata") or {}).get("component") or {}
            if doc.get("bomFormat") != "CycloneDX" or doc.get("specVersion") != "1.6":
                errors.append(f"{rel}-cyclonedx.json is not a CycloneDX 1.6 SBOM "
                              f"(bomFormat {doc.get('bomFormat')}, specVersion {doc.get('specVersion')})")
            if (comp.get("group"), comp.get("name"), comp.get("version")) != (group, artifact, version):
                errors.append(f"{rel}-cyclonedx.json describes {comp.get('group')}:{comp.get('name')}:"
                              f"{comp.get('version')}, not {group}:{artifact}:{version}")
            names = {c.get("name") for c in doc.get("components") or []}
            leaked = sorted(names & test_only)
            if leaked:
                errors.append(f"{rel}-cyclonedx.json lists test-scope dependencies: {', '.join(leaked)}")
            if packaging == "jar" and artifact != "wheel-core" and "wheel-core" not in names:
                errors.append(f"{rel}-cyclonedx.json does not list its dependency wheel-core")
    xml_sbom = os.path.join(bundle, f"{rel}-cyclonedx.xml")
    if os.path.isfile(xml_sbom):
        try:
            tag = ET.parse(xml_sbom).getroot().tag
            if tag != "{http://cyclonedx.org/schema/bom/1.6}bom":
                errors.append(f"{rel}-cyclonedx.xml is not a CycloneDX 1.6 SBOM (root element {tag})")
        except ET.ParseError as e:
            errors.append(f"{rel}-cyclonedx.xml is not well-formed XML: {e}")

for w in warnings:
    print("WARN\t" + w)
for e in errors:
    print("ERROR\t" + e)
EOF
)" || die "the POM and SBOM checks could not run"
while IFS=$'\t' read -r kind msg; do
  case "$kind" in
    WARN) say "warning: $msg" ;;
    ERROR) bad "$msg" ;;
  esac
done <<<"$meta_out"

# The secret key went to Maven through the environment only: nothing under target/ may hold it.
if grep -rlq -e "PRIVATE KEY BLOCK" "$out"; then
  bad "a private key block was written under target/release-staging: $(grep -rl -e "PRIVATE KEY BLOCK" "$out" | head -n 3 | tr '\n' ' ')"
fi

elapsed=$(( $(date +%s) - start ))
if [ "${#errors[@]}" -gt 0 ]; then
  printf 'stage-release: FAILED: %d problem(s) in target/release-staging/central-bundle.zip:\n' "${#errors[@]}" >&2
  printf '  - %s\n' "${errors[@]}" >&2
  exit 1
fi
say "bundle target/release-staging/central-bundle.zip ($(find "$out/bundle" -type f | wc -l) files, unpacked in target/release-staging/bundle):"
for m in "${published[@]}"; do
  a="${m%% *}"
  printf '  %s/%s/%s: %s\n' "$group_path" "$a" "$version" \
    "$(cd "$out/bundle/$group_path/$a/$version" && ls | grep -v -e '\.md5$' -e '\.sha1$' -e '\.sha256$' -e '\.sha512$' -e '\.asc$' | sed "s|^$a-$version||" | tr '\n' ' ')"
done
say "OK: $checked files of ${#published[@]} modules signed (.asc verified) and checksummed (.md5 .sha1 matched) in ${elapsed} s; nothing was published"
