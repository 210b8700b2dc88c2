import subprocess

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse


app = FastAPI()


@app.get("/shares/{share}/usage")
def share_usage(share: str):
    proc = subprocess.run(["sh", "-c", f"du -sh /srv/shares/{share}"], capture_output=True, text=True)  # expect: CWE-78
    return PlainTextResponse(proc.stdout)
