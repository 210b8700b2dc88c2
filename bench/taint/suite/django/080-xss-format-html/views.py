from django.http import HttpResponse
from django.utils.html import format_html


def user_link(request):
    username = request.GET.get("username", "")
    link = format_html('<a href="/users/{}/">{}</a>', username, username)  # safe: CWE-79
    return HttpResponse(link)  # safe: CWE-79
