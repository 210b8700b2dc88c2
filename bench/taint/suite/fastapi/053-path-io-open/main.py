import io
import os

from fastapi import APIRouter
from pydantic import BaseModel


router = APIRouter()

CONFIG_DIR = "/etc/app"


class ShowConfigRequest(BaseModel):
    config: str


@router.post("/configs/show")
def show_config(payload: ShowConfigRequest):
    config = payload.config
    with io.open(os.path.join(CONFIG_DIR, config), "r", encoding="utf-8") as fh:  # expect: CWE-22
        lines = fh.read().splitlines()
    return {"lines": lines}
