from django.http import JsonResponse

from . import directory


def by_mail(request):
    mail = request.GET.get("mail", "")
    uids = directory.lookup_mail(mail)
    return JsonResponse({"uids": uids})
