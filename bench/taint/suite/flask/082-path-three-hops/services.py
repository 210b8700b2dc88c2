import storage


def attachment_preview(ticket_id, name):
    data = storage.load(f"tickets/{ticket_id}/{name}")
    return data[:2048]
