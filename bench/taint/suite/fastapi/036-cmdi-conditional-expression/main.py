import subprocess

from fastapi import FastAPI


app = FastAPI()


@app.post("/logs/compress")
def compress_logs(mode: str = ""):
    level = "-1" if mode == "fast" else mode
    subprocess.run(f"gzip {level} /var/log/app/archive.log", shell=True)  # expect: CWE-78
    return {"status": "ok"}
