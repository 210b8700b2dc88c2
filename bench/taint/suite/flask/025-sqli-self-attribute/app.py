from flask import Flask, jsonify, request

import repository


app = Flask(__name__)


@app.route("/projects")
def projects():
    tenant = request.headers.get("X-Tenant", "")
    repo = repository.ProjectRepository(tenant)
    return jsonify({"projects": repo.active_projects()})
