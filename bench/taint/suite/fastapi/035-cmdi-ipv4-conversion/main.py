import ipaddress
import os

from fastapi import APIRouter, HTTPException, Query


router = APIRouter()


@router.get("/ping")
def ping(host: str = Query(..., max_length=200)):
    try:
        address = ipaddress.IPv4Address(host)
    except ValueError:
        raise HTTPException(status_code=400, detail="invalid request")
    status = os.system(f"ping -c 1 -W 2 {address}")  # safe: CWE-78
    return {"up": status == 0}
