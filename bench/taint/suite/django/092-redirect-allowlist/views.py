from django.shortcuts import redirect


SAFE_TARGETS = {"/", "/account", "/billing"}


def jump(request):
    target = request.GET.get("to", "")
    if target not in SAFE_TARGETS:
        target = "/"
    return redirect(target)  # safe: CWE-601
