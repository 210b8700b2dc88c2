import traceback

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/a")
def a():
    try:
        return work()
    except Exception as e:
        return jsonify(error=str(e)), 500            # reported


@app.route("/b")
def b():
    try:
        return work()
    except Exception:
        return traceback.format_exc(), 500           # reported


@app.route("/c")
def c():
    try:
        return work()
    except:
        return f"failed: {e}"                        # ok: `e` is not the caught exception here


@app.route("/d")
def d():
    try:
        return work()
    except ValueError as e:
        return jsonify(error=str(e)), 400            # ok: a narrow, deliberate message


@app.route("/e")
def e():
    try:
        return work()
    except Exception as exc:
        app.logger.exception("failed")
        return jsonify(error="internal error"), 500  # ok


def helper():
    try:
        return work()
    except Exception as exc:
        return str(exc)                              # ok: not a response


@app.route("/f")
def f():
    try:
        return work()
    except Exception:
        return traceback.format_exc() if app.debug else "internal error", 500   # ok: only while debugging
