from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/login")
def login():
    resp = make_response("ok")
    resp.set_cookie("remember_me", "t0k3n", httponly=True)                  # reported: no secure
    resp.set_cookie("session_hint", "1", secure=False, httponly=True)        # reported: turned off
    resp.set_cookie("pref", "dark", None, None, "/", None, False)            # reported: positional False
    resp.set_cookie("csrf", "x", secure=True, httponly=True)                 # ok
    resp.set_cookie("a", "b", secure=app.config["SECURE_COOKIES"])           # ok: decided at run time
    resp.set_cookie("c", "d", secure=request.is_secure)                      # ok: decided at run time
    resp.set_cookie("e", "f", None, None, "/", None, True)                   # ok: positional True
    options = {"secure": True}
    resp.set_cookie("g", "h", **options)                                     # ok: options not known here
    return resp


class Jar:
    def set_cookie(self, name, value):
        pass


def unrelated(jar: Jar):
    jar.set_cookie("x", "y")                                                 # reported: a web module, same name


@app.route("/logout")
def logout():
    resp = make_response("bye")
    resp.set_cookie("session_id", "", expires=0)                            # ok: clearing it
    resp.set_cookie("remember_me", None)                                    # ok: clearing it
    resp.set_cookie("theme", max_age=0)                                     # ok: no value
    return resp
