import os

from fastapi import FastAPI


app = FastAPI()


@app.get("/diagnostics/ping")
def ping(host: str = ""):
    status = os.system(f"ping -c 3 {host} > /dev/null")  # expect: CWE-78
    return {"reachable": status == 0}
