from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware as StarletteCORS

app = FastAPI(docs_url=None)
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)                # reported
app.add_middleware(CORSMiddleware, allow_origin_regex=".*", allow_credentials=True)            # reported
middleware = [Middleware(StarletteCORS, allow_origins=["*"], allow_credentials=True)]          # reported
app.add_middleware(CORSMiddleware, allow_origins=["*"])                                        # ok: no credentials
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)  # ok
