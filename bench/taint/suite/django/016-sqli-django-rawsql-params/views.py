from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def rank_products(request):
    keyword = request.POST["keyword"]
    score = RawSQL("SELECT COUNT(*) FROM shop_review WHERE body LIKE %s", ("%" + keyword + "%",))  # safe: CWE-89
    ranked = Product.objects.annotate(score=score)
    return JsonResponse({"scores": list(ranked.values("id", "score"))})
