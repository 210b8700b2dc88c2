import subprocess

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse


router = APIRouter()


@router.get("/lint")
def run_linter(linter: str = Query(..., max_length=200)):
    proc = subprocess.Popen([linter, "--format", "json", "/srv/code"], stdout=subprocess.PIPE)  # expect: CWE-78
    output, _ = proc.communicate()
    return PlainTextResponse(output.decode())
