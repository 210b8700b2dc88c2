import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = "django-insecure-7x$k2#q9@w!m4z8p0r&t5v1b3n6c2x9z4k8j7h5g3f1d"  # expect: BW105
SESSION_SECRET_FALLBACK = os.environ.get("SESSION_SECRET", "s3ss10n-fallback-secret")  # expect: BW805

DEBUG = True  # overridden in production.py: not a finding

ALLOWED_HOSTS = ["*"]  # expect: CFG102

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "corsheaders",
    "shop",
]

MIDDLEWARE = [  # expect: CFG107 CFG107
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",  # expect: CFG109
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",  # expect: CFG109
]

AUTH_PASSWORD_VALIDATORS = []  # expect: CFG110

CORS_ALLOW_ALL_ORIGINS = True  # expect: CFG111
CORS_ALLOW_CREDENTIALS = True
