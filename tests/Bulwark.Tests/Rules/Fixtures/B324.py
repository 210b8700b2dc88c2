import hashlib
import hashlib as h
from hashlib import md5, sha1 as legacy_sha1, new as new_hash
import crypt


def digests(data, password, algo):
    hashlib.md5(data)                                   # reported
    h.sha1(data).hexdigest()                            # reported: aliased, nested
    md5(data)                                           # reported: from-import
    legacy_sha1(data)                                   # reported: aliased from-import
    hashlib.md4(data)                                   # reported
    hashlib.md5(data, usedforsecurity=True)             # reported
    hashlib.new("md5")                                  # reported
    hashlib.new("SHA1", data)                           # reported: case-insensitive
    new_hash(name="md4", data=data)                     # reported: keyword name
    hashlib.new("sha", data)                            # reported
    crypt.crypt(password, crypt.METHOD_MD5)             # reported: medium
    crypt.mksalt(crypt.METHOD_CRYPT)                    # reported: medium
    crypt.crypt(password, salt="METHOD_BLOWFISH")       # reported: medium, keyword

    hashlib.md5(data, usedforsecurity=False)            # ok: declared non-security
    hashlib.new("md5", usedforsecurity=False)           # ok
    hashlib.sha256(data)                                # ok
    hashlib.new("sha256")                               # ok
    hashlib.new(algo)                                   # ok: unknown algorithm
    hashlib.blake2b(data)                               # ok
    crypt.crypt(password, crypt.METHOD_SHA512)          # ok
    crypt.mksalt()                                      # ok
    other.md5(data)                                     # ok: not hashlib
    hashlib.md5(data)  # nosec
    hashlib.md5(data)  # noqa: S324


def edge_cases(opts, data):
    hashlib.new()                                       # ok: no algorithm, no crash
    hashlib.md5(**opts)                                 # reported: usedforsecurity not given explicitly
    hashlib.new(data.algorithm)                         # ok: Bandit reads the attribute's name, `algorithm`
    hashlib.new(algorithms.md5)                         # reported: Bandit reads the attribute's name, `md5`


def injected(hashlib, data):
    hashlib.md5(data)                                   # reported: a parameter keeps its written name, as in Bandit
