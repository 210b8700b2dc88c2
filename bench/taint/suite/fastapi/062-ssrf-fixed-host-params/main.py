import requests
from fastapi import APIRouter


router = APIRouter()

GEOCODER_URL = "https://geo.example.com/search"


@router.get("/geocode")
def geocode(address: str = ""):
    resp = requests.get(GEOCODER_URL, params={"q": address, "format": "json"}, timeout=5)  # safe: CWE-918
    return resp.json()
