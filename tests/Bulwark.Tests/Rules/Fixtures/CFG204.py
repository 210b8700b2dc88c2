from flask import Flask
from flask_cors import CORS, cross_origin

app = Flask(__name__)
CORS(app, supports_credentials=True)                               # reported
CORS(app, origins="*", supports_credentials=True)                  # reported
CORS(app, origins=["https://a.example", "*"], supports_credentials=True)   # reported
CORS(app, origins=["https://app.example.com"], supports_credentials=True) # ok
CORS(app)                                                          # ok: no credentials (a public API)
CORS(app, origins=ALLOWED, supports_credentials=True)              # ok: unknown


@app.route("/me")
@cross_origin(supports_credentials=True)                           # reported
def me():
    pass
