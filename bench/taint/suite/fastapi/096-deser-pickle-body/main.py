import pickle

from fastapi import FastAPI, Request


app = FastAPI()


@app.post("/state/restore")
async def restore_state(request: Request):
    payload = await request.body()
    state = pickle.loads(payload)  # expect: CWE-502
    return {"keys": sorted(state)}
