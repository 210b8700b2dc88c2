import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

IV = b"\x00" * 16

Cipher(algorithms.AES(key), modes.CBC(b"0123456789abcdef"))      # reported
Cipher(algorithms.AES(key), modes.CBC(IV))                       # reported
Cipher(algorithms.AES(key), modes.GCM(bytes(12)))                # reported
Cipher(algorithms.AES(key), modes.CTR(nonce=b"fixednonce123456"))  # reported
AESGCM(key).encrypt(b"123456789012", data, None)                 # reported
box = ChaCha20Poly1305(key)
box.encrypt(b"000000000000", data, None)                         # reported
AES.new(key, AES.MODE_CBC, iv=b"0000000000000000")               # reported
AES.new(key, AES.MODE_CBC, b"0000000000000000")                  # reported
AES.new(key, AES.MODE_GCM, nonce=b"abcdefghijkl")                # reported
Cipher(algorithms.AES(key), modes.CBC(os.urandom(16)))           # ok
iv = os.urandom(16)
Cipher(algorithms.AES(key), modes.CBC(iv))                       # ok
AESGCM(key).encrypt(os.urandom(12), data, None)                  # ok
AES.new(key, AES.MODE_GCM)                                       # ok: random nonce
