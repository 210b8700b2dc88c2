import defusedxml.ElementTree as DefusedET
from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/orders/upload", methods=["POST"])
def upload_orders():
    payload = request.get_data()
    doc = DefusedET.fromstring(payload)  # safe: CWE-611
    return jsonify({"orders": len(doc.findall("order"))})
