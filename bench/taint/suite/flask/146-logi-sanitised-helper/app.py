import logging

from flask import Blueprint, jsonify, request

import utils


bp = Blueprint("main", __name__)

logger = logging.getLogger(__name__)


@bp.route("/search")
def search():
    term = request.args.get("q", "")
    logger.info("search for %s", utils.single_line(term))  # safe: CWE-117
    return jsonify({"results": []})
