import os

from flask import send_file

from app import settings


def send_attachment(name):
    path = os.path.join(settings.UPLOAD_DIR, name)
    return send_file(path, as_attachment=True)  # expect: CWE-22
