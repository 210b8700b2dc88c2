from fastapi import FastAPI
from pydantic import BaseModel


app = FastAPI()


class CalculateRequest(BaseModel):
    expr: str


@app.get("/calc")
def calculate(payload: CalculateRequest):
    expression = payload.expr
    result = eval(expression)  # expect: CWE-94
    return {"result": result}
