import os

from fastapi import FastAPI, Request
from starlette.middleware.sessions import SessionMiddleware


app = FastAPI()


@app.get("/tenant")
def select_tenant(request: Request, tenant: str = ""):
    request.session["tenant"] = tenant  # expect: CWE-501
    return {"tenant": tenant}


app.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"])
