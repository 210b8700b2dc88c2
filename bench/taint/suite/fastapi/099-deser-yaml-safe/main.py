import yaml
from fastapi import FastAPI, Request


app = FastAPI()


@app.post("/config/check")
async def check_config(request: Request):
    text = (await request.body()).decode()
    config = yaml.safe_load(text)  # safe: CWE-502
    return {"keys": sorted(config)}
