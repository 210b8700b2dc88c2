from django.http import HttpResponse


def command_help(request):
    command = request.GET.get("cmd", "")
    return HttpResponse(f"Unknown command: {command}\nTry 'help'.", content_type="text/plain")  # safe: CWE-79
