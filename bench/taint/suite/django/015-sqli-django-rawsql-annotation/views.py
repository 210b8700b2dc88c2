from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def rank_products(request):
    keyword = request.POST.get("keyword", "")
    ranked = Product.objects.annotate(score=RawSQL(f"SELECT COUNT(*) FROM shop_review WHERE body LIKE '%%{keyword}%%'", ()))  # expect: CWE-89
    return JsonResponse({"scores": list(ranked.values("id", "score"))})
