from fastapi import Cookie, FastAPI

import db


app = FastAPI()


@app.get("/invoices")
def invoices(account: str | None = Cookie(None)):
    rows = db.invoices_for(account)
    return {"invoices": [list(r) for r in rows]}
