from django.http import Http404, JsonResponse


def invoice_size(request, number):
    if not number.isdigit():
        raise Http404("not found")
    with open(f"/srv/invoices/{number}.pdf", "rb") as fh:  # safe: CWE-22
        pdf = fh.read()
    return JsonResponse({"size": len(pdf)})
