import hashlib
import os

import bcrypt
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def encrypt(key, data):
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, data, None)


def token_box():
    return Fernet(os.environ["FERNET_KEY"])


def derive(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)


def new_salt():
    return bcrypt.gensalt()


def file_digest(data):
    return hashlib.sha256(data).hexdigest()
