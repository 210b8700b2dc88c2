import yaml
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def check_config(request):
    text = request.body.decode()
    config = yaml.load(text, Loader=yaml.SafeLoader)  # safe: CWE-502
    return JsonResponse({"keys": sorted(config)})
