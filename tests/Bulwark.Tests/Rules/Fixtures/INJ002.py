# INJ002 command-injection: request data reaching a shell or a program name.
import commands
import os
import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)
DEBUG_LEVEL = 1


@app.route("/ping")
def ping():
    host = request.args["host"]
    os.system("ping -c 1 " + host)  # positive: os.system
    return "ok"


@app.route("/shell")
def shell():
    host = request.form["host"]
    subprocess.run(f"nslookup {host}", shell=True)  # positive: shell=True
    return "ok"


@app.route("/list")
def as_list():
    host = request.form["host"]
    subprocess.run(["nslookup", host])  # negative: list form without a shell
    return "ok"


@app.route("/quoted")
def quoted():
    host = shlex.quote(request.form["host"])
    subprocess.run(f"nslookup {host}", shell=True)  # negative: shlex.quote
    return "ok"


@app.route("/program")
def program():
    tool = request.args["tool"]
    subprocess.run([tool, "--version"])  # positive: the program itself is tainted
    return "ok"


@app.route("/folded")
def folded():
    arg = "-v" if DEBUG_LEVEL + 1 == 2 else request.args["arg"]
    os.system("tool " + arg)  # negative: the tainted branch is dead
    return "ok"


@app.route("/digits")
def digits():
    port = request.args["port"]
    if not port.isdigit():
        return "bad", 400
    os.system("nc -z localhost " + port)  # negative: only digits get here
    return "ok"


@app.route("/popen")
def popen():
    path = request.args["path"]
    return os.popen("ls -l " + path).read()  # positive: os.popen


class Saved:
    command = "true"


@app.route("/remember")
def remember():
    Saved.command = request.args["cmd"]
    return "ok"


@app.route("/replay")
def replay():
    os.system(Saved.command)  # positive: a class attribute set from the request through the class
    return "ok"


LAST_COMMAND = "true"


@app.route("/keep")
def keep():
    global LAST_COMMAND
    LAST_COMMAND = request.args["cmd"]
    return "ok"


@app.route("/rerun")
def rerun():
    os.system(LAST_COMMAND)  # positive: a module variable set from the request (the flow shows where it was set)
    return "ok"


CACHE = {}
TOOLS = {"list": "ls -l", "disk": "df -h"}


@app.route("/cache/put")
def cache_put():
    CACHE["cmd"] = request.args["cmd"]
    return "ok"


@app.route("/cache/run")
def cache_run():
    os.system(CACHE["cmd"])  # positive: a module dict another view filled from the request
    return "ok"


@app.route("/tool")
def tool():
    os.system(TOOLS[request.args["tool"]])  # negative: a constant table nothing fills
    return "ok"


MODE = "ABC"


@app.route("/match-known")
def match_known():
    host = request.args["host"]
    match MODE[1]:
        case "A":
            target = host
        case "B":
            target = "localhost"
        case _:
            target = host
    os.system("ping -c 1 " + target)  # negative: MODE[1] is "B", the only case taken
    return "ok"


@app.route("/match-unknown")
def match_unknown():
    host = request.args["host"]
    match request.args.get("mode"):
        case "A":
            target = host
        case _:
            target = "localhost"
    os.system("ping -c 1 " + target)  # positive: the mode comes from the request
    return "ok"


@app.route("/list-shifted")
def list_shifted():
    parts = []
    parts.append("uptime")
    parts.append(request.args["host"])
    parts.append("date")
    parts.pop(0)
    os.system(parts[1])  # negative: after pop(0) index 1 is "date"
    os.system(parts[0])  # positive: index 0 is now the request's host
    return "ok"


@app.route("/list-looped")
def list_looped():
    parts = ["uptime"]
    for h in request.args.getlist("host"):
        parts.append(h)
    os.system(parts[0])  # negative: what the loop appends lands after index 0
    return "ok"


@app.route("/list-reversed")
def list_reversed():
    parts = ["uptime", request.args["host"]]
    parts.reverse()
    os.system(parts[0])  # positive: reverse() is not replayed, so the list is read as one value
    return "ok"


@app.route("/list-item-stored")
def list_item_stored():
    parts = ["uptime", "date"]
    parts[0] = request.args["host"]
    os.system(parts[0])  # positive: the item stored at that index
    return "ok"


@app.route("/display-popped")
def display_popped():
    parts = ["uptime", request.args["host"]]
    parts.pop(0)
    os.system(parts[0])  # positive: after pop(0) the host is at index 0
    return "ok"


@app.route("/argv-built")
def argv_built():
    host = request.args["host"]
    cmd = ["ping", "-c", "1"]
    cmd.append(host)
    subprocess.run(cmd)  # negative: appended after the program, an argument
    opts = ["openssl", "req"]
    opts.extend(["-subj", "/CN=" + host])
    subprocess.Popen(opts)  # negative: extended after the program
    more = ["dig", "+short"]
    more += [host, "A"]
    subprocess.run(more)  # negative: `+=` a list display extends it
    return "ok"


@app.route("/argv-program")
def argv_program():
    cmd = []
    cmd.append(request.args["tool"])
    subprocess.run(cmd)  # positive: the first item appended to an empty list is the program
    return "ok"


@app.route("/argv-shell")
def argv_shell():
    cmd = ["sh", "-c"]
    cmd.append(request.args["script"])
    subprocess.run(cmd)  # positive: appended as the shell's command string
    return "ok"


@app.route("/argv-reordered")
def argv_reordered():
    cmd = ["ls", "-l"]
    cmd.append(request.args["path"])
    cmd.reverse()
    subprocess.run(cmd)  # positive: reversed, the appended item may be the program
    return "ok"


@app.route("/legacy/disk")
def legacy_disk():
    return commands.getoutput("du -sh " + request.args["dir"])  # positive: Python 2's commands module runs a shell
