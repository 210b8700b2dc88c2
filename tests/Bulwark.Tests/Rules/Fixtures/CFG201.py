import os

from flask import Flask

app = Flask(__name__)
app.debug = True                          # reported
app.config["DEBUG"] = True                # reported
app.config.update(DEBUG=True)             # reported
app.config.from_mapping({"DEBUG": 1})     # reported
app.debug = False                         # ok
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"   # ok: from the environment
app.run(debug=True)                       # ok here: B201's


class ProductionConfig:
    DEBUG = True                          # reported


class DevelopmentConfig:
    DEBUG = True                          # ok: development


class TestingConfig:
    DEBUG = True                          # ok: tests


class BaseConfig:
    DEBUG = True                          # reported once: StagingConfig inherits it


class StagingConfig(BaseConfig):
    SERVER_NAME = "staging.example.com"


class LiveConfig(BaseConfig):
    DEBUG = False                         # ok: overrides the base


class QualityConfig:
    TESTING = True                        # a testing configuration
    DEBUG = True                          # ok: not production


class Defaults:
    DEBUG = True                          # ok: not a configuration class by name or base
