from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import jobs


@require_POST
def start_worker(request):
    runner = request.POST.get("runner", "")
    pid = jobs.run_detached(runner, "--queue", "default")
    return JsonResponse({"pid": pid})
