#!/usr/bin/env python3
"""Writes the verify benchmark's generated wheel: mixed compressible and random files with a correct RECORD.

Usage: make_big_wheel.py OUT.whl [TOTAL_MB]. Deterministic (seeded), so every run measures the same bytes.
Half the bytes are random (incompressible, stored as deflate anyway, as real wheels do), half are text-like.
"""
import base64
import hashlib
import random
import sys
import zipfile

out = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 500
rng = random.Random(427)
words = [("".join(rng.choice("abcdefghijklmnopqrstuvwxyz_") for _ in range(rng.randint(2, 12)))) for _ in range(4000)]
name, version = "wt_bench", "1.0"
dist_info = f"{name}-{version}.dist-info"
record = []
written = 0
i = 0
with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    while written < total * 1024 * 1024:
        size = rng.choice([4 << 10, 64 << 10, 1 << 20, 8 << 20])
        if i % 2 == 0:
            data = rng.randbytes(size)
            path = f"{name}/blob_{i:05d}.bin"
        else:
            text = []
            n = 0
            while n < size:
                w = rng.choice(words)
                text.append(w)
                n += len(w) + 1
            data = " ".join(text).encode()[:size]
            path = f"{name}/module_{i:05d}.py"
        info = zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
        written += len(data)
        i += 1
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()
    wheel = b"Wheel-Version: 1.0\nGenerator: make_big_wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    for p, data in ((f"{dist_info}/METADATA", meta), (f"{dist_info}/WHEEL", wheel)):
        info = zipfile.ZipInfo(p, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{p},sha256={digest},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    info = zipfile.ZipInfo(f"{dist_info}/RECORD", date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, "\n".join(record) + "\n")
print(f"{out}: {i} files, {written} bytes uncompressed")
