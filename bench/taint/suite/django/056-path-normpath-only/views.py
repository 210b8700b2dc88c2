import os

from django.http import JsonResponse


BACKUP_DIR = "/var/backups"


def inspect_backup(request):
    archive = request.GET.get("archive", "")
    path = os.path.normpath(os.path.join(BACKUP_DIR, archive))
    with open(path, "rb") as fh:  # expect: CWE-22
        head = fh.read(512)
    return JsonResponse({"magic": head[:4].hex()})
