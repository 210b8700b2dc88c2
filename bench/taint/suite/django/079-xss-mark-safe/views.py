from django.shortcuts import render
from django.utils.safestring import mark_safe


def banner(request):
    headline = request.POST.get("headline", "")
    banner = mark_safe(f"<strong>{headline}</strong>")  # expect: CWE-79
    return render(request, "news/banner.html", {"banner": banner})
