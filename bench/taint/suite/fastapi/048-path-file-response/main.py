from fastapi import FastAPI
from fastapi.responses import FileResponse


app = FastAPI()

REPORTS_DIR = "/srv/reports"


@app.get("/reports/{report:path}")
def report_file(report: str):
    path = REPORTS_DIR + "/" + report
    return FileResponse(path)  # expect: CWE-22
