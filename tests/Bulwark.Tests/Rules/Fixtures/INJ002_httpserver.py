# INJ002 command-injection: a standard-library HTTP server's handler (a BaseHTTPRequestHandler subclass) reads the
# request off `self`: its path, headers and body are request data.
import http.server
import os
import shlex
import subprocess


class PingHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        host = self.path.split("?", 1)[-1]
        os.system("ping -c 1 " + host)  # positive: the request path
        os.system("ping -c 1 " + shlex.quote(host))  # negative: quoted for the shell
        subprocess.run(["ping", "-c", "1", host])  # negative: a list, no shell

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        os.system("sleep %d" % length)  # negative: a number
        body = self.rfile.read(length).decode()
        subprocess.run(body, shell=True)  # positive: the request body
        agent = self.headers["User-Agent"]
        os.system("logger " + agent)  # positive: a header


class FilesHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        os.system("touch " + self.path)  # positive: a subclass of a subclass reads the same request


class Job:
    path = "/var/spool/job"

    def run(self):
        os.system("run " + self.path)  # negative: not a request handler's path
