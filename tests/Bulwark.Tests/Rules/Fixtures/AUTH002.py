import hashlib

import bcrypt
from argon2 import PasswordHasher
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from passlib.hash import bcrypt as passlib_bcrypt, pbkdf2_sha256

ITERATIONS = 10_000

hashlib.pbkdf2_hmac("sha256", pw, salt, 100_000)                  # reported
hashlib.pbkdf2_hmac("sha1", pw, salt, 600_000)                    # reported: SHA-1 needs 1,300,000
hashlib.pbkdf2_hmac("sha512", pw, salt, iterations=ITERATIONS)    # reported
hashlib.pbkdf2_hmac("sha512", pw, salt, 210_000)                  # ok
hashlib.pbkdf2_hmac("sha256", pw, salt, 600_000)                  # ok
hashlib.pbkdf2_hmac("sha256", pw, salt, rounds)                   # ok: unknown
PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=1000)   # reported
PBKDF2HMAC(algorithm=hashes.SHA512(), length=32, salt=salt, iterations=480_000)  # ok
bcrypt.gensalt(rounds=4)                                          # reported
bcrypt.gensalt(9)                                                 # reported
bcrypt.gensalt()                                                  # ok: 12
bcrypt.gensalt(rounds=12)                                         # ok
hashlib.scrypt(pw, salt=salt, n=2**14, r=8, p=1)                  # reported
hashlib.scrypt(pw, salt=salt, n=2**17, r=8, p=1)                  # ok
PasswordHasher(time_cost=1, memory_cost=8192)                     # reported
PasswordHasher()                                                  # ok: defaults
pbkdf2_sha256.using(rounds=29000)                                 # reported
passlib_bcrypt.using(rounds=8)                                    # reported
pbkdf2_sha256.using(rounds=700_000)                               # ok
