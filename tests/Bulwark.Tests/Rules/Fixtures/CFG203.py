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
