# No `hmac` here: digests are checksums and signatures are function signatures, compared in the open.
import hashlib


def verify_download(data, expected_digest, func):
    if hashlib.sha256(data).hexdigest() != expected_digest:   # ok: a package checksum
        raise ValueError("corrupt download")
    if func.signature == other.signature:                     # ok: a function signature
        pass
    if request.form["api_token"] == user.api_token:           # reported: a token is secret everywhere
        pass
    if starttoken != self.end:                                # ok: a parser's token
        pass
    if result == SecurityConst.errSSLServerAuthCompleted:     # ok: a constant
        pass
