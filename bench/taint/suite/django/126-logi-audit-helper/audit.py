import logging

_audit = logging.getLogger("audit")


def record(event, detail):
    _audit.info("%s: %s", event, detail)  # expect: CWE-117
