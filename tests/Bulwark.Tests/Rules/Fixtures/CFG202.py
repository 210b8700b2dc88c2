import os

from flask import Flask

app = Flask(__name__)
app.config["SESSION_COOKIE_SECURE"] = False                 # reported
app.config.update(SESSION_COOKIE_HTTPONLY=False)            # reported
app.config.update(SESSION_COOKIE_SAMESITE="None")           # reported (low)
app.config["REMEMBER_COOKIE_SECURE"] = False                # reported
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")   # ok


class Config:
    SESSION_COOKIE_SECURE = False                           # ok: only DevelopmentConfig inherits it


class DevelopmentConfig(Config):
    SESSION_COOKIE_SECURE = False                           # ok: development


class BaseConfig:
    SESSION_COOKIE_HTTPONLY = False                         # reported: ProductionConfig inherits it
    SESSION_COOKIE_SECURE = False                           # ok: ProductionConfig overrides it
    REMEMBER_COOKIE_SECURE = False                          # ok: ProductionConfig overrides it (annotated)


class ProductionConfig(BaseConfig):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE: bool = True
    if os.environ.get("LEGACY_CLIENTS"):
        SESSION_COOKIE_SAMESITE = "None"                    # ok: conditional, decided at run time


class TestingConfig(BaseConfig):
    pass
