from fastapi import FastAPI, Query

import db


app = FastAPI()


@app.get("/orders")
def orders(customer: str = Query(..., max_length=200)):
    orders = db.find_orders(customer)
    return {"orders": orders}
