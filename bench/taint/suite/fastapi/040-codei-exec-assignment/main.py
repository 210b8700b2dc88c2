from fastapi import FastAPI, Form

import services


app = FastAPI()


@app.post("/formula")
def formula(formula: str = Form(...)):
    value = services.apply_formula(formula, {"base": 100, "rate": 0.07})
    return {"value": value}
