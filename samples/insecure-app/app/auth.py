import hashlib
import hmac

from app import db

DEFAULT_LANDING = "/account"


def check_password(username, password):
    row = db.password_record(username)
    if row is None:
        return False
    salt, expected = row
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 100_000)
    return hmac.compare_digest(digest, expected)


def landing_page(requested):
    """Where to go after signing in: the page the user asked for, else the account page."""
    return requested or DEFAULT_LANDING
