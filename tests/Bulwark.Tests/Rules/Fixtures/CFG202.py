from flask import Flask

app = Flask(__name__)
app.config["SESSION_COOKIE_SECURE"] = False                 # reported
app.config.update(SESSION_COOKIE_HTTPONLY=False)            # reported
app.config.update(SESSION_COOKIE_SAMESITE="None")           # reported (low)
app.config["REMEMBER_COOKIE_SECURE"] = False                # reported
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")   # ok


class Config:
    SESSION_COOKIE_SECURE = False                           # reported


class DevelopmentConfig(Config):
    SESSION_COOKIE_SECURE = False                           # ok: development
