from Crypto.Cipher import AES                      # reported
import Crypto.Hash.SHA256                          # reported
from Crypto import Random                          # reported
from Crypto.PublicKey import RSA                   # reported
import Crypto.Util.Padding as padding              # reported
import Crypto                                      # ok: the top package alone, as Bandit
from Cryptodome.Cipher import AES as AES2          # ok: PyCryptodome's own namespace
from cryptography.fernet import Fernet             # ok
from Crypto.Cipher import AES  # nosec
