from fastapi import APIRouter, Header, Response


router = APIRouter()


@router.get("/status")
def status(response: Response, correlation: str = Header("")):
    response.headers["X-Correlation-ID"] = correlation  # expect: CWE-113
    return {"status": "ok"}
