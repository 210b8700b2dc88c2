import logging

from fastapi import APIRouter

import utils


router = APIRouter()

logger = logging.getLogger(__name__)


@router.get("/search")
def search(term: str = ""):
    logger.info("search for %s", utils.single_line(term))  # safe: CWE-117
    return {"results": []}
