import logging
import os
import traceback

import sentry_sdk
from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware

sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], send_default_pii=True)  # expect: CFG401

app = FastAPI()  # expect: CFG302 CFG303
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])  # expect: CFG301
logger = logging.getLogger("api")

API_TOKEN_FALLBACK = os.getenv("PARTNER_API_KEY", "pk_live_fallback_123")  # expect: BW805


@app.post("/charge")
async def charge(card_number: str, amount: int):
    logger.info(f"charging card {card_number} for {amount}")  # expect: LOG001
    try:
        return await gateway_charge(card_number, amount)
    except Exception:
        raise HTTPException(status_code=500, detail=traceback.format_exc())  # expect: CFG402
