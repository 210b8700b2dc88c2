import sqlite3

from flask import Flask

import auth


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/groups/<group>/members")
@auth.audited
def group_members(group):
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute("SELECT user FROM memberships WHERE grp = '" + group + "'").fetchall()  # expect: CWE-89
    return {"members": [r[0] for r in rows]}
