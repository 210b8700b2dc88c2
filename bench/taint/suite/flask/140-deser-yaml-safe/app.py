import yaml
from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)


@bp.route("/config/check", methods=["POST"])
def check_config():
    text = request.get_data(as_text=True)
    config = yaml.load(text, Loader=yaml.SafeLoader)  # safe: CWE-502
    return jsonify({"keys": sorted(config)})
