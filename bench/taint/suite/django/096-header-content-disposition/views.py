from django.http import HttpResponse


def export_rows():
    return "id,name\n1,Ada\n2,Grace\n"


def export_csv(request):
    filename = request.GET.get("name", "")
    resp = HttpResponse(export_rows(), content_type="text/csv")
    resp["Content-Disposition"] = "attachment; filename=" + filename  # expect: CWE-113
    return resp
