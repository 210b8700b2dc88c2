from django.http import HttpResponse

from . import net


def whois(request, domain):
    record = net.whois(domain)
    return HttpResponse(record, content_type="text/plain")
