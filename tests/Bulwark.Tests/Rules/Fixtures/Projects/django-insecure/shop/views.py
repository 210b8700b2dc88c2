import hashlib
import logging
import traceback

import jwt
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)


@csrf_exempt  # expect: CFG112
def transfer(request):
    return HttpResponse("ok")


def signup(request):
    password = request.POST["password"]
    digest = hashlib.sha256(password.encode()).hexdigest()  # expect: AUTH001
    logger.info("new user %s with password %s", request.POST["user"], password)  # expect: LOG001
    return HttpResponse(digest)


def login(request):
    try:
        claims = jwt.decode(request.headers["Authorization"], options={"verify_signature": False})  # expect: AUTH004
        return JsonResponse(claims)
    except Exception:
        return HttpResponse(traceback.format_exc(), status=500)  # expect: CFG402
