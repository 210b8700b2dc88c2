ALLOWED_FIELDS = ("email", "username", "phone")


def parse_lookup(raw):
    field, _, value = raw.partition(":")
    if field not in ALLOWED_FIELDS:
        field = "username"
    return field, value
