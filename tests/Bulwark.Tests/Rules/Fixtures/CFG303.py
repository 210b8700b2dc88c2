from fastapi import FastAPI
from starlette.applications import Starlette

app = FastAPI(docs_url=None)       # reported: no Host validation in this module
other = Starlette()                # reported
