import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "fallback-secret-key")  # expect: BW805
    SESSION_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_HTTPONLY = False  # expect: CFG202


class ProductionConfig(Config):
    DEBUG = True  # expect: CFG201
    SESSION_COOKIE_SECURE = False  # expect: CFG202
    WTF_CSRF_ENABLED = False  # expect: CFG203


class TestingConfig(Config):
    TESTING = True
    WTF_CSRF_ENABLED = False  # tests only: not reported
    SESSION_COOKIE_SECURE = False


class StagingConfig(Config):
    DEBUG = True  # never loaded (app.py loads ProductionConfig): not reported
