import os

from fastapi import FastAPI, HTTPException, Header


app = FastAPI()

ASSETS = "/srv/static/assets"


@app.get("/assets/size")
def asset_size(asset: str = Header("")):
    full = os.path.realpath(os.path.join(ASSETS, asset))
    if not full.startswith(ASSETS + os.sep):
        raise HTTPException(status_code=404, detail="not found")
    with open(full, "rb") as fh:  # safe: CWE-22
        payload = fh.read()
    return {"size": len(payload)}
