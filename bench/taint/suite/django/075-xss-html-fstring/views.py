from django.http import HttpResponse


def hello(request):
    name = request.GET["name"]
    return HttpResponse(f"<html><body><h1>Hello, {name}!</h1></body></html>")  # expect: CWE-79
