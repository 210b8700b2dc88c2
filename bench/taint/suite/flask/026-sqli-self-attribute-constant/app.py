from flask import Blueprint, jsonify, request

import repository


bp = Blueprint("main", __name__)


@bp.route("/projects")
def projects():
    tenant = request.headers.get("X-Tenant", "")
    repo = repository.ProjectRepository(tenant)
    return jsonify({"projects": repo.active_projects()})
