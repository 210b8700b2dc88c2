from flask import Flask
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
app.config["WTF_CSRF_ENABLED"] = False          # reported
app.config.update(WTF_CSRF_CHECK_DEFAULT=False) # reported
app.config["WTF_CSRF_ENABLED"] = True           # ok
CSRFProtect(app)


class ProductionConfig:
    WTF_CSRF_ENABLED = False                    # reported


class TestingConfig:
    WTF_CSRF_ENABLED = False                    # ok: tests


class Config:
    WTF_CSRF_ENABLED = False                    # ok: every production class overrides it


class LiveConfig(Config):
    WTF_CSRF_ENABLED = True


class IntegrationConfig(Config):
    TESTING = True                              # a testing configuration: inherits False, not reported
