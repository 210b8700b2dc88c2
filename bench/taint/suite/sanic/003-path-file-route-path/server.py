import os

from sanic import Sanic
from sanic.response import file

app = Sanic("files")
ROOT = "/srv/public"
REPORTS = ["q1.pdf", "q2.pdf", "q3.pdf", "q4.pdf"]


@app.get("/public/<relpath:path>")
async def public(request, relpath):
    return await file(os.path.join(ROOT, relpath))  # expect: CWE-22


@app.get("/reports/<index:int>")
async def report(request, index):
    return await file(os.path.join(ROOT, REPORTS[index % len(REPORTS)]))  # safe: CWE-22
