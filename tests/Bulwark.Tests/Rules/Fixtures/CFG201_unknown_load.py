import os

from flask import Flask


class Config:
    DEBUG = False


class ProductionConfig(Config):
    DEBUG = True                          # reported: the load below may pick it


class DevelopmentConfig(Config):
    DEBUG = True                          # ok: development


configs = {"production": ProductionConfig, "development": DevelopmentConfig}
app = Flask(__name__)
app.config.from_object(configs[os.environ.get("APP_ENV", "production")])
