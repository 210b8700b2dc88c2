import hashlib
from hashlib import sha256


def store(user, password, salt):
    user.hash = hashlib.sha256(password.encode()).hexdigest()          # reported
    user.hash = sha256((salt + password).encode()).hexdigest()         # reported
    user.hash = hashlib.new("sha512", user.password.encode())          # reported
    user.hash = hashlib.blake2b(request.form["password"].encode())     # reported
    pw = request.form["new_password"]
    user.hash = hashlib.sha3_256(pw.encode()).hexdigest()              # reported: a local assigned from a password
    user.hash = hashlib.md5(password.encode()).hexdigest()             # ok here: B324's
    user.hash = hashlib.md5(password.encode(), usedforsecurity=False)  # reported: a password is a security use
    digest = hashlib.sha256(data).hexdigest()                          # ok: not a password
    n = hashlib.sha256(str(password_min_length).encode())              # ok: describes a password
