from django.shortcuts import render


def preview(request):
    body = request.POST.get("body", "")
    context = {"body": body, "author": request.user.get_username()}
    return render(request, "comments/preview.html", context)  # expect: CWE-79


def show(request):
    note = request.GET.get("note", "")
    return render(request, "comments/show.html", {"note": note})  # safe: CWE-79
