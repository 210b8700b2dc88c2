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
