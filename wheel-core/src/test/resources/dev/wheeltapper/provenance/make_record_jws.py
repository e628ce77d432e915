"""Writes a RECORD.jws in the historical wheel layout with Python's `cryptography`, for interoperability tests.

Usage: make_record_jws.py RECORD OUT_JWS OUT_VK
The header is serialised with sorted keys, as the old `wheel.signatures` module did.
"""
import base64
import hashlib
import json
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def main() -> None:
    record, out_jws, out_vk = sys.argv[1:4]
    with open(record, "rb") as f:
        digest = hashlib.sha256(f.read()).digest()
    key = Ed25519PrivateKey.generate()
    vk = b64(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    header = {"alg": "Ed25519", "key": {"alg": "Ed25519", "vk": vk}, "typ": "JWT"}
    payload = {"hash": "sha256=" + b64(digest)}
    h = b64(json.dumps(header, sort_keys=True).encode("utf-8"))
    p = b64(json.dumps(payload, sort_keys=True).encode("utf-8"))
    sig = b64(key.sign((h + "." + p).encode("ascii")))
    with open(out_jws, "w", encoding="utf-8") as f:
        json.dump({"recipients": [{"header": h, "signature": sig}], "payload": p}, f)
    with open(out_vk, "w", encoding="utf-8") as f:
        f.write(vk + "\n")


if __name__ == "__main__":
    main()
