from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/calc")
def calculate():
    expression = request.json.get("expr", "")
    result = eval(expression)  # expect: CWE-94
    return jsonify({"result": result})
