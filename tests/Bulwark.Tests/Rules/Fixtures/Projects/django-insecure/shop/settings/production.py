from .base import *  # expect: CFG103 CFG104 CFG104 CFG105

try:
    from .local import *  # a developer's overrides: never part of the production view
except ImportError:
    pass

DEBUG = False

SECURE_HSTS_SECONDS = 3600  # expect: CFG104
SESSION_COOKIE_SECURE = False  # expect: CFG105
SESSION_COOKIE_HTTPONLY = False  # expect: CFG105
SECURE_CONTENT_TYPE_NOSNIFF = False  # expect: CFG106
X_FRAME_OPTIONS = "ALLOWALL"  # expect: CFG106
SECURE_REFERRER_POLICY = None  # expect: CFG106
SECURE_PROXY_SSL_HEADER = ("X-Forwarded-Proto", "http")  # expect: CFG108 CFG108
