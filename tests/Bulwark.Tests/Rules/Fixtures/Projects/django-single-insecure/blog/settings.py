# The settings `startproject` writes, never changed for deployment: one module is both development and production.
import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-change-me")  # expect: BW805

# With DEBUG on, the deployment checks (HSTS, SSL redirect, secure cookies) are not reported: CFG101 says it all.
DEBUG = True  # expect: CFG101

ALLOWED_HOSTS = []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "blog",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "blog.urls"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
