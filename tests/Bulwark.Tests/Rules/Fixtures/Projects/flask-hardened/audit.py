import logging

logger = logging.getLogger("audit")


def record(event, detail):
    logger.info("%s: %s", event, detail)


def mask_card(number):
    return "*" * 12 + number[-4:]
