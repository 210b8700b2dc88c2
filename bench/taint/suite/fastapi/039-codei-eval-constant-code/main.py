from fastapi import FastAPI, Query


app = FastAPI()

PRICE_FORMULA = "round(price * qty * 1.2, 2)"


@app.get("/quote")
def quote(price: str = Query(..., max_length=200), qty: str = Query(..., max_length=200)):
    namespace = {"price": float(price), "qty": int(qty)}
    total = eval(PRICE_FORMULA, {"__builtins__": {}}, namespace)  # safe: CWE-94
    return {"total": total}
