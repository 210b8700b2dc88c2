import urllib.parse

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse


app = FastAPI()


@app.get("/export.csv")
def export_csv(filename: str = ""):
    encoded = urllib.parse.quote(filename)
    return PlainTextResponse("id,name\n", headers={"Content-Disposition": f"attachment; filename*=UTF-8''{encoded}"})  # safe: CWE-113
