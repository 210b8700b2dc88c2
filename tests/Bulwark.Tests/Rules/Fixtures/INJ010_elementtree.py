# INJ010 xpath-injection: ElementTree's path language (`find`, `findall`, `findtext`, `iterfind`) is a subset of
# XPath; a predicate built from request data is rewritten by whoever sends it.
import xml.etree.ElementTree as ET

from flask import Flask, request

app = Flask(__name__)
tree = ET.parse("users.xml")
root = tree.getroot()


@app.route("/locations")
def locations():
    username = request.args["username"]
    query = "./users/user/[@name='" + username + "']/location"
    return str([e.text for e in root.findall(query)])  # positive


@app.route("/first")
def first():
    return str(tree.findtext(f"./users/user[@id='{request.args['id']}']/name"))  # positive: on the tree itself


@app.route("/fixed")
def fixed():
    wanted = request.args["name"]
    return str([e for e in root.findall("./users/user") if e.get("name") == wanted])  # negative: a fixed path, compared after
