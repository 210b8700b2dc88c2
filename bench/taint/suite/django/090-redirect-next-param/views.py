from django.shortcuts import redirect


def after_login(request):
    next_url = request.GET.get("next", "")
    target = next_url or "/"
    return redirect(target)  # expect: CWE-601
