import pickle

from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def restore_state(request):
    payload = request.body
    state = pickle.loads(payload)  # expect: CWE-502
    return JsonResponse({"keys": sorted(state)})
