from flask import Flask

app = Flask(__name__)
app.config.from_object(ProductionConfig)   # the only configuration this application loads


class Config:
    SECRET_KEY_FILE = "/run/secrets/flask"


class ProductionConfig(Config):
    DEBUG = True                          # reported: loaded


class StagingConfig(Config):
    DEBUG = True                          # ok: never loaded


def make_test_app():
    # tests load other classes from their own files; a load here is application code
    return app
