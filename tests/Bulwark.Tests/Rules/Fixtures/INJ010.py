# INJ010 xpath-injection: request data spliced into an XPath expression.
import re

from flask import Flask, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("users.xml")
NAME = re.compile(r"[a-z]{1,32}")


@app.route("/user")
def user():
    name = request.args["name"]
    return str(TREE.xpath("//user[@name='" + name + "']"))  # positive: spliced in


@app.route("/variable")
def variable():
    return str(TREE.xpath("//user[@name=$name]", name=request.args["name"]))  # negative: an XPath variable


@app.route("/checked")
def checked():
    name = request.args["name"]
    if not NAME.fullmatch(name):
        return "bad", 400
    return str(TREE.xpath(f"//user[@name='{name}']"))  # negative: a restrictive full match


@app.route("/elementpath")
def with_elementpath():
    import xml.etree.ElementTree as ET

    import elementpath

    root = ET.parse("users.xml")
    query = f"//user[@name='{request.args['name']}']"
    return str(elementpath.select(root, query))  # positive: elementpath evaluates the XPath


@app.route("/no-quote")
def no_quote():
    name = request.args["name"]
    if "'" in name:
        return "bad", 400
    return str(TREE.xpath(f"//user[@name='{name}']"))  # negative: cannot close the quoted literal


@app.route("/quote-replaced")
def quote_replaced():
    name = request.args["name"].replace("'", "&apos;")
    return str(TREE.xpath(f"//user[@name='{name}']"))  # negative: no quote is left to close the literal


@app.route("/buffer")
def buffer():
    import io

    query = io.StringIO()
    query.write("//user[@name='")
    query.write(request.args["name"])
    query.write("']")
    return str(TREE.xpath(query.getvalue()))  # positive: what was written to the buffer is the query
