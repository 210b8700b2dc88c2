from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from Crypto.PublicKey import RSA as PyCryptoRSA
from Cryptodome.PublicKey import DSA

SMALL = 1024

rsa.generate_private_key(public_exponent=65537, key_size=1024)   # medium
rsa.generate_private_key(65537, 512)                              # high: positional
dsa.generate_private_key(key_size=SMALL)                          # medium: constant
ec.generate_private_key(ec.SECP192R1)                             # medium
ec.generate_private_key(curve=ec.SECT163R2())                     # medium: instance
PyCryptoRSA.generate(bits=512)                                    # high
DSA.generate(1024)                                                # medium
rsa.generate_private_key(public_exponent=65537, key_size=4096)    # ok
ec.generate_private_key(ec.SECP384R1)                             # ok
rsa.generate_private_key(public_exponent=65537, key_size=size)    # ok: unknown
rsa.generate_private_key(public_exponent=65537, key_size=1024)  # nosec
