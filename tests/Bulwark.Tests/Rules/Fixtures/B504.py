import ssl
from ssl import wrap_socket

ssl.wrap_socket(sock)                                  # reported
wrap_socket(sock, keyfile=k)                           # reported: from-import
ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1_2)  # ok
context.wrap_socket(sock)                              # ok: SSLContext method
ssl.wrap_socket(sock)  # nosec
