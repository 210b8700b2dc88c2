from django.http import HttpResponseRedirect
from django.views.decorators.http import require_POST


@require_POST
def logout(request):
    return_url = request.POST.get("return_url", "")
    return HttpResponseRedirect(return_url)  # expect: CWE-601
