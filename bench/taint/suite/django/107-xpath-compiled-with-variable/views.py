from django.http import JsonResponse
from lxml import etree


USERS = etree.parse("users.xml")
FIND_USER = etree.XPath("//user[@name = $name]")


def user_exists(request):
    name = request.GET["name"]
    matches = FIND_USER(USERS, name=name)  # safe: CWE-643
    return JsonResponse({"exists": bool(matches)})
