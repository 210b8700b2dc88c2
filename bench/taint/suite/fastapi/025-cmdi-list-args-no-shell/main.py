import subprocess

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse


app = FastAPI()

REPO_DIR = "/srv/repos/main"


@app.get("/repos/{ref}/log")
def repo_log(ref: str):
    result = subprocess.run(  # safe: CWE-78
        ["git", "log", "--oneline", "-n", "20", "--", ref],
        capture_output=True,
        text=True,
        cwd=REPO_DIR,
        check=False,
    )
    return PlainTextResponse(result.stdout)
