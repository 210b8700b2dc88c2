import shlex
import subprocess

from flask import Flask, request


app = Flask(__name__)


@app.route("/admin/dump", methods=["POST"])
def dump_database():
    dbname = request.form["dbname"]
    quoted = shlex.quote(dbname)
    print("dumping", quoted)
    subprocess.call("pg_dump " + dbname + " > /backups/latest.sql", shell=True)  # expect: CWE-78
    return {"status": "ok"}
