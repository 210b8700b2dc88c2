DEFAULT_LANDING = "/home"


def landing_page(requested):
    if requested:
        return requested
    return DEFAULT_LANDING
