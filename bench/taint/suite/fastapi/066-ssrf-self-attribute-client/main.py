from fastapi import FastAPI

import clients


app = FastAPI()


@app.get("/integrations/health")
def health(endpoint: str = ""):
    client = clients.StatusClient(endpoint)
    return {"health": client.health()}
