import ast

from fastapi import APIRouter, HTTPException


router = APIRouter()


@router.get("/geo/point")
def parse_point(coords: str = ""):
    try:
        point = ast.literal_eval(coords)  # safe: CWE-94
    except (ValueError, SyntaxError):
        raise HTTPException(status_code=400, detail="invalid request")
    return {"x": point[0], "y": point[1]}
