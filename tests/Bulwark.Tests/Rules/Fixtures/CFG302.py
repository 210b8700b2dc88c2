import os

from fastapi import FastAPI

app = FastAPI()                                  # reported
api = FastAPI(title="Shop API")                  # reported
prod = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)            # ok
configured = FastAPI(docs_url=os.environ.get("DOCS_URL"))                  # ok: a decision
