import http.cookiejar


def store(jar):
    jar.set_cookie(http.cookiejar.Cookie(0, "n", "v", None, False, "h", False, False, "/", False, False, None, False, None, None, {}))  # ok: no web framework imported
