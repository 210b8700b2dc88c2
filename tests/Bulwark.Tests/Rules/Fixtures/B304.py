from Crypto.Cipher import DES, AES, ARC4 as RC4
from Cryptodome.Cipher import Blowfish
import Crypto.Cipher.XOR
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.algorithms import TripleDES


def encrypt(key, iv, data):
    DES.new(key, DES.MODE_CBC, iv)                        # reported
    RC4.new(key)                                          # reported: aliased
    Blowfish.new(key, Blowfish.MODE_CBC, iv)              # reported
    Crypto.Cipher.XOR.new(key)                            # reported
    Cipher(algorithms.IDEA(key), modes.CBC(iv))           # reported: nested
    Cipher(TripleDES(key), modes.CBC(iv))                 # reported: from-import
    algorithms.CAST5(key)                                 # reported
    algorithms.SEED(key)                                  # reported
    AES.new(key, AES.MODE_GCM)                            # ok
    Cipher(algorithms.AES(key), modes.GCM(iv))            # ok
    DES.new(key)  # nosec B304
