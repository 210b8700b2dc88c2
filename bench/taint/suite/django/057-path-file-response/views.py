from django.http import FileResponse


REPORTS_DIR = "/srv/reports"


def report_file(request, report):
    path = REPORTS_DIR + "/" + report
    return FileResponse(open(path, "rb"))  # expect: CWE-22
