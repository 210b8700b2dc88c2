import marshal

from flask import Flask, request


app = Flask(__name__)


@app.route("/modules/inspect", methods=["POST"])
def inspect_module():
    blob = request.files["module"].read()
    code = marshal.loads(blob)  # expect: CWE-502
    return {"names": list(code.co_names)}
