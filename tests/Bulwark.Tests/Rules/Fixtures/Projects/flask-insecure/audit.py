import logging

logger = logging.getLogger("audit")


def record(event, detail):
    logger.info("%s: %s", event, detail)  # expect: LOG001
