#!/usr/bin/env python3
"""Extracts the inspect benchmark's modules (issue 19): the first N distinct CPython 3.11 x86-64 extension modules of
the local mirror, chosen reproducibly.

Wheels are taken from /opt/pypi/files, /opt/pypi-more/files and /opt/wheels, all together in byte order of their file
names; from each wheel the first entry (byte order) named *.cpython-311-x86_64-linux-gnu.so, so that N modules come
from N projects (mixed sizes and languages: C, C++, Cython, Rust); a module whose bytes equal one already taken is
skipped. Writes the modules to OUT/NNN-<wheel project>-<module file name> and prints one line per module: the file
written, its size, its SHA-256, the wheel and the entry.

Usage: bench/inspect_modules.py OUT [N]
"""
import hashlib
import os
import sys
import zipfile

SUFFIX = ".cpython-311-x86_64-linux-gnu.so"
DIRS = ["/opt/pypi/files", "/opt/pypi-more/files", "/opt/wheels"]


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 86
    os.makedirs(out, exist_ok=True)
    wheels = sorted(
        (os.path.join(d, f) for d in DIRS if os.path.isdir(d) for f in os.listdir(d) if f.endswith(".whl")),
        key=lambda p: os.path.basename(p).encode())
    seen = set()
    taken = 0
    for w in wheels:
        if taken == n:
            break
        try:
            with zipfile.ZipFile(w) as z:
                names = sorted((i.filename for i in z.infolist() if i.filename.endswith(SUFFIX)), key=str.encode)
                if not names:
                    continue
                data = z.read(names[0])
        except (zipfile.BadZipFile, OSError):
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        taken += 1
        project = os.path.basename(w).split("-")[0]
        path = os.path.join(out, "%03d-%s-%s" % (taken, project, os.path.basename(names[0])))
        with open(path, "wb") as f:
            f.write(data)
        print("%s\t%d\t%s\t%s\t%s" % (os.path.basename(path), len(data), digest, os.path.basename(w), names[0]))
    if taken < n:
        sys.exit("only %d modules found" % taken)


if __name__ == "__main__":
    main()
