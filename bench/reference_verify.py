#!/usr/bin/env python3
"""The plain Python reference verifier of the verify benchmark: what installers do.

For every RECORD row with a hash: read the member with zipfile (which inflates and checks the CRC), hash it with
hashlib, compare the urlsafe-base64-nopad digest and the size; then check that every archive file is listed.
Exit 0 when the wheel verifies, 1 otherwise. Single-threaded, like pip/installer/uv's Python-side equivalents.
"""
import base64
import csv
import hashlib
import io
import sys
import zipfile


def verify(path):
    problems = []
    with zipfile.ZipFile(path) as z:
        names = [i.filename for i in z.infolist() if not i.filename.endswith("/")]
        record = [n for n in names if n.endswith(".dist-info/RECORD") and n.count("/") == 1]
        if len(record) != 1:
            return ["no RECORD"]
        listed = set()
        for row in csv.reader(io.StringIO(z.read(record[0]).decode("utf-8"))):
            if not row:
                continue
            name, digest, size = row
            listed.add(name)
            if not digest:
                continue
            algo, _, expected = digest.partition("=")
            h = hashlib.new(algo)
            n = 0
            with z.open(name) as f:
                while True:
                    chunk = f.read(1 << 16)
                    if not chunk:
                        break
                    h.update(chunk)
                    n += len(chunk)
            got = base64.urlsafe_b64encode(h.digest()).rstrip(b"=").decode("ascii")
            if got != expected:
                problems.append("hash mismatch: " + name)
            if size and int(size) != n:
                problems.append("size mismatch: " + name)
        for n in names:
            if n not in listed and not n.endswith((".dist-info/RECORD.jws", ".dist-info/RECORD.p7s")):
                problems.append("not in RECORD: " + n)
    return problems


if __name__ == "__main__":
    bad = 0
    for p in sys.argv[1:]:
        problems = verify(p)
        for problem in problems:
            print(p + ": " + problem)
        bad |= bool(problems)
    sys.exit(1 if bad else 0)
