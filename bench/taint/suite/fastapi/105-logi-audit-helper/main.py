from fastapi import FastAPI, Form

import audit


app = FastAPI()


@app.post("/coupons/redeem")
def redeem(coupon: str = Form(...)):
    audit.record("coupon-redeemed", coupon)
    return {"status": "ok"}
