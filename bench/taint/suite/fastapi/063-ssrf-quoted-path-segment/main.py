from fastapi import FastAPI

import clients


app = FastAPI()


@app.get("/profiles/{login}")
def profile(login: str):
    profile = clients.fetch_profile(login)
    return {"name": profile.get("name")}
