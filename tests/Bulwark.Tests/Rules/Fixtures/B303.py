from Crypto.Hash import MD5, SHA256
from Cryptodome.Hash import MD4 as LegacyMd4
import Crypto.Hash.SHA
from cryptography.hazmat.primitives import hashes
import hashlib


def digest(data):
    MD5.new(data)                           # reported
    LegacyMd4.new(data)                     # reported: aliased
    Crypto.Hash.SHA.new(data)               # reported: SHA-1
    hashes.Hash(hashes.MD5())               # reported: the MD5 constructor
    hashes.Hash(hashes.SHA1())              # reported
    SHA256.new(data)                        # ok
    hashes.Hash(hashes.SHA256())            # ok
    hashlib.md5(data)                       # ok here: B324's business
    MD5.new(data)  # nosec
