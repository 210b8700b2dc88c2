from django.shortcuts import redirect

from . import auth


def login_complete(request):
    return_to = request.GET["return_to"]
    return redirect(auth.landing_page(return_to))  # expect: CWE-601
