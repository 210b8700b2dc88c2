from flask import Flask

from app import settings

app = Flask(__name__)
app.config["SECRET_KEY"] = settings.SECRET_KEY

from app import portal, views  # noqa: E402,F401  (registers the routes)
