import pipelines
from fastapi import APIRouter, Request


router = APIRouter()


@router.post("/pipelines/validate")
async def validate_pipeline(request: Request):
    spec_text = (await request.body()).decode()
    steps = pipelines.parse_pipeline(spec_text)
    return {"steps": len(steps)}
