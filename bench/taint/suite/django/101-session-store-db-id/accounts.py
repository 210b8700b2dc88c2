import hashlib
import hmac
import sqlite3


def authenticate(username, password):
    conn = sqlite3.connect("accounts.db")
    row = conn.execute("SELECT id, pw_hash, salt FROM accounts WHERE username = ?", (username,)).fetchone()
    if row is None:
        return None
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), row[2], 200_000)
    return row[0] if hmac.compare_digest(digest, row[1]) else None
