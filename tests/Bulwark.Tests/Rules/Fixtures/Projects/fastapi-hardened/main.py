import logging
import os

import sentry_sdk
from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware

sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], send_default_pii=False)

production = os.environ.get("ENV") == "production"
app = FastAPI(docs_url=None if production else "/docs", redoc_url=None, openapi_url=None if production else "/openapi.json")
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["api.example.com"])
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True, allow_methods=["POST"])
logger = logging.getLogger("api")

PARTNER_API_KEY = os.environ["PARTNER_API_KEY"]


@app.post("/charge")
async def charge(card_number: str, amount: int):
    logger.info("charging card ending in %s for %s", mask(card_number), amount)
    try:
        return await gateway_charge(card_number, amount)
    except Exception:
        logger.exception("charge failed")
        raise HTTPException(status_code=502, detail="payment gateway error")
