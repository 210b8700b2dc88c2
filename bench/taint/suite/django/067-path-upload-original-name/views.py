import os

from django.http import JsonResponse
from django.views.decorators.http import require_POST


UPLOAD_DIR = "/var/app/uploads"


@require_POST
def upload(request):
    upload = request.FILES["document"]
    with open(os.path.join(UPLOAD_DIR, upload.name), "wb") as out:  # expect: CWE-22
        for chunk in upload.chunks():
            out.write(chunk)
    return JsonResponse({"status": "ok"})
