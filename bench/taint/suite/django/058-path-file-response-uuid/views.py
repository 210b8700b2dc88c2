import uuid

from django.http import FileResponse, Http404


STORE = "/srv/blobstore"


def blob(request, key):
    try:
        file_id = uuid.UUID(key)
    except ValueError:
        raise Http404("not found")
    return FileResponse(open(f"{STORE}/{file_id}.bin", "rb"))  # safe: CWE-22
