# INJ015 log-injection: the peer's address and the ports in a Django request's META (or a WSGI environ) are what the
# server writes, not text of the client's; its other entries (headers, the query string) are the client's.
import logging

from django.http import HttpResponse
from flask import Flask, request as flask_request

log = logging.getLogger(__name__)
app = Flask(__name__)


def login(request):
    log.info("login from %s", request.META["REMOTE_ADDR"])  # no finding
    log.info("login from %s", request.META.get("REMOTE_ADDR"))  # no finding
    log.info("agent %s", request.META.get("HTTP_USER_AGENT"))  # finding
    log.info("forwarded %s", request.META["HTTP_X_FORWARDED_FOR"])  # finding
    meta = request.META
    log.info("port %s", meta["SERVER_PORT"])  # no finding
    return HttpResponse("ok")


@app.route("/p")
def ping():
    log.info("ping from %s", flask_request.environ["REMOTE_ADDR"])  # no finding
    log.info("query %s", flask_request.environ["QUERY_STRING"])  # finding
    return "ok"
