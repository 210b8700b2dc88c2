import os

EXPORT_DIR = "/var/app/exports"


def export_path(name):
    candidate = os.path.realpath(os.path.join(EXPORT_DIR, os.path.basename(name)))
    if os.path.dirname(candidate) != EXPORT_DIR:
        raise PermissionError(name)
    return candidate


def read_export(name):
    with open(export_path(name), "rb") as fh:  # safe: CWE-22
        return fh.read()
