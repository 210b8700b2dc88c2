from flask import Flask

DEBUG = True                              # reported: this module's globals are the configuration
SESSION_COOKIE_SECURE = True

app = Flask(__name__)
app.config.from_object(__name__)
