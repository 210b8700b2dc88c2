import os

ROOT = "/var/app/storage"


def load(relative):
    path = os.path.join(ROOT, relative)
    with open(path, "rb") as fh:  # expect: CWE-22
        return fh.read()
