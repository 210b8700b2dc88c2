import hashlib
import os

import bcrypt
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

KEY = b"0123456789abcdef0123456789abcdef"  # expect: BW805
IV = b"\x00" * 16


def encrypt(data):
    cipher = Cipher(algorithms.AES(KEY), modes.CBC(IV))  # expect: CRY001
    return cipher.encryptor().update(data)


def token_box():
    return Fernet(b"bXktZmVybmV0LWtleS1teS1mZXJuZXQta2V5LTEyMzQ1Njc=")  # expect: BW805


def derive(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password, salt, 100_000)  # expect: AUTH002


def new_salt():
    return bcrypt.gensalt(rounds=8)  # expect: AUTH002
