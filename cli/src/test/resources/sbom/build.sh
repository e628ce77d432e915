#!/bin/sh
# Rebuilds the prebuilt ELF fixtures of CycloneDxReportTest (committed: a plain machine has no gcc). x86-64 Linux, gcc.
set -eu
cd "$(dirname "$0")"
gcc -O2 -shared -fPIC -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wl,-z,relro,-z,now \
  -Wl,-soname,libvend-1a2b3c4d.so.1.2.3 -o libvend-1a2b3c4d.so.1.2.3 libvend.c
gcc -O2 -shared -fPIC -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wl,-z,relro,-z,now \
  -Wl,-rpath,'$ORIGIN/../sbom_fix.libs' -o _sbomext.cpython-312-x86_64-linux-gnu.so _sbomext.c \
  -L. -l:libvend-1a2b3c4d.so.1.2.3
strip --strip-unneeded libvend-1a2b3c4d.so.1.2.3 _sbomext.cpython-312-x86_64-linux-gnu.so
