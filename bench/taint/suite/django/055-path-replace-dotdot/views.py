from django.http import HttpResponse


LOG_DIR = "/var/log/app"


def log_tail(request, filename):
    cleaned = filename.replace("../", "")
    with open(LOG_DIR + "/" + cleaned, encoding="utf-8") as fh:  # expect: CWE-22
        tail = fh.readlines()[-100:]
    return HttpResponse("".join(tail), content_type="text/plain")
