import sqlite3

import falcon


class UserResource:
    def __init__(self, path):
        self.path = path

    def on_post(self, req, resp):
        email = req.media.get("email", "")
        conn = sqlite3.connect(self.path)
        unsafe = conn.execute("SELECT id FROM users WHERE email = '" + email + "'").fetchone()  # expect: CWE-89
        safe = conn.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()  # safe: CWE-89
        resp.media = {"unsafe": unsafe, "safe": safe}


app = falcon.App()
app.add_route("/users", UserResource("users.db"))
