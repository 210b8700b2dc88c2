import ssl
from ssl import TLSVersion

ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.minimum_version = ssl.TLSVersion.TLSv1              # reported
ctx.minimum_version = TLSVersion.TLSv1_1                # reported
ctx.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED  # reported
ctx.maximum_version = ssl.TLSVersion.TLSv1              # reported
ctx.minimum_version = ssl.TLSVersion.TLSv1_2            # ok
ctx.maximum_version = ssl.TLSVersion.MAXIMUM_SUPPORTED  # ok
