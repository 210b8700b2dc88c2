import repository


def audit_trail(actor, limit=50):
    actor = actor.strip().lower()
    return repository.fetch_events("actor = '" + actor + "'", limit)
