import os

from fastapi import FastAPI, HTTPException


app = FastAPI()


@app.post("/worker/{action}")
def worker_action(action: str):
    match action:
        case "start":
            command = "systemctl start app-worker"
        case "stop":
            command = "systemctl stop app-worker"
        case _:
            raise HTTPException(status_code=400, detail="invalid request")
    os.system(command)  # safe: CWE-78
    return {"status": "ok"}
