import ssl

import urllib3

ctx = ssl.create_default_context()
ctx.check_hostname = False                            # reported
ctx.verify_mode = ssl.CERT_NONE                       # reported
ctx.verify_mode = ssl.CERT_OPTIONAL                   # reported
ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)        # reported
urllib3.PoolManager(cert_reqs="CERT_NONE")            # reported
if not verify:
    ctx.check_hostname = False                        # reported (low): the user asked for it
ctx.check_hostname = True                             # ok
ctx.verify_mode = ssl.CERT_REQUIRED                   # ok
urllib3.PoolManager(cert_reqs="CERT_REQUIRED")        # ok


class LegacyContext:
    def __init__(self):
        self.check_hostname = False                   # ok: a class implementing a context
        self.verify_mode = ssl.CERT_NONE              # ok
