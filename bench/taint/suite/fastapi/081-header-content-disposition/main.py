from fastapi import FastAPI, Query
from fastapi.responses import PlainTextResponse


app = FastAPI()


def export_rows():
    return "id,name\n1,Ada\n2,Grace\n"


@app.get("/export.csv")
def export_csv(filename: str = Query(..., max_length=200)):
    return PlainTextResponse(  # expect: CWE-113
        export_rows(),
        headers={"Content-Disposition": f"attachment; filename={filename}"},
    )
