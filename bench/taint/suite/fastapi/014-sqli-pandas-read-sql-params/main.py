from fastapi import APIRouter
from fastapi.responses import PlainTextResponse

import reports


router = APIRouter()


@router.get("/reports/sales.csv")
def sales_csv(region: str = ""):
    frame = reports.sales_frame(region)
    return PlainTextResponse(frame.to_csv(index=False))
