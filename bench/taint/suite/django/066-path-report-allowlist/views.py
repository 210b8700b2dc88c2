from django.http import Http404, JsonResponse


REPORTS = ("daily", "weekly", "monthly")


def report(request, report):
    if report not in REPORTS:
        raise Http404("not found")
    with open(f"/srv/reports/{report}.csv", encoding="utf-8") as fh:  # safe: CWE-22
        rows = fh.read().splitlines()
    return JsonResponse({"rows": rows})
