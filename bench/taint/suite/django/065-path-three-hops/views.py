from django.http import JsonResponse

from . import services


def preview(request, ticket, name):
    preview = services.attachment_preview(ticket, name)
    return JsonResponse({"preview": preview.hex()})
