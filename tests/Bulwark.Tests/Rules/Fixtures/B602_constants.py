import subprocess

BASE = "/usr/bin/"
VERBOSE = "-v"


def constant_parts(flag):
    cmd = BASE + "ls " + VERBOSE
    if flag:
        cmd = BASE + "ls -la"
    subprocess.call(cmd, shell=True)  # ok: fixed by the program on every path


def numbers_only(count):
    subprocess.call("head -n %d /var/log/syslog" % int(count), shell=True)  # ok: a number cannot inject
    subprocess.call(f"sleep {len(count)}", shell=True)  # ok


def one_path_from_data(flag, name):
    cmd = "ls " + VERBOSE
    if flag:
        cmd = "ls " + name
    subprocess.call(cmd, shell=True)  # reported: one definition carries data


def formatted(name):
    subprocess.call("echo {}".format(name), shell=True)  # reported
    subprocess.call("echo {}".format(VERBOSE), shell=True)  # ok


def from_a_table(user_input):
    commands = {}
    commands["list"] = "ls -l"
    commands["user"] = user_input
    subprocess.run(commands["list"], shell=True)                  # ok: every store of that key is a constant
    subprocess.run(commands["user"], shell=True)                  # reported: the key holds the argument
    fixed = {"date": "date -u"}
    subprocess.run(fixed["date"], shell=True)                     # ok: a display of constants, never changed


def from_an_escaping_table(user_input):
    commands = {}
    commands["list"] = "ls -l"
    rewrite(commands, user_input)
    subprocess.run(commands["list"], shell=True)                  # reported: a call may have changed it
