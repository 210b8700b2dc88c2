import hmac
import logging

import jwt
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)


@require_POST
def signup(request):
    password = request.POST["password"]
    encoded = make_password(password)
    logger.info("new user %s", request.POST["user"])
    return HttpResponse(encoded[:8])


def login(request):
    try:
        claims = jwt.decode(request.headers["Authorization"], settings.JWT_PUBLIC_KEY, algorithms=["RS256"])
        return JsonResponse(claims)
    except jwt.InvalidTokenError:
        logger.exception("bad token")
        return HttpResponse("unauthorized", status=401)


def check_signature(given, expected):
    return hmac.compare_digest(given, expected)
