from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/discounts/check", methods=["POST"])
def check_discount():
    rule = request.form.get("rule", "")
    context = {"total": 120.0, "items": 3}
    allowed = eval(compile(rule, "<discount-rule>", "eval"), {"__builtins__": {}}, context)  # expect: CWE-94
    return jsonify({"discount": bool(allowed)})
