from . import repository

KNOWN_ACTIONS = frozenset({"login", "logout", "password_change", "export"})


def events_of_kind(action):
    if action not in KNOWN_ACTIONS:
        raise ValueError("unknown action")
    return repository.fetch_events("action = '" + action + "'")
