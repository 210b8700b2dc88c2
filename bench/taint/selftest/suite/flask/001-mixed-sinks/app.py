import os
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/a")
def mixed():
    name = request.args["name"]
    conn = sqlite3.connect("x.db")
    conn.execute("SELECT 1 FROM t WHERE n = '" + name + "'")  # expect: CWE-89
    conn.execute("SELECT 1 FROM t WHERE n = ?", (name,))  # safe: CWE-89
    os.system("echo " + name)  # expect: CWE-78
    eval(name)  # expect: CWE-94
    return "ok"
