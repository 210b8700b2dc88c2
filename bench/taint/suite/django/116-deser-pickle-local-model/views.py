import pickle

from django.http import JsonResponse


MODEL_PATH = "/srv/models/risk.pkl"


def risk_score(request):
    amount = request.GET.get("amount", "")
    age = request.GET.get("age", "")
    with open(MODEL_PATH, "rb") as fh:
        model = pickle.load(fh)  # safe: CWE-502
    score = model.predict([[float(amount), float(age)]])[0]
    return JsonResponse({"score": float(score)})
