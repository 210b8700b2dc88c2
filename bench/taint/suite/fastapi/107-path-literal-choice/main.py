from typing import Literal

from fastapi import FastAPI
from fastapi.responses import FileResponse


app = FastAPI()


@app.get("/reports/download")
def download_report(period: Literal["daily", "weekly", "monthly"] = "daily"):
    return FileResponse(f"/srv/reports/{period}.csv", media_type="text/csv")  # safe: CWE-22
