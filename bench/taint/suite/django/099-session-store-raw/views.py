from django.http import JsonResponse


def switch_role(request):
    role = request.GET["role"]
    request.session["role"] = role  # expect: CWE-501
    return JsonResponse({"status": "ok"})
