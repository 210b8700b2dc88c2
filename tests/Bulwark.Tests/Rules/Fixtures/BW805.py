import os

import environ
import jwt
from cryptography.fernet import Fernet
from decouple import config
from flask import Flask
from itsdangerous import URLSafeTimedSerializer

app = Flask(__name__)
env = environ.Env()

app.secret_key = "dev"                                             # reported by BW105, not again
app.config["SECRET_KEY"] = "short"                                 # reported by BW105, not again
app.config.update(JWT_SECRET_KEY="jwt-dev-key")                    # reported
jwt.encode(payload, "my-jwt-signing-key", algorithm="HS256")       # reported
jwt.decode(token, key="another-key", algorithms=["HS256"])         # reported
Fernet(b"bXktZmVybmV0LWtleS1teS1mZXJuZXQta2V5LTEyMzQ1Njc=")          # reported
URLSafeTimedSerializer("serializer-secret")                        # reported
SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-fallback")     # reported
DB_PASSWORD = os.getenv("DB_PASSWORD", "postgres")                 # reported
API_KEY = config("API_KEY", default="abc123")                      # reported
SIGNING = env("SIGNING_KEY", default="dev-signing")                # reported
DEBUG = os.environ.get("DEBUG", "false")                           # ok: not a credential
SECRET_KEY = os.environ.get("SECRET_KEY", "")                      # ok: empty
app.secret_key = os.environ["SECRET_KEY"]                          # ok
jwt.encode(payload, settings.JWT_KEY, algorithm="HS256")           # ok
Fernet(os.environ["FERNET_KEY"].encode())                          # ok
Fernet(Fernet.generate_key())                                      # ok
