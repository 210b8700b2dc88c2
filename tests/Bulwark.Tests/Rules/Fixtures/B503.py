import ssl
from OpenSSL import SSL


def open_ssl_socket(version=ssl.PROTOCOL_SSLv2):           # reported
    pass


def open_ctx(host, method=SSL.TLSv1_METHOD):                # reported
    pass


def good(version=ssl.PROTOCOL_TLS_CLIENT):                  # ok
    pass


def also_good(version=None):                                # ok
    pass


def suppressed(version=ssl.PROTOCOL_SSLv3):  # nosec
    pass
