from django.http import HttpResponseBadRequest, JsonResponse


LANGUAGES = {"en", "de", "fr", "nl"}


def set_language(request):
    lang = request.GET.get("lang", "")
    if lang not in LANGUAGES:
        return HttpResponseBadRequest("invalid request")
    request.session["lang"] = lang  # safe: CWE-501
    return JsonResponse({"status": "ok"})
