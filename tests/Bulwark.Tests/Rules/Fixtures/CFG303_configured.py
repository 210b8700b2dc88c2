from fastapi import FastAPI
from fastapi.middleware.trustedhost import TrustedHostMiddleware

app = FastAPI(docs_url=None)                                                   # ok: validated below
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["example.com"])       # ok
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["*"])                 # reported
