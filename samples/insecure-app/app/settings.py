import os

DEBUG = True
SECRET_KEY = "dev-secret-key-change-me"
DATABASE_PASSWORD = "Sup3rS3cret!"
TOKEN_TYPE = "bearer"
ALLOWED_HOSTS = ["*"]
SESSION_COOKIE_SECURE = False
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
UPLOAD_DIR = os.environ.get("UPLOAD_DIR", "/tmp/uploads")
