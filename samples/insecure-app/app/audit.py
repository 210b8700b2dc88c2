import logging

log = logging.getLogger("audit")


def login_failed(username):
    log.warning("failed login for user %s", username)  # expect: CWE-117
