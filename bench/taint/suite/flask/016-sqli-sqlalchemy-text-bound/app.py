from flask import Flask, jsonify
from sqlalchemy import create_engine, text


app = Flask(__name__)

engine = create_engine("postgresql+psycopg://app@db/saas")


@app.route("/tenants/<tenant>/users")
def tenant_users(tenant):
    with engine.connect() as conn:
        rows = conn.execute(  # safe: CWE-89
            text("SELECT id, email FROM users WHERE tenant = :tenant ORDER BY email"),
            {"tenant": tenant},
        ).all()
    return jsonify({"users": [list(r) for r in rows]})
