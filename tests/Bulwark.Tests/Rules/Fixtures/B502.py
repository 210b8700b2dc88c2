import ssl
from pyOpenSSL import SSL
from ssl import PROTOCOL_TLSv1 as OLD

ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv2)        # high
ssl.wrap_socket(sock, ssl_version=OLD)                       # high: aliased constant
SSL.Context(method=SSL.SSLv3_METHOD)                         # high
herp_derp(ssl_version=ssl.PROTOCOL_TLSv1_1)                  # medium: any other call
herp_derp(method=SSL.TLSv1_METHOD)                           # medium
ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLS_CLIENT)   # ok
SSL.Context(method=SSL.TLS_METHOD)                           # ok
ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv2)  # nosec
