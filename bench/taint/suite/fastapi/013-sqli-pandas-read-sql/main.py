from fastapi import FastAPI, Header
from fastapi.responses import PlainTextResponse

import reports


app = FastAPI()


@app.get("/reports/sales.csv")
def sales_csv(region: str = Header("")):
    frame = reports.sales_frame(region)
    return PlainTextResponse(frame.to_csv(index=False))
