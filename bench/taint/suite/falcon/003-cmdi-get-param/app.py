import subprocess

import falcon


class PingResource:
    def on_get(self, req, resp):
        host = req.get_param("host", required=True)
        count = req.get_param_as_int("count") or 1
        out = subprocess.run(f"ping -c {count} {host}", shell=True, capture_output=True, text=True)  # expect: CWE-78
        again = subprocess.run(f"ping -c {count} localhost", shell=True, capture_output=True, text=True)  # safe: CWE-78
        resp.media = {"out": out.stdout, "again": again.stdout}


app = falcon.App()
app.add_route("/ping", PingResource())
