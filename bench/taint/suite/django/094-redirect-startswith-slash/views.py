from django.shortcuts import redirect


def continue_to(request):
    dest = request.GET.get("dest", "")
    if not dest.startswith("/"):
        dest = "/"
    return redirect(dest)  # expect: CWE-601
