# INJ001 sql-injection: SQLAlchemy's textual statements. Values bound with `bindparams` travel apart from the SQL, so
# only what is written into the text counts.
from flask import Flask, request
from sqlalchemy import create_engine, text

app = Flask(__name__)
engine = create_engine("sqlite://")


@app.route("/bound")
def bound():
    with engine.connect() as conn:
        stmt = text("SELECT * FROM users WHERE name = :name").bindparams(name=request.args["name"])
        return str(conn.execute(stmt).all())  # negative: the value is a bound parameter


@app.route("/bound-columns")
def bound_columns():
    with engine.connect() as conn:
        stmt = text("SELECT id FROM users WHERE name = :n").bindparams(n=request.args["n"]).columns()
        return str(conn.execute(stmt).all())  # negative: still only bound values


@app.route("/written")
def written():
    table = request.args["table"]
    with engine.connect() as conn:
        stmt = text(f"SELECT * FROM {table} WHERE name = :n").bindparams(n="x")  # positive: written into the text
        return str(conn.execute(stmt).all())  # positive: the same text, executed
