"""Writes a synthetic repository of N Python files for bench/speed/memory.sh (no file is ever run).

  gen_tree.py DIR N   -> "files=N bytes=B"

Files are spread over nested packages (100 per directory) and cycle through a handful of module shapes: plain
code (classes, functions, loops, string building), a Flask-style view module, a settings module, and modules
with a few findings (subprocess with a shell, `yaml.load`, an `assert`, a hard-coded password, MD5), so a scan
has per-file work of every kind and findings to keep. The text is deterministic: the same N gives the same tree.
"""
import os
import sys

SHAPES = [
    '''import os
import json


class Store{i}:
    """Keeps records {i} in memory."""

    def __init__(self, path):
        self.path = path
        self.items = {{}}

    def load(self):
        with open(self.path) as f:
            for line in f:
                key, _, value = line.partition("=")
                self.items[key.strip()] = value.strip()
        return len(self.items)

    def dump(self):
        return json.dumps(self.items, indent=2, sort_keys=True)


def total(values):
    result = 0
    for v in values:
        if v > {i} % 7:
            result += v * 2
        else:
            result -= 1
    return result + len(os.sep)
''',
    '''from flask import Flask, request, render_template

app = Flask(__name__)


@app.route("/item/{i}")
def item():
    name = request.args.get("name", "")
    page = int(request.args.get("page", "1"))
    return render_template("item.html", name=name, page=page)


def paginate(rows, size=20):
    return [rows[k:k + size] for k in range(0, len(rows), size)]
''',
    '''DEBUG = False
ALLOWED_HOSTS = ["example.com"]
TIMEOUT = {i}
NAMES = ("alpha", "beta", "gamma")
LIMITS = {{"alpha": 1, "beta": 2, "gamma": {i}}}
''',
    '''import subprocess
import yaml
import hashlib


def run(cmd):
    return subprocess.call("ls " + cmd, shell=True)


def read(text):
    return yaml.load(text)


def digest(data):
    assert data
    return hashlib.md5(data).hexdigest()


password = "hunter{i}x"
''',
]


def main():
    root, n = sys.argv[1], int(sys.argv[2])
    size = 0
    for i in range(n):
        d = os.path.join(root, f"pkg{i // 10000}", f"sub{(i // 100) % 100}")
        if i % 100 == 0:
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "__init__.py"), "w") as f:
                f.write("")
        text = SHAPES[i % len(SHAPES)].format(i=i)
        with open(os.path.join(d, f"m{i}.py"), "w") as f:
            f.write(text)
        size += len(text)
    print(f"files={n} bytes={size}")


main()
