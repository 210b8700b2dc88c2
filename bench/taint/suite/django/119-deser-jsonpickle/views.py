import json

import jsonpickle
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def submit_job(request):
    job_spec = json.loads(request.body)["spec"]
    job = jsonpickle.decode(job_spec)  # expect: CWE-502
    return JsonResponse({"job": type(job).__name__})
