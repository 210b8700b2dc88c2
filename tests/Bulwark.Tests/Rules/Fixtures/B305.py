from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.modes import ECB as ElectronicCodebook
import cryptography.hazmat.primitives.ciphers.modes


def encrypt(key, iv):
    Cipher(algorithms.AES(key), modes.ECB())                                   # reported
    Cipher(algorithms.AES(key), ElectronicCodebook())                          # reported: aliased
    cryptography.hazmat.primitives.ciphers.modes.ECB()                         # reported: full path
    Cipher(algorithms.AES(key), modes.CBC(iv))                                 # ok
    Cipher(algorithms.AES(key), modes.GCM(iv))                                 # ok
    mode = modes.ECB  # ok: not called
    Cipher(algorithms.AES(key), modes.ECB())  # nosec


# PyCryptodome / PyCrypto (default profile only; Bandit reports none of these)
from Crypto.Cipher import AES, DES, DES3
from Cryptodome.Cipher import AES as CAES
import Crypto.Cipher.Blowfish


def pycryptodome(key, iv, nonce, options):
    AES.new(key, AES.MODE_ECB)                                                 # reported
    CAES.new(key, mode=CAES.MODE_ECB)                                          # reported: keyword, Cryptodome
    DES.new(key, DES.MODE_ECB)                                                 # reported (the DES itself is B304's)
    DES3.new(key, 1)                                                           # reported: MODE_ECB is 1
    Crypto.Cipher.Blowfish.new(key)                                            # reported: PyCrypto defaults to ECB
    AES.new(key, AES.MODE_GCM, nonce=nonce)                                    # ok
    AES.new(key, AES.MODE_CBC, iv)                                             # ok
    CAES.new(key)                                                              # ok: PyCryptodome raises without a mode
    AES.new(key, **options)                                                    # ok: mode not known
