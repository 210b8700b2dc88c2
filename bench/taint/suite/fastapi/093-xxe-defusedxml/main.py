import defusedxml.ElementTree as DefusedET
from fastapi import FastAPI, Request


app = FastAPI()


@app.post("/orders/upload")
async def upload_orders(request: Request):
    payload = await request.body()
    doc = DefusedET.fromstring(payload)  # safe: CWE-611
    return {"orders": len(doc.findall("order"))}
