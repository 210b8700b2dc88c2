# INJ001 sql-injection: Flask-SQLAlchemy's `db.text(...)` and SQLAlchemy's `TextClause(...)` make SQL from their text
# as `sqlalchemy.text` does.
import sqlalchemy
from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


@app.route("/db-text")
def db_text():
    name = request.args["name"]
    rows = db.session.execute(db.text("SELECT * FROM users WHERE name = '" + name + "'"))  # positive
    return str(list(rows))


@app.route("/db-text-bound")
def db_text_bound():
    rows = db.session.execute(db.text("SELECT * FROM users WHERE name = :name"), {"name": request.args["name"]})  # negative: bound
    return str(list(rows))


@app.route("/text-clause")
def text_clause():
    clause = sqlalchemy.sql.expression.TextClause(f"SELECT * FROM users WHERE id = {request.args['id']}")  # positive
    return str(list(db.session.execute(clause)))


@app.route("/engine")
def engine_execute():
    name = request.args["name"]
    db.engine.execute(f"DELETE FROM users WHERE name = '{name}'")  # positive: the engine runs the text
    db.session.execute(f"DELETE FROM users WHERE name = '{name}'")  # positive: so does the session
    db.execute(f"DELETE FROM users WHERE name = '{name}'")  # positive
    return "ok"
