from fastapi import FastAPI
from fastapi.responses import RedirectResponse


app = FastAPI()


@app.get("/orders/goto")
def goto_order(order: str = ""):
    return RedirectResponse(f"/orders/{int(order)}", status_code=303)  # safe: CWE-601
